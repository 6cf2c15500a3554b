"""Each form's identity is kept in `form.identity_key` under a unique index.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

A form is one unit's form of one kind for one project and year (desktop.identity). The
import used to look for such a form before writing, and two clerks importing the same
folder at the same moment both found none and both wrote it. Now the database refuses
the second: the key is a column with a unique index, written with every write of the
columns it is made of (db.writes).

Existing forms get their key here from a frozen copy of `desktop.identity.identity_key`
(tests/store/test_store_identity.py checks that the two agree). A store may already hold
duplicates, the very ones the race left behind; none is lost or changed. In each group
of forms with one identity the oldest (the lowest id) takes the key, and every later one
is set apart: its key gets its id appended ("… #17"), which no form's own identity can
be, since identities hold no second space. Such a form keeps its marked key through
every edit that leaves its identity alone (db.identities.rewritten_key), and the clerk
sees both forms, as before, to delete or correct one. Only what would make a new
duplicate is refused: giving a corrected form its twin's identity again, or undoing the
delete of a set-apart form while its twin is still there (a form put back takes its
plain key); each is one line saying the form is already in the store.

The column is added empty, filled, and then made NOT NULL with its index. SQLite cannot
change a column's nullability, so batch mode rebuilds the form table there, keeping
AUTOINCREMENT and the highest id ever handed out, as 0004 does (its children survive:
db.migrate runs every upgrade with foreign keys off). PostgreSQL alters in place.
Downgrading drops the index and the column, losing nothing that cannot be computed; in
place where the database can (a rebuild run outside db.migrate, with foreign keys on,
would cascade the old table's drop into every child row).

Written by hand and frozen, like 0001 to 0005.
"""
import hashlib
import sqlite3
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_form_identity_key"
LONGEST_KEY = 200

_FULLWIDTH_OFFSET = 0xFEE0
_TABLE: dict[int, Any] = {code: chr(code - _FULLWIDTH_OFFSET) for code in range(0xFF01, 0xFF5F)}
_TABLE.update({ord("。"): ".", ord("－"): "-", ord("﹣"): "-", ord("−"): "-", ord("＜"): "<",
               ord("＞"): ">", ord("＝"): "="})
_TABLE.update({code: None for code in range(0x3001) if chr(code).isspace()})


def _fold(text: str) -> str:
    return text.translate(_TABLE).lower()


def identity_key(kind: str, year: int, unit: str, code: str, name: str) -> str:
    """desktop.identity.identity_key as this release wrote it."""
    project = f"code:{_fold(code)}" if _fold(code) else f"name:{_fold(name)}"
    who = f"{_fold(unit)} {project}"
    key = f"{kind} {year} {who}"
    if len(key) <= LONGEST_KEY:
        return key
    digest = hashlib.sha256(who.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{kind} {year} sha256:{digest}"


def keys_of(rows: Sequence[Any]) -> dict[int, str]:
    """Each form's key, by id: the oldest of each identity its own, the others set apart."""
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for row in sorted(rows, key=lambda row: row.id):
        key = identity_key(row.kind, row.year, row.unit or row.budget_unit or "",
                           row.code or "", row.name or "")
        keys[row.id] = f"{key} #{row.id}" if key in taken else key
        taken.add(key)
    return keys


def _fill() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, kind, year, code, name, unit, budget_unit FROM form")).all()
    keys = keys_of(rows)
    if keys:
        connection.execute(sa.text("UPDATE form SET identity_key = :key WHERE id = :id"),
                           [{"id": form_id, "key": key} for form_id, key in keys.items()])


def _highest_id_handed_out() -> int | None:
    """SQLite's AUTOINCREMENT mark for the form table; None elsewhere or before any form."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return None
    return connection.execute(
        sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'form'")).scalar()


def _keep_highest_id(highest: int | None) -> None:
    """A rebuild copies the rows, which would lower the mark to the highest id still
    there, and a deleted form's id would be handed out again (see 0004)."""
    if highest is not None:
        op.execute(sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = 'form'")
                   .bindparams(seq=highest))


def upgrade() -> None:
    op.add_column("form", sa.Column("identity_key", sa.String(), nullable=True))
    _fill()
    highest = _highest_id_handed_out()
    with op.batch_alter_table("form", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.alter_column("identity_key", existing_type=sa.String(), nullable=False)
        batch.create_index(INDEX, ["identity_key"], unique=True)
    _keep_highest_id(highest)


def _drops_columns_in_place() -> bool:
    """PostgreSQL, and SQLite from 3.35, drop a column without rebuilding the table."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return True
    return sqlite3.sqlite_version_info >= (3, 35)


def downgrade() -> None:
    op.drop_index(INDEX, "form")
    if _drops_columns_in_place():
        op.execute(sa.text("ALTER TABLE form DROP COLUMN identity_key"))
        return
    highest = _highest_id_handed_out()
    with op.batch_alter_table("form", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("identity_key")
    _keep_highest_id(highest)
