import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from media_archive.models import ArchiveImage
from tests.media_archive import files


@pytest.mark.django_db
def test_multiple_upload_catalogues_the_image_and_refuses_its_duplicate(admin_client):
    data = files.jpeg_bytes(seed=70)
    upload = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("m.jpg", data)}
    ).json()
    assert upload["success"]
    # Sensitivity must be chosen, so Wagtail holds the file until the editor fills the form.
    uploaded_id = upload["uploaded_file_id"]
    created = admin_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{uploaded_id}/",
        {
            f"uploaded-image-{uploaded_id}-title": "შეხვედრა",
            f"uploaded-image-{uploaded_id}-sensitivity": "public",
            f"uploaded-image-{uploaded_id}-album_position": "0",
            f"uploaded-image-{uploaded_id}-collection": "1",
        },
    ).json()
    assert created["success"], created
    image = ArchiveImage.objects.get()
    assert len(image.sha256) == 64
    assert image.credit == "Nino Beridze"

    again = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("copy.jpg", data)}
    ).json()
    assert not again["success"]
    assert f"/admin/images/{image.pk}/" in again["error_message"]
    assert ArchiveImage.objects.count() == 1
