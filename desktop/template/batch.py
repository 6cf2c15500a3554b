"""Exporting many forms at once, for the window's batch export and `jixiao export`.

Qt-free on purpose: the window runs `export_forms` with a progress callback that
updates its progress dialog and returns False when the clerk presses 取消; the summary
says what was written and what was refused, form by form. One form failing (a layout
for another kind, a full disk, a file held open by Excel) never stops the others, and
never leaves a half-written file behind. Before writing, the window asks the clerk
about the forms `flagged_forms` finds open findings in (desktop.ui.export_check).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.forms import KIND_TITLES, Form, SelfEvaluation
from desktop.interchange.json_form import write_form
from desktop.layouts import Layout, load_layout
from desktop.rules.evaluate import check_target_form, evaluate
from desktop.rules.findings import Finding
from desktop.rules.profile import RuleProfile, load_profile
from desktop.template.sheet import TemplateExportError
from desktop.template.writer import write_workbook

Progress = Callable[[int, int, str], bool]
"""progress(done, total, what) → False to cancel; called before each form and at the end."""

FORMATS = ("xlsx", "json")


@dataclass(frozen=True)
class ExportOutcome:
    """One form's result: the file written, or None and the reason it was refused."""

    form: Form
    path: Path | None
    message: str

    @property
    def ok(self) -> bool:
        return self.path is not None


@dataclass
class ExportSummary:
    outcomes: list[ExportOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def written(self) -> list[Path]:
        return [outcome.path for outcome in self.outcomes if outcome.path is not None]

    @property
    def refused(self) -> list[ExportOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    def summary_line(self) -> str:
        """"共 5 个表格：导出 4 个，未导出 1 个" (and 已取消 when the clerk stopped it)."""
        line = (f"共 {len(self.outcomes)} 个表格：导出 {len(self.written)} 个，"
                f"未导出 {len(self.refused)} 个")
        return line + "（已取消，其余未导出）" if self.cancelled else line


def describe(form: Form) -> str:
    """"2022 年「网格信息采集工作」", as messages name a form."""
    return f"{form.year} 年「{form.name or form.code or KIND_TITLES[form.kind]}」"


def export_file_name(form: Form, suffix: str = ".xlsx") -> str:
    """"2022-440309210901500007728-self_evaluation.xlsx": year, code (or name), kind."""
    key = form.code or form.name
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", key).strip("_.") or "form"
    return f"{form.year}-{safe}-{form.kind.value}{suffix}"


def _unique(folder: Path, name: str, taken: set[str]) -> Path:
    stem, suffix = name.rsplit(".", 1)
    candidate, number = name, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem}-{number}.{suffix}"
    taken.add(candidate.lower())
    return folder / candidate


def layout_for(form: Form, layout: str | Layout | None) -> str | Layout | None:
    """The layout asked for applies to the forms of its kind; others keep their own."""
    if layout is None:
        return None
    chosen = layout if isinstance(layout, Layout) else load_layout(layout)
    return chosen if chosen.kind is form.kind else None


def export_one(form: Form, target: Path, format_: str = "xlsx",
               layout: str | Layout | None = None) -> ExportOutcome:
    """Write one form to `target`; a failure becomes a refused outcome with its reason."""
    try:
        if format_ == "json":
            write_form(target, form)
        else:
            write_workbook(form, target, layout)
    except TemplateExportError as error:
        return ExportOutcome(form, None, f"{describe(form)}：{error}")
    except OSError as error:
        reason = error.strerror or str(error)
        return ExportOutcome(form, None, f"{describe(form)}：无法写入 {target}（{reason}）")
    return ExportOutcome(form, target, f"已导出 {target}")


def export_forms(forms: Sequence[Form], folder: str | Path, layout: str | Layout | None = None,
                 progress: Progress | None = None, format_: str = "xlsx") -> ExportSummary:
    """One file per form into `folder` (created if missing), named by `export_file_name`."""
    if format_ not in FORMATS:
        raise ValueError(f"未知的导出格式：{format_}（可选：{'、'.join(FORMATS)}）")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary, taken, total = ExportSummary(), set[str](), len(forms)
    for done, form in enumerate(forms):
        if progress is not None and progress(done, total, describe(form)) is False:
            summary.cancelled = True
            return summary
        target = _unique(folder, export_file_name(form, f".{format_}"), taken)
        summary.outcomes.append(export_one(form, target, format_, layout_for(form, layout)))
    if progress is not None:
        progress(total, total, "")
    return summary


# ---------------------------------------------------------------- findings before export


@dataclass(frozen=True)
class Flagged:
    """A form chosen for export that the rules still find fault with."""

    form_id: int
    form: Form
    findings: int

    @property
    def skipped(self) -> ExportOutcome:
        """What the summary says when the clerk exports only the forms without findings."""
        return ExportOutcome(self.form, None,
                             f"{describe(self.form)}：有 {self.findings} 个问题，未导出")


def _profile_of(form: Form) -> RuleProfile:
    """The form's rule profile; a profile this release does not know falls back to the
    default one, as in the editor, so a batch never stops on it."""
    try:
        return load_profile(form.profile)
    except ValueError:
        return load_profile()


def open_findings(form: Form) -> tuple[Finding, ...]:
    """The findings the editor's Findings panel would list for the form."""
    if isinstance(form, SelfEvaluation):
        return evaluate(form, _profile_of(form)).findings
    return check_target_form(form)


def flagged_forms(forms: dict[int, Form]) -> list[Flagged]:
    """The forms with open findings, in the order given (form id → form)."""
    counted = ((form_id, form, len(open_findings(form))) for form_id, form in forms.items())
    return [Flagged(form_id, form, count) for form_id, form, count in counted if count]

