"""The pages a provider opens from a reminder (offers.freshness): "still correct" and "something
changed". Without a language prefix: the link carries its language (`lang`), the provider's.

A GET never changes anything, since mail scanners follow links: it shows a button, and only
its POST (with a CSRF token) confirms. A link that was tampered with or is out of date gets a
page saying so, in the link's language."""

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import freshness


class ChangeForm(forms.Form):
    message = forms.CharField(
        label=_("What has changed?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False)


def link_language(request):
    language = request.GET.get("lang", "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def in_link_language(view):
    """The view rendered in the link's language, its answer marked with it; a refused link
    answered with its message."""

    @never_cache
    @require_http_methods(["GET", "POST"])
    def answer(request, token):
        language = link_language(request)
        with translation.override(language):
            try:
                offer, current = freshness.offer_from_link(token)
            except freshness.LinkRefused as refused:
                response = render(
                    request,
                    "offers/check_offer.html",
                    {"refused": refused.message},
                    status=refused.status,
                )
            else:
                response = view(request, token, offer, current, language)
        response["Content-Language"] = language
        return response

    return answer


def again(request, language, **state):
    return redirect(f"{request.path}?{urlencode({'lang': language, **state})}")


@in_link_language
def check_offer(request, token, offer, current, language):
    if request.method == "POST" and current:
        freshness.confirm(offer)
        return again(request, language)
    change_url = reverse("offer_change", args=[token]) + "?" + urlencode({"lang": language})
    context = {"offer": offer, "current": current, "change_url": change_url, "refused": ""}
    return render(request, "offers/check_offer.html", context)


@in_link_language
def report_change(request, token, offer, current, language):
    if request.GET.get("sent"):
        return render(request, "offers/report_change.html", {"offer": offer, "form": None})
    form = ChangeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        freshness.record_change(offer, form.cleaned_data["message"], form.cleaned_data["name"])
        return again(request, language, sent=1)
    status = 400 if form.is_bound else 200
    return render(
        request, "offers/report_change.html", {"offer": offer, "form": form}, status=status
    )
