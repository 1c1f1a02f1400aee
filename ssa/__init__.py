"""The Django project: settings, URLs and the WSGI entry point. No app imports it; it
imports the apps (ROOT_URLCONF wires their views)."""
