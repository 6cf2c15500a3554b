"""Can a window be shown here? Asked before Qt is imported, so the answer is a sentence."""

from __future__ import annotations

import ctypes
import os
import sys

NO_DISPLAY_MESSAGE = (
    "没有可用的图形显示（DISPLAY 与 WAYLAND_DISPLAY 均未设置），无法打开窗口。"
    "请在桌面会话中运行；在无屏幕的服务器上可用 `xvfb-run make run`（Debian 软件包 xvfb）。"
)


X11_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
"""What Qt's X11 plugin loads beyond Qt itself, with the Debian package of each: without
one Qt stops with a message about plugins that names no remedy."""


def missing_x11_packages() -> list[str]:
    missing = []
    for library, package in X11_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def display_problem() -> str | None:
    """None when a window can be shown, else the sentence that says why not."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return NO_DISPLAY_MESSAGE
    missing = missing_x11_packages()
    if missing:
        return ("打开窗口所需的 X11 程序库缺失，请先安装："
                f"sudo apt-get install {' '.join(missing)}")
    return None
