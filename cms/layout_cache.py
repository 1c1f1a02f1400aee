"""The parts of every public page that change only when editors change something: menus,
language links, breadcrumbs, site settings, the fallback share image, which pages are private.

Each is kept in Django's cache under a version token that changes whenever an editor
publishes, unpublishes, moves or deletes a page, changes a privacy setting, a menu, the site
settings, a site or a locale (`connect_signals`). The token lives in the database, not in
the cache, because:
- every server process reads the same token, whatever the cache backend (without Redis each
  gunicorn worker has a memory cache of its own, and an edit reaches only one of them);
- it changes in the same transaction as the content, so no request can store old content
  under the new token, and a rolled-back change leaves no stale token behind.
Reading it costs one small query per request (remembered for the rest of the request).

Only what an anonymous visitor may see is cached here; what depends on who is logged in
(private pages in a staff member's menu) is computed for each such request.
"""

import contextvars
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save, pre_delete

# A generous expiry: entries under an old token are never read again, this only frees them.
TIMEOUT = 24 * 60 * 60
_MISSING = object()

# The token and the values already fetched, for the duration of one request; None outside
# requests (commands, tasks), where nothing is remembered.
_request_memo = contextvars.ContextVar("layout_cache_request_memo", default=None)


def _start_request(**kwargs):
    _request_memo.set({})


def _finish_request(**kwargs):
    _request_memo.set(None)


def current_token():
    memo = _request_memo.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    from django.db import connection

    from cms.models import LayoutVersion

    # Read on every request, the page cache's hits included: plain SQL spares the ORM's
    # query compilation, which would cost more than the query itself.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token FROM {LayoutVersion._meta.db_table} ORDER BY id LIMIT 1"  # noqa: S608
        )
        row = cursor.fetchone()
    token = row[0] if row else "initial"
    if memo is not None:
        memo["token"] = token
    return token


def bump(**kwargs):
    """A new token: everything cached so far is out of date. Signal receiver."""
    from cms.models import LayoutVersion

    token = uuid.uuid4().hex
    if not LayoutVersion.objects.filter(pk=1).update(token=token):
        LayoutVersion.objects.update_or_create(pk=1, defaults={"token": token})
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()


def cached(name, parts, compute):
    """compute() the first time for these parts under the current token, then from the
    cache (and, within one request, from memory)."""
    key = ":".join(["layout", current_token(), name, *(str(part) for part in parts)])
    memo = _request_memo.get()
    if memo is not None and key in memo:
        return memo[key]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    if memo is not None:
        memo[key] = value
    return value


def private_paths():
    """Tree paths of the pages that carry a view restriction (anything below them is
    private), in the shape of Wagtail's PageQuerySet.public()."""
    from wagtail.models import PageViewRestriction

    return cached(
        "private-paths",
        [],
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def paths_needing_restriction_check():
    """The private paths, and the paths of aliases with children: a page below an alias
    takes its restrictions from the alias's source (Page.get_view_restrictions)."""
    from wagtail.models import Page

    def compute():
        aliases = Page.objects.filter(alias_of__isnull=False, numchild__gt=0)
        return private_paths() + tuple(aliases.values_list("path", flat=True))

    return cached("restriction-check-paths", [], compute)


def public(pages):
    """`pages` (a PageQuerySet) without private pages: Wagtail's .public() without the
    query it makes each time."""
    from django.db.models import Q

    private = Q()
    for path in private_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


def is_under(path, paths):
    return any(path.startswith(prefix) for prefix in paths)


def is_public(page, private=None):
    """Whether an anonymous visitor may open the page: live, and under no view restriction
    (`private`: the private paths, when the caller has them already)."""
    return page.live and not is_under(page.path, private_paths() if private is None else private)


def public_pages(pages):
    """The pages of a list (chooser values, None among them) an anonymous visitor may open."""
    private = private_paths()
    return [page for page in pages if page is not None and is_public(page, private)]


def _bump_unless_created(sender, instance, created=False, **kwargs):
    if not created:
        bump()


def _bump_when_share_image(sender, instance, **kwargs):
    from cms.models import SiteSettings

    if SiteSettings.objects.filter(share_image_id=instance.pk).exists():
        bump()


def watch(*models):
    """A new token whenever a row of these models is saved or deleted. Apps above this one
    whose models the layout shows register them here (navigation: the menus)."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(bump, sender=model, dispatch_uid=f"layout_cache_save_{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"layout_cache_delete_{label}")


# Snippets and files that public pages show (an audience's name in the service listing, an
# album on the gallery, an image's alt text): an edit of one changes rendered pages too, and
# the page cache (cms.page_cache) keys its copies by this same token.
SHOWN_ON_PAGES = ["services.Audience", "media_archive.Album"]


def connect_signals():
    from django.apps import apps
    from wagtail import signals as wagtail_signals
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site, get_page_models

    from cms.models import SiteSettings

    request_started.connect(_start_request, dispatch_uid="layout_cache_start")
    request_finished.connect(_finish_request, dispatch_uid="layout_cache_finish")

    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.page_slug_changed,
    ):
        signal.connect(bump, dispatch_uid=f"layout_cache_{id(signal)}")
    # Page saves cover titles, slugs, "show in menus", creation and translation; every page
    # model is a sender of its own (multi-table inheritance).
    # Settings made on a site's first visit with their defaults replace nothing cached.
    post_save.connect(
        _bump_unless_created, sender=SiteSettings, dispatch_uid="layout_cache_settings"
    )
    post_delete.connect(bump, sender=SiteSettings, dispatch_uid="layout_cache_settings_delete")
    watch(*get_page_models(), PageViewRestriction, Site, Locale)
    shown = [apps.get_model(label) for label in SHOWN_ON_PAGES]
    shown += [get_image_model(), get_document_model()]
    if apps.is_installed("wagtailmedia"):
        from wagtailmedia.models import get_media_model

        shown.append(get_media_model())
    for model in shown:
        label = model._meta.label_lower
        # A new item is on no page yet.
        post_save.connect(
            _bump_unless_created, sender=model, dispatch_uid=f"layout_cache_shown_{label}"
        )
        post_delete.connect(bump, sender=model, dispatch_uid=f"layout_cache_shown_del_{label}")
    # Before a deletion: by the time post_delete runs, the settings no longer point at it.
    for signal in (post_save, pre_delete):
        signal.connect(
            _bump_when_share_image,
            sender=get_image_model(),
            dispatch_uid=f"layout_cache_image_{id(signal)}",
        )
