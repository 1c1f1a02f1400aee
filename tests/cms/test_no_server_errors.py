"""No 500 from any input: property-based requests (hypothesis) to every public URL of the
demo site — one page of each type in both languages, search and its suggestions, the
sitemap, robots.txt, feeds and calendars — with the query parameters the site reads and
hostile values: NUL, invalid UTF-8, huge and negative integers, repeated and array-style
parameters, very long values, control characters and Georgian text. Run on SQLite and on
PostgreSQL (which refuses NUL in a string, where SQLite accepts it).

Derandomised (the same examples every run) and bounded, to keep CI time modest."""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_accessibility_all_page_types import public_page_of_each_type

PARAMETERS = [
    "page",
    "q",
    "year",
    "audience",
    "kind",
    "type",
    "tag",
    "event",
    "photographer",
    "date",
    "from",
    "to",
    "start",
    "end",
    "language",
    "lang",
    "age",
    "region",
    "children",
    "disability",
    "next",
]
HOSTILE = [
    "\x00",
    "a\x00b",
    "%00",
    "9" * 40,
    "-1",
    "0",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "2024-02-30",
    "99999-01-01",
    "x" * 5000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "ⴑⴀⴅⴔ",  # noqa: RUF001 - Nuskhuri letters: Georgian that is not Mkhedruli
    "დახმარება",
    "\ud800",
    "\r\n",
    "[]",
    "{}",
]
EXTRA_URLS = [
    "/ka/search/",
    "/en/search/",
    "/ka/search/suggest/",
    "/sitemap.xml",
    "/robots.txt",
]
SETTINGS = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _encoded(value):
    if isinstance(value, bytes):
        return quote_from_bytes(value)
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.binary(max_size=20),  # mostly invalid UTF-8 once percent-encoded
)
names = st.one_of(
    st.sampled_from(PARAMETERS),
    st.sampled_from(PARAMETERS).map(lambda name: name + "[]"),
    st.text(max_size=10),
)
queries = st.lists(st.tuples(names, values), min_size=1, max_size=6).map(
    lambda pairs: "&".join(f"{_encoded(name)}={_encoded(value)}" for name, value in pairs)
)


@pytest.fixture
def targets(demo_site):
    urls = [url for _name, _language, url in public_page_of_each_type()] + EXTRA_URLS
    # Feeds and calendars of the listings.
    for url in list(urls):
        if "news" in url or "events" in url:
            urls += [url + "feed/rss/", url + "ical/"]
    return urls


def _status(client, path, query_string):
    # The query string as the WSGI server hands it over: bytes read as Latin-1.
    response = client.get(path, QUERY_STRING=query_string.encode("ascii").decode("latin-1"))
    return response.status_code


def test_no_server_error_from_any_query_string(targets, record_property):
    client = Client(raise_request_exception=False)
    sent = []
    failures = []

    @SETTINGS
    @given(index=st.integers(min_value=0, max_value=len(targets) - 1), query=queries)
    def probe(index, query):
        path = targets[index]
        status = _status(client, path, query)
        sent.append(path)
        if status >= 500:
            failures.append(f"{status} {path}?{query}")

    probe()
    # Every target with every hostile value in every parameter it may read, once.
    for path in targets:
        for name in ("page", "q", "year", "tag", "event", "type", "audience", "kind"):
            for value in ("a%00b", "%FF%FE", "9" * 40):
                status = _status(client, path, f"{name}={value}&{name}=1")
                sent.append(path)
                if status >= 500:
                    failures.append(f"{status} {path}?{name}={value[:20]}")
    record_property("fuzzed_requests", len(sent))  # -o junit_family=legacy shows it
    assert failures == [], f"{len(failures)} of {len(sent)} requests answered 5xx"


def test_no_server_error_from_any_path(targets, record_property):
    client = Client(raise_request_exception=False)
    sent = []
    failures = []
    segments = st.one_of(
        st.sampled_from(["%00", "a%00b", "%FF", "..", "%2e%2e", "9" * 40, "x" * 2000]),
        st.text(min_size=1, max_size=30).map(_encoded),
        st.binary(min_size=1, max_size=10).map(quote_from_bytes),
    )

    @settings(SETTINGS, max_examples=100)
    @given(index=st.integers(min_value=0, max_value=len(targets) - 1), segment=segments)
    def probe(index, segment):
        path = targets[index].rstrip("/") + "/" + segment + "/"
        status = client.get(path).status_code
        sent.append(path)
        if status >= 500:
            failures.append(f"{status} {path}")

    probe()
    record_property("fuzzed_requests", len(sent))  # -o junit_family=legacy shows it
    assert failures == [], f"{len(failures)} of {len(sent)} requests answered 5xx"
