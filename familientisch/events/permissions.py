"""Partner accounts in the admin: a member of a partner's group may add events under the events
index (a GroupPagePermission "add", events.signals) and edit the events of their own
organisation, never those of another partner. Publishing stays with the editors, through the
workflow. The rules are the partners' own (familientisch.partners.access), shared with offers;
here they are applied to events, whose link to the partner is the organiser."""

from familientisch.partners.access import (
    PartnerAwarePagePolicy,
    PartnerContentPermissionTester,
    partners_for_restricted_user,
)

# The events' views, forms and API ask for partners here; events.apps registers the policy.
__all__ = ["EventPagePermissionTester", "PartnerAwarePagePolicy", "partners_for_restricted_user"]


class EventPagePermissionTester(PartnerContentPermissionTester):
    page_relation = "eventpage"
    partner_field = "organiser"
