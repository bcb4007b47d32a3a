"""Wagtail's image form with the SVG check; kept apart from the page form because Wagtail's
image forms cannot be imported while models are still loading."""

from wagtail.images.forms import BaseImageForm

from .logos import check_svg


class SafeSVGImageForm(BaseImageForm):
    """Refuses unsafe SVGs wherever an image is uploaded (library, chooser, multiple upload):
    any SVG in the media library is served from our domain. Enabled with
    WAGTAILIMAGES_IMAGE_FORM_BASE = "partners.image_forms.SafeSVGImageForm"."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        image = getattr(file, "image", None)  # set by WagtailImageField on a new upload only
        if image is not None and image.format_name == "svg":
            file.seek(0)
            check_svg(file.read())
            file.seek(0)
        return file
