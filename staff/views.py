from django.shortcuts import redirect
from django.utils.translation import get_language

from staff.models import StaffIndexPage


def after_login(request):
    """Where a log-in without `next` lands (LOGIN_REDIRECT_URL): the admin for those who may
    use it, the staff section (in the language of the log-in page) for the others."""
    language = get_language()
    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return redirect("wagtailadmin_home")
    section = StaffIndexPage.objects.live().filter(locale__language_code=language).first()
    if user.is_authenticated and section is not None:
        return redirect(section.url)
    return redirect(f"/{language}/")
