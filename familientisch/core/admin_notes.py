"""What an admin form has to tell the editor after saving (a geocoder that did not answer, a
page address taken by another page): a form has no request to send messages with, so it notes
them on the page, and the hooks after creating and editing a page say them (core.wagtail_hooks)."""


def note(page, text, url=None):
    """A warning for the editor, with a link to follow (`url`) if any."""
    page.admin_notes = [*getattr(page, "admin_notes", []), (text, url)]


def notes(page):
    return getattr(page, "admin_notes", ())
