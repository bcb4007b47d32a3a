"""Where the accounts app listens: a staff login is remembered (accounts.sessions), a logout
forgets it."""

from django.contrib.auth.signals import user_logged_in, user_logged_out

from .models import StaffSession
from .sessions import browser_name, is_staff


def logged_in(sender, request, user, **kwargs):
    if is_staff(user) and request.session.session_key:
        StaffSession.objects.update_or_create(
            session_key=request.session.session_key,
            defaults={
                "user": user,
                "browser": browser_name(request.headers.get("User-Agent", "")),
            },
        )


def logged_out(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        StaffSession.objects.filter(session_key=request.session.session_key).delete()


def connect(app_config):
    user_logged_in.connect(logged_in, dispatch_uid="accounts.logged-in")
    user_logged_out.connect(logged_out, dispatch_uid="accounts.logged-out")
