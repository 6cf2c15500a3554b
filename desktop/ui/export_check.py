"""Before an export: a form with open findings is named, finding by finding, and the
clerk chooses to export anyway or to go and fix them. The budget system refuses a file
whose sums are off or whose reasons are missing; an export that went ahead in silence
only moved the refusal to the upload."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.rules.findings import Finding

SHOWN = 8   # findings listed in the question; the panel holds them all


def findings_text(findings: Sequence[Finding]) -> str:
    lines = [f"• {finding.message}" for finding in findings[:SHOWN]]
    if len(findings) > SHOWN:
        more = QCoreApplication.translate("ExportFindingsBox",
                                          "… and %1 more in the Findings panel")
        lines.append(more.replace("%1", str(len(findings) - SHOWN)))
    return "\n".join(lines)


class ExportFindingsBox(QMessageBox):
    """“This form has N open findings” with the findings listed; 仍然导出 / 去修改 (the
    default, and what Esc chooses)."""

    def __init__(self, findings: Sequence[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Export"))
        self.setText(self.tr("This form has %1 open findings; the budget system may refuse "
                             "it.").replace("%1", str(len(findings))))
        self.setInformativeText(findings_text(findings))
        self.export_button = self.addButton(self.tr("Export &anyway"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.fix_button = self.addButton(self.tr("&Go and fix"),
                                         QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.fix_button)
        self.setEscapeButton(self.fix_button)

    def export_anyway(self) -> bool:
        self.exec()
        return self.clickedButton() is self.export_button


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
