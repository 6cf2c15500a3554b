"""The published sample forms, offered as demo data on a first start with an empty store."""

from __future__ import annotations

from desktop.editing.service import FormService
from desktop.importing import ImportResult, import_files
from desktop.resources import resource_path


def demo_files() -> list:
    return sorted(resource_path("samples").glob("*.json"))


def load_demo(service: FormService) -> list[ImportResult]:
    """Import every demo form; the store's own duplicate check keeps this idempotent."""
    return import_files(service, demo_files())
