import datetime as dt

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail_localize.fields import TranslatableField
from wagtail_localize.synctree import create_aliases_for_new_page

from familientisch.core.admin_notes import note
from familientisch.core.fields import (
    in_source_language,
    optional_date,
    optional_link,
    summary_field,
    synchronised,
)
from familientisch.core.pages import SectionIndexPage, SectionItemPage, indexed
from familientisch.taxonomy.audience import AudienceMixin, PlaceMixin
from familientisch.taxonomy.geocoding import fill_coordinates, fill_district

from . import revision, views
from .moderation import ensure_hint_workflow
from .occurrences import BERLIN, MONTHLY, NONE, WEEKLY, next_occurrences
from .panels import HintContactPanel
from .permissions import EventPagePermissionTester, partners_for_restricted_user


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The calendar of upcoming events, and the way in for partners' event hints."""

    template = "events/event_index_page.html"  # named for the app, not its prefixed label

    subpage_types = ["familientisch_events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """The published events of this calendar that every visitor may see."""
        return EventPage.objects.live().public().child_of(self)

    def add_hint(self, contact, **fields):
        """An event hint as a draft below this index, in the review workflow and never
        published here; `contact` (who sent it) is stored apart from the page."""
        page = EventPage(live=False, **fields)
        self.add_child(instance=page)
        page.save_revision()
        # As the admin does for a new page: every language tree gets its alias, which goes live
        # with the German page once an editor publishes it.
        create_aliases_for_new_page(page)
        # The contact first: the moderators' mail, sent as the review starts, names it.
        contact = EventHintContact.objects.create(page=page, **contact)
        ensure_hint_workflow(self).start(page, None)
        return page, contact

    @path("")
    def upcoming_view(self, request):
        return views.index_view(self, request)

    @path("feed.ics/")
    def feed_view(self, request):
        return views.index_feed_view(self, request)

    @path("submit/")
    def submit_view(self, request):
        return views.submit_view(self, request)

    @path("revise/")
    def revise_view(self, request):
        return revision.revise_view(self, request)


class Recurrence(models.TextChoices):
    NONE = NONE, _("Once")
    WEEKLY = WEEKLY, _("Every week")
    MONTHLY = MONTHLY, _("Every month on the same day")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved-online", _("Moved online")


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events with at least one date not yet over: past events drop out by themselves."""
        return self.filter(last_end__gte=now or timezone.now())

    def overlapping(self, window_start, window_end):
        return self.filter(last_end__gte=window_start, start__lt=window_end)

    def for_listing(self):
        """With what a list of events shows (place, next date), in the same few queries
        however many events there are."""
        return self.select_related("district").prefetch_related("cancelled_dates")


class EventPageForm(WagtailAdminPageForm):
    """A partner's account may only name its own organisation as organiser; the place gets its
    coordinates, district and quarter from its address, as an offer's places do."""

    def save(self, commit=True):
        if "postcode" in self.fields:
            fill_district(self)
            if warning := fill_coordinates(self):
                note(self.instance, warning)
        return super().save(commit)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organiser" not in self.fields:
            return
        field = self.fields["organiser"]
        partners = partners_for_restricted_user(self.for_user)
        if partners is None:
            # Organisers are the German partner pages; each language shows its translation.
            field.queryset = field.queryset.filter(locale__language_code=settings.LANGUAGE_CODE)
        else:
            field.queryset = partners
            field.required = True
            field.empty_label = None


class EventPage(RoutablePageMixin, AudienceMixin, PlaceMixin, SectionItemPage):
    template = "events/event_page.html"  # named for the app, not its prefixed label
    summary = summary_field(_("summary"), _("One or two sentences for the list of events."))
    description = RichTextField(_("description"), blank=True)
    image = optional_link("wagtailimages.Image", _("image"))
    start = models.DateTimeField(_("start"), help_text=_("Date and time in Berlin time."))
    end = models.DateTimeField(
        _("end"), null=True, blank=True, help_text=_("Leave empty if the end is open.")
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The times of start and end are ignored.")
    )
    recurrence = models.CharField(
        _("repeats"), max_length=10, choices=Recurrence.choices, default=Recurrence.NONE
    )
    recurrence_until = optional_date(
        _("repeats until"), _("The last possible date of a repeating event.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    online = models.BooleanField(_("takes place online"), default=False)
    online_url = models.URLField(
        _("link to the online event"), blank=True, help_text=_("Where participants join.")
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Only if registration is needed and possible online."),
    )
    organiser = optional_link(
        "familientisch_partners.PartnerPage",
        _("organiser"),
        related_name="events",
        limit_choices_to=in_source_language,
    )
    # Derived in save(): the end of the last date, so that "upcoming" is one indexed filter.
    last_end = models.DateTimeField(editable=False, db_index=True, null=True)
    # RFC 5545 SEQUENCE: raised when the date or the status changes, so calendars update.
    sequence = models.PositiveIntegerField(editable=False, default=0)

    objects = PageManager.from_queryset(EventPageQuerySet)()
    base_form_class = EventPageForm

    content_panels = Page.content_panels + [
        HintContactPanel(),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurrence_until")]),
                InlinePanel("cancelled_dates", label=_("Cancelled dates")),
            ],
            heading=_("When"),
        ),
        FieldPanel("status"),
        FieldPanel("organiser", widget=forms.Select),
        MultiFieldPanel(
            [*PlaceMixin.place_panels, FieldPanel("online"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        *AudienceMixin.audience_panels,
        FieldPanel("registration_url"),
    ]
    override_translatable_fields = [
        *AudienceMixin.audience_translatable_fields,
        *PlaceMixin.place_translatable_fields,
        TranslatableField("summary"),
        *synchronised(
            "image start end all_day recurrence recurrence_until cancelled_dates "
            "status online online_url registration_url organiser"
        ),
    ]
    search_fields = indexed("summary", "description", filtered=["last_end"])
    search_terms = AudienceMixin.audience_search_terms + PlaceMixin.place_search_terms

    parent_page_types = ["familientisch_events.EventIndexPage"]

    # Changes to these are news for a subscribed calendar.
    SCHEDULE_FIELDS = ("start", "end", "all_day", "recurrence", "recurrence_until", "status")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.recurrence != Recurrence.NONE:
            if not self.recurrence_until:
                errors["recurrence_until"] = _("A repeating event needs a last date.")
            elif self.start and self.recurrence_until < self.start.astimezone(BERLIN).date():
                errors["recurrence_until"] = _("The last date must not be before the start.")
        if (self.online or self.status == EventStatus.MOVED_ONLINE) and not self.online_url:
            errors["online_url"] = _("An online event needs the link to join it.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self._normalise_all_day()
            self.last_end = self.compute_last_end()
            self._raise_sequence_if_rescheduled()
        return super().save(*args, **kwargs)

    def _normalise_all_day(self):
        if self.all_day:
            midnight = dt.time(0, 0)
            self.start = dt.datetime.combine(
                self.start.astimezone(BERLIN).date(), midnight, tzinfo=BERLIN
            )
            if self.end:
                self.end = dt.datetime.combine(
                    self.end.astimezone(BERLIN).date(), midnight, tzinfo=BERLIN
                )

    def compute_last_end(self):
        duration = (self.end - self.start) if self.end else dt.timedelta(0)
        if self.all_day:
            duration += dt.timedelta(days=1)
        first = self.start
        if self.recurrence != Recurrence.NONE and self.recurrence_until:
            local = self.start.astimezone(BERLIN)
            first = dt.datetime.combine(self.recurrence_until, local.time(), tzinfo=BERLIN)
        return first + duration

    def _raise_sequence_if_rescheduled(self):
        if not self.pk:
            return
        before = EventPage.objects.filter(pk=self.pk).values(*self.SCHEDULE_FIELDS, "sequence")
        before = before.first()
        if before is None:
            return
        # A revision made before the last raise carries an older number: never go back.
        self.sequence = max(self.sequence, before["sequence"])
        if any(before[name] != getattr(self, name) for name in self.SCHEDULE_FIELDS):
            self.sequence += 1

    def permissions_for_user(self, user):
        return EventPagePermissionTester(user, self)

    @cached_property
    def cancelled_date_set(self):
        return {row.date for row in self.cancelled_dates.all()}

    @cached_property
    def next_date(self):
        """The next occurrence from now on (a running one included), or None."""
        return next(iter(next_occurrences(self, timezone.now(), 1)), None)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return self.online or self.status == EventStatus.MOVED_ONLINE

    @path("event.ics/")
    def ical_view(self, request):
        return views.event_feed_view(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(self, request))
        return context


class EventCancelledDate(Orderable):
    """A single date of a repeating event that does not take place."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="cancelled_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled date")
        verbose_name_plural = _("cancelled dates")


class EventHintContact(models.Model):
    """Who sent an event hint through the public form. Personal data: kept apart from the
    page (and so out of its revisions) so that it can be deleted completely and on time."""

    page = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, related_name="hint_contact", verbose_name=_("event")
    )
    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    email = models.EmailField(_("contact email"))
    organiser_name = models.CharField(_("organiser named in the hint"), max_length=200)
    language = models.CharField(_("language of the form"), max_length=10, default="de")
    submitted_at = models.DateTimeField(_("sent"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("rejected"), null=True, blank=True)

    class Meta:
        verbose_name = _("event hint contact")
        verbose_name_plural = _("event hint contacts")

    def __str__(self):
        return self.reference
