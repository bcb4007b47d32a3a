"""The offer's admin form: an address taken by another page never stops a new offer.

The admin's autosave stores a new page as a draft while the editor types, so an abandoned form
leaves a draft (and wagtail-localize its copies in every language) holding the address that the
title gives. Creating the offer again would then fail on the slug, a field on the "Promote" tab
the editor does not see. A page that was never published has no address anyone knows yet, so
it simply takes the next free one ("familiencafe-2"), and the editor is told which page holds
the first, to delete it if it was left over (its language copies go with it: i18n's cascade).
Nothing is deleted by itself: a draft is its editor's to keep or drop.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import find_available_slug

from familientisch.core.admin_notes import note
from familientisch.taxonomy.geocoding import fill_coordinates, fill_district

from .admin_map import MEDIA


class OfferPageForm(WagtailAdminPageForm):
    """Also fills each place's coordinates, district and quarter from its address
    (taxonomy.geocoding). What the editor should hear about goes to `instance.admin_notes`,
    which the hooks after creating and editing a page show (core.admin_notes): the form has no
    request to send messages with."""

    @property
    def media(self):
        return super().media + MEDIA

    def save(self, commit=True):
        places = self.formsets["places"].forms if "places" in self.formsets else ()
        for form in places:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            fill_district(form)
            if warning := fill_coordinates(form):
                self.note(warning)
        return super().save(commit)

    def note(self, text, url=None):
        note(self.instance, text, url)

    def clean(self):
        cleaned_data = super().clean()
        slug = self.data.get("slug", "").strip()
        holder = self.slug_holder(slug) if self.has_error("slug") else None
        if holder is None:
            self.repeat_slug_errors()
            return cleaned_data
        if self.instance.first_published_at is None:
            free = find_available_slug(self.parent_page, slug, ignore_page_id=self.instance.pk)
            del self.errors["slug"]
            cleaned_data["slug"] = free
            if free != self.instance.slug:  # said once, not at every autosave
                self.note(*self.taken(holder, slug, free))
        else:
            self.add_error(
                "title",
                _("The address “%(slug)s” belongs to “%(title)s”: change it on the Promote tab.")
                % {"slug": slug, "title": holder.get_admin_display_title()},
            )
        return cleaned_data

    def get_field_updates_for_resave(self):
        # The open form (autosave) continues with the address the page got.
        return [*super().get_field_updates_for_resave(), ("slug", self.instance.slug)]

    def slug_holder(self, slug):
        siblings = self.parent_page.get_children() if self.parent_page else None
        if not slug or siblings is None:
            return None
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        return siblings.filter(slug=slug).first()

    def repeat_slug_errors(self):
        # Any other slug error (a character a slug cannot have) is said where the editor is.
        for error in self.errors.get("slug", []):
            self.add_error(None, _("Promote tab, slug: %(error)s") % {"error": error})

    def taken(self, holder, slug, free):
        mine = holder.owner_id == self.for_user.pk and holder.first_published_at is None
        message = (
            _(
                "Your draft “%(title)s”, never published, has the address “%(slug)s”: this "
                "offer got “%(free)s”. Delete the draft if it was left over."
            )
            if mine
            else _("“%(title)s” has the address “%(slug)s”: this offer got “%(free)s”.")
        )
        values = {"title": holder.get_admin_display_title(), "slug": slug, "free": free}
        return message % values, reverse("wagtailadmin_pages:edit", args=[holder.pk])
