from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import SectionIndexPage


class PartnerIndexPage(SectionIndexPage):
    """The network's member organisations, shown as a wall of logos."""

    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("partner index page")


class PartnerKind(models.TextChoices):
    CITY_OFFICE = "city-office", _("City office")
    CHARITY = "charity", _("Charity or free provider")
    INITIATIVE = "initiative", _("Initiative")
    COMPANY = "company", _("Company")
    CHURCH = "church", _("Church or religious community")
    CHAMBER = "chamber", _("Chamber or association")
    OTHER = "other", _("Other")


class PartnerPage(Page):
    """A member organisation of the network. A page rather than a snippet: it has an address
    of its own, and Wagtail's page permissions let the partner's own accounts edit exactly this
    page, through moderation."""

    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    summary = models.CharField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists and search results."),
    )
    description = RichTextField(_("description"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("PNG, JPEG, WebP or SVG. Shown only once the logo is approved."),
    )
    logo_approved = models.BooleanField(
        _("logo approved for publication"),
        default=False,
        help_text=_("Tick only with the partner's written consent to show their logo."),
    )
    logo_consent_date = models.DateField(_("date of consent"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    districts = ParentalManyToManyField(
        "home.District", blank=True, related_name="partners", verbose_name=_("districts")
    )
    group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner accounts"),
        help_text=_("The group of user accounts that act for this partner."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_approved"), FieldPanel("logo_consent_date")],
            heading=_("Logo"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        FieldPanel("districts"),
        FieldPanel("group", permission="partners.change_partnerpage_group"),
    ]
    override_translatable_fields = [
        SynchronizedField("districts"),
        SynchronizedField("contact_phone"),
        TranslatableField("summary"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        permissions = [("change_partnerpage_group", _("Can choose a partner's accounts"))]
