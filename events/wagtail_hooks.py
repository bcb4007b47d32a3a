from wagtail import hooks

from .models import EventPage
from .permissions import partners_for_restricted_user


@hooks.register("construct_explorer_page_queryset")
def hide_other_partners_events(parent_page, pages, request):
    """A partner's account sees only its own organisation's events in the page explorer."""
    partners = partners_for_restricted_user(request.user)
    if partners is None:
        return pages
    foreign = EventPage.objects.exclude(organiser__in=partners).values("pk")
    return pages.exclude(pk__in=foreign)
