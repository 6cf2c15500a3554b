"""Before an export: forms with open findings are named, and the clerk chooses to export
anyway or not. The budget system refuses a file whose sums are off or whose reasons are
missing; an export that went ahead in silence only moved the refusal to the upload.

One form (导出…) lists its findings: 仍然导出 / 去修改. Many forms (批量导出…) list the
forms with findings and how many each has: 全部仍然导出 / 只导出没有问题的 / 取消. Both
questions are built alike, and in both the default and Esc write nothing."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from desktop.rules.findings import Finding
from desktop.template.batch import Flagged, describe

SHOWN = 8   # lines listed in a question; the Findings panel or the browser holds them all


def listed_text(lines: Sequence[str], more: str) -> str:
    """The first SHOWN lines as bullets, then `more` with %1 the number left out."""
    shown = [f"• {line}" for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(more.replace("%1", str(len(lines) - SHOWN)))
    return "\n".join(shown)


def findings_text(findings: Sequence[Finding]) -> str:
    return listed_text([finding.message for finding in findings],
                       QCoreApplication.translate("ExportFindingsBox",
                                                  "… and %1 more in the Findings panel"))


class FindingsQuestion(QMessageBox):
    """A warning before an export: what is wrong, listed, and buttons to choose from;
    the button `make_safe` names (one that writes nothing) is both the default and
    what Esc chooses, so a hurried Enter never exports a form the rules object to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(QCoreApplication.translate("ExportFindingsBox", "Export"))

    def say(self, text: str, listed: str) -> None:
        self.setText(text)
        self.setInformativeText(listed)

    def make_safe(self, button: QPushButton) -> None:
        self.setDefaultButton(button)
        self.setEscapeButton(button)

    def ask(self) -> QAbstractButton | None:
        self.exec()
        return self.clickedButton()


class ExportFindingsBox(FindingsQuestion):
    """“This form has N open findings” with the findings listed; 仍然导出 / 去修改 (the
    default, and what Esc chooses)."""

    def __init__(self, findings: Sequence[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.say(self.tr("This form has %1 open findings; the budget system may refuse "
                         "it.").replace("%1", str(len(findings))), findings_text(findings))
        self.export_button = self.addButton(self.tr("Export &anyway"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.fix_button = self.addButton(self.tr("&Go and fix"),
                                         QMessageBox.ButtonRole.RejectRole)
        self.make_safe(self.fix_button)

    def export_anyway(self) -> bool:
        return self.ask() is self.export_button


def findings_allow_export(window, findings: Sequence[Finding]) -> bool:
    """True to export; on “go and fix”, the findings panel is raised and the form's
    first finding selected in the editor."""
    if not findings or ExportFindingsBox(findings, window).export_anyway():
        return True
    window.findings_dock.show()
    window.findings_dock.raise_()
    first = findings[0]
    window.go_to_finding(-1 if first.row is None else first.row, first.field)
    return False


class BatchChoice(Enum):
    ALL = "all"          # 全部仍然导出
    CLEAN = "clean"      # 只导出没有问题的
    CANCEL = "cancel"    # nothing is written


class BatchFindingsBox(FindingsQuestion):
    """“N of the M chosen forms have open findings”, each named with its number of
    findings; 全部仍然导出 / 只导出没有问题的 / 取消 (the default, and what Esc chooses).
    When every chosen form has findings there is nothing clean to export: that button
    stays, greyed out, so the clerk sees why the choice is missing."""

    def __init__(self, flagged: Sequence[Flagged], chosen: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.say(self.tr("%1 of the %2 chosen forms have open findings; the budget system "
                         "may refuse them.").replace("%1", str(len(flagged)))
                 .replace("%2", str(chosen)),
                 listed_text([self.line(f) for f in flagged], self.tr("… and %1 more forms")))
        self.all_button = self.addButton(self.tr("Export &all anyway"),
                                         QMessageBox.ButtonRole.AcceptRole)
        self.clean_button = self.addButton(self.tr("Export only those &without findings"),
                                           QMessageBox.ButtonRole.AcceptRole)
        self.clean_button.setEnabled(len(flagged) < chosen)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)  # Qt's 取消
        self.make_safe(self.cancel_button)

    def line(self, flagged: Flagged) -> str:
        return (self.tr("%1: %2 findings").replace("%1", describe(flagged.form))
                .replace("%2", str(flagged.findings)))

    def choice(self) -> BatchChoice:
        clicked = self.ask()
        if clicked is self.all_button:
            return BatchChoice.ALL
        return BatchChoice.CLEAN if clicked is self.clean_button else BatchChoice.CANCEL


def batch_choice(window, flagged: Sequence[Flagged], chosen: int) -> BatchChoice:
    """ALL straight away when no chosen form has findings; else the clerk's answer."""
    if not flagged:
        return BatchChoice.ALL
    return BatchFindingsBox(flagged, chosen, window).choice()
