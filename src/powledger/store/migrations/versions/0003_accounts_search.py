"""editor accounts, sessions, audit log and full-text search over documents

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None

# The same expression must be used by the index and by store/search.py, or PostgreSQL ignores the index.
PG_TSVECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_sha256"),
    )
    op.create_table(
        "app_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_audit_entries_at", "audit_entries", ["at"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # An external-content FTS5 index: the text stays in documents, triggers keep the index in step.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, text, content='documents', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.id, old.title, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.id, old.title, old.text); "
            "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
        )
        op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        # 'simple' keeps words as written: the corpus mixes English, Ukrainian and Russian.
        op.execute(f"CREATE INDEX ix_documents_fts ON documents USING GIN ({PG_TSVECTOR})")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
    op.drop_index("ix_audit_entries_at", table_name="audit_entries")
    op.drop_table("audit_entries")
    op.drop_table("app_secrets")
    op.drop_table("web_sessions")
    op.drop_table("users")
