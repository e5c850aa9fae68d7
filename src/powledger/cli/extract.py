"""``powledger extract`` (placeholder until its module is written)."""
