"""Keep caches in step with publication, and keep `migrate` off a database of version 0.1.

Wagtail's frontend-cache app purges a page from the proxy when it is published or unpublished,
and a translation published through wagtail-localize is an ordinary publication of the
translated page. What it leaves out, added here: the parent page (its listing shows the child),
the old and new addresses of a moved subtree, and the server-side page cache.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, pre_migrate
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import legacy_apps, page_cache

# Addresses of a subtree before its move, by page id, until the move has finished.
_addresses_before_move = {}


def purging():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def subtree_urls(page):
    batch = PurgeBatch()
    batch.add_pages(page.get_descendants(inclusive=True).live().specific(defer=True))
    return batch.urls


def after_publication(instance, **kwargs):
    page_cache.new_generation()
    parent = instance.get_parent()
    if purging() and parent is not None and parent.live:
        batch = PurgeBatch()
        batch.add_page(parent)
        batch.purge()


def remember_addresses(instance, url_path_before, url_path_after, **kwargs):
    if purging() and url_path_before != url_path_after:
        _addresses_before_move[instance.pk] = subtree_urls(instance)


def purge_moved(instance, parent_page_before, parent_page_after, **kwargs):
    page_cache.new_generation()
    if not purging():
        return
    batch = PurgeBatch(_addresses_before_move.pop(instance.pk, ()))
    batch.add_urls(subtree_urls(instance))
    for parent in {parent_page_before, parent_page_after}:
        if parent.live:
            batch.add_page(parent)
    batch.purge()


def forget_deleted_page(**kwargs):
    page_cache.new_generation()


def connect():
    page_published.connect(after_publication, dispatch_uid="operations.published")
    page_unpublished.connect(after_publication, dispatch_uid="operations.unpublished")
    pre_page_move.connect(remember_addresses, dispatch_uid="operations.pre_move")
    post_page_move.connect(purge_moved, dispatch_uid="operations.post_move")
    post_delete.connect(forget_deleted_page, sender=Page, dispatch_uid="operations.deleted")
    # Sent once per app before anything is migrated; home's is as good as any, and only once.
    pre_migrate.connect(
        legacy_apps.refuse_to_migrate_a_legacy_database,
        sender=apps.get_app_config("home"),
        dispatch_uid="operations.legacy_database",
    )
