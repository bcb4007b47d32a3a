"""Run daily: delete the personal data whose retention period is over.

Each app that stores personal data says how long in its own `retention` module, whose
`purge(now)` deletes what is due and returns counts; this command runs them all, so a new app
with personal data only needs that module. The periods are settings (docs/production.md)."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import module_has_submodule


def retention_modules():
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "retention"):
            yield import_module(f"{config.name}.retention")


class Command(BaseCommand):
    help = "Delete the personal data whose retention period is over, and print what went."

    def handle(self, **options):
        now = timezone.now()
        for module in retention_modules():
            for what, count in module.purge(now).items():
                self.stdout.write(f"{what}: {count}")
