"""``powledger claims`` (placeholder until its module is written)."""
