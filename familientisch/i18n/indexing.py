"""The search index and Wagtail's reference index, paused for bulk work.

Every save of an indexed model updates both at once (Wagtail's signal handlers). Work that
saves hundreds of objects, several times each (the demo: pages created, aliased, translated,
published), pauses them and rebuilds each once at the end (`update_index`,
`rebuild_references_index`).
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import reference_index_auto_update_disabled


def search_indexed_models():
    return [model for model in get_indexed_models() if getattr(model, "search_auto_update", 1)]


def paused():
    return getattr(reference_index_auto_update_disabled, "value", False)


@contextmanager
def indexes_paused():
    """Saves leave the search index and the reference index alone while this lasts (inside a
    pause, nothing changes). Wagtail's own `disable_reference_index_auto_update` deletes its
    flag when it ends, which `rebuild_references_index` uses: so the flag is set here."""
    if paused():
        yield
        return
    for model in search_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
    reference_index_auto_update_disabled.value = True
    try:
        yield
    finally:
        reference_index_auto_update_disabled.value = False
        for model in search_indexed_models():
            post_save.connect(post_save_signal_handler, sender=model)
