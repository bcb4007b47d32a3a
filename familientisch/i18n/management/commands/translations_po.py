"""PO files for external translators: export what there is to translate, import what came back."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from familientisch.i18n.localization import translation_for
from familientisch.i18n.translation_overview import snippet_models


class Command(BaseCommand):
    help = (
        "export --locale ar DIR: one PO file per page and taxonomy entry; "
        "import FILE [FILE ...]: read translated PO files back (pages as drafts unless --publish)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--locale", help="Target language code, for export.")
        parser.add_argument("--publish", action="store_true", help="Publish imported pages.")

    def handle(self, action, paths, locale=None, publish=False, **options):
        if action == "export":
            if not locale or len(paths) != 1:
                raise CommandError("export needs --locale and one target folder.")
            self.export(Locale.objects.get(language_code=locale), Path(paths[0]))
        else:
            self.import_files([Path(path) for path in paths], publish)

    def export(self, locale, folder):
        folder.mkdir(parents=True, exist_ok=True)
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        pages = Page.objects.filter(locale=source, depth__gt=1).live().specific()
        snippets = [
            item for model in snippet_models() for item in model.objects.filter(locale=source)
        ]
        count = 0
        for instance in [*pages, *snippets]:
            name = f"{instance._meta.model_name}-{instance.pk}.po"
            translation_for(instance, locale).export_po().save(str(folder / name))
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} PO files to {folder}"))

    def import_files(self, files, publish):
        for path in files:
            po = polib.pofile(str(path))
            translation_id = po.metadata.get("X-WagtailLocalize-TranslationID")
            translation = Translation.objects.filter(uuid=translation_id).first()
            if translation is None:
                raise CommandError(f"{path}: not a PO file exported by this site.")
            warnings = translation.import_po(po, tool_name="PO file")
            is_page = isinstance(translation.source.get_source_instance(), Page)
            translation.save_target(publish=publish or not is_page)
            done = sum(1 for entry in po if entry.msgstr and not entry.obsolete)
            self.stdout.write(f"{path}: {done} strings imported, {len(warnings)} warnings")
