"""The template tests' own marker: `slow` for the tests that run the real command on
dozens of hostile files in subprocesses (tens of seconds; part of the normal suite,
deselect with -m "not slow" when iterating on something else)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs the real command in subprocesses (tens of seconds)")
