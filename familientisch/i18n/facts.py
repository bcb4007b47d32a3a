"""Facts are not translated, they are synchronised: whatever is not prose (phone, e-mail, links,
addresses, coordinates, opening hours, ages, cost, dates, vocabulary, validity, the partner) is
the same in every language version at all times.

wagtail-localize copies these synchronised fields only when a translation is (re)published
from its editor, so a translated page kept the phone number and hours it had on the day of its
translation. Here every publication of a German page, whichever path published it (the admin,
scheduled publishing, the API, a command, `revision.publish()`), carries its facts into the
live translations at once, keeping their prose: each gets a revision of its live content with
the German facts, published. Translations that are not live get the facts when they are
published, by wagtail-localize itself.
"""

from django.conf import settings
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page, PageLogEntry, TranslatableMixin
from wagtail_localize.fields import copy_synchronised_fields, get_translatable_fields
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from . import auto_translation
from .models import ProseChange


def _synchronised(instance):
    model = type(instance)
    return [
        field.get_field(model)
        for field in get_translatable_fields(model)
        if field.is_synchronized(instance)
    ]


def _translated_child_relations(instance):
    """Child relations (inline panels) whose rows are translated one by one: each row's own
    facts must follow its German twin (the same translation key)."""
    model = type(instance)
    synchronised = {field.name for field in _synchronised(instance)}
    return [
        relation.name
        for relation in model._meta.related_objects
        if isinstance(relation.remote_field, ParentalKey)
        and issubclass(relation.related_model, TranslatableMixin)
        and relation.name not in synchronised
    ]


def copy_facts(source, target):
    """The German facts onto `target`, a language version of `source` (in memory)."""
    copy_synchronised_fields(source, target)
    for field in _synchronised(source):
        # wagtail-localize leaves the old choice when the German one is empty
        if isinstance(field, ParentalManyToManyField):
            getattr(target, field.name).set(list(getattr(source, field.name).all()))
    for name in _translated_child_relations(source):
        twins = {row.translation_key: row for row in getattr(target, name).all()}
        rows = []
        for row in getattr(source, name).all():
            twin = twins.get(row.translation_key)
            if twin is None:  # a row new in German comes over whole, until it is translated
                twin = row.copy_for_translation(target.locale)
            else:
                copy_synchronised_fields(row, twin)
            rows.append(twin)
        getattr(target, name).set(rows)


def live_translations(page):
    return (
        Page.objects.translation_of(page, inclusive=False)
        .filter(alias_of__isnull=True)
        .live()
        .specific()
    )


def is_source(page):
    return not page.alias_of_id and page.locale.language_code == settings.LANGUAGE_CODE


def prose(instance):
    """The texts a translator translates (what wagtail-localize extracts), by their place."""
    return sorted(
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    )


def record_prose_change(page, revision):
    """Whether this publication changed the German prose, compared with the one before."""
    earlier = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    if earlier is None or prose(earlier.revision.as_object()) != prose(page):
        ProseChange.objects.update_or_create(
            translation_key=page.translation_key, defaults={"changed_at": revision.created_at}
        )
        auto_translation.after_prose_change(page)


def synchronise_facts(instance, revision=None, **kwargs):
    """page_published: the German page's facts into each live translation, published."""
    if not is_source(instance):
        return
    source = instance.specific
    if revision is not None:
        record_prose_change(source, revision)
    for translation in live_translations(source):
        copy_facts(source, translation)
        translation.save_revision(clean=False, changed=False, log_action=False).publish()


def unpublish_translations(instance, **kwargs):
    """page_unpublished: a page that is gone in German is gone in every language (the admin's
    dialog has unpublished them already; this covers expiry, the API and commands)."""
    if is_source(instance):
        for translation in live_translations(instance):
            translation.unpublish()
