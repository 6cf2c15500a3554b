"""Fields the real layouts carry: 指标解释 and layout-declared columns on indicators,
期望达到的目标 on task lines, and target-form amounts kept exact in 万元.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

Target forms state their money in 万元 to four or six decimals (10891.615675 万元 is
108,916,156.75 元): integer hundredths of 万元 would lose the digits a clerk typed. The
amounts of `budget_item` and `task_line` therefore become exact decimal text, written
from a Decimal and read back into one (they are never summed in SQL). Existing integer
hundredths are copied over as "123.45".

Written by hand and frozen, like 0001 and 0002.
"""
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TASK_AMOUNTS = ("total", "fiscal", "other")


def _hundredths_text(column: str) -> str:
    """SQL turning integer hundredths into "123.45" text (NULL stays NULL)."""
    return (f"CASE WHEN {column} IS NULL THEN NULL ELSE "
            f"(CASE WHEN {column} < 0 THEN '-' ELSE '' END) || "
            f"CAST(ABS({column}) / 100 AS TEXT) || '.' || "
            f"SUBSTR('0' || CAST(ABS({column}) % 100 AS TEXT), -2, 2) END")


def upgrade() -> None:
    with op.batch_alter_table("indicator") as batch:
        batch.add_column(sa.Column("explanation", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("extra", sa.Text(), nullable=False, server_default="{}"))
    with op.batch_alter_table("budget_item") as batch:
        batch.add_column(sa.Column("amount", sa.Text(), nullable=True))
    op.execute(f"UPDATE budget_item SET amount = {_hundredths_text('amount_hundredths')}")
    with op.batch_alter_table("budget_item") as batch:
        batch.drop_column("amount_hundredths")
    with op.batch_alter_table("task_line") as batch:
        for name in TASK_AMOUNTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch.add_column(sa.Column("goal", sa.Text(), nullable=False, server_default=""))
    op.execute("UPDATE task_line SET " + ", ".join(
        f"{name} = {_hundredths_text(name + '_hundredths')}" for name in TASK_AMOUNTS))
    with op.batch_alter_table("task_line") as batch:
        for name in TASK_AMOUNTS:
            batch.drop_column(f"{name}_hundredths")


def _to_hundredths(table: str, pairs: dict[str, str]) -> None:
    """Copy text amounts back into integer hundredths, through Decimal (rounded half up:
    an older schema cannot hold more than two places)."""
    connection = op.get_bind()
    columns = ", ".join(pairs)
    for row in connection.execute(sa.text(f"SELECT id, {columns} FROM {table}")).all():
        values = {target: None if text is None else int(
                      (Decimal(text) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
                  for target, text in zip(pairs.values(), row[1:])}
        assignments = ", ".join(f"{target} = :{target}" for target in values)
        connection.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id"),
                           {"id": row[0], **values})


def downgrade() -> None:
    with op.batch_alter_table("task_line") as batch:
        for name in TASK_AMOUNTS:
            batch.add_column(sa.Column(f"{name}_hundredths", sa.BigInteger(), nullable=True))
    _to_hundredths("task_line", {name: f"{name}_hundredths" for name in TASK_AMOUNTS})
    with op.batch_alter_table("task_line") as batch:
        for name in (*TASK_AMOUNTS, "goal"):
            batch.drop_column(name)
    with op.batch_alter_table("budget_item") as batch:
        batch.add_column(sa.Column("amount_hundredths", sa.BigInteger(), nullable=True))
    _to_hundredths("budget_item", {"amount": "amount_hundredths"})
    with op.batch_alter_table("budget_item") as batch:
        batch.drop_column("amount")
    with op.batch_alter_table("indicator") as batch:
        batch.drop_column("extra")
        batch.drop_column("explanation")
