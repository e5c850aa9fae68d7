"""``powledger events`` (placeholder until its module is written)."""
