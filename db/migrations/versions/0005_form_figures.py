"""Each form's figures (total, grade, number of findings) are kept in `form_figures`.

Revision ID: 0005
Revises: 0004
Create Date: 2027-02-02

The browser used to load and evaluate every form at start: a few milliseconds a form,
over a minute for 20,000. The store now keeps what the rules make of each form, written
in the transaction of every write of its content and recomputed when the rules change
(see db.tables.FormFiguresRow and db.figures).

The table is created empty. Filling it would need the rules, which change from release
to release, inside a migration frozen in time; instead every form of an upgraded store
has no row, which the store treats as stale, and the first listing computes the rows
in batches and keeps them. Downgrading drops the table, losing nothing that cannot be
computed again.

Written by hand and frozen, like 0001 to 0004.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "form_figures",
        sa.Column("form_id", sa.Integer(), sa.ForeignKey("form.id", ondelete="CASCADE"),
                  primary_key=True, nullable=False),
        sa.Column("total", sa.Text(), nullable=True),
        sa.Column("grade", sa.String(), nullable=True),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("rules_version", sa.String(), nullable=False),
        sa.Column("form_updated_at", sa.DateTime(timezone=True), nullable=False))


def downgrade() -> None:
    op.drop_table("form_figures")
