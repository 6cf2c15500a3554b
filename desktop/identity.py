"""A form's identity: what makes two forms the same form, so the store keeps it once.

A unit reports one form of each kind per project and year. So a form is the same form
as another when its kind, year and unit are the same and so is its project: its code,
or, when it has no code, its name. Texts are compared folded (`desktop.textnorm.
search_key`: half-width, lower case, no white space), as the import has always compared
names: "网格信息采集 工作（二期）" and "网格信息采集工作(二期)" are one project, and a unit
typed with a full-width bracket is still the same unit.

The key is kept in the store beside each form (`form.identity_key`) under a unique
index, so two clerks importing the same file at the same moment cannot both store it:
the store, not a check made before the write, has the last word. Migration 0006 filled
the key of older stores with a frozen copy of `identity_key`; a test keeps the two in
agreement.

Kept free of SQLAlchemy, so the pure modules can use it without loading the store.
"""

from __future__ import annotations

import hashlib

from desktop.forms import Form, FormKind
from desktop.textnorm import search_key

LONGEST_KEY = 200
"""Characters a key may take as readable text; a longer one (a 10,000-character name
from a hostile file) is replaced by a digest, since PostgreSQL refuses to index an entry
of more than about 2,700 bytes and the store must not refuse a form for a long name."""


def identity_key(kind: FormKind, year: int, unit: str, code: str, name: str) -> str:
    """The key, in space-separated parts ("self_evaluation 2024 深圳市龙华区平安建设中心
    code:4403…"), none of which can hold a space (folding deletes white space), so no
    two different identities can run together into one key."""
    folded_code = search_key(code)
    project = f"code:{folded_code}" if folded_code else f"name:{search_key(name)}"
    who = f"{search_key(unit)} {project}"
    key = f"{FormKind(kind).value} {year} {who}"
    if len(key) <= LONGEST_KEY:
        return key
    digest = hashlib.sha256(who.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{FormKind(kind).value} {year} sha256:{digest}"


def identity_of(form: Form) -> str:
    """The identity of a form: its kind, year, unit (as the list shows it) and project."""
    return identity_key(form.kind, form.year, form.unit, form.code, form.name)


def set_apart(key: str, form_id: int) -> str:
    """The key of a form kept beside another of the same identity: migration 0006 gave it
    to the later forms of each group of duplicates an older store already held, so that
    none was lost. The form keeps it for as long as its identity stays the same."""
    return f"{key} #{form_id}"
