from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from familientisch.core.abuse import rate_limit_refusal
from familientisch.core.search_text import search_text
from familientisch.search.query import TextSearch
from familientisch.statistics.annotations import annotate_search

from .forms import BarrierReportForm
from .tasks import notify_editors_of_barrier_report

RESULTS_PER_PAGE = 10


def search(request):
    """Every public page in the visitor's language, found by the words of any of its versions
    (familientisch.search): the same page exists once per locale, so without the locale filter
    each hit would come back eight times."""
    query = search_text(request.GET.get("q", ""))
    results = text_search = None
    if query:
        language = get_language()
        pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
        text_search = TextSearch(query, language)
        paginator = Paginator(text_search.ranked(pages), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
        results.object_list = with_facts(results.object_list)
    context = {"query": query, "results": results, "text_search": text_search}
    response = render(request, "home/search.html", context)
    return annotate_search(response, query, results.paginator.count if results else 0)


def with_facts(pages):
    """The specific pages of one page of results with what their entries show (an offer's
    places, an event's dates): a few queries for each page type, none for each page."""
    pages = list(pages)
    by_type = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    specific = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found = model.objects.filter(pk__in=pks)
        if hasattr(found, "for_listing"):
            found = found.for_listing()
        specific.update((page.pk, page) for page in found)
    return [specific[page.pk] for page in pages if page.pk in specific]


def barrier_report(request):
    if request.GET.get("sent"):
        return render(request, "home/barrier_report.html", {"sent": True})
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        if form.is_valid():
            too_many = _("You have sent many reports in a short time. Please try again later.")
            refusal = rate_limit_refusal(request, "barrier-report", too_many)
            if refusal:
                form.add_error(None, refusal.message)
                return refusal.answer(render(request, "home/barrier_report.html", {"form": form}))
            report = form.save(commit=False)
            report.language = get_language() or ""
            report.save()
            transaction.on_commit(lambda: notify_editors_of_barrier_report.enqueue(report.pk))
            return redirect(f"{request.path}?sent=1")
    else:
        form = BarrierReportForm(initial={"page_url": request.GET.get("page", "")[:500]})
    return render(request, "home/barrier_report.html", {"form": form})
