"""Events in the JSON API: the dates of a period with the events page's filters, each event in
full, and event hints that take the public form's path into moderation.

Filters behave as on the events page: a value of the wrong type is refused (422), a slug that
names nothing is ignored with a note. A period that is upside down or longer than a year is
corrected, with a note, rather than refused.
"""

import datetime as dt
import re
from typing import Annotated

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur
from ninja import Field, Query, Router, Schema, Status
from pydantic import BeforeValidator, ConfigDict, StrictBool

from familientisch.api import schemas
from familientisch.core.abuse import rate_limit_refusal
from familientisch.partners.api import PartnerRef, partner_refs
from familientisch.taxonomy.api import AgeRange, CostOut, LanguageOut, Place, Term, place, term
from familientisch.taxonomy.audience import Cost, LifeStage
from familientisch.taxonomy.models import District

from .filters import EventFilters
from .forms import EventHintForm
from .hints import submit_hint
from .ical import FREQUENCY
from .models import EventIndexPage, EventPage, EventStatus, Recurrence
from .occurrences import (
    BERLIN,
    FIRST_DAY,
    LAST_DAY,
    NONE,
    next_occurrences,
    occurrences_between,
)
from .permissions import partners_for_restricted_user

router = Router(tags=["events"])

DEFAULT_DAYS = 30
MAX_DAYS = 366
NEXT_DATES = 8
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value):
    # Pydantic would read a number as a Unix time; a date is written YYYY-MM-DD, nothing else.
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DATE.match(value)):
        return value
    raise ValueError("Give a date as YYYY-MM-DD.")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class Period(Schema):
    start: dt.datetime
    end: dt.datetime


class OccurrenceOut(Schema):
    event_id: int
    title: str
    url: str
    summary: str
    start: dt.datetime
    end: dt.datetime | None
    all_day: bool
    status: Term
    online: bool
    place_name: str
    district: Term | None
    organiser: PartnerRef | None
    categories: list[Term]


class OccurrenceList(schemas.PageOf):
    period: Period
    results: list[OccurrenceOut]
    notes: list[str]


class RecurrenceOut(Schema):
    frequency: Term
    until: dt.date | None
    rrule: str | None = Field(description="RFC 5545 RRULE, as in the iCalendar feed.")


class Dates(Schema):
    start: dt.datetime
    end: dt.datetime | None


class Event(Schema):
    id: int
    title: str
    url: str
    summary: str
    description_html: str
    image_url: str | None
    start: dt.datetime
    end: dt.datetime | None
    all_day: bool
    recurrence: RecurrenceOut
    cancelled_dates: list[dt.date]
    status: Term
    organiser: PartnerRef | None
    place: Place | None
    online: bool
    online_url: str
    registration_url: str
    registration_required: bool
    age: AgeRange
    life_stages: list[Term]
    categories: list[Term]
    target_groups: list[Term]
    languages: list[LanguageOut]
    cost: CostOut
    next_occurrences: list[Dates]
    ical_url: str
    translations: list[schemas.TranslationLink]


def _local_midnight(day):
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=BERLIN)


def _period(date_from, date_to, notes):
    first = min(max(date_from or timezone.localdate(), FIRST_DAY), LAST_DAY)
    last = min(max(date_to, FIRST_DAY), LAST_DAY) if date_to else None
    if last and last < first:
        notes.append(_("The end of the period must not be before its start."))
        last = None
    if last is None:
        last = first + dt.timedelta(days=DEFAULT_DAYS - 1)
    if (last - first).days >= MAX_DAYS:
        notes.append(_("A period is at most %(days)s days long.") % {"days": MAX_DAYS})
        last = first + dt.timedelta(days=MAX_DAYS - 1)
    return _local_midnight(first), _local_midnight(last + dt.timedelta(days=1))


def _events_in(language):
    return EventPage.objects.live().public().filter(locale__language_code=language)


# "from" is a Python keyword: the parameters are named by alias.
FROM = Query(None, alias="from", description="First day; default today.")
TO = Query(None, alias="to", description=f"Last day; {DEFAULT_DAYS} days on, at most {MAX_DAYS}.")


