import pytest

from tests.desk import setup_roles


@pytest.fixture
def desk(home_pages):
    return setup_roles()
