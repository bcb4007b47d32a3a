"""What a partner's "My organisation" page in the admin lists: the pages that name the partner
in every app that links pages to partners (setting PARTNER_ACTIVITIES: events as organiser,
offers as provider), each with where it stands in the review, and the partner's own page.

The partners app sits below events and offers, so it knows them only by their labels, as the
partner page's public list of activities does. The state comes from Wagtail's workflow states,
which every kind of page shares: a declined event hint is a cancelled review whose last task
was rejected (events.moderation's "Decline", the same moment as its contact's rejected_at), a
published one is live. A fixed number of queries, however many pages a partner has."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from familientisch.conf import setting

STATES = {
    "draft": _("Draft"),
    "in_review": _("In review"),
    "needs_changes": _("Needs changes"),
    "published": _("Published"),
    "published_in_review": _("Published; changes in review"),
    "declined": _("Declined"),
}


@dataclass
class Section:
    heading: str
    pages: list
    shows_last_checked: bool
    add_links: list  # (index page, address of the add form under it)


def latest_workflow_states(pages):
    """The newest workflow state of each page, by page id, in one query."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
    ).select_related("current_task_state")
    return {int(state.object_id): state for state in states.order_by("created_at")}


def review_state(page, workflow_state):
    status = workflow_state.status if workflow_state else None
    if status == WorkflowState.STATUS_IN_PROGRESS:
        return "published_in_review" if page.live else "in_review"
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "needs_changes"
    if page.live:
        return "published"
    task_state = workflow_state.current_task_state if workflow_state else None
    rejected = task_state is not None and task_state.status == TaskState.STATUS_REJECTED
    return "declined" if status == WorkflowState.STATUS_CANCELLED and rejected else "draft"


def with_states(pages):
    """`pages`, each with `review_state` (a key of STATES) and its label."""
    workflow_states = latest_workflow_states(pages)
    for page in pages:
        page.review_state = review_state(page, workflow_states.get(page.pk))
        page.review_state_label = STATES[page.review_state]
    return pages


def linked_models():
    """(page model, link field) of each installed app that links pages to partners."""
    for label, link, _method in setting("PARTNER_ACTIVITIES"):
        try:
            yield apps.get_model(label), link
        except LookupError:
            continue


def add_links(model, user):
    """Where `user` may add a page of `model`: the German indexes that take it."""
    indexes = Page.objects.type(*model.allowed_parent_page_models()).filter(
        locale__language_code=settings.LANGUAGE_CODE
    )
    meta = model._meta
    return [
        (index, reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, index.pk)))
        for index in indexes.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
    ]


def sections_for(partners, user):
    """One section per kind of linked page: the German pages naming one of `partners`, and
    where `user` may add more; each of them and of `partners` with its review state."""
    sections = []
    for model, link in linked_models():
        pages = model.objects.filter(
            **{f"{link}__in": partners}, locale__language_code=settings.LANGUAGE_CODE
        ).order_by("-latest_revision_created_at", "title")
        sections.append(
            Section(
                heading=model._meta.verbose_name_plural,
                pages=list(pages),
                shows_last_checked=any(f.name == "last_checked" for f in model._meta.fields),
                add_links=add_links(model, user),
            )
        )
    # The partner pages too: a partner's own change to its page waits for the review as well.
    with_states([*partners, *(page for section in sections for page in section.pages)])
    return sections
