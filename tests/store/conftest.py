"""Store tests use the shared `store_url`, `store` and `reopen` fixtures of tests/conftest.py."""
