"""Draw the application icon with QPainter: `python tools/make_icon.py`.

Writes resources/icons/jixiao.png (256 px, the window icon on every platform) and
resources/icons/jixiao.ico (16–256 px, the Windows executable's icon). Commit both;
the build does not run this, so packaging needs no drawing step.

Drawn rather than typeset so it needs no font: a blue tile, a white sheet, three
rising bars (the performance figures) and a green tick (the checks pass).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """The icon at `size` pixels, drawn on a 100-unit canvas and scaled."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5fa8"))
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 18, 18)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(20, 14, 60, 72), 6, 6)
    for index, (height, colour) in enumerate(((14, "#f0a030"), (24, "#f0a030"), (34, "#e07020"))):
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(28 + index * 15, 76 - height, 10, height))
    tick = QPainterPath(QPointF(42, 28))
    tick.lineTo(QPointF(51, 37))
    tick.lineTo(QPointF(69, 19))
    painter.setPen(QPen(QColor("#2e9d4a"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """An .ico of PNG-compressed entries (read by Windows since Vista), written by hand
    because Qt's ico writer stores a single size."""
    pngs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for image, png in zip(images, pngs):
        side = image.width() % 256  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    FOLDER.mkdir(parents=True, exist_ok=True)
    (FOLDER / "jixiao.png").write_bytes(png_bytes(draw(256)))
    (FOLDER / "jixiao.ico").write_bytes(ico_bytes([draw(size) for size in ICO_SIZES]))
    print(f"wrote {FOLDER.relative_to(ROOT)}/jixiao.png and jixiao.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
