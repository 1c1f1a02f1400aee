import pytest

from search import querylog, ranking


@pytest.fixture(autouse=True)
def _empty_query_log_buffer():
    """Searches made outside a request queue their log rows until the next response; no
    test hands its rows to the next one (or, at exit, to a database that is gone)."""
    querylog.discard()
    yield
    querylog.discard()


@pytest.fixture(autouse=True)
def _no_cached_type_weights():
    """Weights editors set in one test are rolled back with it; so is their cache."""
    ranking.forget_type_weights()
    yield
    ranking.forget_type_weights()
