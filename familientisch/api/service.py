"""The JSON API object and its HTTP behaviour: JSON errors, Cache-Control, ETag and 304, the
OpenAPI additions every operation shares, and bearer tokens. The project assembles the routers of
the apps on it (familientisch/urls.py)."""

import datetime as dt
import hashlib

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseNotModified, JsonResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from wagtail.models import APIToken

from . import schemas

PUBLIC_MAX_AGE = 60
TOKEN_USE_PRECISION = dt.timedelta(hours=1)


class FamilyAPI(NinjaAPI):
    """Public GET answers carry Cache-Control and an ETag, and a matching If-None-Match gets
    304; answers for a token's user are private."""

    def create_response(self, request, data, *, status=200, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if request.method != "GET" or response.status_code != 200:
            return response
        if request.headers.get("Authorization"):
            response["Cache-Control"] = "private, no-store"
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            return not_modified
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        response["Vary"] = "Accept-Language, Origin"
        return response

    def get_openapi_operation_id(self, operation):
        view = operation.view_func
        return schemas.operation_id(view.__module__, view.__name__)

    def get_openapi_schema(self, **kwargs):
        """Document what every operation may answer besides success: a token is optional
        (an empty security entry), a bad token is 401, bad parameters 422, an unknown id 404,
        a refusal for a while 429 or 503 with Retry-After; all errors are JSON with a `detail`."""
        schema = super().get_openapi_schema(**kwargs)
        schema["components"].setdefault("schemas", {})["Error"] = {
            "type": "object",
            "properties": {"detail": {"description": "A message, or one per invalid field."}},
            "required": ["detail"],
        }
        error = {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        }
        retry_after = {
            "description": "Seconds until the sender may try again.",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        }
        for path, operations in schema["paths"].items():
            for operation in operations.values():
                if operation.get("security"):
                    operation["security"].append({})
                    operation["responses"].setdefault("401", {"description": "Bad token", **error})
                operation["responses"].setdefault("422", {"description": "Invalid input", **error})
                # From gunicorn or the proxy, before the app: plain text, not JSON.
                operation["responses"].setdefault("414", {"description": "Address too long"})
                if "{" in path:
                    operation["responses"].setdefault("404", {"description": "Not found", **error})
                for status in ("429", "503"):  # a rate-limited operation refuses for a while
                    if status in operation["responses"]:
                        operation["responses"][status]["headers"] = {"Retry-After": retry_after}
        return schema


class TokenAuth(HttpBearer):
    """Wagtail's API tokens (`wagtail.models.APIToken`): a partner account's bearer token."""

    def authenticate(self, request, token):
        api_token = (
            APIToken.objects.select_related("user")
            .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
            .first()
        )
        if api_token is None or not api_token.user.is_active:
            raise AuthenticationError(message="This token is unknown or revoked.")
        note_use(api_token)
        request.user = api_token.user
        return api_token.user


def note_use(api_token, now=None):
    """When a token was last used (its owner sees it on "My organisation"), to the hour: not a
    write for every request an app makes."""
    now = now or timezone.now()
    if api_token.last_used_at is None or now - api_token.last_used_at > TOKEN_USE_PRECISION:
        APIToken.objects.filter(pk=api_token.pk).update(last_used_at=now)


def anonymous(request):
    return AnonymousUser()


# Public endpoints answer anyone; a valid token makes `request.auth` its user.
OPTIONAL_TOKEN = [TokenAuth(), anonymous]


def unknown_endpoint(request, rest):
    """Anything under /api/ that no endpoint answers: JSON, never the site's HTML 404 page."""
    return JsonResponse({"detail": f"No API endpoint at /api/{rest}"}, status=404)
