"""The news listing's filters and the pagination that the news and event listings share.

Bad input never fails the page: an unknown filter value is dropped with a notice, a page
number that is not a number shows the first page with a notice, and a page that does not
exist is a 404.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

NEWS_KIND_CHOICES = [
    ("", _("All")),
    ("news", _("News")),
    ("press", _("Press releases")),
]


class NewsFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=NEWS_KIND_CHOICES, required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]


def paginate(request, queryset, per_page):
    """(the requested page of `queryset`, a notice for the visitor or None)."""
    paginator = Paginator(queryset, per_page)
    raw_number = request.GET.get("page", "1")
    try:
        return paginator.page(raw_number), None
    except PageNotAnInteger:
        notice = _("The page number was not understood, so the first page is shown.")
        return paginator.page(1), notice
    except EmptyPage as error:
        raise Http404 from error


def news_listing(index, request, per_page):
    """Context for the news listing: the filter form, the page of items, notices."""
    visible = index.visible_items()
    years = [moment.year for moment in visible.dates("publication_date", "year", order="DESC")]
    form = NewsFilterForm(request.GET, years=years)
    notices = []
    if not form.is_valid():
        notices.append(_("A filter value was not recognised and has been ignored."))
    # Fields that failed validation are missing from cleaned_data: they filter nothing.
    kind = form.cleaned_data.get("type") or ""
    year = form.cleaned_data.get("year")

    items = visible
    if kind == "news":
        items = items.filter(pressreleasepage__isnull=True)
    elif kind == "press":
        items = items.filter(pressreleasepage__isnull=False)
    if year:
        items = items.filter(publication_date__year=year)
    items = (
        items.specific()
        .select_related("featured_image", for_specific_subqueries=True)
        .prefetch_related("featured_image__renditions", for_specific_subqueries=True)
    )
    page_of_items, page_notice = paginate(request, items, per_page)
    if page_notice:
        notices.append(page_notice)

    applied = {name: value for name, value in (("type", kind), ("year", year)) if value}
    return {
        "filter_form": form,
        "items": page_of_items,
        "notices": notices,
        "is_filtered": bool(applied),
        # Carried into the page links so that paging keeps the filters (and only them).
        "filter_query": urlencode(applied),
    }
