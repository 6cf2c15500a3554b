"""Render the main views to PNG in docs/ from the sample forms (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py import-preview   # one view
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py layout-mapping
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py help
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py refused-value

Needs Debian's fonts-noto-cjk so that Chinese renders.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from desktop.ui.app import build_window, offer_demo  # noqa: E402

DOCS = ROOT / "docs"


def _find(window, name: str) -> int:
    return next(s.id for s in window.workspace.service.store.list_forms() if name in s.name)


def _find_year(window, name: str, year: int) -> int:
    return next(s.id for s in window.workspace.service.store.list_forms(year=year)
                if name in s.name)


def _second_year(window) -> None:
    """A 2023 form of the Guangming project, carried from 2024 and given other figures,
    so that the project panel shows two years and the trend a line."""
    import copy
    from decimal import Decimal

    from desktop.years.carry import carry_forward
    store = window.workspace.service.store
    earlier = carry_forward(store.load_form(_find(window, "市场监督管理综合事务")), 2023)
    source = store.load_form(_find(window, "市场监督管理综合事务"))
    earlier.indicators = copy.deepcopy(source.indicators)
    earlier.indicators[0].actual, earlier.indicators[0].score = "240人", None
    earlier.funds = copy.deepcopy(source.funds)
    earlier.funds.fiscal.executed = Decimal("13100000.00")
    window.workspace.service.create_form(earlier)
    window.browser.refresh()


def _shoot(window, path: Path) -> None:
    QApplication.processEvents()
    window.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def import_preview(folder: Path) -> None:
    """The import preview on a clerk's workbook: four forms (one already stored), a
    cover sheet, and a target without a year; on a store of its own."""
    sys.path.insert(0, str(ROOT / "tests"))
    from workbooks import cover, exported, no_year, write_book

    from desktop.interchange.json_form import read_form
    from desktop.presenters.import_plan import ImportPlan, read_plan
    from desktop.ui.import_preview import ImportPreviewDialog
    book = write_book(Path(folder) / "2023年度绩效表汇总.xlsx", [
        ("填报说明", cover),
        ("数字城管自评", exported("longhua-2022-digital-city")),
        ("网格信息自评", exported("longhua-2022-grid-info")),
        ("光明市场监管自评", exported("guangming-2024-market")),
        ("消委会整体目标", exported("shenzhen-2023-unit-target")),
        ("12315专项目标", exported("shanghai-2020-target", no_year)),
    ])
    window = build_window(str(Path(folder) / "preview.sqlite3"))
    service = window.workspace.service
    service.create_form(read_form(ROOT / "resources" / "samples" / "longhua-2022-grid-info.json"))
    dialog = ImportPreviewDialog(ImportPlan(service, read_plan(service, [book])), window)
    dialog.show()
    QApplication.processEvents()
    dialog.grab().save(str(DOCS / "import-preview.png"))
    print("wrote docs/import-preview.png")
    dialog.close()
    window.close()
    service.store.close()


def layout_mapping(folder: Path) -> None:
    """学习此表样 on a county's project target in a layout nothing ships, as proposed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from learn_books import county_workbook

    from desktop.template.learn import propose
    from desktop.template.reader import load_grids
    from desktop.ui.layout_mapping import LayoutMappingDialog
    window = build_window(str(Path(folder) / "mapping.sqlite3"))
    grid = load_grids(county_workbook(Path(folder)))[0]
    dialog = LayoutMappingDialog(grid, propose(grid), window)
    dialog.show()
    QApplication.processEvents()
    dialog.grab().save(str(DOCS / "layout-mapping.png"))
    print("wrote docs/layout-mapping.png")
    dialog.close()
    window.close()
    window.workspace.service.store.close()


