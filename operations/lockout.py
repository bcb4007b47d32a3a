"""What a locked login answers (django-axes' AXES_LOCKOUT_CALLABLE), on the Wagtail admin and on
the site's member login alike: the same login page, with the user name kept, saying until when
logging in is blocked instead of "wrong password"; 429 with Retry-After."""

from axes.helpers import get_cool_off
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _


def lockout_response(request, original_response, credentials):
    wait = get_cool_off(request)
    until = formats.time_format(timezone.localtime() + wait)
    message = _(
        "Too many failed attempts to log in. For your protection, logging in with this user "
        "name from your address is blocked until %(time)s. Each further attempt starts the "
        "wait again."
    ) % {"time": until}
    form = (getattr(original_response, "context_data", None) or {}).get("form")
    if form is None:
        response = HttpResponse(message, content_type="text/plain; charset=utf-8")
    else:
        # The login view has already rendered its page with the form's own error.
        form.errors[NON_FIELD_ERRORS] = form.error_class(
            [message], error_class="nonfield", renderer=form.renderer
        )
        original_response.content = original_response.rendered_content
        response = original_response
    response.status_code = 429
    response["Retry-After"] = str(int(wait.total_seconds()))
    return response
