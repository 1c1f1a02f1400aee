"""In Chromium, in the Georgian admin: a communications specialist logs a mention through
quick entry and sees it in the monitoring report (chart, tables, press-release pick-up)."""

import pytest

from monitoring.factories import OutletFactory, TopicFactory
from monitoring.models import Mention
from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press import roles
from tests.browser import requires_chromium
from tests.desk import log_in, member, prepare_live_database

pytestmark = [requires_chromium, pytest.mark.browser]


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def test_mention_is_logged_and_seen_in_the_report(transactional_db, live_server, desktop_page):
    homes = prepare_live_database()
    news = NewsIndexPageFactory(parent=homes["ka"])
    roles.setup_editorial()
    release = PressReleasePageFactory(parent=news, title="დღის ცენტრები ფართოვდება")
    outlet = OutletFactory(name="პალიტრანიუსი", media_type="tv")
    topic = TopicFactory(name="შშმ პირები")
    specialist = member("specialist", roles.COMMUNICATIONS_SPECIALISTS)
    page, base = desktop_page, live_server.url

    log_in(page, base, specialist)
    page.goto(f"{base}/admin/snippets/monitoring/mention/")
    page.get_by_role("link", name="სწრაფი შეყვანა").click()
    page.select_option("#id_outlet", str(outlet.pk))
    page.fill("#id_published_on", "2026-04-16")
    page.fill("#id_headline", "სააგენტო დღის ცენტრებს ხსნის")
    page.fill("#id_url", "https://palitranews.ge/video/1")
    page.locator("input[name='tone'][value='positive']").check()
    page.select_option("#id_topic", str(topic.pk))
    page.select_option("#id_press_release", str(release.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="შენახვა და შემდეგის აღრიცხვა").click()
    assert "აღირიცხა" in page.content()
    assert Mention.objects.get().tone == "positive"

    page.goto(f"{base}/admin/monitoring/report/?start=2026-01-01&end=2026-12-31")
    report = page.locator("main")
    assert report.locator("svg rect.monitoring-chart__positive").count() == 1
    text = report.inner_text()
    assert "პალიტრანიუსი" in text and "შშმ პირები" in text and "დღის ცენტრები ფართოვდება" in text
    assert "აპრილი 2026" in text  # the month, in Georgian
