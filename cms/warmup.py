"""Work every server process would otherwise do on its first request, done once before
gunicorn forks its workers (gunicorn.conf.py: preload_app; called from ssa/wsgi.py).

A fresh worker used to spend seconds on its first request importing every view module of
the URLconf (the Elasticsearch client among them), building the URL resolvers, loading the
Georgian and English catalogues and compiling the site's templates; the requests queued on
it meanwhile waited, and under load some waited past a client's timeout. Done in the master,
all of that is inherited by every worker, including each one that replaces a recycled
worker (max_requests). Nothing here touches the database or the cache
(tests/cms/test_gunicorn_preload.py)."""

import gc
import logging

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def _templates():
    """The site's own templates (site/templates), as the loaders name them."""
    root = settings.SITE_DIR / "templates"
    return sorted(str(path.relative_to(root)) for path in root.rglob("*.html"))


def warm_up():
    resolver = get_resolver()
    resolver.url_patterns  # imports every view module  # noqa: B018
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")  # loads the language's catalogues
            try:
                reverse("search")  # builds the resolver's reverse tables for the language
            except NoReverseMatch:
                # Another URLconf (a test server's own): nothing to warm, and a start-up
                # optimisation must never stop the server from starting.
                get_resolver().reverse_dict  # noqa: B018
    for name in _templates():
        try:
            get_template(name)  # compiled and kept by the cached template loader
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.warning("Template %s could not be compiled ahead", name, exc_info=True)
    # Everything loaded so far lives as long as the process: kept out of the garbage
    # collector's full passes, which otherwise walk these hundreds of thousands of objects
    # in every worker (pauses of a few hundred milliseconds under load) and, by touching
    # them, copy the memory the workers share with the master.
    gc.freeze()
