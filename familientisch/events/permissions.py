"""Partner accounts in the admin: a member of a partner's group may add events under the events
index (a GroupPagePermission "add") and edit the events of their own organisation, never those
of another partner. Publishing stays with the editors, through the workflow.

Wagtail asks `Page.permissions_for_user()` before every action on a page, so narrowing the
tester here covers the edit, delete, unpublish, copy and revisions views in one place; the
explorer, the "all pages" listing and the admin search all ask the page permission policy for
the explorable pages, which PartnerAwarePagePolicy narrows.
"""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from familientisch.partners.models import PartnerPage


def partners_for_restricted_user(user):
    """The partner pages a partner account acts for, or None for everyone else (editors,
    administrators, visitors): None means "no partner restriction"."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    cached = getattr(user, "_event_partners", False)
    if cached is not False:
        return cached
    partners = PartnerPage.objects.filter(
        group__in=user.groups.all(), locale__language_code=settings.LANGUAGE_CODE
    )
    user._event_partners = partners if partners.exists() else None
    return user._event_partners


class EventPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        partners = partners_for_restricted_user(user)
        self.own_partner_event = partners is not None and any(
            partner.pk == page.organiser_id for partner in partners
        )
        if partners is not None and not self.own_partner_event:
            self.permissions = set()

    def can_edit(self):
        # "add" alone lets Wagtail users edit only the pages they own; a partner's accounts
        # share their organisation's events.
        if self.own_partner_event and "add" in self.permissions and self.user.is_active:
            return True
        return super().can_edit()


def grant_event_submission(group, index):
    """Let a partner's group into the admin and add events under `index`."""
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=index,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )


class PartnerAwarePagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that a partner's account never finds the events of other
    organisations (nor hints without an organiser) in the admin's listings and search."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        partners = partners_for_restricted_user(user)
        if partners is None:
            return pages
        # Every page except the events of others (`eventpage`: a page's row as an event).
        return pages.filter(Q(eventpage=None) | Q(eventpage__organiser__in=partners))
