from django.db import migrations

from search.database_tuning import (
    create_postgres_title_body_index,
    drop_postgres_title_body_index,
)


def create(apps, schema_editor):
    create_postgres_title_body_index(schema_editor)


def drop(apps, schema_editor):
    drop_postgres_title_body_index(schema_editor)


class Migration(migrations.Migration):
    """A GIN index on `title || body` of Wagtail's search index entries (PostgreSQL only):
    the expression Wagtail's database backend searches (search/db_backend.py)."""

    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
