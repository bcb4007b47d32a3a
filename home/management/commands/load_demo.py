from contextlib import contextmanager
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.module_loading import module_has_submodule
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.demo import build_site, translate_demo_content, translated_objects
from home.localization import synchronise_locales


@contextmanager
def indexes_built_afterwards():
    """Saves leave the search index and Wagtail's reference index alone. The demo saves a
    thousand pages several times each (created, aliased, translated, published); indexing every
    save was a third of the load. Whoever leaves this rebuilds both once."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", 1)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Command(BaseCommand):
    help = "Create the demo content, or complete it: running it again changes nothing."

    def handle(self, **options):
        with transaction.atomic():
            with indexes_built_afterwards():
                home = build_site()
                to_translate = []
                for app_config in apps.get_app_configs():
                    if app_config.name != "home" and module_has_submodule(
                        app_config.module, "demo"
                    ):
                        demo = import_module(f"{app_config.name}.demo")
                        demo.load(home)
                        if hasattr(demo, "translated_objects"):
                            to_translate += demo.translated_objects(home)
                synchronise_locales()
                translate_demo_content(translated_objects(home) + to_translate)
            quiet = {"stdout": self.stdout, "verbosity": 0}
            call_command("rebuild_references_index", **quiet)
            call_command("update_index", **quiet)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready under {home.url_path}"))
