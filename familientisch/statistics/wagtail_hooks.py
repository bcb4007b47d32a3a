from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("statistics/", views.statistics_report, name="familientisch_statistics")]


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"),
        reverse("familientisch_statistics"),
        name="statistics",
        icon_name="table",
        order=1300,
    )
