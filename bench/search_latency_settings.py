"""Settings of bench/search_latency.py: the test settings on the database DATABASE_URL
names, with the tables made straight from the models (`migrate --run-syncdb`, seconds
instead of the minute replaying every migration takes). The SQLite full-text table only
the search migration creates; the bench adds it with that migration's own SQL."""

from ssa.settings.test import *  # noqa: F403


class _NoMigrations(dict):
    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


MIGRATION_MODULES = _NoMigrations()
