"""Whether the window can open here, answered in a sentence before Qt is loaded."""

from __future__ import annotations

import pytest

from desktop import display


@pytest.fixture
def linux_x11(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(display.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    return monkeypatch


def test_without_a_display_the_remedy_is_named(linux_x11: pytest.MonkeyPatch) -> None:
    linux_x11.delenv("DISPLAY")
    assert "xvfb-run make run" in (display.display_problem() or "")


def test_a_missing_x11_library_names_its_package(linux_x11: pytest.MonkeyPatch) -> None:
    linux_x11.setattr(display, "X11_LIBRARIES",
                      {"libjixiao-absent.so.9": "libjixiao-absent9"})
    assert display.display_problem() == ("打开窗口所需的 X11 程序库缺失，请先安装："
                                         "sudo apt-get install libjixiao-absent9")


def test_with_the_libraries_there_is_no_problem(linux_x11: pytest.MonkeyPatch) -> None:
    linux_x11.setattr(display, "X11_LIBRARIES", {"libc.so.6": "libc6"})
    assert display.display_problem() is None
