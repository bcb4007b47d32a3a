from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from familientisch.core.mail import admin_link, send_to_users

from .models import BarrierReport


@task()
def notify_editors_of_barrier_report(report_id):
    """Mail everyone who may handle barrier reports: the statutory feedback mechanism needs a
    person to answer, not only a row in a table."""
    report = BarrierReport.objects.get(pk=report_id)
    handlers = get_user_model().objects.with_perm(
        # Permissions come from the model backend (the other one only refuses locked logins).
        "home.change_barrierreport",
        backend="django.contrib.auth.backends.ModelBackend",
    )
    context = {
        "report": report,
        "admin_url": admin_link("wagtailsnippets_home_barrierreport:edit", report.pk),
    }
    send_to_users(
        handlers,
        _("New barrier report: %(url)s"),
        "home/emails/barrier_reported.txt",
        context,
        url=report.page_url[:80],
    )
