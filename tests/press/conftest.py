import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from news.factories import NewsIndexPageFactory
from press import roles


def staff_user(username, group_name=None, language="ka", **extra):
    """A member of one editorial group, whose admin speaks `language`."""
    user = get_user_model().objects.create_user(
        username, f"{username}@ssa.gov.ge", "password-1505", is_active=True, **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def news_section(home_pages):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    roles.setup_editorial()
    return news


def either_language(msgid):
    """A message as the admin may give it: in English, or in Georgian (the admin's default,
    which a request can switch to whatever language the test activated)."""
    from django.utils import translation

    with translation.override("ka"):
        georgian = translation.gettext(msgid)
    return {msgid, georgian}
