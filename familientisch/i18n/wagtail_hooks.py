from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail_localize.models import Translation

from . import facts, machine_translation, views


@hooks.register("register_admin_urls")
def register_translation_overview_url():
    return [
        path("translations/", views.translation_overview, name="translation_overview"),
        # wagtail-localize's own address (its hooks come after ours): the download is logged.
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            views.download_translation_file,
            name="familientisch_download_pofile",
        ),
    ]


@hooks.register("register_log_actions")
def translation_log_actions(actions):
    actions.register_action(
        views.PO_EXPORTED, _("Export for translators"), _("Exported as a PO file")
    )


@hooks.register("register_admin_menu_item")
def register_translation_overview_menu_item():
    return MenuItem(
        _("Translation overview"),
        reverse("translation_overview"),
        icon_name="site",
        order=850,
    )


@hooks.register("insert_editor_js")
def translation_editor_directions():
    return format_html(
        '<script src="{}" data-rtl-languages="{}"></script>',
        static("i18n/translation-editor.js"),
        " ".join(settings.LANGUAGES_BIDI),
    )


@hooks.register("construct_translated_pages_to_cascade_actions")
def cascade_to_language_versions(pages, action):
    """The admin's unpublish, delete and move of a German page take its language versions
    along, and its confirmation says how many: none may outlive or stray from its source.
    Unpublishing concerns the translations (aliases follow their page by themselves)."""
    cascade = {}
    for page in pages:
        if not facts.is_source(page):
            continue
        versions = Page.objects.translation_of(page, inclusive=False)
        cascade[page] = (
            versions.filter(alias_of__isnull=True) if action == "unpublish" else versions
        )
    return cascade


# Before wagtail-localize's own before_edit_page, which serves the translation editor.
@hooks.register("before_edit_page", order=-1)
def refuse_to_publish_test_translations(request, page):
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None or not machine_translation.has_test_strings(translation):
        return None
    messages.error(
        request,
        _(
            "Not published: this translation has texts of the test translator, which only "
            "reverses the German words. Translate them yourself, or configure a translation "
            "engine, then publish."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
