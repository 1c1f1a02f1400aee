from django.dispatch import receiver
from wagtail.signals import page_published

from staff.models import StaffIndexPage


@receiver(page_published)
def keep_staff_section_private(sender, instance, **kwargs):
    # Publishing is when a page becomes reachable, so that is when the restriction must be
    # there. (Not on save: copying a page for translation copies its restriction after the
    # save, which would leave two.)
    if isinstance(instance, StaffIndexPage):
        instance.ensure_private()
