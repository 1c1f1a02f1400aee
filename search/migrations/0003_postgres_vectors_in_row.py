from django.db import migrations

from search.database_tuning import (
    store_postgres_vectors_as_wagtail_does,
    store_postgres_vectors_in_row,
)


def forwards(apps, schema_editor):
    store_postgres_vectors_in_row(schema_editor)


def backwards(apps, schema_editor):
    store_postgres_vectors_as_wagtail_does(schema_editor)


class Migration(migrations.Migration):
    """The title and body vectors of Wagtail's search index entries kept in the entry's row,
    lz4-compressed (PostgreSQL only; search/database_tuning.py says why). Rewrites the
    entries already indexed: about 20 seconds per 100,000 pages."""

    dependencies = [("search", "0002_postgres_title_body_index")]

    operations = [migrations.RunPython(forwards, backwards)]
