from wagtail.admin.forms import WagtailAdminPageForm

from cms.georgian import contains_georgian, slugify_georgian


class GeorgianSlugPageForm(WagtailAdminPageForm):
    """Romanises a Georgian slug before Wagtail checks that it is free among siblings."""

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and contains_georgian(slug):
            return slugify_georgian(slug, max_length=255)
        return slug
