"""Aliases of whole subtrees of pages, written a table at a time.

Wagtail's `create_alias(recursive=True)` saves the aliases one by one: for each page a full save
(its parent, its site, its signals), a commit per child relation and many-to-many field, two
validated log entries and a look-up of the view restrictions above it, some thirty queries a
page. The demo aliases about 140 German pages into seven locales, and those queries were most of
its time. This writes the same rows as Wagtail does (the pages, their specific tables, their
child objects and many-to-many links, the view restrictions Wagtail would copy and the
"wagtail.create" and "wagtail.create_alias" log entries) with a few inserts per table, and sends
each alias's pre_save and post_save, so that the apps' receivers see an alias as they would
after Wagtail's save.
"""

from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import router
from django.db.models import F, prefetch_related_objects
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.utils import timezone
from modelcluster.models import ClusterableModel, get_all_child_m2m_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Site
from wagtail.models.copying import _copy, _copy_m2m_relations
from wagtail.models.i18n import TranslatableMixin

# What Wagtail's CreatePageAliasAction leaves out of the copy.
EXCLUDE_FIELDS = [
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "index_entries",
    "postgres_index_entries",
    "latest_revision",
]


class Alias(NamedTuple):
    page: Page  # unsaved, then saved
    source: Page
    children: dict  # modelcluster's map of the copied child objects
    parent: Page  # of the alias
    source_parent: Page | None


def alias_subtrees(subtrees, locale):
    """Alias each subtree in `locale`: `subtrees` holds (pages, parent, slug) with `pages` the
    specific source pages of the subtree in tree order (its top first), `parent` the page the
    alias of the top goes under, with `slug`. Like Wagtail's recursive create_alias, without a
    user and keeping the translation keys."""
    aliases, steps = [], {}
    for pages, parent, slug in subtrees:
        step = steps.get(parent.pk) or next_free_step(parent)
        steps[parent.pk] = step + 1
        aliases += plan_subtree(pages, parent, slug, locale, step)
    if not aliases:
        return
    write_pages([alias.page for alias in aliases])
    for alias in aliases:
        _copy_m2m_relations(alias.source, alias.page, exclude_fields=EXCLUDE_FIELDS)
    write_child_objects(aliases)
    write_parental_m2m(aliases)
    write_log_entries(aliases)
    copy_view_restrictions(subtrees, aliases)
    Site.clear_site_root_paths_cache()
    for alias in aliases:
        post_save.send(
            sender=type(alias.page),
            instance=alias.page,
            created=True,
            update_fields=None,
            raw=False,
            using=alias.page._state.db,
        )


def plan_subtree(pages, parent, slug, locale, step):
    """The unsaved aliases of a subtree, in tree order, with their tree positions: the top at
    `step` under `parent`; below it each page's children are numbered from 0 in the order of
    their sources, as Wagtail does."""
    top = pages[0]
    planned = {}  # source path: its Alias
    for page in pages:
        attrs = {
            "alias_of": page,
            # Aliases have no revisions: the draft title is the live title.
            "draft_title": page.title,
            "has_unpublished_changes": not page.live,
            "locale": locale,
        }
        if page is top:
            attrs["slug"] = slug
            alias_parent, source_parent = parent, page.get_parent()
        else:
            above = planned[page.path[: -Page.steplen]]
            alias_parent, source_parent = above.page, above.source
            step = alias_parent.numchild
            alias_parent.numchild += 1
        alias, children = _copy(page, update_attrs=attrs, exclude_fields=EXCLUDE_FIELDS)
        for child in flat_children(children):
            if isinstance(child, TranslatableMixin):
                child.locale = locale
        alias.depth = alias_parent.depth + 1
        alias.path = Page._get_path(alias_parent.path, alias.depth, step)
        alias.numchild = 0
        alias.url_path = f"{alias_parent.url_path}{alias.slug}/"
        planned[page.path] = Alias(alias, page, children, alias_parent, source_parent)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    parent.numchild += 1
    return list(planned.values())


