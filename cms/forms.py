from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput

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

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and contains_georgian(slug):
            return slugify_georgian(slug, max_length=255)
        return slug
