from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaArchiveConfig(AppConfig):
    name = "media_archive"
    verbose_name = _("Media archive")

    def ready(self):
        # Phones save HEIC; Pillow reads it only once pillow-heif has registered itself.
        from pillow_heif import register_heif_opener

        register_heif_opener()

        from media_archive.gallery import connect_cache_invalidation

        connect_cache_invalidation()

        from media_archive import draft_references

        draft_references.connect()

        from media_archive import renditions

        renditions.connect()

        from media_archive import vocabularies

        vocabularies.connect()
