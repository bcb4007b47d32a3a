import random

from django import template
from django.utils import timezone
from wagtail.models import Locale

from familientisch.partners.models import PartnerIndexPage, PartnerPage

register = template.Library()


@register.inclusion_tag("partners/tags/partner_logos.html")
def partner_logos(count=12):
    """A still selection of approved partner logos, no carousel. The choice changes once a
    day, so over time every partner is shown, and within a day the page stays the same
    (cacheable, and nothing moves under a reader's eyes)."""
    locale = Locale.get_active()
    approved = PartnerPage.objects.live().filter(locale=locale).with_approved_logo()
    ids = sorted(approved.values_list("pk", flat=True))
    chosen = random.Random(timezone.localdate().toordinal()).sample(ids, min(count, len(ids)))
    partners = approved.filter(pk__in=chosen).order_by("title").with_logo_renditions()
    index = PartnerIndexPage.objects.live().filter(locale=locale).first()
    return {"partners": partners, "index": index}
