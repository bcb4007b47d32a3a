"""Members-only protocols use Wagtail's own page privacy (a restriction to the members' group),
so the admin's "Privacy" control, the login redirect and the password form all keep working.
Lists and search must honour it too: this module says which protocols a visitor may see."""

from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from familientisch.conf import setting


def members_group_name():
    return setting("PROTOCOLS_MEMBERS_GROUP")


def members_group():
    return Group.objects.get_or_create(name=members_group_name())[0]


def restrict_to_members(page):
    """Make `page` (and what lies below it) visible to the members' group only."""
    if not PageViewRestriction.objects.filter(page=page).exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(members_group())


def _lets_in(restriction, user, group_ids):
    if user.is_superuser:
        return True
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return bool(group_ids & {group.pk for group in restriction.groups.all()})
    return False  # a password is asked page by page, never in a list


def _with_aliases(q):
    """Ids of the pages matching `q`, and of their aliases in the other locales, which serve
    the same content under their source page's restrictions."""
    ids = set(Page.objects.filter(q).values_list("pk", flat=True))
    return ids | set(Page.objects.filter(alias_of__in=ids).values_list("pk", flat=True))


def visible_to(queryset, user):
    """(pages of `queryset` that `user` may read, ids of private pages among all of them).
    A fixed number of queries, however many pages and restrictions there are."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    restrictions = list(restrictions)
    if not restrictions:
        return queryset, set()
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    private_q = denied_q = None
    for restriction in restrictions:
        q = Page.objects.descendant_of_q(restriction.page, inclusive=True)
        private_q = q if private_q is None else private_q | q
        if not _lets_in(restriction, user, group_ids):
            denied_q = q if denied_q is None else denied_q | q
    denied_ids = _with_aliases(denied_q) if denied_q is not None else set()
    return queryset.exclude(pk__in=denied_ids), _with_aliases(private_q)
