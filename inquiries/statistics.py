"""The yearly statistics of citizens' requests (as agencies publish them for public
information): counts by month, type and outcome, and the share answered on time."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models.functions import ExtractMonth

from helpers import dates
from inquiries.models import Inquiry, RequestKind


@dataclass
class YearStatistics:
    year: int
    months: list = field(default_factory=list)  # [(month number, {kind: count}, total)]
    by_kind: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)
    total: int = 0
    closed: int = 0
    on_time: int = 0
    open_overdue: int = 0

    @property
    def on_time_share(self):
        return round(100 * self.on_time / self.closed) if self.closed else None


def year_statistics(year):
    rows = Inquiry.objects.filter(year=year).select_related("request_type")
    months = {month: Counter() for month in range(1, 13)}
    stats = YearStatistics(year)
    today = dates.tbilisi_now().date()
    for inquiry in rows.annotate(month=ExtractMonth("received_at", tzinfo=dates.TBILISI)):
        kind = inquiry.request_type.kind
        months[inquiry.month][kind] += 1
        stats.by_kind[kind] += 1
        stats.total += 1
        if inquiry.status == Inquiry.Status.CLOSED:
            stats.closed += 1
            stats.by_outcome[inquiry.outcome] += 1
            if inquiry.answered_on_time:
                stats.on_time += 1
        elif inquiry.due_date and inquiry.due_date < today:
            stats.open_overdue += 1
    stats.months = [(month, counts, sum(counts.values())) for month, counts in months.items()]
    return stats


def kinds():
    return RequestKind.choices


def outcomes():
    return Inquiry.Outcome.choices
