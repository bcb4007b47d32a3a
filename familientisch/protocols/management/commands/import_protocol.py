from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from familientisch.protocols.importing import default_parent, import_protocol
from familientisch.protocols.models import ProtocolIndexPage
from familientisch.protocols.reading import ProtocolImportError, check_file


class Command(BaseCommand):
    help = (
        "Create a draft protocol page from each file (.docx, .md, .txt) and report what was "
        "found. Files that are not protocols are reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--parent",
            help="Id or slug of the protocol index page; the German one by default.",
        )

    def handle(self, files, parent=None, **options):
        index = self._parent(parent)
        failures = 0
        for name in files:
            path = Path(name)
            try:
                if not path.is_file():
                    raise ProtocolImportError(f"No such file: {name}")
                check_file(path.name, path.stat().st_size)
                with transaction.atomic():
                    result = import_protocol(path.name, path.read_bytes(), index)
            except ProtocolImportError as error:
                failures += 1
                self.stderr.write(self.style.ERROR(f"{name}: {error}"))
                continue
            self.stdout.write(
                self.style.SUCCESS(f"{name}: draft “{result.page.title}” (id {result.page.pk})")
                + f": {result.summary()}"
            )
            for passage in result.parsed.unplaced:
                self.stdout.write(f"  not placed: {passage[:100]}")
        if failures:
            raise CommandError(f"{failures} of {len(files)} files could not be imported.")

    def _parent(self, parent):
        if parent is None:
            index = default_parent()
        else:
            lookup = {"pk": int(parent)} if parent.isdigit() else {"slug": parent}
            index = ProtocolIndexPage.objects.filter(**lookup).order_by("path").first()
        if index is None:
            raise CommandError("No protocol index page found: create one or give --parent.")
        return index
