from django.db import migrations

from search.database_tuning import (
    create_postgres_page_check_index,
    drop_postgres_page_check_index,
)


def create(apps, schema_editor):
    create_postgres_page_check_index(schema_editor)


def drop(apps, schema_editor):
    drop_postgres_page_check_index(schema_editor)


class Migration(migrations.Migration):
    """An index of Wagtail's pages by key holding the columns the search's check of a
    matching page reads (PostgreSQL only; search/database_tuning.py says why)."""

    dependencies = [
        ("search", "0003_postgres_vectors_in_row"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
