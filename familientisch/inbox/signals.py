"""How the inbox follows what is sent in: an entry for each new report or hint, settled when
the report is marked handled (or the hint decided on), gone when the report is deleted (its
retention period); and the other way round, a report is marked handled when its entry is."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page

from familientisch.core.models import VisitorReport

from .models import InboxItem

# Sent in, besides every kind of visitors' report.
OTHER_SOURCES = ["familientisch_events.EventHintContact", "familientisch_links.LinkProblem"]


def sources():
    reports = [m for m in apps.get_models() if issubclass(m, VisitorReport)]
    return reports + [apps.get_model(name) for name in OTHER_SOURCES if _installed(name)]


def _installed(name):
    return apps.is_installed("familientisch." + name.split(".")[0].removeprefix("familientisch_"))


def concerned_page(source):
    """The page a report is about (a mistake report's offer, a hint's event page)."""
    for name in ("offer", "page"):
        page = getattr(source, name, None)
        if isinstance(page, Page):
            return page
    return None


def settled(source):
    return bool(
        getattr(source, "handled", False)
        or getattr(source, "published_at", None)
        or getattr(source, "rejected_at", None)
    )


def entries_of(source):
    content_type = ContentType.objects.get_for_model(type(source))
    return InboxItem.objects.filter(content_type=content_type, object_id=source.pk)


def source_saved(sender, instance, created, raw=False, **kwargs):
    if raw:  # fixtures
        return
    if created:
        InboxItem.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(sender),
            object_id=instance.pk,
            defaults={
                "page": concerned_page(instance),
                "state": InboxItem.State.HANDLED if settled(instance) else InboxItem.State.NEW,
            },
        )
    elif settled(instance):
        entries_of(instance).filter(state__in=InboxItem.OPEN_STATES).update(
            state=InboxItem.State.HANDLED
        )


def source_deleted(sender, instance, **kwargs):
    entries_of(instance).delete()


def entry_saved(sender, instance, **kwargs):
    model = instance.content_type.model_class()
    if not instance.is_open and any(field.name == "handled" for field in model._meta.fields):
        model.objects.filter(pk=instance.object_id, handled=False).update(handled=True)


def backfill(sender, using="default", **kwargs):
    """After a migration: what was sent in before the inbox existed, or while it was off."""
    for model in sources():
        content_type = ContentType.objects.db_manager(using).get_for_model(model)
        known = InboxItem.objects.using(using).filter(content_type=content_type)
        missing = model.objects.using(using).exclude(pk__in=known.values("object_id"))
        InboxItem.objects.using(using).bulk_create(
            InboxItem(
                content_type=content_type,
                object_id=source.pk,
                page=concerned_page(source),
                state=InboxItem.State.HANDLED if settled(source) else InboxItem.State.NEW,
            )
            for source in missing.iterator()
        )


def connect(app_config):
    post_migrate.connect(backfill, sender=app_config, dispatch_uid="inbox.backfill")
    for model in sources():
        uid = f"inbox.{model._meta.label_lower}"
        post_save.connect(source_saved, sender=model, dispatch_uid=f"{uid}.saved")
        post_delete.connect(source_deleted, sender=model, dispatch_uid=f"{uid}.deleted")
    post_save.connect(entry_saved, sender=InboxItem, dispatch_uid="inbox.entry-saved")
