from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or reset the local superuser used by `make run` (refused when DEBUG is off)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", required=True)

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            raise CommandError("Only for local development (DEBUG on).")
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost", "first_name": "Lokale beheerder"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
