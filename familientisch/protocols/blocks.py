"""The parts of a protocol: agenda items with their text, decisions and tasks; attachments."""

import uuid

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]


class PersonBlock(blocks.CharBlock):
    """A person's name: the same in every language, so wagtail-localize keeps it in sync
    instead of offering it for translation."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class AgendaTextBlock(blocks.StreamBlock):
    subheading = blocks.CharBlock(
        label=_("Sub-heading"), max_length=300, template="protocols/blocks/subheading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=PARAGRAPH_FEATURES)

    class Meta:
        required = False


class ActionItemBlock(blocks.StructBlock):
    task = blocks.CharBlock(label=_("Task"), max_length=500)
    who = PersonBlock(label=_("Who"), max_length=200, required=False)
    due = blocks.DateBlock(label=_("By when"), required=False)

    class Meta:
        icon = "tasks"


class AgendaItemBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        label=_("Number"), max_length=10, help_text=_("As in the agenda: 1, 2, 3a ...")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=300)
    text = AgendaTextBlock(label=_("Text"))
    decisions = blocks.ListBlock(
        blocks.TextBlock(label=_("Decision")), label=_("Decisions"), default=[]
    )
    action_items = blocks.ListBlock(ActionItemBlock(), label=_("Action items"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Agenda item")
        template = "protocols/blocks/agenda_item.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = agenda_anchor(value)
        return context


def agenda_anchor(value):
    """The id of an agenda item on the page, stable while its number stays: "top-3"."""
    return f"top-{slugify(value['number']) or 'x'}"


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Attachment")


class AttachmentsBlock(blocks.StreamBlock):
    attachment = AttachmentBlock()


def block(block_type, value):
    """A StreamField block in raw form. Every block needs its id: wagtail-localize addresses
    translatable text by the path of block ids."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}
