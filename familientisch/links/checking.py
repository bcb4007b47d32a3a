"""The daily link check (`manage.py check_links`) and what other apps read of it.

A link counts as broken after failing on LINK_CHECKER_FAILING_DAYS checks in a row (a site
down for a night is no news); then it is a problem in the office's inbox, its page is "check
needed" and the provider's reminder names it. A permanent redirect is a problem at once (the
new address is known and stays). A problem is one inbox entry for as long as it lasts, even
once an editor closed it; it is settled when the check sees the link work again."""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from familientisch.conf import setting

from .extraction import outside_links
from .fetching import check_all
from .models import CheckedLink, LinkProblem


def user_agent():
    return setting("LINK_CHECKER_USER_AGENT") or (
        f"Familientisch-Linkpruefung/1.0 (+{getattr(settings, 'WAGTAILADMIN_BASE_URL', '')})"
    )


def providers():
    """{page model label: its field naming the partner}, from PARTNER_ACTIVITIES."""
    return {label.lower(): field for label, field, _current in setting("PARTNER_ACTIVITIES")}


def provider_of(page, fields):
    name = fields.get(page._meta.label_lower)
    return getattr(page, name, None) if name else None


def record(link, answer, today, now):
    if not answer.broken:
        link.failing_days, link.first_failed_on = 0, None
    elif not link.failing_days:
        link.failing_days, link.first_failed_on = 1, today
    elif link.last_checked_on != today:  # a second run on one day is not a second day
        link.failing_days += 1
    link.status_code, link.error = answer.status, answer.error
    link.redirected_to, link.permanent_redirect = answer.final_url, answer.permanent
    link.last_checked_on, link.last_checked_at = today, now
    link.save()


def update_problems(link, page, provider, today):
    broken = link.failing_days >= setting("LINK_CHECKER_FAILING_DAYS")
    wanted = {
        LinkProblem.Kind.BROKEN: broken,
        LinkProblem.Kind.REDIRECTED: link.permanent_redirect and not link.failing_days,
    }
    current = {problem.kind: problem for problem in link.problems.filter(resolved_on=None)}
    for kind, is_problem in wanted.items():
        problem = current.get(kind)
        if is_problem and problem is None:
            LinkProblem.objects.create(
                link=link, kind=kind, page=page, provider=provider, found_on=today
            )
        elif problem is not None and not is_problem:
            # saved one by one: the inbox settles its entry on the problem's post_save
            problem.resolved_on, problem.handled = today, True
            problem.save(update_fields=["resolved_on", "handled"])


def check_links(today=None):
    """Checks every outside link of the live German pages once; returns (checked, broken)."""
    today, now = today or timezone.localdate(), timezone.now()
    found = list(outside_links())
    answers = check_all(
        [url for _page, _field, url in found],
        user_agent=user_agent(),
        timeout=setting("LINK_CHECKER_TIMEOUT"),
        interval=setting("LINK_CHECKER_HOST_INTERVAL"),
        hosts_at_once=setting("LINK_CHECKER_HOSTS_AT_ONCE"),
    )
    fields, checked = providers(), 0
    with transaction.atomic():
        for page, field, url in found:
            answer = answers.get(url)
            if answer is None:  # forbidden by robots.txt, or no answer worth keeping
                continue
            link, _created = CheckedLink.objects.get_or_create(page=page, field=field, url=url)
            record(link, answer, today, now)
            update_problems(link, page, provider_of(page, fields), today)
            checked += 1
        # Links no longer on a page (an editor fixed them), or now forbidden by robots.txt:
        # gone, their problems with them. A link without an answer today keeps its record.
        keys = {(page.pk, field, url) for page, field, url in found if url in answers}
        rows = CheckedLink.objects.values_list("pk", "page_id", "field", "url")
        CheckedLink.objects.filter(
            pk__in=[pk for pk, *key in rows if tuple(key) not in keys]
        ).delete()
    return checked, CheckedLink.objects.broken().count()


def check_needed(pages):
    """Those of `pages` with a broken link."""
    return pages.filter(pk__in=CheckedLink.objects.broken().values("page_id"))


def with_broken_links(pages):
    """`pages` with `broken_links`, the number of each one's broken links (for lists)."""
    counts = (
        CheckedLink.objects.broken()
        .filter(page_id=OuterRef("pk"))
        .order_by()
        .values("page_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return pages.annotate(broken_links=Coalesce(Subquery(counts), 0))


def broken_links(pages):
    """{page id: [its broken links]} for `pages` (ids or pages)."""
    ids = [getattr(page, "pk", page) for page in pages]
    found = {}
    for link in CheckedLink.objects.broken().filter(page_id__in=ids).order_by("url"):
        found.setdefault(link.page_id, []).append(link)
    return found
