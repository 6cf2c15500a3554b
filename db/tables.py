"""The store's tables: what the clerk typed, and nothing the rules can compute.

Amounts, weights and scores are exact integer counts of hundredths (fen for yuan):
SQLite's NUMERIC is a float that loses cents on large amounts and SUM() returns a
float. BigInteger, because a 32-bit integer on another database tops out at about
21 million yuan in fen.

There are no ORM relationships on purpose: the store reads and writes child rows with
explicit statements, hands out plain domain objects, and lets ON DELETE CASCADE remove
children. (This module must not use `from __future__ import annotations`: SQLModel
reads the annotations at class creation.)

Every change here needs a migration in db/migrations/versions; a test compares the
migrated schema with these classes.
"""

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

FORM_KINDS = ("self_evaluation", "project_target", "unit_target")
FORM_STATES = ("draft", "problems", "checked", "exported", "changed")   # changed: 0004
FUNDS_LINE_SOURCES = ("fiscal", "carryover", "other", "stated_total")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class FormRow(SQLModel, table=True):
    """One form: its header, goal texts and settings.

    `code` is the 项目编码 or the unit's code, always text (19-21 digit codes overflow
    integers). `unit` is 实施单位 / 申报单位 / 单位名称 as typed. A unit target's
    年度总体目标 is kept in `goal_expected`: it is the goal the unit expects to reach.
    `level1_weights`, `details` and `meta` are JSON objects kept in typed order; the
    weights in them are exact decimal strings.

    `identity_key` is the form's identity (kind, year, unit and project, folded:
    `desktop.identity`), written with every write of the columns it is made of. Its
    unique index is what keeps a form stored once when two clerks import the same file
    at the same moment (migration 0006).
    """

    __tablename__ = "form"
    __table_args__ = (
        CheckConstraint(_one_of("kind", FORM_KINDS), name="ck_form_kind"),
        CheckConstraint(_one_of("state", FORM_STATES), name="ck_form_state"),
        Index("uq_form_identity_key", "identity_key", unique=True),
        {"sqlite_autoincrement": True},  # a deleted form's id is never handed out again
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    layout: str
    profile: str
    year: int = Field(index=True)
    code: str = Field(index=True)
    name: str = Field(index=True)
    unit: str
    identity_key: str
    budget_unit: str = ""
    unit_code: str | None = None
    competent_department: str = ""
    amount_unit: str = ""
    goal_expected: str = Field(default="", sa_type=Text)
    goal_actual: str = Field(default="", sa_type=Text)
    funds_weight_hundredths: int | None = Field(default=None, sa_type=BigInteger)
    level1_weights: str = Field(default="{}", sa_type=Text)
    details: str = Field(default="{}", sa_type=Text)
    meta: str = Field(default="{}", sa_type=Text)
    state: str = "draft"
    created_at: datetime
    updated_at: datetime


class FundsLineRow(SQLModel, table=True):
    """A row of the funds block of a self-evaluation: 财政拨款, 上年结转, 其他资金.

    `stated_total` is the 年度资金总额 row as an imported file printed it, kept only so
    a disagreement with the sum can be pointed out; the app always computes the sum.
    """

    __tablename__ = "funds_line"
    __table_args__ = (
        UniqueConstraint("form_id", "source", name="uq_funds_line_form_source"),
        CheckConstraint(_one_of("source", FUNDS_LINE_SOURCES), name="ck_funds_line_source"),
    )

    id: int | None = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="form.id", ondelete="CASCADE")
    source: str
    initial_hundredths: int | None = Field(default=None, sa_type=BigInteger)
    annual_hundredths: int | None = Field(default=None, sa_type=BigInteger)
    executed_hundredths: int | None = Field(default=None, sa_type=BigInteger)


