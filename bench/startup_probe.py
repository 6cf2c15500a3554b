"""Started by bench_desk: show a window and print a line once it is interactive; for the
app, a second line once the store is open and its forms are listed.

    python -m bench.startup_probe bare|app STORE
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer


def _say(text: str) -> None:
    print(text, flush=True)


def main() -> int:
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.show()
        QTimer.singleShot(0, lambda: (_say("shown"), app.quit()))
        return app.exec()
    from desktop.ui.app import MainWindow, attach_store, make_application
    app = make_application()
    window = MainWindow()
    window.show()

    def load() -> None:
        _say("shown")
        attach_store(window, sys.argv[2], ask_demo=False)
        app.processEvents()
        _say("listed")
        app.quit()

    QTimer.singleShot(0, load)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
