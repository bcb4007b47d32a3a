from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from familientisch.core.abuse import rate_limit_refusal
from familientisch.core.search_text import search_text

from .forms import BarrierReportForm
from .tasks import notify_editors_of_barrier_report

RESULTS_PER_PAGE = 10


def search(request):
    """Every public page in the visitor's language: the same page exists once per locale, so
    without the locale filter each hit would come back eight times."""
    query = search_text(request.GET.get("q", ""))
    results = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().filter(locale=locale, depth__gt=1).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "results": results})


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
