from django.db import migrations


def create_defaults(apps, schema_editor):
    from inquiries.defaults import ensure_default_request_types

    ensure_default_request_types(apps.get_model("inquiries", "RequestType"))


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
