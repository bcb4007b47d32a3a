"""Mark several offers checked at once, from any page listing of the admin: the German offers
among the selected pages that the user may publish are confirmed (offers.freshness) and
published, each with its translations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from familientisch.i18n.facts import is_source

from .freshness import confirm
from .models import OfferPage


class MarkCheckedBulkAction(PageBulkAction):
    display_name = _("Mark checked")
    action_type = "mark_checked"
    aria_label = _("Mark the selected offers as checked today")
    template_name = "offers/admin/confirm_bulk_mark_checked.html"
    action_priority = 45

    def check_perm(self, page):
        return (
            issubclass(page.specific_class, OfferPage)
            and is_source(page)
            and page.permissions_for_user(self.request.user).can_publish()
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for page in objects:
            confirm(page.specific, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("Offers marked as checked today: %(count)s") % {"count": num_parent_objects}
