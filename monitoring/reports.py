"""Media monitoring reports: mentions per month by tone (a stacked-bar SVG beside the same
numbers in a table), by outlet, by topic, and the pick-up of each press release."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils.dates import MONTHS_3

from monitoring.models import Mention, Tone

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
TONE_CLASSES = {Tone.POSITIVE: "positive", Tone.NEUTRAL: "neutral", Tone.NEGATIVE: "negative"}


def month_starts(start, end):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _nice_top(value):
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if value <= step * magnitude * 4:
                return step * magnitude * 4, step * magnitude
        magnitude *= 10


@dataclass
class Bar:
    x: float
    width: float
    segments: list  # [(css class, y, height, tone label, count)]
    label: str
    total: int


def tone_by_month(mentions, start, end):
    """[(month start, {tone: count}, total)] for each month from start to end."""
    counts = defaultdict(Counter)
    for published_on, tone in mentions.values_list("published_on", "tone"):
        counts[published_on.replace(day=1)][tone] += 1
    return [
        (month, counts[month], sum(counts[month].values())) for month in month_starts(start, end)
    ]


def tone_chart(rows):
    if not rows:
        return None
    top, step = _nice_top(max(1, max(total for _m, _c, total in rows)))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    slot = plot_width / len(rows)
    bars = []
    for index, (month, counts, total) in enumerate(rows):
        y_bottom = TOP + plot_height
        segments = []
        for tone in (Tone.NEGATIVE, Tone.NEUTRAL, Tone.POSITIVE):
            count = counts.get(tone, 0)
            height = plot_height * count / top
            if count:
                segments.append(
                    (
                        TONE_CLASSES[tone],
                        round(y_bottom - height, 1),
                        round(height, 1),
                        tone.label,
                        count,
                    )
                )
            y_bottom -= height
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.15, 1),
                width=round(slot * 0.7, 1),
                segments=segments,
                label=f"{MONTHS_3[month.month]} {month.year % 100:02d}",
                total=total,
            )
        )
    ticks = [(step * i, round(TOP + plot_height * (1 - step * i / top), 1)) for i in range(5)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "ticks": ticks,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "label_y": TOP + plot_height + 18,
        "label_every": max(1, len(bars) // 12),
    }


def _by(mentions, field):
    return (
        mentions.values(field)
        .annotate(
            total=Count("pk"),
            positive=Count("pk", filter=Q(tone=Tone.POSITIVE)),
            neutral=Count("pk", filter=Q(tone=Tone.NEUTRAL)),
            negative=Count("pk", filter=Q(tone=Tone.NEGATIVE)),
            reach=Sum("reach"),
        )
        .order_by("-total")
    )


def by_outlet(mentions):
    return _by(mentions, "outlet__name")


def by_topic(mentions):
    return _by(mentions, "topic__name")


def press_release_pickup(mentions):
    """[(release, mention count, outlet count, positive, negative)] busiest first."""
    rows = (
        mentions.filter(press_release__isnull=False)
        .values("press_release")
        .annotate(
            total=Count("pk"),
            outlets=Count("outlet", distinct=True),
            positive=Count("pk", filter=Q(tone=Tone.POSITIVE)),
            negative=Count("pk", filter=Q(tone=Tone.NEGATIVE)),
        )
        .order_by("-total")
    )
    from django.apps import apps

    releases = apps.get_model("news", "PressReleasePage").objects.in_bulk(
        [row["press_release"] for row in rows]
    )
    return [
        (
            releases[row["press_release"]],
            row["total"],
            row["outlets"],
            row["positive"],
            row["negative"],
        )
        for row in rows
        if row["press_release"] in releases
    ]


def report(start, end):
    mentions = Mention.objects.filter(published_on__range=(start, end))
    months = tone_by_month(mentions, start, end)
    return {
        "total": mentions.count(),
        "months": months,
        "chart": tone_chart(months),
        "by_outlet": by_outlet(mentions),
        "by_topic": by_topic(mentions),
        "pickup": press_release_pickup(mentions),
        "tones": Tone.choices,
    }
