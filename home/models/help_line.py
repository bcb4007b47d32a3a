"""The office's own phone for families who are stuck, set once per site by editors and shown in
every page's footer beside the emergency numbers (which are the same everywhere in Germany and
therefore written in the footer template, not kept here)."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site


@register_setting(icon="mobile-alt")
class HelpLine(BaseSiteSetting):
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("The Familientisch office's number for families, e.g. the youth office's."),
    )
    email = models.EmailField(_("email"), blank=True)
    weekday_hours = models.CharField(
        _("hours"),
        max_length=40,
        blank=True,
        help_text=_("Times only, as digits, e.g. “9–15”: the words around them are translated."),
    )

    panels = [FieldPanel("phone"), FieldPanel("email"), FieldPanel("weekday_hours")]

    class Meta:
        verbose_name = _("help line")

    @classmethod
    def for_footer(cls, request):
        """(phone, email, hours) of the request's site: in every footer, so cached per site
        instead of a query per page view; saving the setting forgets it."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        key = cls.cache_key(site.pk)
        found = cache.get(key)
        if found is None:
            setting = cls.for_site(site)
            found = (setting.phone, setting.email, setting.weekday_hours)
            cache.set(key, found, 3600)
        return dict(zip(("phone", "email", "weekday_hours"), found, strict=True))

    @staticmethod
    def cache_key(site_id):
        return f"help-line:{site_id}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(self.cache_key(self.site_id))
