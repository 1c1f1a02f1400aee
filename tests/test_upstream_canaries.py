"""Upgrade canaries: every place where our code leans on an internal (underscored or
undocumented) part of Django, Wagtail, modelsearch or Pillow, checked against the shape it
had when the code was written. One of these failing after an upgrade names the module to
re-read before the upgrade can land; update the expectation here once it is re-checked.

The overrides, each in one module that names the version it was written for:
- search/db_backend.py: ranking in one pass, built on modelsearch's database backends;
- cms/text_case.py: Georgian-safe capfirst in place of Django's;
- media_archive/privacy.py: the archive items a page refers to (ReferenceIndex's scanner),
  and EXIF without the GPS sub-IFD (Pillow's cached IFDs);
- cms/page_rows.py: Django's compiler internals (its own canary: tests/cms/test_page_rows.py).
- cms/routing.py and cms/models.py (BasePage.get_view_restrictions): Wagtail's routing and
  view-restriction lookups, answered in fewer queries.
- media_archive/templates/wagtailimages/images/edit.html: Wagtail's image edit page, with
  the form in the catalogue's sections.
"""

import inspect
import sys
from importlib.metadata import version

import pytest
from django.db import connection
from django.db.models.expressions import Combinable
from django.template import defaultfilters
from django.utils import text
from modelsearch.backends import base as search_base
from modelsearch.backends.database.postgres import postgres as search_postgres
from modelsearch.utils import get_descendants_content_types_pks
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, ReferenceIndex

from cms import page_rows, routing, text_case
from media_archive import privacy
from media_archive.factories import ArchiveImageFactory
from media_archive.pages import ArchiveGalleryPage
from search import db_backend

# modelsearch's SQLite module declares models that exist only on SQLite.
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's search backend")


def sqlite_backend():
    from modelsearch.backends.database.sqlite import sqlite

    return sqlite


def signature(function):
    return str(inspect.signature(function))


def written_for(module):
    """{distribution: version} that the module's WRITTEN_FOR names."""
    return dict(entry.split(" ") for entry in module.WRITTEN_FOR)


@pytest.mark.parametrize("module", [db_backend, text_case, privacy, routing, page_rows])
def test_each_override_names_the_versions_it_was_written_for(module):
    assert written_for(module), f"{module.__name__} names no upstream version"
    for distribution in written_for(module):
        version(distribution)  # an installed distribution, spelled as pip knows it


# search/db_backend.py ------------------------------------------------------------------


def test_modelsearch_results_still_have_the_methods_the_ranked_results_replace():
    assert signature(search_base.BaseSearchResults._do_search) == "(self)"
    assert signature(search_base.BaseSearchResults._do_count) == "(self)"
    assert signature(search_base.BaseSearchResults.facet) == "(self, field_name)"
    attributes = search_base.BaseSearchResults.__init__.__code__.co_names
    for name in ("query_compiler", "start", "stop", "_score_field", "backend"):
        assert name in attributes, name


def test_modelsearch_postgres_compiler_still_builds_ranks_the_same_way():
    compiler = search_postgres.PostgresSearchQueryCompiler
    assert signature(compiler._build_rank_expression) == "(self, vectors, config)"
    assert signature(compiler.get_config) == "(self, backend)"


@on_sqlite
def test_modelsearch_sqlite_internals_the_ranking_reads():
    from modelsearch.backends.database.sqlite import query as sqlite_query

    search_sqlite = sqlite_backend()
    compiler = search_sqlite.SQLiteSearchQueryCompiler
    assert signature(compiler._build_rank_expression) == "(self, vectors, config)"
    assert signature(compiler.get_config) == "(self, backend)"
    assert signature(compiler.get_search_vectors) == "(self)"
    assert signature(compiler.build_search_query) == "(self, query, config=None)"
    assert compiler.FTS_TABLE_FIELDS == ["title", "body"]
    assert list(inspect.signature(sqlite_query.MatchExpression).parameters) == ["columns", "query"]
    assert list(inspect.signature(sqlite_query.normalize).parameters) == ["search_query"]
    assert search_sqlite.SQLiteFTSIndexEntry._meta.get_field("index_entry")


