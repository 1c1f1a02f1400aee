"""The PR division's monitoring screens beside the mention listing: quick entry, feed
import and the reports."""

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from wagtail.log_actions import log

from cms.spreadsheets import write_csv_rows, xlsx_workbook
from helpers import dates
from monitoring import reports
from monitoring.feeds import import_feeds
from monitoring.forms import QuickMentionForm, ReportPeriodForm

ADD_PERMISSION = "monitoring.add_mention"
REPORT_PERMISSION = "monitoring.view_monitoring_reports"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def quick_entry(request):
    _require(request, ADD_PERMISSION)
    if request.method == "POST":
        form = QuickMentionForm(request.POST)
        if form.is_valid():
            mention = form.save(commit=False)
            mention.created_by = request.user
            mention.save()
            log(mention, "wagtail.create", user=request.user)
            messages.success(
                request, gettext("Logged: “%(headline)s”.") % {"headline": mention.headline}
            )
            return redirect("monitoring_quick_entry")
    else:
        form = QuickMentionForm(initial={"published_on": dates.tbilisi_now().date()})
    return render(request, "monitoring/admin/quick_entry.html", {"form": form})


def run_import(request):
    _require(request, ADD_PERMISSION)
    if request.method != "POST":
        return redirect("wagtailsnippets_monitoring_mention:list")
    result = import_feeds()
    messages.success(
        request,
        gettext("Imported from the feeds: %(count)s new mentions.") % {"count": result.created},
    )
    for outlet, error in result.errors.items():
        messages.error(request, f"{outlet}: {error}")
    return redirect("wagtailsnippets_monitoring_mention:list")


def _period(request):
    today = dates.tbilisi_now().date()
    default_start = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    form = ReportPeriodForm(request.GET or None, initial={"start": default_start, "end": today})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    if form.is_bound:
        return form, None, None
    return form, default_start, today


def report(request):
    _require(request, REPORT_PERMISSION)
    form, start, end = _period(request)
    context = {"form": form, "start": start, "end": end}
    if start is not None:
        data = reports.report(start, end)
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return _export(data, start, end, export)
        context.update(data)
    return render(request, "monitoring/admin/report.html", context)


def _export(data, start, end, kind):
    tones = data["tones"]
    heading = [gettext("Month"), *[str(label) for _value, label in tones], gettext("Total")]
    rows = [
        [month.strftime("%Y-%m"), *[counts.get(value, 0) for value, _label in tones], total]
        for month, counts, total in data["months"]
    ]
    filename = f"media-mentions-{start:%Y%m%d}-{end:%Y%m%d}"
    if kind == "xlsx":
        from io import BytesIO

        output = BytesIO()
        xlsx_workbook(gettext("Mentions by month"), heading, rows).save(output)
        response = HttpResponse(
            output.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")
    write_csv_rows(csv.writer(response), [heading, *rows])
    return response
