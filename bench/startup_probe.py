"""Started by bench_desk to time what the clerk sees at start-up. Prints two lines:

    painted                 at the first paint event of the main window
    listed MS KB            once the browser, filled with the store's forms, is painted:
                            MS milliseconds after that first paint, KB the peak resident
                            memory (ru_maxrss) of the process by then

The app runs run_app's own start sequence (desktop.ui.app.start) on the store STORE; the
bare window is a plain QMainWindow, whose "listed" comes in the turn after its paint.

    python -m bench.startup_probe bare|app [STORE]
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def _say(text: str) -> None:
    print(text, flush=True)


def _peak_kb() -> int:
    """Peak resident memory in KiB. Linux carries ru_maxrss over fork and exec, so a
    child of a large bench process would report the parent's peak; VmHWM, the same peak
    kept per address space, starts afresh at exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux


class OnFirstPaint(QObject):
    """Calls `then` as the first paint event reaches `widget`, before it is drawn."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._then = widget, then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._then()
        return False


class Clock:
    """The first paint, said at once, and the moment the forms are on screen after it."""

    def __init__(self, app) -> None:
        self.app, self.painted_at = app, 0.0

    def painted(self) -> None:
        self.painted_at = time.perf_counter()
        _say("painted")

    def listed(self) -> None:
        after = (time.perf_counter() - self.painted_at) * 1000
        _say(f"listed {after:.1f} {_peak_kb()}")
        self.app.quit()


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    clock = Clock(app)
    window = QMainWindow()
    OnFirstPaint(window, lambda: (clock.painted(), QTimer.singleShot(0, clock.listed)))
    window.show()
    return app.exec()


def app(store: str) -> int:
    from desktop.ui.app import MainWindow, make_application, start
    application = make_application()
    clock = Clock(application)
    window = MainWindow()
    OnFirstPaint(window, clock.painted)

    def done(opened: bool) -> None:
        if not opened:
            application.exit(1)
            return
        # The browser is filled; the clerk sees its forms when it is next painted.
        OnFirstPaint(window.browser, clock.listed)

    start(window, store, done, ask_demo=False)
    return application.exec()


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app(sys.argv[2]))
