"""The search texts kept in step with the pages (documents.rebuild): after a live page is
saved (published), unpublished, deleted or moved, and after its view restrictions change; the
synonyms cache after a group changes. Bulk work that pauses the indexes (i18n.indexing)
rebuilds once at its end (`rebuild_search_texts`)."""

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from familientisch.i18n.indexing import paused

from .documents import learn_synonyms, rebuild
from .models import SynonymGroup
from .synonyms import forget_synonyms
from .tasks import REBUILD_PENDING, rebuild_search_texts


def page_saved(sender, instance, update_fields=None, **kwargs):
    # Whatever saved it (a publication, an import, code): as Wagtail's own index does. A draft
    # revision saves only bookkeeping fields (`update_fields`), an alias carries its source's
    # text (the source's save rebuilt their rows).
    wanted = isinstance(instance, Page) and instance.live and not instance.alias_of_id
    if wanted and update_fields is None and not paused():
        rebuild([instance.translation_key])


def links_stored(sender, instance, alias=False, **kwargs):
    # Once more after a publication: its save came before its links and places were stored.
    if not paused() and not alias:
        rebuild([instance.translation_key])


def page_withdrawn(sender, instance, **kwargs):
    if not paused():
        rebuild([instance.translation_key])


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and not paused():
        rebuild([instance.translation_key])


def subtree_changed(page):
    """A move or a restriction changes who may see the page and everything under it."""
    if not paused():
        rebuild(
            Page.objects.descendant_of(page, inclusive=True).values_list(
                "translation_key", flat=True
            )
        )


def page_moved(sender, instance, **kwargs):
    subtree_changed(instance)


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when its deletion cascades
    if page is not None:
        subtree_changed(page)


def vocabulary_changed(sender, created=False, **kwargs):
    # A new entry has no pages yet; a renamed one may have thousands: one rebuild in the
    # background, however many entries one transaction changes (seeding saves dozens).
    if not paused() and not created and cache.add(REBUILD_PENDING, True, 3600):
        transaction.on_commit(rebuild_search_texts.enqueue)


def synonyms_changed(sender, **kwargs):
    forget_synonyms()
    learn_synonyms()


def connect():
    post_save.connect(page_saved, dispatch_uid="search-page-saved")
    page_published.connect(links_stored, dispatch_uid="search-published")
    page_unpublished.connect(page_withdrawn, dispatch_uid="search-unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search-page-deleted")
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search-rv-{name}"
        )
        signal.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid=f"search-syn-{name}")
        # A vocabulary's names are in the rows of every page linking to it.
        for model in apps.get_models():
            if hasattr(model, "search_names"):
                signal.connect(
                    vocabulary_changed,
                    sender=model,
                    dispatch_uid=f"search-{model._meta.label}-{name}",
                )
