"""Admin listing and inspect pieces that speak Georgian where Wagtail's defaults print
Python values: booleans as "yes"/"no" (Wagtail's BooleanColumn titles its icons "True" and
"False"), nothing as a dash rather than "None"."""

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


class ReadableInspectView(InspectView):
    """Booleans in words, empty values as a dash."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return yes_no(value)
        if value is None or value == "":
            return EMPTY
        return value
