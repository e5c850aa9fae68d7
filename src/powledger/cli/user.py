"""``powledger user`` (placeholder until its module is written)."""
