import io

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image as PILImage

from familientisch.partners.models import PartnerKind, PartnerPage
from tests.factories.home import PartnerIndexPageFactory

__all__ = ["PartnerIndexPageFactory", "PartnerPageFactory", "PngLogoFactory", "SvgLogoFactory"]

SAFE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0b5a8a"/></linearGradient></defs>'
    b'<rect width="120" height="60" fill="url(#g)"/><use href="#g"/></svg>'
)


def png_bytes(size=(120, 60), colour="#0b5a8a"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


class PngLogoFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Logo {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(png_bytes(), name="logo.png"))
    width, height = 120, 60


class SvgLogoFactory(PngLogoFactory):
    file = factory.LazyAttribute(lambda o: ContentFile(SAFE_SVG, name="logo.svg"))


class PartnerGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")

    class Meta:
        model = Group


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Familienzentrum {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = PartnerKind.CHARITY
    summary = "Beratung und Treffpunkt für Familien."
    website = "https://familienzentrum.example"

    class Meta:
        model = PartnerPage

    class Params:
        approved_logo = factory.Trait(logo=factory.SubFactory(PngLogoFactory), logo_approved=True)
        with_accounts = factory.Trait(group=factory.SubFactory(PartnerGroupFactory))


def edit_form_data(client, page):
    """The page's edit form in the admin as `client` sees it, ready to change and post back."""
    from wagtail.test.utils.form_data import querydict_from_html

    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def log_in_as_partner(client, partner, username):
    """`client` logged in as a new account of `partner` (a page made `with_accounts`)."""
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(partner.group)
    client.force_login(user)
    return client
