"""The cached addresses of the list pages (links.py) are forgotten when one changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .links import forget_list_urls
from .models import ShortlistPage


def connect():
    for signal in (page_published, page_unpublished, post_save, post_delete):
        signal.connect(forget_list_urls, sender=ShortlistPage, dispatch_uid=f"shortlist-{signal}")
    post_page_move.connect(forget_list_urls, dispatch_uid="shortlist-move")
