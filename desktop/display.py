"""Can a window be shown here? Asked before Qt is imported, so the answer is a sentence."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = (
    "没有可用的图形显示（DISPLAY 与 WAYLAND_DISPLAY 均未设置），无法打开窗口。"
    "请在桌面会话中运行；在无屏幕的服务器上可用 `xvfb-run make run`（Debian 软件包 xvfb）。"
)


def display_problem() -> str | None:
    """None when a window can be shown, else the sentence that says why not."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_MESSAGE
