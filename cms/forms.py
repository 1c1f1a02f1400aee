from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import Page, TranslatableMixin

from helpers.georgian import (
    MTAVRULI_FIRST,
    MTAVRULI_LAST,
    NATIONAL_ROMANISATION,
    contains_georgian,
    slugify_georgian,
    to_latin,
)


def georgian_slug_formatters():
    """Wagtail slug-field formatters (regex, replacement) that romanise each Georgian
    letter, Mtavruli capitals included, by the same table the server uses."""
    letters = list(NATIONAL_ROMANISATION) + [
        chr(code) for code in range(MTAVRULI_FIRST, MTAVRULI_LAST + 1)
    ]
    return [(letter, to_latin(letter)) for letter in letters if to_latin(letter) != letter]


_FORMATTERS_ATTRIBUTE = "data-w-slug-formatters-value"
_GEORGIAN_FORMATTERS = SlugInput(formatters=georgian_slug_formatters()).attrs[_FORMATTERS_ATTRIBUTE]


class GeorgianSlugPageForm(WagtailAdminPageForm):
    """Romanises Georgian slugs by the national system.

    In the browser, through the slug field's formatters, so the editor sees the slug that
    will be saved (Wagtail's built-in Georgian map is an informal one: ც → c, ხ → x); on the
    server, before Wagtail checks that the slug is free among the page's siblings.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget.attrs[_FORMATTERS_ATTRIBUTE] = _GEORGIAN_FORMATTERS
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id:
            limit_translatable_choices(self, locale_id)

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and contains_georgian(slug):
            return slugify_georgian(slug, max_length=255)
        return slug


def limit_translatable_choices(form, locale_id):
    """Choices of translatable snippets (audiences, menus…) in the page's language only:
    otherwise a Georgian page offers every audience twice, Georgian and English
    interleaved. What the page had chosen in another language (wagtail-localize copies the
    relation as it is) is shown as its version in this language, so saving keeps it."""
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        model = queryset.model
        if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
            continue
        field.queryset = queryset.filter(locale_id=locale_id)
        chosen = form.initial.get(name)
        if not chosen:
            continue
        many = isinstance(field, forms.ModelMultipleChoiceField)
        chosen_pks = [getattr(item, "pk", item) for item in (chosen if many else [chosen])]
        keys = model._default_manager.filter(pk__in=chosen_pks).values("translation_key")
        in_locale = list(field.queryset.filter(translation_key__in=keys))
        form.initial[name] = in_locale if many else (in_locale[0] if in_locale else None)