def prefetch_parental_m2m(pages):
    """Their categories, target groups... in a query per field and page model, not one per page
    (what the copy of each page reads)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, instances in by_model.items():
        names = [field.name for field in get_all_child_m2m_relations(model)]
        if names:
            prefetch_related_objects(instances, *names)


def next_free_step(parent):
    """The step after the last child of `parent` (treebeard's add_child)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def flat_children(child_object_map):
    """The copied child objects of a page (modelcluster maps unsaved ones to lists)."""
    for value in child_object_map.values():
        yield from value if isinstance(value, list) else [value]


def write_pages(aliases):
    """One insert per table and batch: the page rows first (their ids come back), then each
    specific table under them."""
    for alias in aliases:
        pre_save.send(
            sender=type(alias),
            instance=alias,
            raw=False,
            using=router.db_for_write(type(alias), instance=alias),
            update_fields=None,
        )
    Page.objects.bulk_create(aliases)
    by_model = {}
    for alias in aliases:
        by_model.setdefault(type(alias), []).append(alias)
    for model, objects in by_model.items():
        levels = [*reversed(model._meta.get_parent_list()), model]
        for level in levels[levels.index(Page) + 1 :]:
            for alias in objects:
                setattr(alias, level._meta.pk.attname, alias.id)
            # bulk_create refuses a table with parents: the insert it uses, on this table only.
            level._base_manager.all()._batched_insert(
                objects, level._meta.local_concrete_fields, batch_size=None
            )


def write_child_objects(aliases):
    """The copies of the inline objects (places, cancelled dates...), one insert per model."""
    by_model = {}
    for alias in aliases:
        for (relation, _old_pk), value in alias.children.items():
            for child in value if isinstance(value, list) else [value]:
                setattr(child, relation.field.attname, alias.page.id)
                if isinstance(child, ClusterableModel):
                    child.save()  # with children of its own: modelcluster writes them
                else:
                    by_model.setdefault(type(child), []).append(child)
    for model, objects in by_model.items():
        model._base_manager.bulk_create(objects)


def write_parental_m2m(aliases):
    """The links of the ParentalManyToManyFields (categories, target groups...), one insert per
    link table, with the m2m_changed that modelcluster's commit sends."""
    rows, sent = {}, []
    for alias in aliases:
        page = alias.page
        for field in get_all_child_m2m_relations(type(page)):
            targets = list(getattr(page, field.name).all())
            if not targets:
                continue
            through = field.remote_field.through
            own = through._meta.get_field(field.m2m_field_name()).attname
            other = through._meta.get_field(field.m2m_reverse_field_name()).attname
            rows.setdefault(through, []).extend(
                through(**{own: page.id, other: target.pk}) for target in targets
            )
            sent.append((through, page, field, {target.pk for target in targets}))
    for through, objects in rows.items():
        through._base_manager.bulk_create(objects)
    for through, page, field, pk_set in sent:
        for action in ("pre_add", "post_add"):
            m2m_changed.send(
                sender=through,
                action=action,
                instance=page,
                reverse=False,
                model=field.related_model,
                pk_set=pk_set,
                using=page._state.db,
            )


def write_log_entries(aliases):
    """What Wagtail logs for each alias: the page's creation (Page.save), then the alias."""
    context = get_active_log_context()
    entries = []
    for alias in aliases:
        page, source_parent = alias.page, alias.source_parent
        title = page.get_admin_display_title()
        common = {
            "content_type": ContentType.objects.get_for_model(page, for_concrete_model=False),
            "label": title,
            "page": page,
            "uuid": context.uuid,
        }
        created = {"user": page.owner or context.user, "content_changed": True, "data": {}}
        entries.append(
            PageLogEntry(**common, **created, action="wagtail.create", timestamp=timezone.now())
        )
        data = {
            "page": {"id": page.id, "title": title},
            "source": {
                "id": source_parent.id,
                "title": source_parent.specific_deferred.get_admin_display_title(),
            }
            if source_parent
            else None,
            "destination": {
                "id": alias.parent.id,
                "title": alias.parent.specific_deferred.get_admin_display_title(),
            },
        }
        entries.append(
            PageLogEntry(
                **common,
                user=context.user,
                data=data,
                action="wagtail.create_alias",
                timestamp=timezone.now(),
            )
        )
    PageLogEntry.objects.bulk_create(entries)


def copy_view_restrictions(subtrees, aliases):
    """Wagtail copies a page's own view restrictions to its alias unless one applies already
    above the alias, where an alias counts with its source page's restrictions."""
    source_ids = [alias.source.pk for alias in aliases]
    restrictions = {}
    for restriction in PageViewRestriction.objects.filter(page_id__in=source_ids):
        restrictions.setdefault(restriction.page_id, []).append(restriction)
    if not restrictions:
        return
    alias_of = {alias.source.pk: alias.page for alias in aliases}
    for pages, parent, _slug in subtrees:
        above = parent.get_view_restrictions().exists()
        restricted = set()  # source paths with a restriction on or above them in the subtree
        for page in pages:
            parent_path = page.path[: -Page.steplen]
            covered = above or parent_path in restricted
            if page.pk in restrictions or covered:
                restricted.add(page.path)
            if covered:
                continue
            for restriction in restrictions.get(page.pk, []):
                copy = PageViewRestriction(
                    restriction_type=restriction.restriction_type,
                    password=restriction.password,
                    page=alias_of[page.pk],
                )
                copy.save(user=None)
                copy.groups.set(restriction.groups.all())
