from django.core.management.base import BaseCommand

from provinces.editorial import setup_editorial


class Command(BaseCommand):
    help = "Create the province, ministry and Taskforce groups, collections and the review workflow (idempotent)."

    def handle(self, *args, **options):
        summary = setup_editorial()
        self.stdout.write(f"Editorial set-up: {len(summary['provinces'])} province groups.")
