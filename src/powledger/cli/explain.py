"""``powledger explain`` (placeholder until its module is written)."""
