"""总分 and 执行率 of a project over the years, drawn with QPainter (no chart library:
two short series on a 0–100 scale need none)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.years.trends import TrendPoint

SERIES = (("total", QColor("#1565c0"), "总分"), ("rate", QColor("#ef6c00"), "执行率(%)"))
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 34, 12, 22, 24


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[TrendPoint] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        self.points = list(points)
        self.update()

    def _plot_area(self) -> QRectF:
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(10, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(10, self.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def _scale(self) -> float:
        """The top of the scale: 100, or more when a rate ran over its budget."""
        highest = max([100.0] + [float(p.rate) for p in self.points])
        return 10 * (int(highest) // 10 + (1 if highest % 10 else 0))

    def position(self, index: int, value: float) -> QPointF:
        area, count = self._plot_area(), max(1, len(self.points) - 1)
        x = area.left() + (area.width() * index / count if len(self.points) > 1 else area.width() / 2)
        return QPointF(x, area.bottom() - area.height() * value / self._scale())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._axes(painter)
        if not self.points:
            painter.drawText(self._plot_area(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        for field, color, _label in SERIES:
            self._series(painter, field, color)
        self._legend(painter)

    def _axes(self, painter: QPainter) -> None:
        area = self._plot_area()
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        for step in range(0, 5):
            value = self._scale() * step / 4
            y = self.position(0, value).y()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        painter.setPen(QPen(QColor("#37474f"), 1))
        for index, point in enumerate(self.points):
            x = self.position(index, 0).x()
            painter.drawText(QRectF(x - 24, area.bottom() + 4, 48, 16),
                             Qt.AlignmentFlag.AlignCenter, str(point.year))

    def _series(self, painter: QPainter, field: str, color: QColor) -> None:
        painter.setPen(QPen(color, 2))
        positions = [self.position(i, float(getattr(p, field))) for i, p in enumerate(self.points)]
        for start, end in pairwise(positions):
            painter.drawLine(start, end)
        painter.setBrush(color)
        for point in positions:
            painter.drawEllipse(point, 3, 3)

    def _legend(self, painter: QPainter) -> None:
        x = MARGIN_LEFT
        for _field, color, label in SERIES:
            painter.setPen(QPen(color, 3))
            painter.drawLine(QPointF(x, 10), QPointF(x + 16, 10))
            painter.setPen(QColor("#37474f"))
            painter.drawText(QRectF(x + 20, 2, 90, 16), Qt.AlignmentFlag.AlignVCenter, label)
            x += 100
