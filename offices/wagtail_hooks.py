from wagtail import hooks

from offices.models import OfficePage
from offices.roles import ensure_office_group


@hooks.register("after_create_page")
def give_new_office_its_editors_group(request, page):
    """A new office gets its group at once; translations get their page rights from it."""
    if isinstance(page.specific, OfficePage):
        ensure_office_group(page.specific)
