"""Who handles visitors' reports: the editors' groups (REPORT_HANDLER_GROUPS, Wagtail's own
"Editors" and "Moderators" by default) may open every kind of report and mark it handled, so a
report never stays on the dashboard for want of a superuser. Granted after each migration of an
app with reports (post_migrate), so every site and every new kind
of report gets it without a hand in the admin."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_migrate

from familientisch.conf import setting

from .models import VisitorReport


def report_models(app_config):
    return [model for model in app_config.get_models() if issubclass(model, VisitorReport)]


def grant_report_handling(sender, using="default", **kwargs):
    models = report_models(sender)
    groups = list(Group.objects.using(using).filter(name__in=setting("REPORT_HANDLER_GROUPS")))
    if not models or not groups:
        return
    # Django's own post_migrate receiver makes the permissions, but may come after this one.
    create_permissions(sender, verbosity=0, using=using)
    types = ContentType.objects.db_manager(using).get_for_models(*models).values()
    permissions = Permission.objects.using(using).filter(
        content_type__in=types, codename__regex=r"^(view|change)_"
    )
    for group in groups:
        group.permissions.add(*permissions)


def connect():
    for app_config in apps.get_app_configs():
        if report_models(app_config):
            post_migrate.connect(
                grant_report_handling,
                sender=app_config,
                dispatch_uid=f"core.report_handling.{app_config.label}",
            )
