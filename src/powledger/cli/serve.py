"""``powledger serve`` (placeholder until its module is written)."""
