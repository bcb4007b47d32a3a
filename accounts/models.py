from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffSession(models.Model):
    """A staff member's login, so that they can see where they are logged in and end the
    others. Kept as long as the session: removed at logout, and with the sessions Django's
    `clearsessions` removes (accounts.signals). No address is stored, only a coarse name of
    the browser, for the owner to recognise it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    browser = models.CharField(_("browser"), max_length=60, blank=True)
    started_at = models.DateTimeField(_("logged in"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last active"), auto_now_add=True)

    class Meta:
        verbose_name = _("staff session")
        verbose_name_plural = _("staff sessions")
        ordering = ["-last_seen_at"]

    def __str__(self):
        return f"{self.user} ({self.browser})"
