"""The demo navigator has something for every district, category and the youngest."""

from familientisch.offers import demo
from familientisch.offers.models import OfferPage, OfferPlace
from familientisch.taxonomy.models import Category, District
from familientisch.taxonomy.seed import seed_taxonomies


def test_demo_offers_cover_every_district_and_category_once(home):
    seed_taxonomies()
    demo.load(home)
    offers = OfferPage.objects.live()
    assert offers.count() >= 60
    districts = set(OfferPlace.objects.values_list("district_id", flat=True))
    assert districts == set(District.objects.values_list("pk", flat=True))
    for category in Category.objects.all():
        assert offers.filter(categories=category).exists(), category.slug
    welcome = offers.filter(categories__slug="welcome-point")
    assert welcome.count() == 10
    assert offers.filter(categories__slug="fruehe-hilfen", age_max_months__lte=35).count() >= 10
    assert all(offer.provider_id for offer in offers)
    demo.load(home)
    assert OfferPage.objects.count() == offers.count()
