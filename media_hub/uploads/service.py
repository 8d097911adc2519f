"""S3 multipart uploads for videos: start, sign parts, list, complete with checks, abort."""

import logging
import mimetypes
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from botocore.exceptions import ClientError

from .. import bucket
from ..bucket import STORAGE_ERRORS
from ..models import Video, VideoUpload, video_upload_to
from ..probe import NotAVideo, probe_video
from ..tasks import enqueue_processing

logger = logging.getLogger(__name__)

MIB = 1024 * 1024
MAX_PARTS = 10_000  # S3's limit per multipart upload
PART_URL_LIFETIME = 15 * 60  # seconds; the JS signs again when a URL has expired
PROBE_URL_LIFETIME = 5 * 60


class UploadRejected(Exception):
    """The request cannot be honoured; ``message`` is shown to the editor as it is."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def s3():
    """django-storages' own boto3 client and the bucket name."""
    return bucket.s3(default_storage)


def _client():
    return s3()[0]


def _target(upload):
    return {"Bucket": default_storage.bucket_name, "Key": upload.object_key, "UploadId": upload.upload_id}


@contextmanager
def _forgotten_by_s3(upload):
    """S3 no longer knows the upload (aborted as stale): say so rather than blame the storage."""
    try:
        yield
    except ClientError as error:
        if error.response["Error"]["Code"] != "NoSuchUpload":
            raise
        upload.status = VideoUpload.Status.ABORTED
        upload.save(update_fields=["status"])
        raise UploadRejected(_("Deze upload is verlopen; begin opnieuw."), 410) from error


def part_size_for(size):
    """At least VIDEO_UPLOAD_PART_SIZE, in whole MiB, and large enough to stay under 10,000 parts."""
    needed = -(-size // MAX_PARTS)
    return max(settings.VIDEO_UPLOAD_PART_SIZE, -(-needed // MIB) * MIB)


def start_upload(user, collection, title, filename, size):
    upload = VideoUpload(user=user, collection=collection, title=title, filename=filename, size=size)
    upload.part_size = part_size_for(size)
    upload.object_key = video_upload_to(Video(key=upload.key), filename)
    client, name = s3()
    created = client.create_multipart_upload(
        Bucket=name, Key=upload.object_key, **_object_parameters(upload.object_key)
    )
    upload.upload_id = created["UploadId"]
    upload.save()
    return upload


def _object_parameters(key):
    """The headers django-storages would give the object, so playback gets the right type."""
    content_type = mimetypes.guess_type(key)[0] or default_storage.default_content_type
    return {**default_storage.get_object_parameters(key), "ContentType": content_type}


def signed_part_urls(upload, numbers):
    client = _client()
    return {
        number: client.generate_presigned_url(
            "upload_part", Params={**_target(upload), "PartNumber": number}, ExpiresIn=PART_URL_LIFETIME
        )
        for number in numbers
    }


def uploaded_parts(upload):
    """The parts S3 holds, as the truth to resume from: number, ETag and size."""
    pages = _client().get_paginator("list_parts").paginate(**_target(upload))
    with _forgotten_by_s3(upload):
        return [
            {"number": part["PartNumber"], "etag": part["ETag"], "size": part["Size"]}
            for page in pages
            for part in page.get("Parts", [])
        ]


def complete_upload(upload):
    """Join the parts S3 holds, check the result really is the announced video, make it a ``Video``."""
    parts = _all_parts(upload)
    with _forgotten_by_s3(upload):
        _client().complete_multipart_upload(**_target(upload), MultipartUpload={"Parts": parts})
    try:
        info = _check_object(upload)
        video = _create_video(upload, info)
    except (NotAVideo, UploadRejected) as error:
        _reject(upload, str(error))
        raise UploadRejected(str(error)) from error
    except STORAGE_ERRORS + (DatabaseError,):
        _reject(upload, _("De opslag was niet bereikbaar tijdens de controle."))
        raise
    enqueue_processing(video)
    return video


def _all_parts(upload):
    uploaded = {part["number"]: part["etag"] for part in uploaded_parts(upload)}
    missing = [number for number in range(1, upload.part_count + 1) if number not in uploaded]
    if missing:
        raise UploadRejected(
            _("Nog niet alle delen zijn binnen (deel %(number)s ontbreekt).") % {"number": missing[0]}, 409
        )
    return [{"PartNumber": number, "ETag": uploaded[number]} for number in range(1, upload.part_count + 1)]


def _check_object(upload):
    client, name = s3()
    actual = client.head_object(Bucket=name, Key=upload.object_key)["ContentLength"]
    if actual != upload.size:
        raise UploadRejected(
            _(
                "Er kwam %(actual)s binnen in plaats van de aangekondigde %(declared)s; upload het bestand opnieuw."
            )
            % {"actual": filesizeformat(actual), "declared": filesizeformat(upload.size)}
        )
    # FFmpeg reads over HTTP with Range requests: the headers and a first frame, not the whole file.
    url = client.generate_presigned_url(
        "get_object", Params={"Bucket": name, "Key": upload.object_key}, ExpiresIn=PROBE_URL_LIFETIME
    )
    return probe_video(url)


def _create_video(upload, info):
    video = Video(
        key=upload.key,
        title=upload.title,
        collection=upload.collection,
        original_filename=upload.filename,
        file_size=upload.size,
        uploaded_by_user=upload.user,
        status=Video.Status.QUEUED,
        duration=info.duration,
        width=info.width,
        height=info.height,
        video_codec=info.video_codec,
        audio_codec=info.audio_codec,
    )
    video.file.name = upload.object_key  # the object is already in place; nothing is uploaded again
    with transaction.atomic():
        video.save()
        upload.video, upload.status = video, VideoUpload.Status.COMPLETED
        upload.save(update_fields=["video", "status"])
    return video


def _reject(upload, message):
    """A refused upload leaves nothing in the bucket."""
    try:
        bucket.delete_keys(default_storage, [upload.object_key])
    except STORAGE_ERRORS:
        logger.exception("Could not remove refused upload %s", upload.object_key)
    upload.status, upload.status_message = VideoUpload.Status.FAILED, message
    upload.save(update_fields=["status", "status_message"])


def abort_upload(upload):
    _abort(**_target(upload))
    upload.status = VideoUpload.Status.ABORTED
    upload.save(update_fields=["status"])


def abort_stale_uploads(max_age=timedelta(hours=24)):
    """Abort what was left behind: open uploads of ours, and any multipart upload under ``videos/``.

    Returns how many of each were aborted.
    """
    cutoff = timezone.now() - max_age
    stale = list(VideoUpload.objects.filter(status=VideoUpload.Status.OPEN, created_at__lt=cutoff))
    for upload in stale:
        abort_upload(upload)
    orphans = [item for item in _multipart_uploads("videos/") if item["Initiated"] < cutoff]
    for item in orphans:
        _abort(Bucket=default_storage.bucket_name, Key=item["Key"], UploadId=item["UploadId"])
    return len(stale), len(orphans)


def _abort(**target):
    try:
        _client().abort_multipart_upload(**target)
    except ClientError as error:
        if error.response["Error"]["Code"] != "NoSuchUpload":  # already gone is what we wanted
            raise


def _multipart_uploads(prefix):
    client, name = s3()
    pages = client.get_paginator("list_multipart_uploads").paginate(Bucket=name, Prefix=prefix)
    return [item for page in pages for item in page.get("Uploads", [])]
