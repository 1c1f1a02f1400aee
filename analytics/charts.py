"""Geometry of the trend chart, drawn as inline SVG by analytics/includes/trend_chart.html.

The chart is decoration for sighted users: the same numbers are always in the table beside
it, and the SVG carries a text summary for screen readers.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 720, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 16, 16, 32


@dataclass
class TrendChart:
    width: int
    height: int
    views_points: str
    visitors_points: str
    y_ticks: list
    x_labels: list
    baseline: float
    left: int
    right: int


def _nice_step(value):
    """The smallest 1, 2 or 5 × 10ⁿ at least `value` (a whole number, at least 1)."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if value <= step * magnitude:
                return step * magnitude
        magnitude *= 10


def trend_chart(days):
    """`days`: list of (date, views, visitors), one per day, in date order."""
    if not days:
        return None
    # Four gridline steps of a round size, so every axis label is a whole number.
    step_size = _nice_step(max(max(views, visitors) for _day, views, visitors in days) / 4)
    top = step_size * 4
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_width / max(len(days) - 1, 1)

    def x(index):
        return round(MARGIN_LEFT + index * step, 1)

    def y(value):
        return round(MARGIN_TOP + plot_height * (1 - value / top), 1)

    views_points = " ".join(f"{x(i)},{y(v)}" for i, (_d, v, _u) in enumerate(days))
    visitors_points = " ".join(f"{x(i)},{y(u)}" for i, (_d, _v, u) in enumerate(days))
    y_ticks = [(step_size * index, y(step_size * index)) for index in range(5)]
    label_every = max(1, len(days) // 6)
    x_labels = [(day, x(i)) for i, (day, _v, _u) in enumerate(days) if i % label_every == 0]
    return TrendChart(
        width=WIDTH,
        height=HEIGHT,
        views_points=views_points,
        visitors_points=visitors_points,
        y_ticks=y_ticks,
        x_labels=x_labels,
        baseline=y(0),
        left=MARGIN_LEFT,
        right=WIDTH - MARGIN_RIGHT,
    )


@dataclass
class Sparkline:
    width: int
    height: int
    points: str


def sparkline(values, width=240, height=48, padding=3):
    """A small line of `values` (one per day) for the page editor's Analytics panel."""
    top = max(max(values, default=0), 1)
    step = (width - 2 * padding) / max(len(values) - 1, 1)
    scale = (height - 2 * padding) / top

    def point(index, value):
        return f"{round(padding + index * step, 1)},{round(height - padding - value * scale, 1)}"

    points = " ".join(point(index, value) for index, value in enumerate(values))
    return Sparkline(width=width, height=height, points=points)
