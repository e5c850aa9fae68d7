"""reconciliation: event units and details, claim reviews, event overrides, readable views

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VIEWS = ("events_view", "figures_view", "figure_sources_view")


def _agg(dialect: str, expr: str) -> str:
    """A string aggregate with '; ' between items, in the dialect's own words."""
    if dialect == "postgresql":
        return f"string_agg(DISTINCT {expr}, '; ')"
    return f"group_concat(DISTINCT {expr})"


def _claim_docs(dialect: str, ids: str, doc_name: str) -> str:
    """The documents of the claims whose ids a JSON array column holds, as one string."""
    if dialect == "postgresql":
        elements = f"json_array_elements_text({ids}) AS j(v)"
        join = "c.id = CAST(j.v AS INTEGER)"
    else:
        elements = f"json_each({ids}) AS j"
        join = "c.id = j.value"
    return f"""(SELECT {_agg(dialect, doc_name)}
                      FROM {elements} JOIN claims c ON {join}
                      JOIN documents d ON d.id = c.document_id)"""


def _views(dialect: str) -> dict[str, str]:
    """Readable views for Datasette and SQL users: events and figures with their sources."""
    doc_name = "coalesce(d.external_id, d.url, d.source, substr(d.sha256, 1, 12))"
    as_text = "CAST({} AS TEXT)"
    return {
        "events_view": f"""
            SELECT e.id AS event_id, e.date, e.date_precision,
                   {as_text.format("e.parties")} AS parties,
                   {as_text.format("e.mediators")} AS mediators,
                   e.status, coalesce(x.role, 'event') AS role, x.agreement_id,
                   (SELECT {_agg(dialect, "f.side || ': ' || CAST(f.value AS TEXT)")}
                      FROM figures f
                     WHERE f.exchange_id = e.id AND f.rule = 'own-side'
                       AND f.category = 'total' AND f.value IS NOT NULL) AS returned_to,
                   x.document_count,
                   (SELECT {_agg(dialect, doc_name)}
                      FROM claims c JOIN documents d ON d.id = c.document_id
                     WHERE c.exchange_id = e.id) AS documents
              FROM exchanges e LEFT JOIN event_details x ON x.exchange_id = e.id
        """,
        "figures_view": f"""
            SELECT f.id AS figure_id, f.exchange_id AS event_id, e.date, f.side, f.category,
                   f.rule, f.value, f.low, f.high, f.approximate, f.explanation,
                   {_claim_docs(dialect, "f.supporting", doc_name)} AS sources,
                   {_claim_docs(dialect, "f.conflicting", doc_name)} AS conflicting_sources
              FROM figures f JOIN exchanges e ON e.id = f.exchange_id
        """,
        "figure_sources_view": f"""
            SELECT c.exchange_id AS event_id, c.side, c.category, c.value, c.approximate,
                   c.review_state, c.asserted_by_text AS asserted_by, a.name AS actor,
                   a.party AS actor_party, c.quote, c.start, c."end",
                   {doc_name} AS document, d.url, d.outlet, d.published, d.captured_at,
                   c.id AS claim_id, c.document_id
              FROM claims c JOIN documents d ON d.id = c.document_id
              LEFT JOIN actors a ON a.id = c.actor_id
             WHERE c.exchange_id IS NOT NULL
        """,
    }


def upgrade() -> None:
    op.create_table(
        "event_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_key", sa.String(length=96), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("exchange_index", sa.Integer(), nullable=False),
        sa.Column("parties", sa.String(length=256), nullable=False),
        sa.Column("date_lo", sa.String(length=10), nullable=True),
        sa.Column("date_hi", sa.String(length=10), nullable=True),
        sa.Column("exchange_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["exchange_id"], ["exchanges.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_key"),
    )
    op.create_index("ix_event_units_dates", "event_units", ["parties", "date_lo", "date_hi"])
    op.create_index("ix_event_units_exchange", "event_units", ["exchange_id"])
    op.create_index("ix_event_units_document", "event_units", ["document_id"])
    op.create_table(
        "event_details",
        sa.Column("exchange_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("date_lo", sa.String(length=10), nullable=True),
        sa.Column("date_hi", sa.String(length=10), nullable=True),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("document_count", sa.Integer(), nullable=False),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["exchange_id"], ["exchanges.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["agreement_id"], ["exchanges.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("exchange_id"),
    )
    op.create_index("ix_event_details_agreement_id", "event_details", ["agreement_id"])
    op.create_index("ix_event_details_date_lo", "event_details", ["date_lo"])
    op.create_table(
        "claim_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_key", sa.String(length=256), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("previous_value", sa.Integer(), nullable=True),
        sa.Column("by", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_reviews_key", "claim_reviews", ["claim_key"])
    op.create_index("ix_claim_reviews_document_sha256", "claim_reviews", ["document_sha256"])
    op.create_table(
        "event_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("claim_keys", sa.JSON(), nullable=False),
        sa.Column("apart_keys", sa.JSON(), nullable=False),
        sa.Column("document_ids", sa.JSON(), nullable=False),
        sa.Column("event_ids", sa.JSON(), nullable=False),
        sa.Column("by", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    dialect = op.get_bind().dialect.name
    for name, sql in _views(dialect).items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_table("event_overrides")
    op.drop_index("ix_claim_reviews_document_sha256", table_name="claim_reviews")
    op.drop_index("ix_claim_reviews_key", table_name="claim_reviews")
    op.drop_table("claim_reviews")
    op.drop_index("ix_event_details_date_lo", table_name="event_details")
    op.drop_index("ix_event_details_agreement_id", table_name="event_details")
    op.drop_table("event_details")
    op.drop_index("ix_event_units_document", table_name="event_units")
    op.drop_index("ix_event_units_exchange", table_name="event_units")
    op.drop_index("ix_event_units_dates", table_name="event_units")
    op.drop_table("event_units")
