import logging
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

from demo.seed import Seeder


class Command(BaseCommand):
    help = "Build the demo site of the 2020 trade mission from the letter; running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--clip-dir",
            type=Path,
            default=Path(settings.VAR_DIR) / "demo-clips",
            help="Where generated demo clips are cached (default: var/demo-clips).",
        )

    def handle(self, *args, clip_dir, verbosity, **options):
        started = time.monotonic()
        with quiet_wagtail_log(verbosity):
            tally = Seeder(clip_dir).run()
        # Groups and collection rights come from another command when the project has it.
        if "setup_editorial" in get_commands():
            call_command("setup_editorial", verbosity=verbosity)
        for kind in sorted({kind for kind, _ in tally}):
            counts = ", ".join(
                f"{status} {tally[kind, status]}" for status in ("created", "updated", "unchanged")
            )
            self.stdout.write(f"{kind}: {counts}")
        self.stdout.write(self.style.SUCCESS(f"Demo site ready in {time.monotonic() - started:.1f} s."))


@contextmanager
def quiet_wagtail_log(verbosity):
    """Wagtail logs a line per page action; the summary says enough unless -v 2."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if verbosity < 2:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
