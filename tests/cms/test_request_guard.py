"""NUL in a path or a query parameter is refused with 400 before any view reads it (it
reached PostgreSQL through the gallery's filters and answered 500)."""

import pytest


@pytest.mark.parametrize(
    "address",
    ["/ka/?tag=a%00b", "/en/?event=%00", "/ka/?a%00=1", "/ka/a%00b/", "/ka/search/?q=%00"],
)
def test_nul_is_refused_with_400(home_pages, client, address):
    response = client.get(address)
    assert response.status_code == 400
    georgian = "დაუშვებელ" in response.content.decode()
    assert georgian == address.startswith("/ka/")


def test_ordinary_addresses_pass(home_pages, client):
    assert client.get("/ka/?tag=დახმარება&page=2").status_code == 200