def shenzhen_target(folder: Path) -> None:
    """A Shenzhen street office's target declarations (二级项目支出绩效目标申报表, one per
    sheet, no year on the sheets) imported for 2024, the first open in its editor."""
    sys.path.insert(0, str(ROOT / "tests"))
    from template.test_layout_shenzhen_target import street_office_book, write

    from desktop.importing import import_files
    from desktop.interchange.sheets import ReadOptions
    book = write(Path(folder) / "新桥街道绩效目标.xlsx", street_office_book()[:4])
    window = build_window(str(Path(folder) / "shenzhen.sqlite3"))
    window.resize(1680, 960)
    window.show()
    results = import_files(window.workspace.service, [book], options=ReadOptions(year=2024))
    window.browser.refresh()
    window.open_form(next(r.form_id for r in results if r.ok))
    _shoot(window, DOCS / "shenzhen-project-target.png")
    window.close()
    window.workspace.service.store.close()


def print_pages(folder: Path) -> None:
    """Each sample printed to PDF, its pages rendered with poppler's pdftoppm (if here)."""
    import shutil
    import subprocess

    from desktop.interchange.json_form import read_form
    from desktop.ui.printing import write_pdf
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (Debian: poppler-utils): print pages not rendered")
        return
    for sample in sorted((ROOT / "resources" / "samples").glob("*.json")):
        pdf = Path(folder) / f"{sample.stem}.pdf"
        write_pdf([read_form(sample)], pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-l", "2", str(pdf),
                        str(DOCS / f"print-{sample.stem}")], check=True)
        print(f"wrote docs/print-{sample.stem}-*.png")


def help_pages(folder: Path) -> None:
    """帮助 ▸ 使用说明 and 帮助 ▸ 快捷键, as the clerk opens them."""
    from desktop.ui.app import make_application
    from desktop.ui.help_dialog import GuideDialog, ShortcutsDialog
    make_application()
    for dialog_class, name in ((GuideDialog, "guide"), (ShortcutsDialog, "shortcuts")):
        dialog = dialog_class()
        dialog.show()
        QApplication.processEvents()
        dialog.grab().save(str(DOCS / f"{name}.png"))
        print(f"wrote docs/{name}.png")
        dialog.close()


def refused_value(folder: Path) -> None:
    """A score above its 分值 typed and Enter pressed: the editor stays, the reason under it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    window = build_window(str(Path(folder) / "refused.sqlite3"))
    window.resize(1680, 960)
    window.show()
    offer_demo(window, ask=False)
    editor = window.open_form(_find(window, "市场监督管理综合事务"))
    panel, grid = editor.indicators, editor.indicators.grid
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(grid.display_row(1), grid.column_of("score")))
    QApplication.processEvents()
    QTest.keyClicks(view, "9")
    QTest.keyClicks(QApplication.focusWidget(), "9")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    for _ in range(3):
        QApplication.processEvents()
    _shoot(window, DOCS / "refused-value.png")
    window.close()
    window.workspace.service.store.close()


def main() -> int:
    views = {"import-preview": import_preview, "layout-mapping": layout_mapping,
             "shenzhen-target": shenzhen_target, "help": help_pages,
             "refused-value": refused_value}
    if len(sys.argv) == 2 and sys.argv[1] in views:   # just this view, while working on it
        with tempfile.TemporaryDirectory() as folder:
            views[sys.argv[1]](Path(folder))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        window = build_window(str(Path(folder) / "shots.sqlite3"))
        window.resize(1680, 960)
        window.show()
        offer_demo(window, ask=False)
        _second_year(window)
        window.open_form(_find(window, "市场监督管理综合事务"))
        _shoot(window, DOCS / "self-evaluation.png")
        window.compare_with(_find_year(window, "市场监督管理综合事务", 2023))
        QApplication.processEvents()
        dialog = window.findChild(QDialog)
        if dialog is not None:
            dialog.grab().save(str(DOCS / "compare.png"))
            print("wrote docs/compare.png")
            dialog.close()
        QApplication.processEvents()
        window.browser.grab().save(str(DOCS / "browser.png"))
        print("wrote docs/browser.png")
        window.open_form(_find(window, "消费者维权管理专项"))
        _shoot(window, DOCS / "project-target.png")
        window.open_form(_find(window, "消费者委员会"))
        _shoot(window, DOCS / "unit-target.png")
        window.close()
        window.workspace.service.store.close()
        import_preview(Path(folder))
        layout_mapping(Path(folder))
        shenzhen_target(Path(folder))
        help_pages(Path(folder))
        refused_value(Path(folder))
        print_pages(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
