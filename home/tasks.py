from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from .models import BarrierReport


@task()
def notify_editors_of_barrier_report(report_id):
    """Mail everyone who may handle barrier reports: the statutory feedback mechanism needs a
    person to answer, not only a row in a table."""
    report = BarrierReport.objects.get(pk=report_id)
    recipients = list(
        get_user_model()
        # Permissions come from the model backend (the other one only refuses locked logins).
        .objects.with_perm(
            "home.change_barrierreport", backend="django.contrib.auth.backends.ModelBackend"
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    with override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailsnippets_home_barrierreport:edit", args=[report.pk]
        )
        send_mail(
            subject=_("New barrier report: %(url)s") % {"url": report.page_url[:80]},
            message=_("Page: %(url)s\nReply to: %(email)s\n\n%(text)s\n\nIn the admin: %(admin)s")
            % {
                "url": report.page_url,
                "email": report.email or "-",
                "text": report.description,
                "admin": admin_url,
            },
            from_email=None,
            recipient_list=recipients,
        )
