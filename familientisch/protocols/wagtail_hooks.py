from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .forms import index_pages_for
from .views import ImportProtocolView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("protocols/import/", ImportProtocolView.as_view(), name="protocols_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(index_pages_for(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import minutes"), reverse("protocols_import"), icon_name="upload", order=350
    )
