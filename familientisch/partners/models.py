import unicodedata

from django.apps import apps
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail_localize.fields import TranslatableField

from familientisch.conf import setting
from familientisch.core.fields import in_source_language, optional_link, summary_field, synchronised
from familientisch.core.pages import SectionIndexPage, SectionItemPage, indexed

from .forms import APPROVE_LOGO_PERMISSION, PartnerPageForm

# Logos are fitted into one box, never cropped: a cut-off logo misrepresents its owner.
LOGO_FILTER = "max-240x120"


def sort_key(name):
    """Alphabetical as a German reader expects it: "Bäckerei" before "Beratung", which the
    database's byte order puts the other way round."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class PartnerIndexPage(SectionIndexPage):
    """The network's member organisations, shown as a wall of logos."""

    template = "partners/partner_index_page.html"  # named for the app, not its prefixed label

    subpage_types = ["familientisch_partners.PartnerPage"]

    class Meta:
        verbose_name = _("partner index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        if kind not in PartnerKind.values:
            kind = None
        partners = PartnerPage.objects.child_of(self).live()
        if kind:
            partners = partners.filter(kind=kind)
        partners = sorted(partners.with_logo_renditions(), key=lambda page: sort_key(page.title))
        context.update(
            kinds=PartnerKind.choices,
            current_kind=kind,
            logo_partners=[partner for partner in partners if partner.shows_logo],
            name_partners=[partner for partner in partners if not partner.shows_logo],
        )
        return context


ACTIVITIES_SHOWN = 20


class PartnerKind(models.TextChoices):
    CITY_OFFICE = "city-office", _("City office")
    CHARITY = "charity", _("Charity or free provider")
    INITIATIVE = "initiative", _("Initiative")
    COMPANY = "company", _("Company")
    CHURCH = "church", _("Church or religious community")
    CHAMBER = "chamber", _("Chamber or association")
    OTHER = "other", _("Other")


class PartnerPageQuerySet(PageQuerySet):
    def with_approved_logo(self):
        return self.filter(last_approved_logo__isnull=False)

    def with_logo_renditions(self):
        """Shown logos and their wall-sized renditions in two queries, not two per partner."""
        logos = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
        return self.prefetch_related(Prefetch("last_approved_logo", queryset=logos))


class PartnerPage(SectionItemPage):
    """A member organisation of the network. A page rather than a snippet: it has an address
    of its own, and Wagtail's page permissions let the partner's own accounts edit exactly this
    page, through moderation."""

    template = "partners/partner_page.html"  # named for the app, not its prefixed label

    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    summary = summary_field(
        _("short description"), _("One or two sentences for lists and search results.")
    )
    description = RichTextField(_("description"), blank=True)
    logo = optional_link(
        "wagtailimages.Image",
        _("logo"),
        help_text=_(
            "PNG, JPEG, WebP or SVG without scripts, at most 2 MB. Shown only once the logo "
            "is approved."
        ),
    )
    logo_approved = models.BooleanField(
        _("logo approved for publication"),
        default=False,
        help_text=_("Tick only with the partner's written consent to show their logo."),
    )
    logo_consent_date = models.DateField(_("date of consent"), null=True, blank=True)
    # What the wall, the partner's page and the API show: the logo as last approved, kept while
    # a replacement waits for approval (partners.signals, partners.forms).
    last_approved_logo = optional_link("wagtailimages.Image", _("logo shown"), editable=False)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    districts = ParentalManyToManyField(
        "familientisch_taxonomy.District",
        blank=True,
        limit_choices_to=in_source_language,
        related_name="partners",
        verbose_name=_("districts"),
    )
    group = optional_link(
        "auth.Group",
        _("partner accounts"),
        help_text=_(
            "The group of user accounts that act for this partner: they may edit this page "
            "(their changes go through moderation) and upload logos to their own collection."
        ),
    )
    logo_collection = optional_link("wagtailcore.Collection", _("image collection"), editable=False)

    objects = PageManager.from_queryset(PartnerPageQuerySet)()
    base_form_class = PartnerPageForm

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("logo_approved", permission=APPROVE_LOGO_PERMISSION),
                FieldPanel("logo_consent_date", permission=APPROVE_LOGO_PERMISSION),
            ],
            heading=_("Logo"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        FieldPanel("districts"),
        FieldPanel("group", permission="familientisch_partners.change_partnerpage_group"),
    ]
    override_translatable_fields = [
        *synchronised(
            "districts contact_phone logo logo_approved logo_consent_date last_approved_logo "
            "website group"
        ),
        TranslatableField("summary"),
    ]
    search_fields = indexed("summary", "description", filtered=["kind"])

    parent_page_types = ["familientisch_partners.PartnerIndexPage"]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        permissions = [
            ("change_partnerpage_group", _("Can choose a partner's accounts")),
            ("approve_partnerpage_logo", _("Can approve a partner's logo for publication")),
            ("invite_partnerpage_accounts", _("Can invite a partner's accounts")),
        ]

    @property
    def shows_logo(self):
        return self.last_approved_logo_id is not None

    def activities(self):
        """What this partner does, gathered from every installed app that links its pages to
        partners (setting PARTNER_ACTIVITIES: model, link field, queryset method). Content in
        every language links to the German partner page, hence the translation key. One query
        per kind of activity, however many there are."""
        sections = []
        for label, link, method in setting("PARTNER_ACTIVITIES"):
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            pages = (
                model.objects.live()
                .public()
                .filter(
                    **{f"{link}__translation_key": self.translation_key}, locale_id=self.locale_id
                )
            )
            pages = list(getattr(pages, method)().order_by("title")[:ACTIVITIES_SHOWN])
            if pages:
                sections.append((model._meta.verbose_name_plural, pages))
        return sections

    def logo_rendition(self):
        return self.last_approved_logo.get_rendition(LOGO_FILTER) if self.shows_logo else None
