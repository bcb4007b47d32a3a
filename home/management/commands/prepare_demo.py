from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "What `make run` needs before serving: the database migrated, the demo content loaded "
        "and an admin account, in one process (Django starts once, the checks run once)."
    )

    def handle(self, **options):
        out = {"stdout": self.stdout, "stderr": self.stderr}
        # A demo database made before the apps became the plugin keeps its content.
        call_command("rename_legacy_apps", verbosity=0, **out)
        call_command("migrate", interactive=False, verbosity=0, **out)
        call_command("load_demo", **out)
        call_command("ensure_admin", **out)
