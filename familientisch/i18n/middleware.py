from django.middleware.locale import LocaleMiddleware

from familientisch.conf import setting


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware turns every 404 outside the language prefixes into a redirect
    to /de/..., since Wagtail's catch-all makes any prefixed path look valid. Addresses that
    never carry a language (the API, the admin, documents) keep their own 404."""

    def process_response(self, request, response):
        prefixes = setting("LANGUAGE_NEUTRAL_PATHS")
        if response.status_code == 404 and request.path_info.startswith(tuple(prefixes)):
            return response
        return super().process_response(request, response)
