"""Staff sessions: they end after STAFF_SESSION_IDLE_MINUTES without a request, and each user
may end their other sessions (a lost phone, a shared computer)."""

import datetime as dt
import re
from importlib import import_module

from django.conf import settings
from django.contrib.auth import logout
from django.utils import timezone

from .models import StaffSession

LAST_ACTIVITY = "accounts_last_activity"
# A session's last activity is written at most this often: not a database write per request.
TOUCH_EVERY = dt.timedelta(minutes=1)
BROWSERS = [("Edg", "Edge"), ("Firefox", "Firefox"), ("Chrome", "Chrome"), ("Safari", "Safari")]
SYSTEMS = [("Android", "Android"), ("iPhone|iPad", "iOS"), ("Windows", "Windows"),
           ("Mac OS", "macOS"), ("Linux", "Linux")]  # fmt: skip


def is_staff(user):
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def browser_name(user_agent):
    """ "Firefox on Windows": enough to recognise a session, too little to track anyone."""
    browser = next((name for key, name in BROWSERS if key in user_agent), "")
    system = next((name for key, name in SYSTEMS if re.search(key, user_agent)), "")
    return " / ".join(part for part in (browser, system) if part)


def session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def end_sessions(sessions):
    """Delete the sessions from the session store and forget them."""
    store = session_store()
    for session in sessions:
        store(session_key=session.session_key).delete()
    sessions.delete()


class IdleStaffSessionMiddleware:
    """After the authentication middleware: a staff member idle for longer than
    STAFF_SESSION_IDLE_MINUTES is logged out before the request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and is_staff(user):
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        now = timezone.now()
        last = request.session.get(LAST_ACTIVITY)
        idle = dt.timedelta(minutes=settings.STAFF_SESSION_IDLE_MINUTES)
        if last is not None and now - dt.datetime.fromisoformat(last) > idle:
            logout(request)  # the next admin view sends them to the login page
            return
        if last is None or now - dt.datetime.fromisoformat(last) > TOUCH_EVERY:
            request.session[LAST_ACTIVITY] = now.isoformat()
            StaffSession.objects.filter(session_key=request.session.session_key).update(
                last_seen_at=now
            )
