"""One group per territorial office (cms.roles): its members edit only their own office's
page (hours, dated exceptions, the temporary notice) and its translations, and submit it to
Standard review; they cannot publish. Group names are in Georgian."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page

from cms.roles import ADMIN_ACCESS, permission

GROUP_PREFIX = "ტერიტორიული ერთეული: "  # "Territorial office: "
GROUP_NAME_MAX = 150


def group_name(office):
    return (GROUP_PREFIX + office.title)[:GROUP_NAME_MAX]


def ensure_office_group(office):
    """The editors' group of `office` (a page in any language; the group belongs to the
    Georgian original), with edit rights on that page and its translations only."""
    from offices.models import OfficePage

    source = (
        OfficePage.objects.filter(
            translation_key=office.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or office
    )
    group = source.editors_group
    if group is None:
        group, _created = Group.objects.get_or_create(name=group_name(source))
        OfficePage.objects.filter(pk=source.pk).update(editors_group=group)
        source.editors_group = group
    elif (
        group.name != group_name(source)
        and not Group.objects.filter(name=group_name(source)).exists()
    ):
        group.name = group_name(source)
        group.save(update_fields=["name"])
    group.permissions.add(permission(ADMIN_ACCESS))
    change = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename="change_page"
    )
    for page in source.get_translations(inclusive=True):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change)
    return group


def extend_roles(editorial):
    from offices.models import OfficePage

    groups = {}
    for office in OfficePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        group = ensure_office_group(office)
        groups[group.name] = group
    return groups
