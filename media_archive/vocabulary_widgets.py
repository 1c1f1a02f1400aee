"""Form widgets that offer the vocabularies' names as one types (vocabularies.py)."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class VocabularyInput(forms.TextInput):
    """A text field with the vocabulary's names as suggestions (a <datalist>)."""

    def __init__(self, kind, attrs=None):
        self.kind = kind
        super().__init__(attrs)

    class Media:
        js = ["media_archive/js/vocabulary-suggestions.js"]

    def suggestion_url(self):
        return reverse("media_archive_catalogue:vocabulary", args=[self.kind])

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "list": f"{(attrs or {}).get('id') or name}-suggestions",
            "data-vocabulary-url": self.suggestion_url(),
            "autocomplete": "off",
        }
        return super().get_context(name, value, attrs)

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        list_id = f"{(attrs or {}).get('id') or name}-suggestions"
        return format_html('{}<datalist id="{}"></datalist>', field, list_id)


class PeopleInput(forms.Textarea):
    """The "people shown" list (one name per line), with a field below it that suggests
    names from the vocabulary of people and adds the chosen one as a new line."""

    class Media:
        js = ["media_archive/js/vocabulary-suggestions.js"]

    def render(self, name, value, attrs=None, renderer=None):
        textarea = super().render(name, value, attrs, renderer)
        textarea_id = (attrs or {}).get("id") or f"id_{name}"
        adder_id = f"{textarea_id}-add"
        return format_html(
            '{}<div class="w-mt-2"><label class="w-field__label" for="{}">{}</label>'
            '<input type="text" id="{}" list="{}-suggestions" autocomplete="off" '
            'data-vocabulary-url="{}" data-append-to="{}" class="w-field__input">'
            '<datalist id="{}-suggestions"></datalist></div>',
            textarea,
            adder_id,
            _("Add a person from the list of people"),
            adder_id,
            adder_id,
            reverse("media_archive_catalogue:vocabulary", args=["people"]),
            textarea_id,
            adder_id,
        )
