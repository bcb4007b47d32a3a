"""Wagtail serves only paths of words and slashes; calendar programs want addresses that end
in ".ics". This pattern hands them to Wagtail's page routing, where the RoutablePageMixin
routes `feed.ics/` (EventIndexPage) and `event.ics/` (EventPage) answer."""

from django.urls import re_path
from wagtail import views


def serve_calendar(request, path):
    return views.serve(request, path + "/")


urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+(?:feed|event)\.ics)$", serve_calendar, name="events_ical"),
]
