"""Wagtail's image form with the SVG cleaner; kept apart from the page form because Wagtail's
image forms cannot be imported while models are still loading."""

import logging

from wagtail.images.forms import BaseImageForm

from .svg import clean_svg

logger = logging.getLogger(__name__)


class SafeSVGImageForm(BaseImageForm):
    """Cleans every SVG wherever an image is uploaded (library, chooser, multiple upload,
    replacing a file): any SVG in the media library is served from our domain. A file that is
    no SVG or cannot be read is refused with a message; a dangerous one is stored cleaned.
    Enabled with WAGTAILIMAGES_IMAGE_FORM_BASE =
    "familientisch.partners.image_forms.SafeSVGImageForm"."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        image = getattr(file, "image", None)  # set by WagtailImageField on a new upload only
        if image is not None and image.format_name == "svg":
            file.seek(0)
            cleaned = clean_svg(file.read())
            if cleaned.removed:
                logger.info(
                    "SVG upload cleaned",
                    extra={"file_name": file.name, "removed": cleaned.removed[:20]},
                )
            # Rewritten in place rather than replaced by a new file: when another field is
            # invalid, Wagtail's multiple uploader stores this very upload object for later.
            file.seek(0)
            file.truncate()
            file.write(cleaned.data)
            file.flush()
            file.seek(0)
            file.size = len(cleaned.data)
        return file
