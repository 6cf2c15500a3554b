"""文件 ▸ 自定义表样…: the layouts the clerk taught (`desktop.user_layouts`), each with
its name, kind and file, to rename or remove.

Renaming changes only what the clerk calls a layout, so forms keep it; a removed layout
no longer reads new files, and the forms read by it keep their content.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import FormKind
from desktop.user_layouts import (
    UserLayout,
    UserLayoutError,
    remove_user_layout,
    rename_user_layout,
    user_layouts,
    user_layouts_dir,
)


class UserLayoutsDialog(QDialog):
    """The taught layouts in a table, with Rename… and Remove…."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Taught layouts"))
        self.layouts: list[UserLayout] = []
        intro = QLabel(self.tr(
            "Layouts taught from the import preview (Teach this layout…), kept in %1. "
            "Each reads every later sheet of its shape.").replace("%1", str(user_layouts_dir())))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.rename_button = self.buttons.addButton(self.tr("&Rename…"), role)
        self.remove_button = self.buttons.addButton(self.tr("Re&move…"), role)
        self.rename_button.clicked.connect(self.ask_rename)
        self.remove_button.clicked.connect(self.ask_remove)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.buttons):
            layout.addWidget(widget)
        self.resize(720, 360)
        self.refresh()

    def refresh(self, current: str | None = None) -> None:
        """List the layouts again; the cursor on `current` (else the first)."""
        self.layouts = user_layouts()
        self.table.setRowCount(len(self.layouts))
        for row, layout in enumerate(self.layouts):
            for column, text in enumerate((layout.description, self._kind(layout.kind),
                                           layout.path.name)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(layout.path) if column == 2 else text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        names = [layout.name for layout in self.layouts]
        if names:
            self.table.setCurrentCell(names.index(current) if current in names else 0, 0)
        self._update_buttons()

    @staticmethod
    def _kind(value: str) -> str:
        from desktop.ui.layout_mapping import kind_text  # reads workbooks: not at start-up
        kinds = {kind.value: kind for kind in FormKind}
        return kind_text(kinds[value]) if value in kinds else value

    def current(self) -> UserLayout | None:
        row = self.table.currentRow()
        return self.layouts[row] if 0 <= row < len(self.layouts) else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # ------------------------------------------------------------ the two actions

    def ask_rename(self) -> None:
        layout = self.current()
        if layout is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Rename layout"), self.tr("New name:"),
                                        QLineEdit.EchoMode.Normal, layout.description)
        if ok:
            self._attempt(lambda: rename_user_layout(layout.name, text), layout.name)

    def ask_remove(self) -> None:
        layout = self.current()
        if layout is None:
            return
        question = self.tr("Remove the layout “%1”? Files of its shape will no longer be "
                           "read by it; forms already imported keep their content.")
        answer = QMessageBox.question(self, self.tr("Remove layout"),
                                      question.replace("%1", layout.description))
        if answer == QMessageBox.StandardButton.Yes:
            self._attempt(lambda: remove_user_layout(layout.name), None)

    def _attempt(self, change, current: str | None) -> None:
        try:
            change()
        except UserLayoutError as error:
            QMessageBox.warning(self, self.tr("Taught layouts"), str(error))
        self.refresh(current)


# ---------------------------------------------------------------- the menu entry


def show_user_layouts(window: QWidget) -> None:
    dialog = UserLayoutsDialog(window)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
