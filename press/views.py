from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from press.distribution import contact_for_token


@csrf_exempt  # the signed token is the credential; mail clients' one-click POST has no cookie
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for confirmation (link scanners must not unsubscribe anyone); POST, from
    the page's button or a mail client's one-click unsubscribe (RFC 8058), deactivates."""
    contact = contact_for_token(token)
    if contact is None:
        return render(request, "press/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        if contact.is_active:
            contact.is_active = False
            contact.unsubscribed_at = timezone.now()
            contact.save(update_fields=["is_active", "unsubscribed_at"])
        return render(request, "press/unsubscribe.html", {"contact": contact, "done": True})
    return render(request, "press/unsubscribe.html", {"contact": contact})
