import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ssa.settings.production")

application = get_wsgi_application()

# What each worker would otherwise do on its first request, done once before gunicorn forks
# (cms/warmup.py).
from cms.warmup import warm_up  # noqa: E402 - needs the apps loaded above

warm_up()
