"""``powledger export`` (placeholder until its module is written)."""
