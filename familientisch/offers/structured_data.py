"""schema.org JSON-LD of an offer page: a Service, so search engines and assistants can tell
who offers what, where, for which ages, in which languages and when."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .hours import schema_hours

# The same escaping as Django's json_script: nothing in the data can close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def offer_json_ld(offer, request):
    places = list(offer.places.select_related("district"))
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": offer.title,
        "description": offer.summary or strip_tags(offer.description),
        "url": offer.get_full_url(request),
        "areaServed": [
            {"@type": "AdministrativeArea", "name": place.district.localized_name}
            for place in places
            if place.district_id
        ],
        "audience": {
            "@type": "PeopleAudience",
            "suggestedMinAge": offer.age_min_months // 12,
            "suggestedMaxAge": offer.age_max_months // 12,
        },
        "availableLanguage": [
            {"@type": "Language", "name": language.name("en"), "alternateName": language.code}
            for language in offer.languages.all()
        ],
        "hoursAvailable": [spec for place in places for spec in schema_hours(place.opening_hours)],
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "serviceLocation": {
                    "@type": "Place",
                    "name": place.place_name or offer.title,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": place.street,
                        "postalCode": place.postcode,
                        "addressLocality": place.city,
                    },
                    **(
                        {
                            "geo": {
                                "@type": "GeoCoordinates",
                                "latitude": place.latitude,
                                "longitude": place.longitude,
                            }
                        }
                        if place.latitude is not None
                        else {}
                    ),
                },
            }
            for place in places
        ],
    }
    if offer.provider_id:
        data["provider"] = {
            "@type": "Organization",
            "name": offer.provider.title,
            "url": offer.provider.website or offer.provider.get_full_url(request),
        }
    body = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{body}</script>')  # noqa: S308
