"""A video's objects in S3, by prefix: what Django's storage API cannot do (list, delete in batches).

Everything of a video lives under ``videos/<key>/``: its ``source/``, and for
each processing attempt N its ``hls/N/`` and ``mp4/N/``.
"""

import re
from contextlib import contextmanager

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError

STORAGE_ERRORS = (BotoCoreError, ClientError, Boto3Error)


class StorageUnavailable(Exception):
    message = "De opslag was niet bereikbaar tijdens het verwerken; probeer het opnieuw."


@contextmanager
def storage_errors():
    try:
        yield
    except STORAGE_ERRORS as error:
        raise StorageUnavailable(StorageUnavailable.message) from error


def s3(storage):
    """The storage's own boto3 client (thread-safe) and bucket name."""
    return storage.connection.meta.client, storage.bucket_name


def video_prefix(video):
    return f"videos/{video.key.hex}/"


def attempt_prefixes(video, attempt):
    return {kind: f"{video_prefix(video)}{kind}/{attempt}/" for kind in ("hls", "mp4")}


def list_objects(storage, prefix):
    client, bucket = s3(storage)
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        yield from page.get("Contents", [])


def delete_keys(storage, keys):
    client, bucket = s3(storage)
    keys = list(keys)
    for start in range(0, len(keys), 1000):  # S3's limit per request
        batch = [{"Key": key} for key in keys[start : start + 1000]]
        client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
    return len(keys)


def delete_prefix(storage, prefix, keep=()):
    """Delete everything under one video's ``prefix`` except what lies under a ``keep`` prefix."""
    if not re.fullmatch(r"videos/[0-9a-f]{32}/([a-z0-9]+/)*", prefix):
        raise ValueError(f"Refusing to delete under {prefix!r}")
    keys = (item["Key"] for item in list_objects(storage, prefix))
    return delete_keys(storage, (key for key in keys if not key.startswith(tuple(keep))))
