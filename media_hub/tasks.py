"""The video processing job: claimed by one attempt at a time, kept alive by a heartbeat,
switched to its outputs in one conditional UPDATE.

Every write is conditional on the row still belonging to this attempt, so a second
delivery of the task, a re-queue or a replaced file simply wins. A killed worker
leaves the row PROCESSING with an old heartbeat and at most an unreferenced attempt
prefix in the bucket; ``requeue_stale_videos`` queues the video again, and the next
attempt (or that command's sweep) removes the leftovers.
"""

import logging
import tempfile
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import task

from .bucket import STORAGE_ERRORS, StorageUnavailable, attempt_prefixes, delete_prefix, video_prefix
from .models import Video
from .probe import NotAVideo
from .processing import SourceMissing, TranscodeFailed, build_outputs, save_poster

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=5)
HEARTBEAT_INTERVAL = 2  # seconds between progress writes
UNEXPECTED = "Het verwerken is onverwacht mislukt; probeer het opnieuw of upload het bestand opnieuw."
Status = Video.Status


class LostClaim(Exception):
    """The video no longer belongs to this attempt: re-queued, replaced or deleted meanwhile."""


def enqueue_processing(video):
    """Mark the video queued and start processing once the surrounding transaction commits."""
    now = timezone.now()
    Video.objects.filter(pk=video.pk).update(
        status=Status.QUEUED, progress=0, status_message="", heartbeat_at=now
    )
    video.status, video.progress, video.status_message, video.heartbeat_at = Status.QUEUED, 0, "", now
    transaction.on_commit(partial(process_video.enqueue, video.pk), robust=True)


@task(queue_name="video")
def process_video(video_id):
    attempt = claim(video_id)
    if attempt is None:
        return "skipped"
    video = Video.objects.select_related("collection", "uploaded_by_user").get(pk=video_id)
    try:
        with tempfile.TemporaryDirectory(prefix="video-", dir=settings.FILE_UPLOAD_TEMP_DIR) as folder:
            outputs = build_outputs(video, attempt, Path(folder), Heartbeat(video_id, attempt))
            switch_to(video, attempt, outputs)
        return "ready"
    except LostClaim:
        discard_attempt(video, attempt)
        return "superseded"
    except (NotAVideo, SourceMissing) as error:
        fail(video, attempt, getattr(error, "message", str(error)), bad_source=True)
    except StorageUnavailable:
        fail(video, attempt, StorageUnavailable.message)
    except TranscodeFailed as error:
        fail(video, attempt, str(error))
    except Exception:
        fail(video, attempt, UNEXPECTED)
        raise
    except BaseException:
        # The worker is being stopped: hand the video back so the next sweep queues it at once.
        owned(video_id, attempt).update(status=Status.QUEUED, heartbeat_at=None)
        raise
    return "failed"


def claim(video_id):
    """Take the video for a new attempt; None when another live attempt has it or it is done."""
    now = timezone.now()
    stale = Q(heartbeat_at__lt=now - STALE_AFTER) | Q(heartbeat_at=None)
    claimable = Q(status=Status.QUEUED) | Q(stale, status=Status.PROCESSING)
    with transaction.atomic():
        claimed = Video.objects.filter(claimable, pk=video_id).update(
            status=Status.PROCESSING,
            attempts=F("attempts") + 1,
            heartbeat_at=now,
            progress=0,
            status_message="",
        )
        return Video.objects.values_list("attempts", flat=True).get(pk=video_id) if claimed else None


def owned(video_id, attempt):
    return Video.objects.filter(pk=video_id, attempts=attempt, status=Status.PROCESSING)


class Heartbeat:
    """Progress and proof of life, written at most every HEARTBEAT_INTERVAL seconds."""

    def __init__(self, video_id, attempt):
        self.video_id, self.attempt, self.last = video_id, attempt, 0.0

    def __call__(self, percent):
        if time.monotonic() - self.last < HEARTBEAT_INTERVAL:
            return
        self.last = time.monotonic()
        if not owned(self.video_id, self.attempt).update(progress=int(percent), heartbeat_at=timezone.now()):
            raise LostClaim


def switch_to(video, attempt, outputs):
    """Point the row at the new outputs in one step; only then delete the old ones."""
    poster = (
        save_poster(video, outputs.poster) if video.poster_id is None or video.poster_is_generated else None
    )
    with transaction.atomic():
        switched = owned(video.pk, attempt).update(**ready_fields(outputs))
        swapped, old_poster_id = swap_poster(video.pk, poster) if switched and poster else (False, None)
    if poster and not swapped:
        poster.delete()
    if not switched:
        raise LostClaim
    try:
        for kind, keep in attempt_prefixes(video, attempt).items():
            delete_prefix(video.file.storage, f"{video_prefix(video)}{kind}/", keep=[keep])
        if old_poster_id:
            delete_unused_image(old_poster_id, video)
    except Exception:
        # The video is ready and plays; what could not be removed now, the sweep removes later.
        logger.exception("Clean-up after processing video %s failed", video.pk)


