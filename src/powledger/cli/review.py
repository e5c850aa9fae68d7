"""``powledger review`` (placeholder until its module is written)."""
