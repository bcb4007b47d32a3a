"""What the navigator derives from the offers, kept in step with them in one place: the cached
facet index (offers.entries) after any change to an offer, its places or its links, and the
stored search text (offers.text_search) after an offer's own fields change."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .entries import invalidate_entries
from .models import OfferPage, OfferPlace
from .text_search import refresh_search_vectors


def offer_saved(sender, instance, update_fields=None, **kwargs):
    invalidate_entries()
    # Draft revisions save only a few bookkeeping fields: the published text is unchanged.
    if update_fields is None:
        refresh_search_vectors([instance.pk])


def connect():
    post_save.connect(offer_saved, sender=OfferPage, dispatch_uid="nav-saved-OfferPage")
    post_save.connect(invalidate_entries, sender=OfferPlace, dispatch_uid="nav-saved-OfferPlace")
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
