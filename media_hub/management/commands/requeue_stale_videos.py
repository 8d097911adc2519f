"""Recover from killed workers and lost tasks, and sweep files no video row points at.

Run it every few minutes next to the workers (cron, a systemd timer, or the
scheduler of ``make run``); it is safe to run on several machines at once.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.images.models import Image

from media_hub.bucket import attempt_prefixes, delete_keys, list_objects
from media_hub.models import Video
from media_hub.tasks import delete_unused_image, requeue_stale_videos


class Command(BaseCommand):
    help = "Queue again videos whose worker died or whose task got lost; remove their orphaned files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-minutes", type=float, default=5, help="Heartbeat age of a dead job (default 5)."
        )
        parser.add_argument(
            "--grace-minutes",
            type=float,
            default=60,
            help="Leave younger objects alone: an upload may not have its row yet (default 60).",
        )

    def handle(self, stale_minutes, grace_minutes, **options):
        requeued = requeue_stale_videos(timedelta(minutes=stale_minutes))
        storage = Video._meta.get_field("file").storage
        older_than = timezone.now() - timedelta(minutes=grace_minutes)
        removed = delete_keys(storage, orphaned_keys(storage, older_than))
        posters = orphaned_posters(older_than)
        for image_id in posters:
            delete_unused_image(image_id)
        self.stdout.write(
            f"{len(requeued)} video('s) opnieuw in de wachtrij; {removed} verweesde bestanden "
            f"en {len(posters)} verweesde stilstaande beelden verwijderd."
        )


def orphaned_keys(storage, older_than):
    """Keys under ``videos/`` that no row uses: deleted videos, replaced sources, dead attempts."""
    videos = {
        video.key.hex: video
        for video in Video.objects.only("key", "file", "hls_playlist", "mp4_file", "status", "attempts")
    }
    for item in list_objects(storage, "videos/"):
        key_hex = item["Key"].split("/")[1]
        if item["LastModified"] < older_than and not in_use(videos.get(key_hex), item["Key"]):
            yield item["Key"]


def orphaned_posters(older_than):
    """Generated stills that no video shows: a worker died between making one and switching to it."""
    shown = Video.objects.exclude(poster=None).values("poster_id")
    generated = Image.objects.filter(file__regex=r"[0-9a-f]{32}-poster", created_at__lt=older_than)
    return list(generated.exclude(pk__in=shown).values_list("pk", flat=True))


def in_use(video, key):
    if video is None:
        return False
    folders = [name.rsplit("/", 1)[0] + "/" for name in (video.hls_playlist, video.mp4_file) if name]
    if video.status == Video.Status.PROCESSING:
        folders += attempt_prefixes(video, video.attempts).values()
    return key == video.file.name or key.startswith(tuple(folders))
