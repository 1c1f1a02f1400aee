"""Installs helpers.georgian.capfirst in place of Django's everywhere it is used.

Django offers no setting for it: `capfirst` is imported by name into model fields, forms and
Wagtail's admin, so each module's reference is replaced (tests/test_upstream_canaries.py
checks that none is left and that Django's function keeps its shape).
"""

import sys

from django.template import defaultfilters
from django.utils import text
from django.utils.functional import keep_lazy_text

from helpers import georgian

WRITTEN_FOR = ("Django 5.2.19",)

# Django's own, kept before it is replaced.
DJANGO_CAPFIRST = text.capfirst
georgian_capfirst = keep_lazy_text(georgian.capfirst)


def install_georgian_capfirst():
    original = DJANGO_CAPFIRST
    if text.capfirst is georgian_capfirst:
        return
    # Modules that did `from django.utils.text import capfirst` (model fields, forms,
    # Wagtail's admin) hold their own reference; replace each of them.
    for module in list(sys.modules.values()):
        if getattr(module, "capfirst", None) is original:
            module.capfirst = georgian_capfirst
    defaultfilters.register.filters["capfirst"] = defaultfilters.stringfilter(georgian_capfirst)
