"""What a partner's own accounts may do in the admin: edit their one partner page (never
publish it, so every change goes through the moderation workflow) and upload images into a
collection of their own. Nothing else of the site, and nothing of other partners."""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

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
