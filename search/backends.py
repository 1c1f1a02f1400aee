"""Which search backend answers a query, and the fall back to the database when an
external engine (Elasticsearch) cannot be reached."""

import logging
import time

from django.conf import settings
from wagtail.search.backends import get_search_backend

from search.database_tuning import search_planner_settings
from search.db_backend import DATABASE_BACKENDS

logger = logging.getLogger(__name__)

DATABASE_BACKEND = "search.db_backend"
# After a failure the external engine is left alone for this long, so that every search
# does not wait for a connection to time out while it is down.
RETRY_EXTERNAL_AFTER_SECONDS = 30

_external_unreachable_until = 0.0


def is_external(backend) -> bool:
    module = type(backend).__module__
    return "elasticsearch" in module or "opensearch" in module


def database_backend():
    """The database backend: the configured one if there is one, so that its index is
    the one kept current on every save, else a fresh instance."""
    for alias, config in settings.WAGTAILSEARCH_BACKENDS.items():
        if config.get("BACKEND", "") in DATABASE_BACKENDS:
            return get_search_backend(alias)
    return get_search_backend(DATABASE_BACKEND)


def mark_external_unreachable() -> None:
    global _external_unreachable_until
    _external_unreachable_until = time.monotonic() + RETRY_EXTERNAL_AFTER_SECONDS


def reset_external_state() -> None:
    global _external_unreachable_until
    _external_unreachable_until = 0.0


def run_search(run):
    """Call run(backend) with the default backend; if that is an external engine and it
    fails, log it and call run() again with the database backend.

    run() must evaluate everything it needs from the backend (counts, pages, facets)
    before it returns, so that a failure happens inside this function.
    """
    backend = get_search_backend()
    if not is_external(backend):
        return _run_on_database(run, backend)
    if time.monotonic() >= _external_unreachable_until:
        try:
            return run(backend)
        except Exception as error:  # noqa: BLE001 - any failure of the engine means fall back
            mark_external_unreachable()
            logger.warning(
                "Search engine unreachable (%s); answering from the database backend.",
                type(error).__name__,
            )
    return _run_on_database(run, database_backend())


def _run_on_database(run, backend):
    with search_planner_settings():
        return run(backend)
