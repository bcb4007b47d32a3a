from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_translation_overview_url():
    return [
        path("translations/", views.translation_overview, name="translation_overview"),
    ]


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
