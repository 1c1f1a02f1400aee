import sys
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms.models import ContentPage, HomePage


def _snapshot():
    return (
        Page.objects.count(),
        Page.objects.filter(live=True).count(),
        get_user_model().objects.count(),
        Site.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_builds_a_bilingual_site_and_is_idempotent(client, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    first = StringIO()
    call_command("seed_demo", stdout=first)
    assert "password" in first.getvalue()  # the generated password is shown once…
    after_first = _snapshot()

    second = StringIO()
    call_command("seed_demo", stdout=second, verbosity=2)
    assert "password" not in second.getvalue()  # …and never again
    assert "nothing created" in second.getvalue()
    assert _snapshot() == after_first

    home_ka = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home_ka, HomePage) and home_ka.locale.language_code == "ka"
    for title in ["სახელმწიფო პენსია", "მიზნობრივი სოციალური დახმარება", "State pension"]:
        assert ContentPage.objects.live().filter(title=title).exists()
    # Every Georgian content page has a live English translation.
    for page in ContentPage.objects.filter(locale__language_code="ka"):
        assert page.get_translation_or_none(
            page.locale.__class__.objects.get(language_code="en")
        ).live
    assert client.get("/ka/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_admin_password_from_the_environment_is_used_and_not_printed(demo_site, monkeypatch):
    # The session's demo without its admin: the command has only the account left to make.
    get_user_model().objects.filter(username="admin").delete()
    monkeypatch.setenv("ADMIN_PASSWORD", "ერთი-ორი-სამი-ოთხი")
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "ერთი-ორი-სამი-ოთხი" not in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password("ერთი-ორი-სამი-ოთხი")


def test_without_the_demo_folder_the_command_says_so(monkeypatch):
    # The production image leaves demo/ out (.dockerignore): the command must explain, not
    # fail with a traceback. None in sys.modules makes the import fail as a missing module.
    monkeypatch.setitem(sys.modules, "demo.seed", None)
    with pytest.raises(CommandError, match="demo/"):
        call_command("seed_demo", stdout=StringIO())
