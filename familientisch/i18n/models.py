from django.db import models
from django.utils.translation import gettext_lazy as _


class ProseChange(models.Model):
    """When the German prose of a page last changed (i18n.facts records it on publication):
    translations made before are out of date. A change of facts alone (a phone number, the
    hours) never counts: those reach every language by themselves."""

    translation_key = models.UUIDField(unique=True)
    changed_at = models.DateTimeField(_("German text changed at"))

    class Meta:
        verbose_name = _("change of German text")
        verbose_name_plural = _("changes of German text")

    def __str__(self):
        return f"{self.translation_key}: {self.changed_at:%Y-%m-%d %H:%M}"


class MachineTranslationUsage(models.Model):
    """Characters sent to the translation engine in a month (i18n.auto_translation), against
    the setting MACHINE_TRANSLATION_MONTHLY_CHARACTERS."""

    month = models.DateField(_("month"), unique=True)
    characters = models.PositiveIntegerField(_("characters"), default=0)

    class Meta:
        verbose_name = _("machine translation usage")
        verbose_name_plural = _("machine translation usage")

    def __str__(self):
        return f"{self.month:%Y-%m}: {self.characters}"
