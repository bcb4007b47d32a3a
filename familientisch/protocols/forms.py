from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import ProtocolIndexPage
from .reading import ProtocolImportError, check_file


def index_pages_for(user):
    """The protocol indexes (source language) under which this user may add pages."""
    indexes = ProtocolIndexPage.objects.filter(locale=Locale.get_default()).order_by("path")
    return [index for index in indexes if index.permissions_for_user(user).can_add_subpage()]


class ProtocolUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Minutes file"),
        help_text=_("A Word (.docx), Markdown (.md) or text (.txt) file of at most 10 MB."),
    )
    parent = forms.ModelChoiceField(
        queryset=ProtocolIndexPage.objects.none(),
        label=_("Add the draft to"),
        empty_label=None,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [index.pk for index in index_pages_for(user)]
        self.fields["parent"].queryset = ProtocolIndexPage.objects.filter(pk__in=allowed)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Name and size first, so a huge upload is refused before it is read.
        try:
            check_file(upload.name, upload.size)
        except ProtocolImportError as error:
            raise ValidationError(str(error), code="invalid") from error
        return upload
