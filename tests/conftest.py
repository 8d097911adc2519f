"""Shared fixtures: a site rooted at a HomePage, an admin client, real clips, the suite's bucket."""

import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.test import Client

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

import imageio_ffmpeg
import pytest
import requests

from cms.embedded_s3 import s3_client
from tests.factories import HomePageFactory, SuperUserFactory


@pytest.fixture
def home_page(db):
    """The default site's root is a HomePage; Wagtail's welcome page is gone."""
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Korte Keten", slug="korte-keten")
    site.root_page = home
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def admin_user(db):
    return SuperUserFactory()


@pytest.fixture
def admin_client(admin_user):
    """A client of its own, so a test's ``client`` fixture stays anonymous."""
    client = Client()
    client.force_login(admin_user)
    return client


def ffmpeg(*args):
    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *map(str, args)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def make_clip(path, seconds=2, size="160x90", audio=True, video=True):
    """An H.264/AAC MP4 with its index up front, made from FFmpeg's test sources."""
    inputs, codecs = [], []
    if video:
        inputs += ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"]
        codecs += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if audio:
        inputs += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
        codecs += ["-c:a", "aac"]
    ffmpeg(*inputs, *codecs, "-shortest", "-movflags", "+faststart", path)
    return Path(path)


@dataclass(frozen=True)
class Clips:
    mp4: Path  # 2 s, 160x90, H.264 + AAC
    mp4_wide: Path  # 3 s, 320x180: a different file to replace the first with
    audio_only: Path
    truncated: Path  # the first 30 % of ``mp4``


@pytest.fixture(scope="session")
def media_clips(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clips")
    mp4 = make_clip(folder / "clip.mp4")
    data = mp4.read_bytes()
    truncated = folder / "truncated.mp4"
    truncated.write_bytes(data[: len(data) * 30 // 100])
    return Clips(
        mp4=mp4,
        mp4_wide=make_clip(folder / "wide.mp4", seconds=3, size="320x180"),
        audio_only=make_clip(folder / "audio.mp4", video=False),
        truncated=truncated,
    )


class Bucket:
    """The suite's private bucket, read with boto3 behind Django's back."""

    def __init__(self):
        self.name = settings.AWS_STORAGE_BUCKET_NAME
        self.endpoint_url = settings.AWS_S3_ENDPOINT_URL
        self.client = s3_client(self.endpoint_url, settings.AWS_ACCESS_KEY_ID, settings.AWS_SECRET_ACCESS_KEY)

    def keys(self, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name, Prefix=prefix)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def unsigned_url(self, key):
        return f"{self.endpoint_url}/{self.name}/{key}"


@pytest.fixture(scope="session")
def bucket():
    return Bucket()


@pytest.fixture(scope="session")
def page_tree():
    """Wagtail's tree assertions (assertCanCreateAt …) for plain pytest tests; they need no database."""
    return WagtailPageTestCase()


@pytest.fixture(scope="session")
def requests_session():
    """Plain HTTP to the S3 server, as a browser would fetch a presigned URL; no proxy from the environment."""
    with requests.Session() as session:
        session.trust_env = False
        yield session
