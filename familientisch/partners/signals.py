"""A partner's accounts get their rights from the partner page (partners.access): when the
German page is saved with a group, that group may edit the page and upload into the partner's
image collection, and a group chosen before loses those rights.

Only saves that may change the group count: a draft revision saves a few bookkeeping fields
(the group in the draft takes effect when it is published), an alias or a translation mirrors
the German page, which the network's translators make, not the partner.

The logo shown is the one last approved: every save of an approved logo makes it the shown
one, so a replacement waiting for approval leaves the old one on the wall and in the API.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from wagtail.models import Locale

from .access import grant_partner_access
from .models import PartnerPage


def group_may_change(update_fields):
    return update_fields is None or "group" in update_fields


def remember_previous_group(sender, instance, update_fields=None, **kwargs):
    instance._previous_group_id = None
    if group_may_change(update_fields) and instance.pk:
        previous = PartnerPage.objects.filter(pk=instance.pk).values_list("group_id", flat=True)
        instance._previous_group_id = previous.first()


def show_approved_logo(sender, instance, **kwargs):
    if instance.logo_approved and instance.logo_id is not None:
        instance.last_approved_logo_id = instance.logo_id


def grant_access(sender, instance, update_fields=None, **kwargs):
    if not group_may_change(update_fields) or instance.alias_of_id is not None:
        return
    if instance.locale_id != Locale.objects.get(language_code=settings.LANGUAGE_CODE).pk:
        return
    grant_partner_access(instance, getattr(instance, "_previous_group_id", None))


def connect():
    pre_save.connect(show_approved_logo, sender=PartnerPage, dispatch_uid="partner-logo-shown")
    pre_save.connect(remember_previous_group, sender=PartnerPage, dispatch_uid="partner-group")
    post_save.connect(grant_access, sender=PartnerPage, dispatch_uid="partner-access")
