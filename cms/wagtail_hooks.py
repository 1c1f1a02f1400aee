from wagtail import hooks

from cms import page_cache


@hooks.register("before_serve_page")
def mark_for_the_page_cache(page, request, serve_args, serve_kwargs):
    # Only Wagtail pages are kept by the page cache, never other views (search, forms).
    page_cache.mark_page(request, page)
