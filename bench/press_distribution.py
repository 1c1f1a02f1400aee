"""Press distribution benchmark: memory and time of sending one release to a media list.

    nice -n 10 .venv/bin/python bench/press_distribution.py [--contacts 1000 5000]

Runs on a throwaway SQLite file in a temporary directory (removed afterwards). Sends a press
release through the project's distribution code (press.distribution: prepare, then send
with its send log) to generated contacts, with an e-mail backend that builds each message's
MIME bytes, as SMTP would, counts them and keeps nothing. Beside it, in the same run, a
plain `send_mail` loop over the same addresses with the same backend.

Peak memory (tracemalloc, in a run of its own so that tracing does not slow the timed run)
must not grow with the list: the peak at the largest list is compared with the smallest.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# In memory-backed /dev/shm where there is one: the send log commits once per message (so
# that a resumed send writes to nobody twice), and a disk's fsync would drown the figures.
WORKDIR = tempfile.mkdtemp(
    prefix="ssa-press-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None
)
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ssa.settings.test")

import django  # noqa: E402
from django.core.mail.backends.base import BaseEmailBackend  # noqa: E402


class CountingBackend(BaseEmailBackend):
    """An SMTP server that accepts everything: each message is serialised, counted, dropped."""

    sent = 0
    sent_bytes = 0

    def send_messages(self, email_messages):
        for message in email_messages:
            CountingBackend.sent_bytes += len(message.message().as_bytes())
        CountingBackend.sent += len(email_messages)
        return len(email_messages)


class _NoMigrations(dict):
    """Tables straight from the models: a database in seconds, not minutes of migrations."""

    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


def setup_database():
    from django.conf import settings
    from django.core.management import call_command

    settings.MIGRATION_MODULES = _NoMigrations()
    settings.WAGTAILSEARCH_BACKENDS = {}  # the search index tables come from migrations
    # Django imports the backend by name: let that name find this very module.
    sys.modules.setdefault("bench.press_distribution", sys.modules[__name__])
    settings.EMAIL_BACKEND = "bench.press_distribution.CountingBackend"
    settings.DEBUG = False  # no query log growing with the list
    call_command("migrate", run_syncdb=True, verbosity=0)


def make_release():
    from news.factories import NewsIndexPageFactory, PressReleasePageFactory
    from tests.utils import make_locales, make_site_tree

    make_locales()
    home = make_site_tree()["ka"]
    news = NewsIndexPageFactory(parent=home)
    return PressReleasePageFactory(
        parent=news, title="სააგენტომ ახალი პროგრამა წარადგინა", embargo_until=None
    )


def make_list(count, prefix):
    from press.models import ContactList, MediaContact

    media_list = ContactList.objects.create(name=f"{prefix} {count}")
    MediaContact.objects.bulk_create(
        MediaContact(
            name=f"ჟურნალისტი {n}",
            outlet="ინტერპრესნიუსი",
            email=f"{prefix}-{count}-{n}@example.ge",
            language="en" if n % 5 == 0 else "ka",
        )
        for n in range(count)
    )
    through = MediaContact.lists.through
    contacts = MediaContact.objects.filter(email__startswith=f"{prefix}-{count}-")
    through.objects.bulk_create(
        through(mediacontact_id=pk, contactlist_id=media_list.pk)
        for pk in contacts.values_list("pk", flat=True)
    )
    return media_list


def project_send(release, media_list, count):
    from press.distribution import prepare_distribution, send_distribution

    distribution = prepare_distribution(release, [media_list])
    result = send_distribution(distribution)
    assert result.sent == count, (result.sent, count)


def plain_send(release, media_list, count):
    from django.core.mail import send_mail

    for email in media_list.contacts.values_list("email", flat=True).iterator():
        send_mail(release.title, release.lead, None, [email], html_message=f"<p>{release.lead}</p>")


def measure(function, release, count, prefix, trace):
    """(seconds, peak bytes) of one send to a new list of `count` contacts; the list is
    made before tracing starts, so the peak is the sending's own."""
    media_list = make_list(count, prefix)
    CountingBackend.sent = 0
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
        baseline, _peak = tracemalloc.get_traced_memory()
    started = time.perf_counter()
    function(release, media_list, count)
    seconds = time.perf_counter() - started
    peak = 0
    if trace:
        _current, peak = tracemalloc.get_traced_memory()
        peak -= baseline
        tracemalloc.stop()
    assert CountingBackend.sent == count, (CountingBackend.sent, count)
    return seconds, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, nargs="+", default=[1000, 5000])
    sizes = sorted(parser.parse_args().contacts)
    django.setup()
    setup_database()
    release = make_release()
    # Warm up templates, translations and URL resolvers so the first size pays nothing extra.
    measure(project_send, release, 20, "warm", trace=False)
    measure(plain_send, release, 20, "warmplain", trace=False)

    # Time per message does not depend on the list's length (one message, one log row at a
    # time), so it is timed on the smallest list; memory is traced on every size.
    smallest = sizes[0]
    project_seconds, _ = measure(project_send, release, smallest, "timed", trace=False)
    plain_seconds, _ = measure(plain_send, release, smallest, "timedplain", trace=False)
    _, plain_peak = measure(plain_send, release, smallest, "tracedplain", trace=True)
    peaks = [
        (count, measure(project_send, release, count, "traced", trace=True)[1]) for count in sizes
    ]

    print(f"time per message, {smallest} contacts (e-mail built to MIME bytes, then dropped):")
    project_ms, plain_ms = (
        seconds / smallest * 1000 for seconds in (project_seconds, plain_seconds)
    )
    print(f"  press distribution (send log, own unsubscribe link): {project_ms:.2f} ms")
    print(f"  plain send_mail loop:                                 {plain_ms:.2f} ms")
    print(f"  ratio: ×{project_seconds / plain_seconds:.2f}")
    print("peak memory of one send (tracemalloc):")
    for count, peak in peaks:
        print(f"  press distribution, {count:>6} contacts: {peak / 2**20:.2f} MiB")
    print(f"  plain send_mail loop, {smallest:>5} contacts: {plain_peak / 2**20:.2f} MiB")
    (first, first_peak), (last, last_peak) = peaks[0], peaks[-1]
    print(
        f"  growth {first} → {last} contacts: ×{last_peak / first_peak:.2f} "
        f"for a list ×{last / first:.0f} longer (bounded when near ×1)"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)
