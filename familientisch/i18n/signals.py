"""The language versions follow their German page (i18n.facts): its facts on every
publication, its unpublishing (expiry included) at once."""

from wagtail.signals import page_published, page_unpublished

from . import facts


def connect():
    page_published.connect(facts.synchronise_facts, dispatch_uid="i18n.synchronise_facts")
    page_unpublished.connect(
        facts.unpublish_translations, dispatch_uid="i18n.unpublish_translations"
    )
