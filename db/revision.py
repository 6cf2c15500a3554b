"""The schema revision this release expects of a store, known without loading Alembic.

Kept apart from db.schema_version, which needs SQLAlchemy to read a store's revision:
`jixiao list` compares a SQLite file's revision with this one through the standard
library's sqlite3 alone (db.sqlite_listing), and SQLAlchemy takes several times longer
to import than the listing takes to read.
"""

from __future__ import annotations

HEAD_REVISION = "0006"
"""The newest migration in db/migrations/versions; a test keeps the two in step
(tests/store/test_store_migrations.py)."""
