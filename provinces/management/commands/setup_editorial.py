from django.core.management.base import BaseCommand

from provinces.editorial import MINISTRY_GROUP, REVIEW_WORKFLOW, TASKFORCE_GROUP, setup_editorial


class Command(BaseCommand):
    help = "Create or correct the province, ministry and Taskforce groups, their collections, the review workflow."

    def handle(self, *args, **options):
        summary = setup_editorial()
        self.stdout.write(
            f"Editorial set-up: {len(summary['provinces'])} province groups, "
            f"'{MINISTRY_GROUP}', '{TASKFORCE_GROUP}', workflow '{REVIEW_WORKFLOW}'."
        )
