"""The search index: one folded row per form, and a trigram full-text index over it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

`form_search` holds each form's code and name, indicator names and goal texts folded
to half-width, lower case and no white space, plus the keys that match a project across
years. Existing forms are indexed here with a frozen copy of `db.search_index`'s
folding (tests/store/test_store_search_index.py checks that the two agree); from then
on the store rewrites the row with every write of its form.

Where this SQLite has FTS5 with the trigram tokenizer (3.34 and later, as CPython's
builds have), an external-content FTS5 table indexes `body`, kept in step by triggers,
and `form_search_terms` (fts5vocab) lists its trigrams, so a search does not read
every form: three or more characters are a phrase of trigrams, one or two characters
the trigrams they begin (`body` ends with two line breaks so that every character
begins one). Without FTS5 the search scans `form_search`; nothing else depends on it.
A later batch migration that rebuilds `form_search` must recreate the three triggers.

Written by hand and frozen, like 0001.
"""
import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FULLWIDTH_OFFSET = 0xFEE0
_TABLE: dict[int, Any] = {code: chr(code - _FULLWIDTH_OFFSET) for code in range(0xFF01, 0xFF5F)}
_TABLE.update({ord("。"): ".", ord("－"): "-", ord("﹣"): "-", ord("−"): "-", ord("＜"): "<",
               ord("＞"): ">", ord("＝"): "="})
_TABLE.update({code: None for code in range(0x3001) if chr(code).isspace()})

FTS_TABLE = "form_search_fts"
TERMS_TABLE = "form_search_terms"
_ADD = "INSERT INTO form_search_fts(rowid, body) VALUES (new.form_id, new.body);"
_REMOVE = ("INSERT INTO form_search_fts(form_search_fts, rowid, body) "
           "VALUES ('delete', old.form_id, old.body);")
TRIGGERS = {
    "form_search_ai": f"AFTER INSERT ON form_search BEGIN {_ADD} END",
    "form_search_ad": f"AFTER DELETE ON form_search BEGIN {_REMOVE} END",
    "form_search_au": f"AFTER UPDATE ON form_search BEGIN {_REMOVE} {_ADD} END",
}
"""The triggers of the external content table recipe in SQLite's FTS5 documentation."""


def _fold(text: str) -> str:
    return text.translate(_TABLE).lower()


def _joined(texts: list[str]) -> str:
    return "\n".join(_fold(text) for text in texts)


def _keys(kind: str, code: str, name: str) -> tuple[str, str]:
    family = "unit-" if kind == "unit_target" else ""
    by_name = f"{family}name:{_fold(name)}"
    return (f"{family}code:{_fold(code)}" if _fold(code) else by_name), by_name


def _goals(row: Any) -> list[str]:
    if row.kind == "self_evaluation":
        return [row.goal_expected, row.goal_actual]
    if row.kind == "project_target":
        return [json.loads(row.details).get("overall_and_phased_goals", "")]
    return [row.goal_expected]


def _index_row(row: Any, names: list[str]) -> dict[str, Any]:
    project, by_name = _keys(row.kind, row.code, row.name)
    return {"form_id": row.id, "project_key": project, "name_key": by_name,
            "head": _joined([row.code, row.name]),
            "body": _joined(names + _goals(row)) + "\n\n"}


def _create_table() -> sa.Table:
    table = op.create_table(
        "form_search",
        sa.Column("form_id", sa.Integer(), sa.ForeignKey("form.id", ondelete="CASCADE"),
                  primary_key=True, nullable=False),
        sa.Column("project_key", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("head", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False))
    op.create_index("ix_form_search_project_key", "form_search", ["project_key"])
    op.create_index("ix_form_search_name_key", "form_search", ["name_key"])
    op.create_index("ix_form_search_head", "form_search", ["head"])
    assert table is not None
    return table


def _fill(table: sa.Table) -> None:
    connection = op.get_bind()
    names: dict[int, list[str]] = {}
    for form_id, name in connection.execute(sa.text(
            "SELECT form_id, name FROM indicator ORDER BY form_id, position")):
        names.setdefault(form_id, []).append(name)
    forms = connection.execute(sa.text(
        "SELECT id, kind, code, name, goal_expected, goal_actual, details FROM form")).all()
    rows = [_index_row(row, names.get(row.id, [])) for row in forms]
    if rows:
        connection.execute(table.insert(), rows)


def _has_trigram_fts() -> bool:
    """FTS5 and its trigram tokenizer, probed on a throw-away temporary table."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return False
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(
                "CREATE VIRTUAL TABLE temp.jixiao_probe USING fts5(x, tokenize='trigram')")
            connection.exec_driver_sql("DROP TABLE temp.jixiao_probe")
    except sa.exc.OperationalError:
        return False
    return True


def _create_full_text() -> None:
    op.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='form_search', "
               "content_rowid='form_id', tokenize='trigram')")
    op.execute(f"CREATE VIRTUAL TABLE {TERMS_TABLE} USING fts5vocab({FTS_TABLE}, 'row')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def upgrade() -> None:
    _fill(_create_table())
    if _has_trigram_fts():
        _create_full_text()


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {TERMS_TABLE}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    op.drop_index("ix_form_search_head", "form_search")
    op.drop_index("ix_form_search_name_key", "form_search")
    op.drop_index("ix_form_search_project_key", "form_search")
    op.drop_table("form_search")
