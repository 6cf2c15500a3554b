"""The figures the store keeps with every form, and the version of the rules behind them.

`figures_of` is what the browser shows of a form (total, grade, number of findings),
computed by the rules exactly as the editor computes them. The store calls it inside
the transaction of every write of a form's content (`db.store.Store`), so a list of
20,000 forms reads the figures instead of evaluating each form at every start.

`rules_version` names the rules that computed a figure: a digest of the rule modules'
code and of the data files they read (profiles, taxonomies, layouts with their
required fields). It is computed, not bumped by hand, so a change to a rule or a
profile can never leave figures from the old rules standing: the store recomputes
every row kept under another version when it is read.

Qt-free, and free of the database libraries (it hands out `db.records` values only).
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import pkgutil
from collections.abc import Iterable, Iterator
from functools import lru_cache

from db.records import FiguresRules, FormFigures
from desktop.forms import Form, SelfEvaluation
from desktop.resources import resource_path
from desktop.rules.evaluate import check_target_form, evaluate, remember
from desktop.rules.profile import load_profile

RULE_PACKAGES = ("desktop.rules",)
RULE_MODULES = ("desktop.figures", "desktop.forms", "desktop.money", "desktop.textnorm",
                "desktop.layouts")
"""Code whose change may change a figure: the rules, and what they read forms with."""

RULE_DATA = ("profiles", "taxonomies", "layouts")
"""Folders of resources/ the rules read: weights and margins, the frameworks, and the
header fields each layout requires."""


def figures_of(form: Form) -> FormFigures:
    """A self-evaluation's total, grade and findings under its own profile; a target
    form's findings (it has no score)."""
    if isinstance(form, SelfEvaluation):
        profile = load_profile(form.profile)
        result = evaluate(form, profile)
        remember(form, profile, result)   # the open form's session asks next (edit path)
        return FormFigures(result.total, result.grade, len(result.findings))
    return FormFigures(None, None, len(check_target_form(form)))


def store_rules() -> FiguresRules:
    """The figures function with the version of the rules running now."""
    return FiguresRules(rules_version(), figures_of)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Computed once per process: the files do not change while the app runs."""
    return version_of(rule_sources())


def version_of(sources: Iterable[tuple[str, bytes]]) -> str:
    """A short digest of named contents (the order given is kept)."""
    digest = hashlib.sha256()
    for name, content in sources:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:16]


def rule_sources() -> Iterator[tuple[str, bytes]]:
    """Every module and data file the figures depend on, in a fixed order."""
    for name in sorted(_module_names()):
        yield name, _module_code(name)
    for folder in RULE_DATA:
        for path in sorted(resource_path(folder).glob("*.json")):
            yield f"{folder}/{path.name}", path.read_bytes()


def _module_names() -> Iterator[str]:
    yield from RULE_MODULES
    for package in RULE_PACKAGES:
        yield package
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.submodule_search_locations is not None
        for module in pkgutil.iter_modules(spec.submodule_search_locations, f"{package}."):
            yield module.name


def _module_code(name: str) -> bytes:
    """The module's source; in a frozen build, which ships no sources, its compiled code
    (a digest of another kind, so the first start of a frozen build recomputes once)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    loader = spec.loader
    source = loader.get_source(name) if hasattr(loader, "get_source") else None
    if source is not None:
        return source.encode("utf-8")
    code = loader.get_code(name) if hasattr(loader, "get_code") else None
    return marshal.dumps(code) if code is not None else name.encode("utf-8")
