from itertools import groupby

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from familientisch.core.fields import optional_date, optional_text, synchronised
from familientisch.core.pages import SectionIndexPage, SectionItemPage, indexed
from familientisch.core.search_text import search_text
from familientisch.search.query import TextSearch

from .blocks import PARAGRAPH_FEATURES, AgendaBlock, AttachmentsBlock, agenda_anchor
from .privacy import members_group_name, visible_to


class ProtocolIndexPage(SectionIndexPage):
    """The minutes of the network's meetings, newest first."""

    template = "protocols/protocol_index_page.html"  # named for the app, not its prefixed label

    subpage_types = ["familientisch_protocols.ProtocolPage"]

    class Meta:
        verbose_name = _("protocol index page")

    def protocols_for(self, request):
        """The live protocols of this index in its language that the visitor may read, newest
        first, with the ids of the members-only ones."""
        protocols = (
            ProtocolPage.objects.live()
            .child_of(self)
            .filter(locale=self.locale)
            .order_by("-meeting_date", "-meeting_time", "-id")
        )
        return visible_to(protocols, request.user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        protocols, private_ids = self.protocols_for(request)
        query = search_text(request.GET.get("q", ""))
        if query:
            # Members-only minutes too: `protocols` holds only what this visitor may read.
            protocols = TextSearch(query, self.locale.language_code, private=True).pages(protocols)
        protocols = list(protocols)
        for protocol in protocols:
            protocol.members_only = protocol.pk in private_ids
        context.update(
            query=query,
            protocols=protocols,
            years=[
                (year, list(items))
                for year, items in groupby(protocols, key=lambda page: page.meeting_date.year)
            ],
        )
        return context


class ProtocolPage(SectionItemPage):
    """The minutes (Ergebnisprotokoll) of one meeting of the network."""

    template = "protocols/protocol_page.html"  # named for the app, not its prefixed label

    meeting_date = models.DateField(_("date of the meeting"), null=True)
    meeting_time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("When the meeting began.")
    )
    place = optional_text(_("place"), _("For example: Bürgerhaus im Stadtteilzentrum Bilk"))
    meeting_title = optional_text(
        _("title of the meeting"), _("For example: Sitzung des Familientisches")
    )
    chaired_by = models.CharField(_("chaired by"), max_length=255, blank=True)
    minutes_by = models.CharField(_("minutes taken by"), max_length=255, blank=True)
    attendees = models.TextField(
        _("attendees"), blank=True, help_text=_("Optional: one person or organisation a line.")
    )
    excused = models.TextField(
        _("excused"), blank=True, help_text=_("Optional: one person or organisation a line.")
    )
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda items"))
    attachments = StreamField(
        AttachmentsBlock(),
        blank=True,
        verbose_name=_("attachments"),
        help_text=_("Presentations, lists and other documents of the meeting."),
    )
    next_meeting_date = optional_date(_("date of the next meeting"))
    next_meeting_topics = models.TextField(
        _("topics of the next meeting"), blank=True, help_text=_("One topic a line.")
    )
    body = RichTextField(
        _("further notes"),
        blank=True,
        features=PARAGRAPH_FEATURES,
        help_text=_(
            "Anything else. The importer puts here whatever text it could not assign: "
            "move it to the right place and delete it here."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("meeting_title"),
                FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("meeting_time")]),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("chaired_by"), FieldPanel("minutes_by")]),
                FieldRowPanel([FieldPanel("attendees"), FieldPanel("excused")]),
            ],
            heading=_("Meeting"),
        ),
        FieldPanel("agenda"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [FieldPanel("next_meeting_date"), FieldPanel("next_meeting_topics")],
            heading=_("Next meeting"),
        ),
        FieldPanel("body"),
        HelpPanel(
            content=_(
                "Members only? Use “Privacy” in the status panel of this page and choose "
                "“Private, accessible to users in specific groups”: the group “%(group)s”."
            )
            % {"group": members_group_name()},
            heading=_("Who may read this protocol"),
        ),
    ]
    override_translatable_fields = [
        *synchronised(
            "meeting_date meeting_time chaired_by minutes_by attendees excused next_meeting_date"
        ),
        TranslatableField("place"),
        TranslatableField("meeting_title"),
        TranslatableField("agenda"),
        TranslatableField("attachments"),
        TranslatableField("next_meeting_topics"),
        TranslatableField("body"),
    ]
    search_fields = indexed(
        *("meeting_title", "place", "agenda", "next_meeting_topics", "body"),
        filtered=["meeting_date", "meeting_time"],
    )

    parent_page_types = ["familientisch_protocols.ProtocolIndexPage"]

    class Meta:
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")

    def full_clean(self, *args, exclude=None, **kwargs):
        # Like the admin's drafts, an imported draft may lack its date; publishing needs it.
        if not self.live and self.meeting_date is None:
            exclude = [*(exclude or []), "meeting_date"]
        super().full_clean(*args, exclude=exclude, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contents"] = [
            {"anchor": agenda_anchor(item.value), "value": item.value} for item in self.agenda
        ]
        return context

    @cached_property
    def attachment_list(self):
        """Each attachment with its title, file type and size, for the list on the page."""
        attachments = []
        for block in self.attachments:
            document = block.value["document"]
            if document is None:
                continue
            attachments.append(
                {
                    "title": block.value["title"] or document.title,
                    "url": document.url,
                    "extension": document.file_extension.upper(),
                    "size": _file_size(document),
                }
            )
        return attachments

    @property
    def topics(self):
        return [line.strip(" -") for line in self.next_meeting_topics.splitlines() if line.strip()]


def _file_size(document):
    if document.file_size is None:
        try:
            document.file_size = document.file.size
        except OSError:
            return None
    return document.file_size
