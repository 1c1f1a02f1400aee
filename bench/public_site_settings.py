"""Production settings for bench/public_site.py, plus one plain view to compare with."""

from ssa.settings.production import *  # noqa: F403


class _NoMigrations(dict):
    """Tables straight from the models (`migrate --run-syncdb`): the bench needs a database
    in seconds, not the minutes that replaying every migration takes on SQLite."""

    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


ROOT_URLCONF = "bench.public_site_urls"
MIGRATION_MODULES = _NoMigrations()
# The search index tables come from migrations; the pages measured never search.
WAGTAILSEARCH_BACKENDS = {}
