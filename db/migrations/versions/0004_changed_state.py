"""A form's state may be "changed": edited since it was exported (自导出后已修改).

Revision ID: 0004
Revises: 0003
Create Date: 2027-01-12

Only the CHECK constraint on form.state widens; no row changes. SQLite cannot alter a
constraint, so batch mode rebuilds the form table there (its children survive: see
db.migrate, which runs every upgrade with foreign keys off); PostgreSQL drops and adds
the constraint in place. The rebuild must keep AUTOINCREMENT and the highest id ever
handed out, or SQLite would give a deleted form's id to the next new form (ids are
never reused: undo of a delete puts a form back under its id). Copying the rows alone
would lower that mark to the highest id still there.

Downgrading turns "changed" forms back into "exported", the nearest older state.

Written by hand and frozen, like 0001 to 0003.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATES = ("draft", "problems", "checked", "exported")
NEW_STATES = (*OLD_STATES, "changed")


def _states_check(states: Sequence[str]) -> str:
    return "state IN ({})".format(", ".join(f"'{state}'" for state in states))


def _replace_state_check(states: Sequence[str]) -> None:
    highest = _highest_id_handed_out()
    with op.batch_alter_table("form", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_constraint("ck_form_state", type_="check")
        batch.create_check_constraint("ck_form_state", _states_check(states))
    if highest is not None:
        op.execute(sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = 'form'")
                   .bindparams(seq=highest))


def _highest_id_handed_out() -> int | None:
    """SQLite's AUTOINCREMENT mark for the form table; None elsewhere or before any form."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return None
    return connection.execute(
        sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'form'")).scalar()


def upgrade() -> None:
    _replace_state_check(NEW_STATES)


def downgrade() -> None:
    op.execute(sa.text("UPDATE form SET state = 'exported' WHERE state = 'changed'"))
    _replace_state_check(OLD_STATES)
