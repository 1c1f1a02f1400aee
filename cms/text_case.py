"""Installs cms.georgian.capfirst in place of Django's everywhere it is used."""

import sys

from django.template import defaultfilters
from django.utils import text
from django.utils.functional import keep_lazy_text

from cms import georgian

georgian_capfirst = keep_lazy_text(georgian.capfirst)


def install_georgian_capfirst():
    original = text.capfirst
    if original is georgian_capfirst:
        return
    # Modules that did `from django.utils.text import capfirst` (model fields, forms,
    # Wagtail's admin) hold their own reference; replace each of them.
    for module in list(sys.modules.values()):
        if getattr(module, "capfirst", None) is original:
            module.capfirst = georgian_capfirst
    defaultfilters.register.filters["capfirst"] = defaultfilters.stringfilter(georgian_capfirst)
