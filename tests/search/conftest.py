import pytest

from search import querylog


@pytest.fixture(autouse=True)
def _empty_query_log_buffer():
    """Searches made outside a request queue their log rows until the next response; no
    test hands its rows to the next one (or, at exit, to a database that is gone)."""
    querylog.discard()
    yield
    querylog.discard()
