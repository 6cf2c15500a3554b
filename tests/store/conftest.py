"""Store tests use the shared `store_url`, `store` and `reopen` fixtures of tests/conftest.py.

`any_store_url` runs a test on SQLite and, when $JIXIAO_TEST_POSTGRES names a scratch
PostgreSQL database (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/jixiao_test), on
PostgreSQL too. That database is emptied before each test: never point it at real forms.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text

POSTGRES_ENV = "JIXIAO_TEST_POSTGRES"


def _emptied(url: str) -> str:
    from db.engine import make_engine
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """An empty scratch PostgreSQL database; the test is skipped without one."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL to test on (set {POSTGRES_ENV})")
    yield _emptied(url)
    _emptied(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store_url(request: pytest.FixtureRequest) -> str:
    """An empty store's URL on each database the store supports (see the module doc)."""
    name = "store_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))
