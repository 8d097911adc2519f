"""cms.storage.MediaStorage: a spooled upload goes to S3 from its temporary file, headers as usual."""

import os

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import TemporaryUploadedFile

import pytest
from storages.backends.s3 import S3Storage


def test_a_spooled_upload_is_sent_from_its_temporary_file(bucket, monkeypatch):
    monkeypatch.setattr(S3Storage, "_save", lambda *args: pytest.fail("sent as a file object"))
    data = os.urandom(12 * 1024 * 1024)  # more than one 8 MiB part
    upload = TemporaryUploadedFile("clip.mp4", "video/mp4", len(data), None)
    upload.file.write(data)

    name = default_storage.save("smoke/spooled.mp4", upload)

    head = bucket.client.head_object(Bucket=bucket.name, Key=name)
    assert (head["ContentType"], head["CacheControl"]) == ("video/mp4", "private, max-age=600")
    assert bucket.read(name) == data
    default_storage.delete(name)
