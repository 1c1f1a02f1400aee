"""Video and audio players seek with Range requests (Safari and iOS play nothing without
them): files Django serves answer a single range with 206, a range past the end with 416,
and the privacy checks come first."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from media_archive.byte_ranges import Unsatisfiable, requested_range
from media_archive.factories import ArchiveMediaFactory
from tests.utils import streamed_body

CONTENT = bytes(range(256)) * 40  # 10,240 bytes, each position telling its own offset
SIZE = len(CONTENT)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, SIZE - 1)),
        ("bytes=-500", (SIZE - 500, SIZE - 1)),
        ("bytes=-99999", (0, SIZE - 1)),  # more than the file: the whole file
        ("bytes=10000-99999", (10000, SIZE - 1)),  # clipped to the end
        ("BYTES = 5 - 6", (5, 6)),
        ("bytes=0-0", (0, 0)),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("bytes=9-5", None),  # invalid: ignored
        ("bytes=-", None),
        ("bytes=a-b", None),
        ("items=0-5", None),
        ("bytes=٣-٤", None),  # digits of another script are no positions
    ],
)
def test_requested_range(header, expected):
    assert requested_range(header, SIZE) == expected


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=99999-100000", "bytes=-0"])
def test_ranges_past_the_end_are_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        requested_range(header, SIZE)


def test_an_empty_file_satisfies_no_range():
    with pytest.raises(Unsatisfiable):
        requested_range("bytes=-10", 0)
    with pytest.raises(Unsatisfiable):
        requested_range("bytes=0-", 0)


def public_video(**fields):
    return ArchiveMediaFactory(
        public_file=SimpleUploadedFile("clip.mp4", CONTENT),
        file=SimpleUploadedFile("clip.mp4", CONTENT),
        **fields,
    )


@pytest.mark.django_db
def test_whole_file_says_ranges_are_accepted(client):
    response = client.get(public_video().public_file.url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)
    assert streamed_body(response) == CONTENT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=10000-", 10000, SIZE - 1),
        ("bytes=-40", 10200, 10239),
    ],
)
def test_a_single_range_is_answered_with_206(client, header, first, last):
    url = public_video().public_file.url

    response = client.get(url, headers={"range": header})

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "video/mp4"
    assert response["Accept-Ranges"] == "bytes"
    assert "public" in response["Cache-Control"]
    assert streamed_body(response) == CONTENT[first : last + 1]


@pytest.mark.django_db
def test_a_range_past_the_end_gets_416_with_the_size(client):
    response = client.get(public_video().public_file.url, headers={"range": f"bytes={SIZE}-"})

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_several_ranges_or_a_bad_header_get_the_whole_file(client):
    url = public_video().public_file.url
    for header in ("bytes=0-1,4-5", "bytes=9-5", "lines=1-2"):
        response = client.get(url, headers={"range": header})
        assert response.status_code == 200, header
        assert streamed_body(response) == CONTENT


@pytest.mark.django_db
def test_if_range_from_another_copy_gets_the_whole_file(client):
    url = public_video().public_file.url
    last_modified = client.get(url)["Last-Modified"]

    same_copy = client.get(url, headers={"range": "bytes=0-9", "if-range": last_modified})
    other_copy = client.get(
        url, headers={"range": "bytes=0-9", "if-range": "Thu, 01 Jan 2015 00:00:00 GMT"}
    )
    etag = client.get(url, headers={"range": "bytes=0-9", "if-range": '"abc"'})

    assert same_copy.status_code == 206
    assert streamed_body(same_copy) == CONTENT[:10]
    assert other_copy.status_code == etag.status_code == 200


@pytest.mark.django_db
def test_a_range_request_does_not_get_past_the_privacy_checks(client, staff_client):
    internal = public_video(sensitivity="internal")
    public = public_video()

    for url in (internal.public_file.url, public.file.url):  # internal item; original upload
        for header in ("bytes=0-9", f"bytes={SIZE}-"):
            assert client.get(url, headers={"range": header}).status_code == 404

    staff_response = staff_client.get(public.file.url, headers={"range": "bytes=0-9"})
    assert staff_response.status_code == 206
    assert streamed_body(staff_response) == CONTENT[:10]
    assert "private" in staff_response["Cache-Control"]


@pytest.mark.django_db
def test_behind_nginx_the_web_server_answers_ranges(client, settings):
    settings.MEDIA_ACCEL_MODE = "nginx"
    settings.MEDIA_ACCEL_PREFIX = "/protected-media/"

    response = client.get(public_video().public_file.url, headers={"range": "bytes=0-9"})

    assert response.status_code == 200
    assert response["X-Accel-Redirect"].startswith("/protected-media/media_public/")
    assert "Content-Range" not in response
