"""Permissions that a site's editorial groups need for their daily work, granted after each
migration of the app that defines them (post_migrate), so that no superuser has to click them
together and every site, and every new kind of content, gets them:

- visitors' reports (mistakes, barriers): open them and mark them handled, for the groups of
  REPORT_HANDLER_GROUPS (Wagtail's own "Editors" and "Moderators" by default), so a report
  never stays on the dashboard for want of a superuser;
- partners' logos: approve them for publication, for the groups of LOGO_APPROVER_GROUPS;
- the search's synonyms: keep them, for the groups of SYNONYM_EDITOR_GROUPS.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate

from familientisch.conf import setting

from .models import VisitorReport


def grant_after_migrate(app_config, codenames, groups_setting):
    """After `app_config` is migrated, the groups named by the setting `groups_setting` hold
    the permissions `codenames` of that app."""

    def grant(sender, using="default", **kwargs):
        groups = list(Group.objects.using(using).filter(name__in=setting(groups_setting)))
        if not groups:
            return
        # Django's own post_migrate receiver makes the permissions, but may come after this one.
        create_permissions(sender, verbosity=0, using=using)
        permissions = Permission.objects.using(using).filter(
            content_type__app_label=sender.label, codename__in=codenames
        )
        for group in groups:
            group.permissions.add(*permissions)

    post_migrate.connect(
        grant,
        sender=app_config,
        weak=False,  # `grant` lives only in the signal
        dispatch_uid=f"core.grant.{app_config.label}.{groups_setting}",
    )
    return grant


def connect_report_handling():
    for app_config in apps.get_app_configs():
        names = [
            model._meta.model_name
            for model in app_config.get_models()
            if issubclass(model, VisitorReport)
        ]
        if names:
            codenames = [f"{action}_{name}" for name in names for action in ("view", "change")]
            grant_after_migrate(app_config, codenames, "REPORT_HANDLER_GROUPS")
