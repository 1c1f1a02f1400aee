import pytest
from django.contrib.auth import get_user_model
from django.test import Client


@pytest.fixture
def staff_client(db):
    """Someone with admin access, beside the anonymous `client`."""
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("archivist", "a@ssa.ge", "pw"))
    return staff
