import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.models.pages import PageQuerySet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from familientisch.conf import setting
from familientisch.core.fields import in_source_language, optional_date, optional_link, synchronised
from familientisch.core.models import VisitorReport
from familientisch.core.pages import SectionIndexPage, SectionItemPage, indexed
from familientisch.taxonomy.audience import AudienceMixin, PlaceMixin, cost_field
from familientisch.taxonomy.places import addresses_of, at_the_same_place

from .admin_map import PointPickerPanel
from .city_map import city_map_url
from .hours import OpeningHoursBlock, is_open_at
from .page_form import OfferPageForm
from .reports import MistakeKind, MistakeReportForm, handle_mistake_report
from .search import annotate_navigator, search_offers
from .structured_data import offer_json_ld

STALE_AFTER_DAYS = 180


class CheckedVia(models.TextChoices):
    EDITOR = "editor", _("an editor, in the admin")
    PROVIDER = "provider", _("the provider, via the mail link")


def map_settings():
    # Without a tile address the map draws the city map this site serves (city_map.py), or
    # the markers alone: either way no request leaves the site.
    return {
        "city_map_url": city_map_url(),
        "map_tiles_url": setting("NAVIGATOR_MAP_TILES_URL"),
        "map_attribution": setting("NAVIGATOR_MAP_ATTRIBUTION"),
    }


class OfferIndexPage(SectionIndexPage):
    """The Familien-Navigator: the searchable list of offers for families."""

    template = "offers/offer_index_page.html"  # named for the app, not its prefixed label

    help_phone = models.CharField(
        _("phone number for personal help"),
        max_length=40,
        blank=True,
        help_text=_("Shown when a search finds nothing, for example the youth office's hotline."),
    )

    content_panels = SectionIndexPage.content_panels + [FieldPanel("help_phone")]
    override_translatable_fields = [SynchronizedField("help_phone")]
    subpage_types = ["familientisch_offers.OfferPage"]

    class Meta:
        verbose_name = _("offer index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["navigator"] = search_offers(OfferPage.objects, request.GET, self.locale)
        context.update(map_settings())
        return context

    def serve(self, request, *args, **kwargs):
        return annotate_navigator(super().serve(request, *args, **kwargs))


class OfferQuerySet(PageQuerySet):
    def current(self, today=None):
        """Offers valid today: started (or no start) and not expired (or no end)."""
        today = today or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        )

    def stale(self, today=None):
        """Offers nobody has checked for STALE_AFTER_DAYS days."""
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(days=STALE_AFTER_DAYS)
        return self.filter(Q(last_checked__isnull=True) | Q(last_checked__lt=limit))

    def due_for_review(self, today=None):
        """Stale offers and those that will be within OFFER_CHECK_NOTICE_DAYS days: their
        providers are asked before the offer shows up on the editors' list."""
        today = today or timezone.localdate()
        return self.stale(today + datetime.timedelta(days=setting("OFFER_CHECK_NOTICE_DAYS")))

    def for_listing(self):
        """With what a list of offers shows (provider, places, languages), in the same few
        queries however many offers there are."""
        places = OfferPlace.objects.select_related("district", "quarter")
        return self.select_related("provider").prefetch_related(
            Prefetch("places", queryset=places), "languages"
        )


OfferManager = PageManager.from_queryset(OfferQuerySet)


