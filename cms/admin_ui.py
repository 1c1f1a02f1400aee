"""Admin listing and inspect pieces that speak Georgian where Wagtail's defaults print
Python values: booleans as "yes"/"no" (Wagtail's BooleanColumn titles its icons "True" and
"False"), nothing as a dash rather than "None"."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import InspectView

EMPTY = "—"


def yes_no(value):
    if value is None:
        return EMPTY
    return gettext("Yes") if value else gettext("No")


class YesNoColumn(Column):
    def get_value(self, instance):
        return yes_no(super().get_value(instance))


class DashColumn(Column):
    """A value, or a dash where there is none (Wagtail prints "None"); moments in the
    site's time zone (Tbilisi), as every other admin screen shows them."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None or value == "":
            return EMPTY
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return value


class ReadableInspectView(InspectView):
    """Booleans in words, empty values as a dash."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return yes_no(value)
        if value is None or value == "":
            return EMPTY
        return value
