"""The public form for event hints (Veranstaltungshinweise)."""

import datetime as dt
import io

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from familientisch.core.abuse import HoneypotFormMixin
from familientisch.taxonomy.models import District

from .occurrences import BERLIN, FIRST_DAY, LAST_DAY

MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Checked from the file's header, before decoding: a small file can hold a huge image (a
# 17 KB PNG of 12000 x 12000 pixels took 1.7 GB to decode). A 24-megapixel photo fits.
MAX_IMAGE_PIXELS = 25_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


class EventHintForm(HoneypotFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the event"), min_length=3, max_length=120)
    start_date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[MaxValueValidator(LAST_DAY)],
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        help_text=_("Leave empty for an all-day event."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label=_("Last day"),
        required=False,
        help_text=_("Only if the event lasts several days."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)],
    )
    end_time = forms.TimeField(
        label=_("End time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place_name = forms.CharField(label=_("Place"), max_length=200, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("A postcode has five digits.")},
    )
    # Querysets are set in __init__: a lookup across a relation needs every model loaded, and
    # this module is imported while they load (events.models imports the views).
    district = forms.ModelChoiceField(label=_("District"), queryset=None, required=False)
    online_url = forms.URLField(
        label=_("Link for an online event"), max_length=500, required=False, assume_scheme="https"
    )
    description = forms.CharField(
        label=_("Description"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happens, who it is for, what it costs, whether to register."),
    )
    organiser_name = forms.CharField(label=_("Organiser"), max_length=200)
    # Only for a logged-in partner account, among its own organisations: anyone else could
    # otherwise publish in a partner's name. Removed from the form for everyone else.
    partner = forms.ModelChoiceField(
        label=_("Partner of the network"),
        queryset=None,
        help_text=_("The event appears on this partner's page once it is published."),
    )
    contact_email = forms.EmailField(
        label=_("Contact email for questions"),
        max_length=254,
        help_text=_("Not published. A role mailbox such as info@… is fine."),
    )
    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, at most 5 MB. Only with the rights to publish it."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored to check and publish this event."),
    )

    def __init__(self, *args, own_partners=None, **kwargs):
        """`own_partners`: the partner pages of the logged-in partner account sending the form
        (`partners_for_restricted_user`), None for every other sender."""
        super().__init__(*args, **kwargs)
        source = {"locale__language_code": settings.LANGUAGE_CODE}
        self.fields["district"].queryset = District.objects.filter(**source)
        self.fields["district"].label_from_instance = lambda district: district.localized_name
        if own_partners is None:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = own_partners
            self.fields["partner"].initial = own_partners.first()

    def clean_start_date(self):
        day = self.cleaned_data["start_date"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The date must not be in the past."))
        return day

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("The image is larger than 5 MB."))
        return strip_metadata(upload)

    def clean(self):
        data = super().clean()
        start, end = self.start_moment(data), self.end_moment(data)
        if data.get("end_time") and not data.get("start_time"):
            self.add_error("start_time", _("Give a start time too, or neither."))
        elif start and end and end < start:
            field = "end_date" if data.get("end_date") else "end_time"
            self.add_error(field, _("The end must not be before the start."))
        if not (data.get("place_name") or data.get("street") or data.get("online_url")):
            self.add_error("place_name", _("Name a place, an address or a link to join online."))
        return data

    @staticmethod
    def start_moment(data):
        if not data.get("start_date"):
            return None
        return dt.datetime.combine(
            data["start_date"], data.get("start_time") or dt.time(0, 0), tzinfo=BERLIN
        )

    @staticmethod
    def end_moment(data):
        day = data.get("end_date") or data.get("start_date")
        if not day or not (data.get("end_date") or data.get("end_time")):
            return None
        return dt.datetime.combine(day, data.get("end_time") or dt.time(0, 0), tzinfo=BERLIN)


def strip_metadata(upload):
    """Check that the upload is an image by its content, then re-encode its pixels alone: the
    copy carries no EXIF, GPS or other metadata. Returns (bytes, extension)."""
    try:
        with Image.open(upload) as image:
            if image.format not in IMAGE_FORMATS:
                raise forms.ValidationError(_("Only JPEG, PNG, WebP or GIF images are possible."))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise forms.ValidationError(
                    _("The image has too many pixels (at most %(megapixels)s megapixels).")
                    % {"megapixels": MAX_IMAGE_PIXELS // 1_000_000}
                )
            image = ImageOps.exif_transpose(image)
            has_alpha = "A" in image.getbands() or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(_("This file is not an image we can read.")) from error
    pixels = Image.frombytes(image.mode, image.size, image.tobytes())
    output = io.BytesIO()
    if has_alpha:
        pixels.save(output, format="PNG", optimize=True)
        return output.getvalue(), "png"
    pixels.save(output, format="JPEG", quality=88)
    return output.getvalue(), "jpg"
