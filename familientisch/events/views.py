"""Views behind the routes of EventIndexPage and EventPage. They get the pages from the routes
(events.models imports this module) and never import the models themselves."""

import datetime as dt
from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from familientisch.conf import setting
from familientisch.core.abuse import rate_limit_refusal
from familientisch.taxonomy.places import addresses_of, at_the_same_place

from . import ical, jsonld
from .filters import EventFilters
from .forms import EventHintForm
from .hints import retention_days, submit_hint
from .occurrences import BERLIN, next_occurrences, occurrences_between
from .permissions import partners_for_restricted_user

PAGE_SIZE = 20
DATES_PER_EVENT = 4


def upcoming_days():
    return setting("EVENTS_UPCOMING_DAYS")


def events_below(index, filters):
    return (
        filters.apply(index.events())
        .select_related("district", "organiser")
        .prefetch_related("cancelled_dates", "categories")
    )


def index_view(index, request):
    filters = EventFilters(request.GET)
    context = {
        "page": index,
        "filters": filters,
        "feed_query": filters.query_string(month=None),
    }
    month = filters.month()
    if month:
        context.update(month_context(index, filters, month))
        template = "events/event_month.html"
    else:
        context.update(upcoming_context(index, filters, request))
        template = "events/event_index_page.html"
    return TemplateResponse(request, template, context)


def upcoming_context(index, filters, request):
    window = filters.window(timezone.now(), upcoming_days())
    events = events_below(index, filters).overlapping(*window)
    occurrences = occurrences_between(events, *window)
    by_event = {}
    for occurrence in occurrences:
        by_event.setdefault(occurrence.event.pk, []).append(occurrence)
    entries = [
        {"event": dates[0].event, "next": dates[0], "later": dates[1:DATES_PER_EVENT]}
        for dates in by_event.values()
    ]
    paginator = Paginator(entries, PAGE_SIZE)
    page_number = request.GET.get("page")
    return {
        "entries": paginator.get_page(page_number),
        "this_month": timezone.localdate().strftime("%Y-%m"),
    }


def month_context(index, filters, month):
    next_month = (month + dt.timedelta(days=32)).replace(day=1)
    previous_month = (month - dt.timedelta(days=1)).replace(day=1)
    window = (
        dt.datetime.combine(month, dt.time(0, 0), tzinfo=BERLIN),
        dt.datetime.combine(next_month, dt.time(0, 0), tzinfo=BERLIN),
    )
    occurrences = occurrences_between(events_below(index, filters).overlapping(*window), *window)
    return {
        "month": month,
        "days": [(day, list(items)) for day, items in groupby(occurrences, lambda o: o.date)],
        "previous_query": filters.query_string(month=previous_month.strftime("%Y-%m")),
        "next_query": filters.query_string(month=next_month.strftime("%Y-%m")),
    }


def uid_host(request):
    """The domain in UIDs: the site's host name, not the request's, so that it stays the same
    whichever address a calendar program used."""
    site = Site.find_for_request(request)
    return setting("EVENTS_ICAL_UID_DOMAIN") or (site and site.hostname) or "localhost"


def index_feed_view(index, request):
    filters = EventFilters(request.GET)
    events = events_below(index, filters)
    if "from" in filters.values or "to" in filters.values:
        events = events.overlapping(*filters.window(timezone.now(), upcoming_days()))
    else:
        events = events.upcoming()
    site_url = request.build_absolute_uri("/").rstrip("/")
    return ical.calendar_response(
        events.order_by("start"),
        uid_host(request),
        lambda event: site_url + event.get_url(request=request),
        index.title,
        "events.ics",
    )


def event_feed_view(event, request):
    return ical.calendar_response(
        [event],
        uid_host(request),
        lambda e: e.get_full_url(request=request),
        event.title,
        f"{event.slug}.ics",
    )


def event_context(event, request):
    image_url = None
    if event.image:
        image_url = request.build_absolute_uri(event.image.get_rendition("width-1200").url)
    return {
        "upcoming_dates": next_occurrences(event, timezone.now(), 8),
        "also_here": [] if event.is_online else at_the_same_place(event, addresses_of([event])),
        "json_ld": jsonld.script_tag(
            jsonld.event_data(event, event.get_full_url(request=request), image_url)
        ),
    }


def privacy_page():
    pages = Page.objects.live().filter(slug="datenschutz")
    return (
        pages.filter(locale__language_code=get_language()).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def sender_details(user, own_partners):
    """What the form knows of a logged-in sender: a partner's account need not type its
    organisation's name or its own address."""
    if not user.is_authenticated:
        return {}
    details = {"contact_email": user.email}
    if own_partners is not None:
        details["organiser_name"] = own_partners.first().title
    return details


def submit_view(index, request):
    context = {"page": index, "privacy_page": privacy_page(), "retention_days": retention_days()}
    own_partners = partners_for_restricted_user(request.user)
    if request.method != "POST":
        initial = sender_details(request.user, own_partners)
        context["form"] = EventHintForm(own_partners=own_partners, initial=initial)
        return TemplateResponse(request, "events/event_hint_form.html", context)
    form = EventHintForm(request.POST, request.FILES, own_partners=own_partners)
    context["form"] = form
    too_many = _("Too many hints from your address. Please try again in an hour.")
    refusal = rate_limit_refusal(request, "event-hint", too_many)
    if refusal:
        form.add_error(None, refusal.message)
        return refusal.answer(TemplateResponse(request, "events/event_hint_form.html", context))
    if not form.is_valid():
        return TemplateResponse(request, "events/event_hint_form.html", context)
    page, contact = submit_hint(index, form.cleaned_data)
    context.update({"hint": page, "contact": contact})
    return TemplateResponse(request, "events/event_hint_thanks.html", context)
