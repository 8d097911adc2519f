"""Uploading through the video library's admin form, byte for byte as a browser sends it."""

import base64
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from wagtail.models import Collection

import pytest
from storages.backends.s3 import S3Storage

from cms.embedded_s3 import free_port
from media_hub.models import Video

BOUNDARY = "----korteketen-test-boundary"


def multipart(fields, files):
    """A multipart body that keeps file names exactly as given; Django's test client strips their folders."""
    parts = [(f'form-data; name="{name}"', None, str(value).encode()) for name, value in fields.items()]
    parts += [
        (f'form-data; name="{name}"; filename="{filename}"', "application/octet-stream", content)
        for name, (filename, content) in files.items()
    ]
    body = b""
    for disposition, content_type, content in parts:
        body += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n".encode()
        if content_type:
            body += f"Content-Type: {content_type}\r\n".encode()
        body += b"\r\n" + content + b"\r\n"
    return body + f"--{BOUNDARY}--\r\n".encode()


@pytest.fixture
def post_video_form(admin_client):
    """POST the add (or, with ``url``, the edit) form; ``content`` is bytes or a path."""

    def post(filename=None, content=b"", *, url=None, client=admin_client, **fields):
        data = {"title": "", "collection": Collection.get_first_root_node().pk, "poster": "", **fields}
        files = {}
        if filename is not None:
            files["file"] = (filename, content.read_bytes() if isinstance(content, Path) else content)
        return client.post(
            url or reverse("media_hub_video:add"),
            multipart(data, files),
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
        )

    return post


@pytest.fixture
def unreachable_storage(monkeypatch):
    """The video field's storage points at a port nobody listens on, for this test only."""
    options = {**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": f"http://127.0.0.1:{free_port()}"}
    storage = S3Storage(**options)
    monkeypatch.setattr(Video._meta.get_field("file"), "storage", storage)
    return storage


@pytest.fixture
def refusing_storage(monkeypatch):
    """S3 answers but refuses every upload: each PUT carries a checksum that cannot match its bytes."""
    wrong_checksum = base64.b64encode(bytes(32)).decode()
    options = {
        **settings.STORAGES["default"]["OPTIONS"],
        "object_parameters": {"ChecksumSHA256": wrong_checksum},
    }
    storage = S3Storage(**options)
    monkeypatch.setattr(Video._meta.get_field("file"), "storage", storage)
    return storage