def test_modelsearch_postgres_internals_the_ranking_reads():
    compiler = search_postgres.PostgresSearchQueryCompiler
    assert signature(compiler.build_tsquery) == "(self, query, config=None)"
    entry = search_postgres.IndexEntry
    for field in ("title", "title_norm", "body", "autocomplete", "content_type", "object_id"):
        assert entry._meta.get_field(field)
    assert list(inspect.signature(get_descendants_content_types_pks).parameters) == ["model"]
    # The || of two search vectors, written as modelsearch writes it for its index.
    assert signature(Combinable._combine) == "(self, other, connector, reversed)"


# cms/text_case.py ----------------------------------------------------------------------


def test_djangos_capfirst_is_still_a_one_argument_function_the_filter_wraps():
    assert signature(text_case.DJANGO_CAPFIRST) == "(x)"
    # Lazy strings pass through it (keep_lazy_text), so the replacement must accept them.
    assert text_case.DJANGO_CAPFIRST("abc") == "Abc"
    assert "capfirst" in defaultfilters.register.filters


def test_the_modules_that_hold_their_own_capfirst_got_the_georgian_one():
    holders = [
        name
        for name, module in list(sys.modules.items())
        if getattr(module, "capfirst", None) is text_case.DJANGO_CAPFIRST
    ]
    assert holders == []
    assert text.capfirst is text_case.georgian_capfirst


# media_archive/privacy.py --------------------------------------------------------------


def test_wagtails_reference_scanner_still_yields_content_type_and_object_id_first():
    assert list(inspect.signature(ReferenceIndex._get_base_content_type).parameters) == [
        "model_or_object"
    ]
    assert list(inspect.signature(ReferenceIndex._extract_references_from_object).parameters) == [
        "object"
    ]


@pytest.mark.django_db
def test_the_scanner_finds_an_image_in_a_foreign_key(home_pages):
    image = ArchiveImageFactory()
    page = ArchiveGalleryPage(title="გალერეა", header_image=image)
    assert privacy.archive_references(page) == {type(image): {image.pk}}


def test_pillow_still_caches_sub_ifds_where_the_stripping_removes_gps():
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    assert exif._ifds[ExifTags.IFD.GPSInfo] is gps
    stripped = PILImage.Exif()
    stripped.load(privacy.strip_private_exif(exif.tobytes()))
    assert stripped.get_ifd(ExifTags.IFD.GPSInfo) == {}


# cms/routing.py, BasePage.get_view_restrictions -----------------------------------------


def test_wagtails_routing_and_restriction_lookups_keep_their_shape():
    assert signature(Page.route) == "(self, request, path_components)"
    assert signature(Page.get_view_restrictions) == "(self)"
    assert signature(RoutablePageMixin.route) == "(self, request, path_components)"


# site/templates/wagtailadmin/shared/side_panels/includes/status/workflow.html -------------

STATUS_TEMPLATE = "wagtailadmin/shared/side_panels/includes/status/workflow.html"
# The SHA-256 of Wagtail 8.0.1's copy, from which ours was made (one change: "Changes
# requested" instead of "In Moderation" while the page waits for its author).
STATUS_TEMPLATE_UPSTREAM_SHA256 = "5576087b4e000e63cc647d6c5a758b035381af6886c969d5d3db784d52c3f405"


def test_the_status_panel_template_we_override_is_still_wagtails_of_8_0():
    import hashlib
    from pathlib import Path

    import wagtail.admin

    upstream = Path(wagtail.admin.__file__).parent / "templates" / STATUS_TEMPLATE
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == STATUS_TEMPLATE_UPSTREAM_SHA256, (
        "Wagtail's status panel changed: redo site/templates/" + STATUS_TEMPLATE + " from it"
    )
    ours = Path(__file__).resolve().parent.parent / "site" / "templates" / STATUS_TEMPLATE
    assert "{% trans 'Changes requested' as title %}" in ours.read_text()


# media_archive/templates/wagtailimages/images/edit.html ---------------------------------


def test_wagtails_image_edit_template_is_still_the_one_the_sectioned_copy_was_made_from():
    """The archive's image edit page is Wagtail 8.0's template with the form in sections:
    when upstream changes it, merge the change into the copy and update this digest."""
    import hashlib
    from pathlib import Path

    import wagtail.images

    upstream = Path(wagtail.images.__file__).parent / "templates/wagtailimages/images/edit.html"
    digest = hashlib.sha256(upstream.read_bytes()).hexdigest()
    assert digest == "40750506fb9599d9c15bda7d7cc12b040431a8ca37abd5e3ae4419ff81120947"
