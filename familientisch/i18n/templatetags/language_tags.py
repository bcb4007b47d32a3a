from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail_localize.models import StringTranslation, TranslationLog

from familientisch.i18n.models import ProseChange

register = template.Library()


@register.simple_tag
def source_language(page):
    """` lang="de" dir="ltr"` for an element holding a page's own text while the page is shown
    in German under another language (an untranslated page is an alias of the German one):
    exactly the German fragments are marked, so the labels around them keep the visitor's
    language and direction for screen readers and punctuation."""
    source = settings.LANGUAGE_CODE
    if not getattr(page, "alias_of_id", None) or get_language() == source:
        return ""
    direction = "rtl" if get_language_info(source)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', source, direction)


@register.simple_tag
def outdated_translation(page):
    """For a translated page whose German text changed after it was translated (i18n.facts
    records when): {"changed_at", "source"}, so the page can say so and link to the German.
    Its facts are current anyway. Two queries, on translated pages only."""
    if not getattr(page, "pk", None) or page.alias_of_id:
        return None
    if get_language() == settings.LANGUAGE_CODE:  # German pages are the source
        return None
    change = ProseChange.objects.filter(translation_key=page.translation_key).first()
    if change is None:
        return None
    translated_at = (
        TranslationLog.objects.filter(
            source__object_id=page.translation_key, locale_id=page.locale_id
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if translated_at is None or translated_at >= change.changed_at:
        return None
    return {"changed_at": change.changed_at, "source": _german(page)}


def _german(page):
    return page.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()


@register.simple_tag
def machine_translated(page):
    """For a translated page with texts made by a machine (published as they are, in a
    language whose editors chose so): its German page, so that the page can say it may
    contain errors and link to the German. None otherwise."""
    if not getattr(page, "pk", None) or page.alias_of_id:
        return None
    if get_language() == settings.LANGUAGE_CODE:
        return None
    by_machine = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        translation_of__segments__source__object_id=page.translation_key,
    ).exists()
    return _german(page) if by_machine else None
