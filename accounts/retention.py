"""A staff session's record goes with its session: when the session has expired (or was
cleared), nothing of it is kept. `manage.py purge_personal_data` runs `purge` daily, after
which `clearsessions` removes the expired sessions themselves."""

from django.contrib.sessions.models import Session

from .models import StaffSession


def purge(now):
    live = Session.objects.filter(expire_date__gt=now).values("session_key")
    count, _ = StaffSession.objects.exclude(session_key__in=live).delete()
    return {"staff sessions forgotten": count}
