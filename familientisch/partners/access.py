"""What a partner's own accounts may do in the admin: edit their one partner page (never
publish it, so every change goes through the moderation workflow), upload images into a
collection of their own, and add and edit the pages of their own organisation in the apps that
link pages to partners (events' organiser, offers' provider). Nothing else of the site, and
nothing of other partners.

Wagtail asks `Page.permissions_for_user()` before every action on a page, so a page type's
PartnerContentPermissionTester covers its edit, delete, unpublish, copy and revisions views in
one place; the explorer, the "all pages" listing and the admin search ask the page permission
policy for the explorable pages, which PartnerAwarePagePolicy narrows for every such tester.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    PagePermissionTester,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import PartnerPage

# A collection name is content, like a page title, so it is German, the source language.
LOGO_COLLECTION_NAME = "Partnerlogos"
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def _permissions(app_label, codenames):
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def new_partner_collection(name):
    """An image collection for one partner, under a shared one for all partner logos."""
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=LOGO_COLLECTION_NAME).first()
    if parent is None:
        parent = root.add_child(name=LOGO_COLLECTION_NAME)
    return parent.add_child(name=name)


def partner_collection(page):
    """The partner's own image collection, created once and remembered on the page, so
    renaming it in the admin breaks nothing."""
    if page.logo_collection_id is None:
        page.logo_collection = new_partner_collection(page.title)
        # update() rather than save(): saving the page is what called us.
        type(page).objects.filter(pk=page.pk).update(logo_collection=page.logo_collection)
    return page.logo_collection


def grant_partner_access(page, previous_group_id=None):
    """Give `page.group` edit rights on exactly this page and an image collection; take them
    from the group that acted for the partner before, if it changed."""
    if page.group_id is None and previous_group_id is None:
        return
    collection = partner_collection(page)
    if previous_group_id and previous_group_id != page.group_id:
        GroupPagePermission.objects.filter(group_id=previous_group_id, page=page).delete()
        GroupCollectionPermission.objects.filter(
            group_id=previous_group_id, collection=collection
        ).delete()
    if page.group_id is None:
        return
    group = page.group
    change_page = _permissions("wagtailcore", ["change_page"]).get()
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change_page)
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    for permission in _permissions("wagtailimages", IMAGE_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def grant_submission(group, index):
    """Let a partner's group into the admin and add pages (events, offers) under `index`."""
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    GroupPagePermission.objects.get_or_create(
        group=group, page=index, permission=_permissions("wagtailcore", ["add_page"]).get()
    )


def grant_submission_under_indexes(group, index_model):
    """Let `group` add pages under every German index of `index_model`: partners write in the
    source language, translators do the rest."""
    for index in index_model.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        grant_submission(group, index)


def grant_submission_to_partners(index):
    """Let every partner's group add pages under `index`, a new German index."""
    if index.locale.language_code != settings.LANGUAGE_CODE:
        return
    partner_groups = PartnerPage.objects.filter(group__isnull=False).values("group")
    for group in Group.objects.filter(pk__in=partner_groups):
        grant_submission(group, index)


def partners_for_restricted_user(user):
    """The partner pages a partner account acts for, or None for everyone else (editors,
    administrators, visitors): None means "no partner restriction". Asked for every page of a
    listing, so remembered on the user object of the request."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    cached = getattr(user, "_partner_pages", False)
    if cached is not False:
        return cached
    partners = PartnerPage.objects.filter(
        group__in=user.groups.all(), locale__language_code=settings.LANGUAGE_CODE
    )
    # A queryset (forms offer it as choices), evaluated once here and cached by Django.
    user._partner_pages = partners if partners else None
    return user._partner_pages


# The page types whose testers narrow them to partners: (model's row name, link field name).
PARTNER_LINKED_PAGES = {}


class PartnerContentPermissionTester(PagePermissionTester):
    """Wagtail's tester for a page type that names a partner in `partner_field`: a partner's
    account may act only on pages that name their own organisation. Declaring a subclass
    (with `page_relation`, the page type's row name as Page sees it, e.g. "eventpage") makes
    PartnerAwarePagePolicy hide the other partners' pages of that type as well."""

    page_relation = None
    partner_field = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        PARTNER_LINKED_PAGES[cls.page_relation] = cls.partner_field

    def __init__(self, user, page):
        super().__init__(user, page)
        partners = partners_for_restricted_user(user)
        partner_id = getattr(page, f"{self.partner_field}_id")
        self.own_partner_page = partners is not None and any(
            partner.pk == partner_id for partner in partners
        )
        if partners is not None and not self.own_partner_page:
            self.permissions = set()

    def can_edit(self):
        # "add" alone lets Wagtail users edit only the pages they own; a partner's accounts
        # share their organisation's pages.
        if self.own_partner_page and "add" in self.permissions and self.user.is_active:
            return True
        return super().can_edit()


class PartnerAwarePagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that a partner's account never finds the partner-linked
    pages of other organisations (nor those naming no partner) in the admin's listings and
    search."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        partners = partners_for_restricted_user(user)
        if partners is None:
            return pages
        for relation, field in PARTNER_LINKED_PAGES.items():
            # Every page that is not of this type, and those of it naming the user's partner.
            pages = pages.filter(
                Q(**{relation: None}) | Q(**{f"{relation}__{field}__in": partners})
            )
        return pages


def partner_link_form(base, field_name):
    """The page form `base`, narrowed for partners' accounts: their own organisation is the only
    choice for the link `field_name` to the partner, and it must be filled (a page naming no
    partner, or another one, would be out of their reach as soon as it is saved)."""

    class PartnerLinkForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            partners = partners_for_restricted_user(self.for_user)
            if partners is not None and field_name in self.fields:
                field = self.fields[field_name]
                field.queryset = partners
                field.required = True
                field.empty_label = None

    PartnerLinkForm.__name__ = PartnerLinkForm.__qualname__ = f"PartnerLink{base.__name__}"
    return PartnerLinkForm
