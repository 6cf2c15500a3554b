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
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TASK_AMOUNTS = ("total", "fiscal", "other")


def _copy(table: str, pairs: dict[str, str], convert: Callable[[Any], Any]) -> None:
    """Fill each target column from its source column through `convert`, row by row in
    Python with Decimal: the same on every database (SQLite and PostgreSQL disagree on
    string functions such as SUBSTR with a negative start). NULL stays NULL."""
    connection = op.get_bind()
    columns = ", ".join(pairs)
    for row in connection.execute(sa.text(f"SELECT id, {columns} FROM {table}")).all():
        values = {target: None if value is None else convert(value)
                  for target, value in zip(pairs.values(), row[1:])}
        assignments = ", ".join(f"{target} = :{target}" for target in values)
        connection.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id"),
                           {"id": row[0], **values})


def _text_of_hundredths(count: int) -> str:
    return f"{Decimal(count).scaleb(-2):f}"          # 12345 → "123.45"


def _hundredths_of_text(text: str) -> int:
    """Back to hundredths, rounded half up: the older schema holds two places only."""
    return int((Decimal(text) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def upgrade() -> None:
    with op.batch_alter_table("indicator") as batch:
        batch.add_column(sa.Column("explanation", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("extra", sa.Text(), nullable=False, server_default="{}"))
    with op.batch_alter_table("budget_item") as batch:
        batch.add_column(sa.Column("amount", sa.Text(), nullable=True))
    _copy("budget_item", {"amount_hundredths": "amount"}, _text_of_hundredths)
    with op.batch_alter_table("budget_item") as batch:
        batch.drop_column("amount_hundredths")
    with op.batch_alter_table("task_line") as batch:
        for name in TASK_AMOUNTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch.add_column(sa.Column("goal", sa.Text(), nullable=False, server_default=""))
    _copy("task_line", {f"{name}_hundredths": name for name in TASK_AMOUNTS},
          _text_of_hundredths)
    with op.batch_alter_table("task_line") as batch:
        for name in TASK_AMOUNTS:
            batch.drop_column(f"{name}_hundredths")


def downgrade() -> None:
    with op.batch_alter_table("task_line") as batch:
        for name in TASK_AMOUNTS:
            batch.add_column(sa.Column(f"{name}_hundredths", sa.BigInteger(), nullable=True))
    _copy("task_line", {name: f"{name}_hundredths" for name in TASK_AMOUNTS},
          _hundredths_of_text)
    with op.batch_alter_table("task_line") as batch:
        for name in (*TASK_AMOUNTS, "goal"):
            batch.drop_column(name)
    with op.batch_alter_table("budget_item") as batch:
        batch.add_column(sa.Column("amount_hundredths", sa.BigInteger(), nullable=True))
    _copy("budget_item", {"amount": "amount_hundredths"}, _hundredths_of_text)
    with op.batch_alter_table("budget_item") as batch:
        batch.drop_column("amount")
    with op.batch_alter_table("indicator") as batch:
        batch.drop_column("extra")
        batch.drop_column("explanation")