@schemas.list_operation(
    router,
    "events/",
    OccurrenceList,
    "Dates of events in a period",
    "get_event",
    "event_id",
    "/results/0/event_id",
)
def list_events(
    request,
    locale: schemas.LanguageCode = schemas.DEFAULT_LOCALE,
    date_from: IsoDate | None = FROM,
    date_to: IsoDate | None = TO,
    q: str = Query("", max_length=200, description="Words, in any language (as the site search)."),
    age: int | None = Query(None, ge=0, le=21, description="In years."),
    district: str = Query("", max_length=100, description="A district slug."),
    category: str = Query("", max_length=100),
    language: str = Query("", max_length=8, description="An ISO 639-1 code."),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(20, ge=1, le=100),
):
    """Every date in the period in order of time: a repeating event once per date, cancelled
    dates left out. Cancelled events stay in the list with their status."""
    with translation.override(locale):
        filters = EventFilters(
            {
                "q": q,
                "age": "" if age is None else str(age),
                "district": district,
                "category": category,
                "language": language,
            }
        )
        notes = list(filters.notes)
        window = _period(date_from, date_to, notes)
        events = (
            filters.apply(_events_in(locale))
            .overlapping(*window)
            .select_related("district", "organiser")
            .prefetch_related("cancelled_dates", "categories")
        )
        items, facts = schemas.paginate(occurrences_between(events, *window), page, page_size)
        organisers = partner_refs((o.event.organiser for o in items), locale, request)
        return {
            **facts,
            "period": {"start": window[0], "end": window[1]},
            "results": [
                {
                    "event_id": o.event.pk,
                    "title": o.event.title,
                    "url": o.event.get_full_url(request),
                    "summary": o.event.summary,
                    "start": o.start,
                    "end": o.end,
                    "all_day": o.event.all_day,
                    "status": schemas.choice(EventStatus, o.event.status),
                    "online": o.event.is_online,
                    "place_name": o.event.place_name,
                    "district": term(o.event.district),
                    "organiser": organisers.get(o.event.organiser_id),
                    "categories": [term(row) for row in o.event.categories.all()],
                }
                for o in items
            ],
            "notes": [str(note) for note in notes],
        }


def _recurrence(event):
    rrule = None
    if event.recurrence != NONE and event.recurrence_until:
        until = dt.datetime.combine(event.recurrence_until, dt.time(23, 59, 59), tzinfo=BERLIN)
        recur = vRecur(freq=FREQUENCY[event.recurrence], until=until.astimezone(dt.UTC))
        rrule = recur.to_ical().decode()
    return {
        "frequency": schemas.choice(Recurrence, event.recurrence),
        "until": event.recurrence_until,
        "rrule": rrule,
    }


def _place(event):
    return place(event) if event.place_name or event.street else None


@router.get("events/{event_id}/", response=Event, summary="One event")
def get_event(request, event_id: schemas.PageId, locale: schemas.LanguageCode | None = None):
    """With `locale`, the event's version in that language; German where there is none."""
    event, language = schemas.in_language_or_404(
        EventPage, event_id, locale, _events_in, fallback=schemas.DEFAULT_LOCALE
    )
    image_url = None
    if event.image:
        image_url = request.build_absolute_uri(event.image.get_rendition("width-1200").url)
    with translation.override(language):
        organiser = partner_refs([event.organiser], language, request).get(event.organiser_id)
        url = event.get_full_url(request)
        return {
            "id": event.pk,
            "title": event.title,
            "url": url,
            "summary": event.summary,
            "description_html": schemas.absolute_rich_text(event.description, request),
            "image_url": image_url,
            "start": event.start,
            "end": event.end,
            "all_day": event.all_day,
            "recurrence": _recurrence(event),
            "cancelled_dates": sorted(event.cancelled_date_set),
            "status": schemas.choice(EventStatus, event.status),
            "organiser": organiser,
            "place": _place(event),
            "online": event.is_online,
            "online_url": event.online_url,
            "registration_url": event.registration_url,
            "registration_required": event.registration_required,
            "age": {
                "min_months": event.age_min_months,
                "max_months": event.age_max_months,
                "label": str(event.age_range_label),
            },
            "life_stages": [schemas.choice(LifeStage, stage) for stage in event.life_stages],
            "categories": [term(row) for row in event.categories.all()],
            "target_groups": [term(row) for row in event.target_groups.all()],
            "languages": [{"code": row.code, "name": row.name()} for row in event.languages.all()],
            "cost": {
                "value": event.cost,
                "label": str(Cost(event.cost).label),
                "note": event.cost_note,
            },
            "next_occurrences": [
                {"start": o.start, "end": o.end}
                for o in next_occurrences(event, timezone.now(), NEXT_DATES)
            ],
            "ical_url": url + "event.ics/",
            "translations": schemas.page_translations(event, request),
        }