class BudgetItemRow(SQLModel, table=True):
    """One amount of a target form's money block (项目总预算, 基本支出, …).

    `amount` is exact decimal text: target forms state 万元 to four or six decimals,
    which integer hundredths would cut (see migration 0003)."""

    __tablename__ = "budget_item"
    __table_args__ = (
        UniqueConstraint("form_id", "position", name="uq_budget_item_form_position"),
        UniqueConstraint("form_id", "key", name="uq_budget_item_form_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="form.id", ondelete="CASCADE")
    position: int
    key: str
    amount: str | None = Field(default=None, sa_type=Text)


class TaskLineRow(SQLModel, table=True):
    """A task line of a unit target's budget, or (is_stated_total) its printed 金额合计.
    Amounts are exact decimal text, as in `BudgetItemRow`."""

    __tablename__ = "task_line"
    __table_args__ = (
        UniqueConstraint("form_id", "is_stated_total", "position",
                         name="uq_task_line_form_position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="form.id", ondelete="CASCADE")
    position: int
    is_stated_total: bool = False
    name: str = ""
    content: str = Field(default="", sa_type=Text)
    total: str | None = Field(default=None, sa_type=Text)
    fiscal: str | None = Field(default=None, sa_type=Text)
    other: str | None = Field(default=None, sa_type=Text)
    goal: str = Field(default="", sa_type=Text)


class IndicatorRow(SQLModel, table=True):
    """One row of 年度绩效指标. A NULL score means the clerk typed none: the rule's
    suggestion applies, and is computed, never stored."""

    __tablename__ = "indicator"
    __table_args__ = (
        UniqueConstraint("form_id", "position", name="uq_indicator_form_position"),
        Index("ix_indicator_name", "name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="form.id", ondelete="CASCADE")
    position: int
    level1: str = ""
    level2: str = ""
    name: str = ""
    target: str = Field(default="", sa_type=Text)
    unit: str = ""
    actual: str = Field(default="", sa_type=Text)
    weight_hundredths: int | None = Field(default=None, sa_type=BigInteger)
    score_hundredths: int | None = Field(default=None, sa_type=BigInteger)
    deviation: str = Field(default="", sa_type=Text)
    grade: str = ""
    explanation: str = Field(default="", sa_type=Text)
    extra: str = Field(default="{}", sa_type=Text)   # JSON object, label → text


class FormSearchRow(SQLModel, table=True):
    """What search and project matching compare for one form, folded (half-width, lower
    case, no white space; `desktop.textnorm.search_key`).

    An index, not a fact: `db.search_index` rewrites the row from the form in the same
    transaction as every write of the form, and nothing ever reads it back as the form.
    It exists because width- and case-insensitive matching cannot use the raw columns
    (SQLite cannot fold full-width text), and folding 20,000 forms per keystroke in
    Python is far too slow. `project_key` is the code, else the name (see
    `desktop.years.keys`); `name_key` always the name; `head` the code and name;
    `body` the indicator names and the goal texts, one per line. The index on `head` is
    there to be scanned: it holds the 2 MB of heads of 20,000 forms where the table
    holds 30 MB of bodies. Where SQLite has FTS5 with the trigram tokenizer, migration
    0002 adds a full-text index over `body`.
    """

    __tablename__ = "form_search"

    form_id: int = Field(foreign_key="form.id", primary_key=True, ondelete="CASCADE")
    project_key: str = Field(index=True)
    name_key: str = Field(index=True)
    head: str = Field(default="", sa_type=Text, index=True)
    body: str = Field(default="", sa_type=Text)


class FormFiguresRow(SQLModel, table=True):
    """What the rules make of one form (total, grade, number of findings), kept so that
    listing 20,000 forms does not load and evaluate each of them.

    A cache, not a fact: `db.figures` rewrites the row from the form in the same
    transaction as every write of the form's content, nothing edits it by hand, no
    export reads it, and ON DELETE CASCADE drops it with the form. A row is stale when
    `rules_version` is not the version of the rules running now (a release changed the
    rules or a profile) or `form_updated_at` is not the form's `updated_at` (something
    wrote the form without it); stale or missing rows are recomputed when read.
    `total` is the exact score as decimal text, NULL for target forms, which have no
    score; `grade` is NULL for them too. The state column is not part of it: setting
    a state changes no figure.
    """

    __tablename__ = "form_figures"

    form_id: int = Field(foreign_key="form.id", primary_key=True, ondelete="CASCADE")
    total: str | None = Field(default=None, sa_type=Text)
    grade: str | None = None
    findings: int
    rules_version: str
    form_updated_at: datetime


STORE_MODELS = (FormRow, FundsLineRow, BudgetItemRow, TaskLineRow, IndicatorRow,
                FormSearchRow, FormFiguresRow)
STORE_TABLE_NAMES = frozenset(str(model.__tablename__) for model in STORE_MODELS)
metadata = SQLModel.metadata