def ready_fields(outputs):
    info = outputs.info
    return {
        "status": Status.READY,
        "progress": 100,
        "status_message": "",
        "heartbeat_at": timezone.now(),
        "hls_playlist": outputs.master_key,
        "mp4_file": outputs.mp4_key,
        "renditions": outputs.renditions,
        "duration": info.duration,
        "width": info.width,
        "height": info.height,
        "video_codec": info.video_codec,
        "audio_codec": info.audio_codec,
    }


def swap_poster(video_id, poster):
    """Set the new still unless an editor chose a poster meanwhile; returns (set?, the generated one it replaced)."""
    old_id, was_generated = Video.objects.values_list("poster_id", "poster_is_generated").get(pk=video_id)
    if old_id is not None and not was_generated:
        return False, None
    Video.objects.filter(pk=video_id).update(poster=poster, poster_is_generated=True)
    return True, old_id


def delete_unused_image(image_id, video=None):
    """A generated still goes once its video has no use for it, unless it is used somewhere else too."""
    from wagtail.images.models import Image
    from wagtail.models import ReferenceIndex

    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return
    references = ReferenceIndex.get_references_to(image)
    if video is not None:
        video_type = ContentType.objects.get_for_model(Video)
        references = references.exclude(base_content_type=video_type, object_id=str(video.pk))
    if not references.exists():
        image.delete()


def fail(video, attempt, message, bad_source=False):
    """FAILED with a reason. A file that is not a video goes entirely; otherwise the source stays for a retry."""
    changes = {
        "status": Status.FAILED,
        "status_message": message,
        "progress": 0,
        "heartbeat_at": timezone.now(),
    }
    if bad_source:
        changes.update(file="", hls_playlist="", mp4_file="", renditions=[])
    if owned(video.pk, attempt).update(**changes) and bad_source:
        quietly(delete_prefix, video.file.storage, video_prefix(video))
    else:
        discard_attempt(video, attempt)


def discard_attempt(video, attempt):
    """Remove this attempt's outputs, never those the row points at (it may have switched after all)."""
    in_use = Video.objects.filter(pk=video.pk).values_list("hls_playlist", "mp4_file").first() or ()
    for prefix in attempt_prefixes(video, attempt).values():
        if not any(name.startswith(prefix) for name in in_use):
            quietly(delete_prefix, video.file.storage, prefix)


def quietly(function, *args, **kwargs):
    """Clean-up that may fail while S3 is away; the next attempt or the sweep removes the rest."""
    try:
        function(*args, **kwargs)
    except STORAGE_ERRORS:
        logger.warning("Could not clean up after video processing", exc_info=True)


def can_reprocess(video):
    return bool(video.file) and video.status in (Status.FAILED, Status.READY)


def status_label(video):
    """The listing's state: progress while processing, the reason when failed."""
    if video.status == Status.PROCESSING:
        return _("Wordt verwerkt (%(progress)s%%)") % {"progress": video.progress}
    if video.status == Status.FAILED and video.status_message:
        return f"{video.get_status_display()}: {video.status_message}"
    return video.get_status_display()


# --- Recovery -----------------------------------------------------------------


def requeue_stale_videos(stale_after=STALE_AFTER):
    """Queue again what a dead worker or a lost task left behind; returns the ids queued."""
    now = timezone.now()
    old = Q(heartbeat_at__lt=now - stale_after) | Q(heartbeat_at=None)
    lost = Q(old, status=Status.PROCESSING) | (Q(old, status=Status.QUEUED) & ~Q(pk__in=pending_video_ids()))
    requeued = []
    for video_id in Video.objects.filter(lost).values_list("pk", flat=True):
        if Video.objects.filter(lost, pk=video_id).update(status=Status.QUEUED, progress=0, heartbeat_at=now):
            process_video.enqueue(video_id)
            requeued.append(video_id)
    return requeued


def pending_video_ids():
    """Videos whose task still waits in the database queue; other backends keep no queue to ask."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(process_video.get_backend(), DatabaseBackend):
        return []
    waiting = DBTaskResult.objects.ready().filter(task_path=process_video.module_path)
    return [row["args"][0] for row in waiting.values_list("args_kwargs", flat=True) if row.get("args")]
