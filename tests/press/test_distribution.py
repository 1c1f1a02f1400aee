import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import translation

from news.factories import NewsIndexPageFactory, PressReleasePageFactory
from press.distribution import (
    DistributionError,
    prepare_distribution,
    send_distribution,
    unsubscribe_token,
)
from press.factories import ContactListFactory, MediaContactFactory
from press.models import Delivery, Distribution
from tests.utils import translate


class FlakySMTPBackend(EmailBackend):
    """Delivers like locmem, but refuses some addresses and can drop the connection after
    a number of messages, as a real SMTP server does."""

    refuse = set()
    drop_after = None

    def send_messages(self, messages):
        for message in messages:
            if message.to[0] in self.refuse:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
            if self.drop_after is not None and len(mail.outbox) >= self.drop_after:
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def release(home_pages, locales):
    news = NewsIndexPageFactory(parent=home_pages["ka"])
    translate(news, locales["en"], title="News", slug="news")
    page = PressReleasePageFactory(parent=news, title="სააგენტომ ახალი პროგრამა წარადგინა")
    translate(
        page,
        locales["en"],
        title="The Agency presents a new programme",
        lead="The Agency informs citizens.",
        slug="new-programme",
    )
    return page


@pytest.fixture
def georgian_and_english_contacts():
    media = ContactListFactory(name="ქართული მედია")
    MediaContactFactory.create_batch(3, lists=[media])
    MediaContactFactory(lists=[media], language="en", email="correspondent@example.org")
    MediaContactFactory(lists=[media], is_active=False, email="former@example.ge")
    return media


def test_each_contact_gets_the_release_in_their_language_with_text_and_html(
    release, georgian_and_english_contacts
):
    distribution = prepare_distribution(release, [georgian_and_english_contacts])
    result = send_distribution(distribution)
    assert (result.sent, result.failed) == (4, 0)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "former@example.ge" not in by_address
    english = by_address["correspondent@example.org"]
    assert english.subject == "The Agency presents a new programme"
    georgian = (
        by_address["journalist0@example.ge"]
        if "journalist0@example.ge" in by_address
        else (next(message for address, message in by_address.items() if address.endswith(".ge")))
    )
    assert georgian.subject == "სააგენტომ ახალი პროგრამა წარადგინა"
    for message in mail.outbox:
        html = message.alternatives[0].content
        assert message.alternatives[0].mimetype == "text/html"
        assert "/press/unsubscribe/" in message.body and "/press/unsubscribe/" in html
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 4
    assert Distribution.objects.get().finished_at is not None


def test_empty_list_is_refused_with_a_clear_message(release):
    with pytest.raises(DistributionError, match="აქტიური კონტაქტი არ არის"):
        prepare_distribution(release, [ContactListFactory()])
    with translation.override("en"), pytest.raises(DistributionError, match="no active contacts"):
        prepare_distribution(release, [ContactListFactory()])
    with translation.override("en"), pytest.raises(DistributionError, match="at least one"):
        prepare_distribution(release, [])


def test_smtp_failure_mid_send_keeps_delivered_and_a_retry_sends_each_once(release, settings):
    settings.EMAIL_BACKEND = "tests.press.test_distribution.FlakySMTPBackend"
    media = ContactListFactory()
    MediaContactFactory.create_batch(6, lists=[media])
    FlakySMTPBackend.refuse = {"journalist-nobody@example.ge"}
    MediaContactFactory(lists=[media], email="journalist-nobody@example.ge")
    FlakySMTPBackend.drop_after = 3
    distribution = prepare_distribution(release, [media])

    first = send_distribution(distribution)
    assert first.sent == 3 and first.failed == 4
    assert "journalist-nobody@example.ge" in first.failed_addresses
    delivered = set(
        distribution.deliveries.filter(status=Delivery.Status.SENT).values_list("email", flat=True)
    )
    assert len(delivered) == 3

    FlakySMTPBackend.drop_after = None  # the server is back
    second = send_distribution(distribution)
    assert second.sent == 3 and second.failed == 1  # the refused address fails again
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 6  # nobody got it twice

    # A refused address is not retried forever.
    send_distribution(distribution)
    send_distribution(distribution)
    refused = distribution.deliveries.get(email="journalist-nobody@example.ge")
    assert refused.status == Delivery.Status.FAILED and refused.attempts == 3
    assert "SMTPRecipientsRefused" in refused.error
    FlakySMTPBackend.refuse = set()


def test_advance_copy_is_marked_embargoed_in_subject_and_body(release, settings):
    import datetime

    from django.utils import timezone

    release.embargo_until = timezone.now() + datetime.timedelta(days=2)
    release.save_revision()
    media = ContactListFactory()
    MediaContactFactory(lists=[media], language="en", email="advance@example.org")
    MediaContactFactory(lists=[media], language="ka", email="advance@example.ge")
    distribution = prepare_distribution(release, [media], kind=Distribution.Kind.ADVANCE)
    send_distribution(distribution)
    english = next(message for message in mail.outbox if message.to == ["advance@example.org"])
    assert english.subject.startswith("EMBARGOED UNTIL ")
    assert "EMBARGOED UNTIL " in english.body
    georgian = next(message for message in mail.outbox if message.to == ["advance@example.ge"])
    assert "ემბარგო" in georgian.subject


def test_unsubscribe_link_asks_then_deactivates(client, release):
    contact = MediaContactFactory(language="ka")
    url = f"/ka/press/unsubscribe/{unsubscribe_token(contact)}/"
    response = client.get(url)
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.is_active  # a link scanner's GET changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    contact.refresh_from_db()
    assert not contact.is_active and contact.unsubscribed_at is not None


def test_forged_unsubscribe_token_is_refused(client, db, home_pages):
    contact = MediaContactFactory()
    token = unsubscribe_token(contact)[:-2] + "xx"
    assert client.post(f"/en/press/unsubscribe/{token}/").status_code == 404
    contact.refresh_from_db()
    assert contact.is_active
