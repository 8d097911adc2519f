from datetime import timedelta

from django.core.management.base import BaseCommand

from media_hub.uploads.service import abort_stale_uploads


class Command(BaseCommand):
    help = "Abort video uploads left unfinished, so S3 does not keep their parts (run daily)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=float, default=24, help="Abort uploads older than this (default 24)."
        )

    def handle(self, *args, hours, **options):
        ours, orphans = abort_stale_uploads(timedelta(hours=hours))
        self.stdout.write(f"Aborted {ours} stale upload(s) and {orphans} orphaned multipart upload(s) in S3.")
