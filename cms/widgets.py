"""Form widgets of the public pages, rendered in Python.

Django renders each widget through its form templates, one template per <option>: for the
service listing's two filters that was a third of the page's rendering time. A <select> of
plain choices is simple enough to write directly, with the same markup Django's templates
give (so a test or a stylesheet cannot tell the difference); anything else (option groups)
is left to Django."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class PlainSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        chosen = set(self.format_value(value))
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option, " selected" if str(option) in chosen else "", label)
                for option, label in (("" if v is None else v, label) for v, label in choices)
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)
