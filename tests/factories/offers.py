import datetime

import factory
import wagtail_factories

from familientisch.offers.models import OfferPage, OfferPlace
from familientisch.taxonomy.models import Category, District, Language, TargetGroup


def _by_slugs(model, slugs):
    return [model.objects.get(slug=slug, locale__language_code="de") for slug in slugs]


class OfferPageFactory(wagtail_factories.PageFactory):
    """An offer; `categories`, `target_groups` take slugs, `languages` ISO codes, and `places`
    a list of dicts of OfferPlace fields (`district` and `quarter` may be slugs)."""

    title = factory.Sequence(lambda n: f"Angebot {n}")
    summary = "Ein Angebot für Familien."
    description = "<p>Mehr über das Angebot.</p>"
    cost = "free"
    last_checked = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = OfferPage
        skip_postgeneration_save = True

    # The vocabularies are parental many-to-many fields: set in memory, stored by one save.
    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if extracted:
            self.categories.set(_by_slugs(Category, extracted))
            return True

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(_by_slugs(TargetGroup, extracted))
            return True

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if extracted:
            self.languages.set([Language.objects.get_or_create(code=c)[0] for c in extracted])
            return True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results and any(results.values()):
            instance.save()

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        for place in extracted or []:
            OfferPlaceFactory(page=self, **place)


class OfferPlaceFactory(factory.django.DjangoModelFactory):
    page = None
    place_name = "Familienzentrum"
    street = "Musterstraße 1"
    postcode = "40210"
    locale = factory.LazyAttribute(lambda place: place.page.locale)
    # As the admin's inline panel numbers them: without it their order is the database's whim.
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = OfferPlace

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from familientisch.taxonomy.models import Quarter

        if isinstance(kwargs.get("district"), str):
            kwargs["district"] = District.objects.get(
                slug=kwargs["district"], locale__language_code="de"
            )
        if isinstance(kwargs.get("quarter"), str):
            kwargs["quarter"] = Quarter.objects.get(
                slug=kwargs["quarter"], locale__language_code="de"
            )
        return super()._create(model_class, *args, **kwargs)


def build_navigator(home, **fields):
    """The seeded city vocabularies and a navigator page under `home`."""
    from familientisch.taxonomy.seed import seed_taxonomies
    from tests.factories.home import OfferIndexPageFactory

    seed_taxonomies()
    return OfferIndexPageFactory(parent=home, **fields)
