from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from familientisch.i18n.indexing import indexes_paused
from familientisch.i18n.localization import synchronise_locales
from home.demo import build_site, translate_demo_content, translated_objects


class Command(BaseCommand):
    help = "Create the demo content, or complete it: running it again changes nothing."

    def handle(self, **options):
        # The pause outside the transaction: wagtail-localize publishes the translations when it
        # commits, and those saves, too, leave the indexes to the rebuild after it.
        with indexes_paused(), transaction.atomic():
            home = build_site()
            to_translate = []
            for app_config in apps.get_app_configs():
                if app_config.name != "home" and module_has_submodule(app_config.module, "demo"):
                    demo = import_module(f"{app_config.name}.demo")
                    demo.load(home)
                    if hasattr(demo, "translated_objects"):
                        to_translate += demo.translated_objects(home)
            synchronise_locales()
            translate_demo_content(translated_objects(home) + to_translate)
        # Each index once, after the pause (see i18n.indexing).
        quiet = {"stdout": self.stdout, "verbosity": 0}
        with transaction.atomic():
            call_command("rebuild_references_index", **quiet)
            call_command("update_index", **quiet)
            call_command("rebuild_search_texts", **quiet)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready under {home.url_path}"))
