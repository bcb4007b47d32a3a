"""What the navigator derives from the offers, kept in step with them in one place: the cached
facet index (offers.entries) after any change to an offer, its places or its links. (Their
search texts follow publication, as every page's: familientisch.search.signals.)

An offer's "last checked" follows its publication in the admin through the Wagtail hook
before_publish_page (wagtail_hooks.publishing_an_offer_checks_it), not page_published here: the
date must be in the revision before it is published, so that the same publication carries it
into the translations (i18n.facts) and no second revision follows."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .entries import invalidate_entries
from .models import OfferPage, OfferPlace


def connect():
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
