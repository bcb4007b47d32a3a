"""A page's privacy holds for every language version of it.

Wagtail keeps view restrictions per page, and each locale has its own copy of a page (an alias
until it is translated). Aliases and translations made of a private page inherit its
restriction, but privacy set afterwards, on one version, stayed on that version: members-only
minutes made private in German were listed by the English search. So whenever the
restrictions of a page change (created, edited, groups changed, removed), every other version
of it (same translation key) is given the same restrictions. The last change wins, whichever
language it was made in.

Privacy also reaches what shows a page's title or files elsewhere: the admin's page chooser
and the documents (attachments) that only private pages use.
"""

from contextlib import contextmanager

from asgiref.local import Local
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

_mirroring = Local()


@contextmanager
def _while_mirroring():
    """The copies made here change restrictions too: their signals must not mirror again."""
    _mirroring.active = True
    try:
        yield
    finally:
        _mirroring.active = False


def _signature(restrictions):
    return sorted(
        (r.restriction_type, r.password, sorted(group.pk for group in r.groups.all()))
        for r in restrictions
    )


def mirror_restrictions(page):
    """Give every other version of `page` exactly the restrictions set on `page` itself."""
    if getattr(_mirroring, "active", False):
        return
    restrictions = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
    others = list(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))
    theirs = PageViewRestriction.objects.filter(page__in=others).prefetch_related("groups")
    by_page = {other.pk: [] for other in others}
    for restriction in theirs:
        by_page[restriction.page_id].append(restriction)
    wanted = _signature(restrictions)
    if all(_signature(existing) == wanted for existing in by_page.values()):
        return  # already the same everywhere (a copy Wagtail made, or a repeated save)
    with transaction.atomic(), _while_mirroring():
        PageViewRestriction.objects.filter(page__in=others).delete()
        for other in others:
            for restriction in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=other,
                    restriction_type=restriction.restriction_type,
                    password=restriction.password,
                )
                copy.groups.set(restriction.groups.all())


def _restriction_saved(instance, created, raw=False, **kwargs):
    # A new restriction to groups gets its groups right after it is saved: mirrored then.
    if raw or (created and instance.restriction_type == PageViewRestriction.GROUPS):
        return
    mirror_restrictions(instance.page)


def _restriction_deleted(instance, origin=None, **kwargs):
    # Only a restriction removed for itself ("make public"), not one that goes with its page.
    if isinstance(origin, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            mirror_restrictions(page)


def _groups_changed(instance, action, reverse, **kwargs):
    if action.startswith("post_") and not reverse:
        mirror_restrictions(instance.page)


def connect():
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="mirror-save")
    post_delete.connect(
        _restriction_deleted, sender=PageViewRestriction, dispatch_uid="mirror-delete"
    )
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="mirror-groups"
    )


def choosable_by(pages, user):
    """The pages of the admin's page chooser that `user` may see: those they may edit, and
    otherwise only what any visitor sees (live, public, with no unpublished draft, whose title
    the chooser would show). A partner linking to another page never learns the titles of other
    partners' drafts or of members-only minutes."""
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    public = Page.objects.live().public().filter(has_unpublished_changes=False)
    return pages.filter(Q(pk__in=editable.values("pk")) | Q(pk__in=public.values("pk")))


def restrictions_guarding(document):
    """The view restrictions a visitor must pass to download `document`: those of the pages
    that use it (Wagtail's reference index), when none of them is live and public. A document
    of members-only minutes is as private as the minutes; one that a public page also links
    to, or that no page uses, is governed by its collection alone (Wagtail's own check)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    pages = Page.objects.filter(pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)])
    if not pages or pages.live().public().exists():
        return []
    return [restriction for page in pages for restriction in page.get_view_restrictions()]


def may_download(document, request):
    restrictions = restrictions_guarding(document)
    return (
        not restrictions
        or any(restriction.accept_request(request) for restriction in restrictions)
        or policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(
            request.user, "change", document
        )
    )
