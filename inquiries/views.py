"""Public Reception's admin views beside the request listing: the statistics report."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.dates import MONTHS
from django.utils.translation import gettext

from cms.spreadsheets import write_csv_rows
from helpers import dates
from inquiries.models import Inquiry, RequestKind
from inquiries.statistics import year_statistics

STATISTICS_PERMISSION = "inquiries.view_inquiry_statistics"


def _year(request):
    this_year = dates.tbilisi_now().year
    try:
        year = int(request.GET.get("year", this_year))
    except (TypeError, ValueError):
        return this_year
    return year if 2000 <= year <= this_year + 1 else this_year


def statistics(request):
    if not request.user.has_perm(STATISTICS_PERMISSION):
        raise PermissionDenied
    year = _year(request)
    stats = year_statistics(year)
    kinds = RequestKind.choices
    outcomes = Inquiry.Outcome.choices
    month_rows = [
        (MONTHS[month], [counts.get(kind, 0) for kind, _label in kinds], total)
        for month, counts, total in stats.months
    ]
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="requests-{year}.csv"'
        response.write("\ufeff")  # spreadsheet programs read the Georgian as UTF-8
        writer = csv.writer(response)
        write_csv_rows(
            writer,
            [[gettext("Month"), *[label for _kind, label in kinds], gettext("Total")]]
            + [[str(month), *counts, total] for month, counts, total in month_rows]
            + [[gettext("Outcome"), gettext("Count")]]
            + [[str(label), stats.by_outcome.get(value, 0)] for value, label in outcomes]
            + [
                [
                    gettext("Answered on time (%)"),
                    stats.on_time_share if stats.on_time_share is not None else "",
                ]
            ],
        )
        return response
    years = sorted(
        set(Inquiry.objects.values_list("year", flat=True)) | {dates.tbilisi_now().year},
        reverse=True,
    )
    return render(
        request,
        "inquiries/admin/statistics.html",
        {
            "stats": stats,
            "year": year,
            "years": years,
            "kinds": kinds,
            "month_rows": month_rows,
            "kind_totals": [stats.by_kind.get(kind, 0) for kind, _label in kinds],
            "outcome_rows": [(label, stats.by_outcome.get(value, 0)) for value, label in outcomes],
        },
    )
