"""The first store: forms, funds lines, budget items, task lines and indicators.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Written by hand and frozen: later changes go into new revisions, never into this file,
so that every clerk's store reaches the same schema whatever release created it.
Amounts, weights and scores are BIGINT hundredths (fen); never NUMERIC, which SQLite
keeps as a float.
"""
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _hundredths(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.BigInteger(), nullable=True)


def _text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.String(), nullable=False)


def _long_text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), nullable=False)


def _form_id() -> sa.Column[Any]:
    return sa.Column("form_id", sa.Integer(), sa.ForeignKey("form.id", ondelete="CASCADE"),
                     nullable=False)


def _id() -> sa.Column[Any]:
    return sa.Column("id", sa.Integer(), primary_key=True, nullable=False)


def _create_form() -> None:
    op.create_table(
        "form", _id(),
        _text("kind"), _text("layout"), _text("profile"),
        sa.Column("year", sa.Integer(), nullable=False),
        _text("code"), _text("name"), _text("unit"), _text("budget_unit"),
        sa.Column("unit_code", sa.String(), nullable=True),
        _text("competent_department"), _text("amount_unit"),
        _long_text("goal_expected"), _long_text("goal_actual"),
        _hundredths("funds_weight_hundredths"),
        _long_text("level1_weights"), _long_text("details"), _long_text("meta"),
        _text("state"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('self_evaluation', 'project_target', 'unit_target')",
            name="ck_form_kind"),
        sa.CheckConstraint("state IN ('draft', 'problems', 'checked', 'exported')",
                           name="ck_form_state"),
        sqlite_autoincrement=True)
    for column in ("year", "code", "name"):
        op.create_index(f"ix_form_{column}", "form", [column])


def _create_funds_line() -> None:
    op.create_table(
        "funds_line", _id(), _form_id(), _text("source"),
        _hundredths("initial_hundredths"), _hundredths("annual_hundredths"),
        _hundredths("executed_hundredths"),
        sa.UniqueConstraint("form_id", "source", name="uq_funds_line_form_source"),
        sa.CheckConstraint(
            "source IN ('fiscal', 'carryover', 'other', 'stated_total')",
            name="ck_funds_line_source"))


def _create_budget_item() -> None:
    op.create_table(
        "budget_item", _id(), _form_id(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("key"), _hundredths("amount_hundredths"),
        sa.UniqueConstraint("form_id", "position", name="uq_budget_item_form_position"),
        sa.UniqueConstraint("form_id", "key", name="uq_budget_item_form_key"))


def _create_task_line() -> None:
    op.create_table(
        "task_line", _id(), _form_id(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_stated_total", sa.Boolean(), nullable=False),
        _text("name"), _long_text("content"),
        _hundredths("total_hundredths"), _hundredths("fiscal_hundredths"),
        _hundredths("other_hundredths"),
        sa.UniqueConstraint("form_id", "is_stated_total", "position",
                            name="uq_task_line_form_position"))


def _create_indicator() -> None:
    op.create_table(
        "indicator", _id(), _form_id(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("level1"), _text("level2"), _text("name"), _long_text("target"),
        _text("unit"), _long_text("actual"),
        _hundredths("weight_hundredths"), _hundredths("score_hundredths"),
        _long_text("deviation"), _text("grade"),
        sa.UniqueConstraint("form_id", "position", name="uq_indicator_form_position"))
    op.create_index("ix_indicator_name", "indicator", ["name"])


def upgrade() -> None:
    _create_form()
    _create_funds_line()
    _create_budget_item()
    _create_task_line()
    _create_indicator()


def downgrade() -> None:
    for table in ("indicator", "task_line", "budget_item", "funds_line", "form"):
        op.drop_table(table)
