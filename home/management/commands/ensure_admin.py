import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Make sure an administrator account exists, and say how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, username, **options):
        User = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD")
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' exists: log in at /admin/.")
            return
        if password is None:
            if not settings.DEBUG:
                raise CommandError("Set ADMIN_PASSWORD: outside debug mode there is no default.")
            password = "changeme"
        User.objects.create_superuser(username, "admin@localhost", password)
        self.stdout.write(
            self.style.SUCCESS(f"Log in at /admin/ as '{username}' with password '{password}'.")
        )
