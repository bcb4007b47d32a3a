"""Staff accounts: a user in one of the admin's groups (Wagtail's Editors and Moderators, a
partner's group), with an address and the password the login tests type."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "ein langes Passwort"


def staff(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user
