"""Georgian formats where the agency's usage differs from Django's `ka` locale: times on the
24-hour clock ("14:30", as Georgian offices and documents write them), not "02:30 p.m.".
Everything not set here falls back to Django's own `django/conf/locale/ka/formats.py`."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F, Y H:i"
