from django import template

from media_archive.catalogue_dates import catalogue_date as format_catalogue_date
from media_archive.catalogue_sections import sections_of

register = template.Library()


@register.filter
def catalogue_date(value):
    return format_catalogue_date(value)


@register.simple_tag
def catalogue_sections(form):
    """The edit form's fields grouped into the catalogue's sections (catalogue_sections)."""
    return sections_of(form)
