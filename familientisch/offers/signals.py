"""What the navigator derives from the offers, kept in step with them in one place: the cached
facet index (offers.entries) after any change to an offer, its places or its links. (Their
search texts follow publication, as every page's: familientisch.search.signals.)

An offer's "last checked" follows its publication in the admin through the Wagtail hook
before_publish_page (wagtail_hooks.publishing_an_offer_checks_it), not page_published here: the
date must be in the revision before it is published, so that the same publication carries it
into the translations (i18n.facts) and no second revision follows.

A partner's accounts may add offers under every navigator (offers.partner_access) as soon as
the partner has a group, and under a new navigator as soon as it exists."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from familientisch.partners.access import (
    grant_submission_to_partners,
    grant_submission_under_indexes,
)
from familientisch.partners.models import PartnerPage

from .entries import invalidate_entries
from .models import OfferIndexPage, OfferPage, OfferPlace


def partner_saved(sender, instance, **kwargs):
    if instance.group_id:
        grant_submission_under_indexes(instance.group, OfferIndexPage)


def navigator_saved(sender, instance, created, **kwargs):
    if created:
        grant_submission_to_partners(instance)


def connect():
    post_save.connect(partner_saved, sender=PartnerPage, dispatch_uid="offers-partner-grant")
    post_save.connect(navigator_saved, sender=OfferIndexPage, dispatch_uid="offers-index-grant")
    for model in (OfferPage, OfferPlace):
        post_save.connect(
            invalidate_entries, sender=model, dispatch_uid=f"nav-saved-{model.__name__}"
        )
    for model in (OfferPage, OfferPlace):
        post_delete.connect(
            invalidate_entries, sender=model, dispatch_uid=f"nav-deleted-{model.__name__}"
        )
    for relation in ("categories", "target_groups", "languages"):
        m2m_changed.connect(
            invalidate_entries,
            sender=getattr(OfferPage, relation).through,
            dispatch_uid=f"nav-{relation}",
        )
