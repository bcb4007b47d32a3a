import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from .translation_overview import build_overview

CSV_STATES = [("missing", "missing"), ("out_of_date", "out of date"), ("machine", "machine")]


def translation_overview(request):
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    overviews = build_overview(request.user)
    languages = [(o.locale.language_code, o.locale.get_display_name()) for o in overviews]
    kinds = [(t.key, t.label) for t in overviews[0].tallies] if overviews else []
    chosen = {
        "language": request.GET.get("language", ""),
        "content": request.GET.get("content", ""),
    }
    if chosen["language"]:
        overviews = [o for o in overviews if o.locale.language_code == chosen["language"]]
    for overview in overviews if chosen["content"] else []:
        overview.tallies = [t for t in overview.tallies if t.key == chosen["content"]]
    if request.GET.get("format") == "csv":
        return overview_csv(request, overviews)
    return render(
        request,
        "i18n/admin/translation_overview.html",
        {
            "overviews": overviews,
            "languages": languages,
            "kinds": kinds,
            "chosen": chosen,
            "page_title": _("Translation overview"),
        },
    )


def overview_csv(request, overviews):
    """For the office's spreadsheet: a line per language and kind of content with its counts,
    then a line per page or entry that needs a translator. No visitors' data."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translations.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "language",
            "content",
            "total",
            "translated",
            "machine",
            "out of date",
            "missing",
            "item",
            "state",
            "since",
            "admin address",
        ]
    )
    for overview in overviews:
        code = overview.locale.language_code
        for tally in overview.tallies:
            counts = [
                tally.total,
                tally.translated,
                len(tally.machine),
                len(tally.out_of_date),
                len(tally.missing),
            ]
            writer.writerow([code, tally.key, *counts, "", "", "", ""])
            if tally.key == "pages":
                continue  # its pages are listed under their page types
            for attribute, state in CSV_STATES:
                for item in getattr(tally, attribute):
                    since = item.since.date().isoformat() if item.since else ""
                    writer.writerow(
                        [
                            code,
                            tally.key,
                            "",
                            "",
                            "",
                            "",
                            "",
                            str(item.object),
                            state,
                            since,
                            request.build_absolute_uri(item.url),
                        ]
                    )
    return response


PO_EXPORTED = "familientisch_i18n.po_exported"


def download_translation_file(request, translation_id):
    """wagtail-localize's PO download for translators (mounted on its address, i18n's hooks),
    and who took it, in the page's history: the file carries the unpublished German text."""
    response = edit_translation.download_pofile(request, translation_id)
    translation = Translation.objects.select_related("target_locale").get(pk=translation_id)
    language = translation.target_locale.language_code
    log(translation.get_target_instance(), PO_EXPORTED, user=request.user, data={"to": language})
    return response
