"""The sender's side of "Request changes": the signed link in their mail opens the hint as the
editors last saw it, with the moderator's comment; what they send becomes a new revision of
the same draft and goes back into the same review task (Wagtail's resume of a workflow that
needs changes), so the moderators see the difference in the page's history."""

import html
import re

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from .forms import EventHintForm
from .hints import hint_fields, store_image
from .moderation import contact_for_token
from .occurrences import BERLIN

TEMPLATE = "events/event_hint_revise.html"


class EventHintRevisionForm(EventHintForm):
    """The hint form without what the sender gave once for all: address and consent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["contact_email"], self.fields["consent"]


def as_text(description):
    """The sender's plain text back from the page's paragraphs (hints.hint_fields)."""
    text = re.sub(r"</p>\s*<p>", "\n\n", description)
    return html.unescape(re.sub(r"<[^>]+>", "", text.replace("<br>", "\n")))


def form_initial(draft, contact):
    start, end = draft.start.astimezone(BERLIN), draft.end and draft.end.astimezone(BERLIN)
    return {
        "title": draft.title,
        "description": as_text(draft.description),
        "start_date": start.date(),
        "start_time": None if draft.all_day else start.time(),
        "end_date": end.date() if end and end.date() != start.date() else None,
        "end_time": end.time() if end and not draft.all_day else None,
        "place_name": draft.place_name,
        "street": draft.street,
        "postcode": draft.postcode,
        "district": draft.district,
        "online_url": draft.online_url,
        "organiser_name": contact.organiser_name,
    }


def revise(draft, contact, state, data):
    for name, value in hint_fields(data).items():
        setattr(draft, name, value)
    draft.image = store_image(data.get("image"), data["title"]) or draft.image
    draft.save_revision()
    contact.organiser_name = data["organiser_name"]
    contact.save(update_fields=["organiser_name"])
    state.resume()


def revise_view(index, request):
    contact = contact_for_token(request.GET.get("link", ""))
    context = {"page": index, "contact": contact, "form": None, "revised": False}
    if contact is None:
        context["message"] = _(
            "This link is no longer valid. Please write to us or send a new hint."
        )
        return TemplateResponse(request, TEMPLATE, context, status=410)
    state = WorkflowState.objects.active().filter(object_id=str(contact.page_id)).first()
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        context["message"] = _("This hint is with our editors or already decided on.")
        return TemplateResponse(request, TEMPLATE, context)
    draft = contact.page.get_latest_revision_as_object()
    context["comment"] = state.current_task_state.comment
    if request.method != "POST":
        context["form"] = EventHintRevisionForm(initial=form_initial(draft, contact))
        return TemplateResponse(request, TEMPLATE, context)
    form = EventHintRevisionForm(request.POST, request.FILES)
    if not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, TEMPLATE, context, status=400)
    revise(draft, contact, state, form.cleaned_data)
    context["revised"] = True
    return TemplateResponse(request, TEMPLATE, context)
