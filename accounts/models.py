from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The agency's staff account.

    A project-owned user model from the first migration, so that staff attributes
    (their division, say) can be added later without swapping the model.
    """

    job_title = models.CharField(_("job title"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
