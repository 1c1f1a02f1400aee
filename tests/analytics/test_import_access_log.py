import gzip

import pytest
from django.core.management import call_command

from analytics.models import PageView

pytestmark = pytest.mark.django_db

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Safari/537.36"
)
LINES = [
    f'203.0.113.5 - - [10/Mar/2026:10:00:00 +0400] "GET /ka/?utm_source=mail HTTP/1.1" 200 512 '
    f'"https://www.google.com/" "{CHROME}"',
    f'203.0.113.5 - - [10/Mar/2026:10:01:00 +0400] "GET /ka/services/ HTTP/1.1" 200 512 '
    f'"https://ssa.gov.ge/ka/" "{CHROME}"',
    f'198.51.100.1 - - [10/Mar/2026:10:02:00 +0400] "GET /ka/gone/ HTTP/1.1" 404 100 "-" '
    f'"{CHROME}"',
    '66.249.66.1 - - [10/Mar/2026:10:03:00 +0400] "GET /ka/ HTTP/1.1" 200 512 "-" '
    '"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"',
    f'203.0.113.5 - - [10/Mar/2026:10:04:00 +0400] "GET /static/css/site.css HTTP/1.1" 200 9 '
    f'"-" "{CHROME}"',
    f'203.0.113.5 - - [10/Mar/2026:10:05:00 +0400] "POST /ka/ HTTP/1.1" 200 9 "-" "{CHROME}"',
    f'203.0.113.5 - - [10/Mar/2026:10:06:00 +0400] "GET /admin/ HTTP/1.1" 200 9 "-" "{CHROME}"',
    "this is not a log line",
    '203.0.113.5 - - [99/Foo/2026:10:00:00 +0400] "GET /ka/ HTTP/1.1" 200 9 "-" "x"',
    "",
]


def _write(path, lines, compress=False):
    data = ("\n".join(lines) + "\n").encode() + b"\xff\xfe broken bytes\n"
    if compress:
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("compress", [False, True])
def test_import_with_malformed_lines(tmp_path, capsys, compress):
    log = _write(tmp_path / ("access.log.gz" if compress else "access.log"), LINES, compress)
    call_command("import_access_log", log, host="ssa.gov.ge")
    output = capsys.readouterr().out
    assert "Imported 3 page views." in output
    assert "malformed: 4" in output
    assert "robot: 1" in output
    assert "excluded path: 1" in output
    assert "static asset: 1" in output
    assert "method: 1" in output
    views = PageView.objects.order_by("viewed_at")
    assert [(view.path, view.status) for view in views] == [
        ("/ka/", 200),
        ("/ka/services/", 200),
        ("/ka/gone/", 404),
    ]
    first, second, _third = views
    assert first.referrer_host == "www.google.com" and first.utm_source == "mail"
    assert second.referrer_path == "/ka/" and not second.is_entry
    assert first.visitor_hash == second.visitor_hash
    stored = " ".join(str(value) for row in PageView.objects.values_list() for value in row)
    assert "203.0.113.5" not in stored and "Chrome/120" not in stored


def test_missing_file_is_an_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_access_log", str(tmp_path / "nothing.log"))


def test_import_survives_huge_agents_and_broken_referrers(tmp_path, capsys):
    huge = "Mozilla/5.0 (Windows NT 10.0) " + "A" * 10_240
    lines = [
        f'203.0.113.5 - - [10/Mar/2026:10:00:00 +0400] "GET /ka/ HTTP/1.1" 200 512 "-" "{huge}"',
        '203.0.113.6 - - [10/Mar/2026:10:00:01 +0400] "GET /ka/%FF%FE/ HTTP/1.1" 200 512 '
        f'"http://[::1" "{CHROME}"',
    ]
    call_command("import_access_log", _write(tmp_path / "access.log", lines), host="ssa.gov.ge")
    assert "Imported 2 page views." in capsys.readouterr().out
    assert PageView.objects.filter(referrer_host="").count() == 2


def _line(path, status=200, referrer="-", second=0, ip="203.0.113.5", agent=CHROME):
    return (
        f'{ip} - - [10/Mar/2026:10:00:{second:02d} +0400] "GET {path} HTTP/1.1" {status} 512 '
        f'"{referrer}" "{agent}"'
    )


def test_pages_with_extensions_are_pages_and_assets_are_not(tmp_path, capsys):
    lines = [
        _line("/about.html"),
        _line("/news/item.xhtml", second=1),
        _line("/index.php?id=3", second=2),
        _line("/ka/services/", status=304, second=3),
        _line("/site.css", second=4),
        _line("/photo.JPG", second=5),
        _line("/report.pdf", second=6),
        _line("/notes/readme.cfg", second=7),
    ]
    call_command("import_access_log", _write(tmp_path / "a.log", lines))
    output = capsys.readouterr().out
    paths = set(PageView.objects.values_list("path", flat=True))
    assert paths == {"/about.html", "/news/item.xhtml", "/index.php", "/ka/services/",
                     "/notes/readme.cfg"}  # fmt: skip
    assert PageView.objects.get(path="/ka/services/").status == 200  # a 304 is a reading
    assert "static asset: 2" in output and "document download: 1" in output
    assert "of unknown type: 1 views of 1 paths" in output and "/notes/readme.cfg" in output


def test_other_hostnames_of_the_site_are_not_referrers(tmp_path):
    lines = [
        _line("/ka/", referrer="https://www.ssa.gov.ge/en/"),
        _line("/ka/a/", referrer="https://ssa.gov.ge/ka/", second=1),
        _line("/ka/b/", referrer="https://www.google.com/", second=2),
    ]
    call_command(
        "import_access_log",
        _write(tmp_path / "a.log", lines),
        hosts=["ssa.gov.ge", "www.ssa.gov.ge"],
    )
    rows = dict(PageView.objects.values_list("path", "referrer_host"))
    assert rows == {"/ka/": "", "/ka/a/": "", "/ka/b/": "www.google.com"}
    assert PageView.objects.get(path="/ka/").referrer_path == "/en/"


def test_overlapping_rotated_files_add_each_line_once(tmp_path, capsys):
    lines = [_line(f"/ka/page-{n}/", second=n) for n in range(6)]
    # Two identical lines in one file are two views (a reload within the second).
    lines.append(lines[-1])
    older = _write(tmp_path / "access.log.1.gz", lines[:4], compress=True)
    newer = _write(tmp_path / "access.log", lines[2:])
    call_command("import_access_log", older, newer)
    assert PageView.objects.count() == 7
    output = capsys.readouterr().out
    assert "Already imported before: 2" in output
    call_command("import_access_log", newer)
    assert PageView.objects.count() == 7
    assert "Imported 0 page views." in capsys.readouterr().out