class OfferPage(AudienceMixin, SectionItemPage):
    """One offer of help for families: who runs it, for whom, where and when."""

    template = "offers/offer_page.html"  # named for the app, not its prefixed label

    summary = models.TextField(
        _("short summary"),
        max_length=300,
        help_text=_("Plain text, one or two sentences, shown in lists and search results."),
    )
    description = RichTextField(_("description"), blank=True)
    provider = optional_link(
        "familientisch_partners.PartnerPage",
        _("provider"),
        related_name="offers",
        limit_choices_to=in_source_language,
        help_text=_("The partner organisation that runs this offer."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Shown first, as a button to call: families ask before they go."),
    )
    contact_person = models.CharField(
        _("contact person"),
        max_length=100,
        blank=True,
        help_text=_("The name families can ask for, e.g. “Frau Yilmaz”."),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Also used for reminders when the provider has none.")
    )
    website = models.URLField(_("website"), blank=True)
    cost = cost_field()  # no default: "free of charge" is a fact the editor gives, not a guess
    valid_from = optional_date(_("valid from"), _("Leave empty if it runs already."))
    valid_until = optional_date(
        _("valid until"), _("After this day the offer disappears from the search by itself.")
    )
    last_checked = optional_date(
        _("last checked"),
        _("When someone last confirmed the details with the provider."),
        default=datetime.date.today,
    )
    provider_reminded_at = models.DateTimeField(
        _("provider reminded at"), null=True, blank=True, editable=False
    )
    # Who confirmed last_checked: the editor's account (no name or address in the revision,
    # only its id), or none when the provider confirmed through the link in a reminder.
    checked_by = optional_link(settings.AUTH_USER_MODEL, _("checked by"), editable=False)
    checked_via = models.CharField(
        _("checked via"), max_length=10, choices=CheckedVia.choices, blank=True, editable=False
    )

    objects = OfferManager()
    base_form_class = OfferPageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        # a list of the partners, each once (the page chooser would show every language)
        FieldPanel("provider", widget=forms.Select),
        *AudienceMixin.audience_panels,
        InlinePanel("places", heading=_("Places and opening hours"), label=_("place")),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("contact_person"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("last_checked"),
            ],
            heading=_("Validity"),
        ),
    ]
    override_translatable_fields = AudienceMixin.audience_translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("description"),
        *synchronised(
            "provider phone contact_person email website valid_from valid_until last_checked"
        ),
    ]
    search_fields = indexed("summary", "description")
    search_terms = AudienceMixin.audience_search_terms + ("places__district", "places__quarter")
    parent_page_types = ["familientisch_offers.OfferIndexPage"]

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [
            models.Index(fields=["valid_until", "valid_from"], name="offer_validity_idx"),
            models.Index(fields=["age_min_months", "age_max_months"], name="offer_age_idx"),
            models.Index(fields=["last_checked"], name="offer_last_checked_idx"),
        ]

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("The end of validity must not be before its start.")}
            )

    @property
    def reminder_address(self):
        if self.provider_id and self.provider.contact_email:
            return self.provider.contact_email
        return self.email

    def mark_checked(self, user=None):
        """In memory: confirmed today, by `user` (an editor) or, without one, the provider."""
        self.last_checked = timezone.localdate()
        self.checked_by = user
        self.checked_via = CheckedVia.EDITOR if user else CheckedVia.PROVIDER

    @property
    def checked_by_label(self):
        if self.checked_by_id:
            return self.checked_by.get_full_name() or self.checked_by.get_username()
        return self.get_checked_via_display()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("report_form", MistakeReportForm())
        context["places"] = list(self.places.select_related("district", "quarter"))
        context["also_here"] = at_the_same_place(self, addresses_of(context["places"]))
        context["reported"] = request.GET.get("reported") == "1"
        context.update(map_settings())
        return context

    def is_current(self, today=None):
        today = today or timezone.localdate()
        started = self.valid_from is None or self.valid_from <= today
        return started and (self.valid_until is None or self.valid_until >= today)

    def serve(self, request, *args, **kwargs):
        # An offer out of its validity is gone for visitors, as from the navigator, in every
        # language (its dates are synchronised facts); editors still preview it.
        if not self.is_current():
            raise Http404
        if request.method == "POST":
            return handle_mistake_report(self, request)
        return super().serve(request, *args, **kwargs)

    def json_ld(self, request):
        return offer_json_ld(self, request)


class OfferPlace(TranslatableMixin, PlaceMixin, Orderable):
    """Where an offer takes place, with its own opening hours."""

    page = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="places")
    opening_hours = StreamField(
        OpeningHoursBlock(),
        blank=True,
        verbose_name=_("opening hours"),
        help_text=_(
            "Quickest: “Usual week”, with “same as Monday” for the days that repeat it; it "
            "becomes one time slot per opening period on saving. Days without an entry count "
            "as closed."
        ),
    )

    panels = [*PlaceMixin.place_panels, PointPickerPanel(), FieldPanel("opening_hours")]
    translatable_fields = PlaceMixin.place_translatable_fields + [
        SynchronizedField("opening_hours"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["district", "page"], name="offerplace_district_idx")]

    def __str__(self):
        return self.place_name or self.street

    def is_open_at(self, moment):
        return is_open_at(self.opening_hours, moment)

    @property
    def is_open_now(self):
        return self.is_open_at(timezone.now())


class MistakeReport(VisitorReport):
    """A visitor's hint that an offer's details are wrong, for the editors' dashboard."""

    offer = models.ForeignKey(
        OfferPage, on_delete=models.CASCADE, related_name="mistake_reports", verbose_name=_("offer")
    )
    kind = models.CharField(_("what is wrong"), max_length=10, choices=MistakeKind.choices)
    message = models.TextField(_("details"), max_length=2000)
    email = models.EmailField(
        _("email for questions"), blank=True, help_text=_("Optional. Only for questions.")
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    panels = VisitorReport.editor_panels(
        sent=["offer", "kind", "message", "name", "email"], handling=["handled"]
    )

    class Meta(VisitorReport.Meta):
        verbose_name = _("mistake report")
        verbose_name_plural = _("mistake reports")

    def __str__(self):
        return f"{self.offer.title}: {self.get_kind_display()}"
