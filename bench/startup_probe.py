"""Started by bench_desk: show a window, and print one line once it is interactive.

    python -m bench.startup_probe bare|app STORE
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
    else:
        from desktop.ui.app import build_window
        window = build_window(sys.argv[2])
        from PySide6.QtWidgets import QApplication
        app = QApplication.instance()
    window.show()
    QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