TIME = r"^([01]\d|2[0-3]):[0-5]\d$"


class HintIn(Schema):
    """The public form's fields. No image: send it to the editors when they ask."""

    # A field the form does not know is refused (422), and the schema says so.
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3, max_length=120)
    start_date: IsoDate = Field(description="Not in the past.")
    start_time: str = Field("", pattern=TIME, description="HH:MM; empty for all day.")
    end_date: IsoDate | None = Field(None, description="Only if it lasts several days.")
    end_time: str = Field("", pattern=TIME, description="HH:MM.")
    place_name: str = Field("", max_length=200)
    street: str = Field("", max_length=200)
    postcode: str = Field("", pattern=r"^(\d{5})?$")
    district: str = Field("", max_length=100, pattern=r"^[-a-z0-9]*$", description="A slug.")
    online_url: str = Field("", max_length=500)
    description: str = Field(min_length=20, max_length=5000)
    organiser_name: str = Field(min_length=1, max_length=200)
    contact_email: str = Field(max_length=254, description="Not published.")
    consent: StrictBool = Field(description="Must be true: the details may be stored for review.")


class HintReceipt(Schema):
    reference: str
    message: str
    organiser: PartnerRef | None


class Message(Schema):
    detail: str


def _form_data(payload):
    data = payload.dict()
    data["end_date"] = data["end_date"] or ""
    data["consent"] = "on" if payload.consent else ""
    if payload.district:
        row = District.objects.filter(
            slug=payload.district, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        data["district"] = row.pk if row else payload.district
    return data


def _field_errors(form):
    return [
        {"loc": ["body", "payload"] + ([name] if name != "__all__" else []), "msg": message}
        for name, messages in form.errors.items()
        for message in messages
    ]


@router.post(
    "event-hints/",
    response={201: HintReceipt, 400: Message, 404: Message, 429: Message, 503: Message},
    summary="Send an event hint for review",
)
def post_event_hint(
    request, payload: HintIn, locale: schemas.LanguageCode = schemas.DEFAULT_LOCALE
):
    """The same checks, consent, limit per sender (counted apart) and moderation as the form:
    the hint becomes a draft event in the review workflow and the editors get a mail. With a
    partner account's bearer token the organiser is that partner. Messages come in `locale`.
    Answers 201 with the reference to quote, 400 for a body that is not JSON, 422 with a
    message per field, 429 with Retry-After after too many hints this hour, 503 if uncounted."""
    with translation.override(locale):
        index = EventIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        index = index.live().first()
        if index is None:
            return Status(404, {"detail": str(_("No calendar takes event hints."))})
        too_many = _("Too many hints from your address. Please try again in an hour.")
        if refusal := rate_limit_refusal(request, "event-hint-api", too_many):
            return refusal.answer(JsonResponse({"detail": str(refusal.message)}))
        form = EventHintForm(_form_data(payload))
        if not form.is_valid():
            return JsonResponse({"detail": _field_errors(form)}, status=422)
        partners = partners_for_restricted_user(request.auth)
        organiser = partners.first() if partners is not None else None
        page, contact = submit_hint(index, form.cleaned_data, organiser)
        refs = partner_refs([page.organiser], locale, request)
        return Status(
            201,
            {
                "reference": contact.reference,
                "message": str(_("Thank you. The editors will check the event before it appears.")),
                "organiser": refs.get(page.organiser_id),
            },
        )
