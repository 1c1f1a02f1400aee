"""The import against a real access log no one here wrote (../shared/corpora, README there),
beside a hand count.

The hand count (written down here, not computed by the code under test): GET requests
answered 200 or 304, whose path is not a static asset or a document (the extension lists of
analytics.conf) nor /robots.txt, /favicon…, and whose user agent a person reading the 380
distinct agents of those lines judged to be a person's browser: 1,648 page views; visitors as
distinct (address, agent, day): 984. Robots by that reading: search engines' crawlers, feed
readers and fetchers (UniversalFeedParser, Tiny Tiny RSS, FeedBurner, Feedly, Liferea,
LiveJournal's), archivers, link previewers, HTTP libraries, PhantomJS, and empty agents.
Of the person's views, 486 are of .html pages and 143 of .xhtml pages.
"""

import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from analytics.models import PageView

pytestmark = pytest.mark.django_db


def _corpus():
    """../shared/corpora beside the project (SSA_CORPORA overrides; a git worktree one level
    deeper finds it too)."""
    if os.environ.get("SSA_CORPORA"):
        return Path(os.environ["SSA_CORPORA"]) / "access-logs" / "apache_logs"
    for parent in Path(__file__).resolve().parents[2:5]:
        candidate = parent.parent / "shared" / "corpora" / "access-logs" / "apache_logs"
        if candidate.is_file():
            return candidate
    return (
        Path(__file__).resolve().parents[3] / "shared" / "corpora" / "access-logs" / "apache_logs"
    )


CORPUS = _corpus()
HAND_COUNTED_VIEWS = 1648
HAND_COUNTED_VISITORS = 984


@pytest.fixture
def corpus_log():
    if not CORPUS.is_file():
        pytest.skip(f"The access-log corpus is missing ({CORPUS}); see shared/corpora/README.md")
    return str(CORPUS)


def _import(log, capsys, *hosts):
    started = time.perf_counter()
    call_command("import_access_log", log, hosts=list(hosts) or ["semicomplete.com"])
    elapsed = time.perf_counter() - started
    return capsys.readouterr().out, elapsed


def test_corpus_import_matches_the_hand_count(corpus_log, capsys):
    output, elapsed = _import(corpus_log, capsys, "semicomplete.com", "www.semicomplete.com")
    views = PageView.objects.filter(status=200)
    view_count = views.count()
    visitor_count = views.exclude(visitor_hash=None).values("visitor_hash").distinct().count()
    print(f"views {view_count} visitors {visitor_count} in {elapsed:.2f} s")
    assert abs(view_count - HAND_COUNTED_VIEWS) <= HAND_COUNTED_VIEWS * 0.05, output
    assert abs(visitor_count - HAND_COUNTED_VISITORS) <= HAND_COUNTED_VISITORS * 0.05, output
    assert views.filter(path__endswith=".html").count() > 400
    assert views.filter(path__endswith=".xhtml").exists()
    assert views.filter(path__endswith=".php").exists() or "php" not in output
    # Crawlers from the maintained list, which the keyword rules never caught.
    assert "robot:" in output
    assert not PageView.objects.filter(path__endswith=".png").exists()
    # The site's other name is not a referring site.
    assert not PageView.objects.filter(
        referrer_host__in=["semicomplete.com", "www.semicomplete.com"]
    ).exists()
    assert "static asset:" in output and "Imported as pages, of unknown type:" in output


def test_second_import_adds_nothing(corpus_log, capsys):
    first, _elapsed = _import(corpus_log, capsys)
    count = PageView.objects.count()
    second, _elapsed = _import(corpus_log, capsys)
    assert PageView.objects.count() == count
    assert "Imported 0 page views." in second
    assert f"Already imported before: {count}" in second
