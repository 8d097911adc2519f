"""Resumable direct-to-S3 uploads: the real SeaweedFS, real FFmpeg clips, the admin's JSON endpoints."""

import json
import subprocess
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission

import imageio_ffmpeg
import pytest
import requests
from storages.backends.s3 import S3Storage

from cms.embedded_s3 import free_port
from media_hub.models import Video, VideoUpload
from media_hub.probe import probe_video
from media_hub.tasks import process_video
from media_hub.uploads import service
from tests.factories import CollectionFactory, SuperUserFactory, UserFactory

MIB = 1024 * 1024
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"0" * 4000 + b"\n%%EOF\n"


def make_noise_clip(path, seconds=2):
    """~11 MB of H.264 noise with AAC: large enough for three 5 MiB parts, small enough to be quick."""
    source = f"color=size=640x360:rate=25:duration={seconds},noise=alls=100:allf=t"
    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    cmd += ["-f", "lavfi", "-i", source, "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    cmd += ["-c:v", "libx264", "-crf", "15", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]
    subprocess.run([*cmd, "-shortest", "-movflags", "+faststart", str(path)], check=True, timeout=120)
    return path


@pytest.fixture(scope="session")
def noise_clip(tmp_path_factory):
    return make_noise_clip(tmp_path_factory.mktemp("uploads") / "noise.mp4")


@pytest.fixture
def upload_settings(settings):
    settings.VIDEO_UPLOAD_PART_SIZE = 5 * MIB  # S3's minimum, so a small clip makes several parts
    settings.VIDEO_MAX_UPLOAD_SIZE = 100 * MIB
    return settings


class Uploader:
    """Talks to the endpoints as video-upload.js does: JSON to Django, the bytes straight to S3."""

    def __init__(self, client):
        self.client = client

    def post(self, name, pk=None, data=None):
        url = reverse(f"media_hub_upload:{name}", args=[pk] if pk else [])
        return self.client.post(url, json.dumps(data or {}), content_type="application/json")

    def start(self, filename, size, collection=None, **extra):
        collection = collection or Collection.get_first_root_node()
        return self.post(
            "start", data={"filename": filename, "size": size, "collection": collection.pk, **extra}
        )

    def sign(self, pk, parts):
        return self.post("sign", pk, {"parts": parts})

    def status(self, pk):
        return self.client.get(reverse("media_hub_upload:status", args=[pk]))

    def put_parts(self, upload, path, parts):
        urls = self.sign(upload["id"], parts).json()["urls"]
        with open(path, "rb") as source:
            for part in parts:
                source.seek((part - 1) * upload["part_size"])
                response = requests.put(urls[str(part)], data=source.read(upload["part_size"]), timeout=30)
                assert response.status_code == 200, response.text

    def upload_all(self, path, filename, size=None):
        upload = self.start(filename, size or path.stat().st_size).json()
        self.put_parts(upload, path, list(range(1, upload["part_count"] + 1)))
        return upload, self.post("complete", upload["id"])


@pytest.fixture
def uploader(admin_client, upload_settings):
    return Uploader(admin_client)


def multipart_upload_ids(bucket):
    listing = bucket.client.list_multipart_uploads(Bucket=bucket.name, Prefix="videos/")
    return {item["UploadId"] for item in listing.get("Uploads", [])}


def editor_with_add_right_on(collection):
    group = Group.objects.create(name=f"Redactie {collection.name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=group, collection=collection, permission=Permission.objects.get(codename="add_video")
    )
    editor = UserFactory()
    editor.groups.add(group)
    return editor


def test_start_names_the_upload_like_a_video(uploader, bucket):
    response = uploader.start("Ëénhoorn café (1).mp4", 12 * MIB)

    assert response.status_code == 201
    body = response.json()
    assert (body["part_size"], body["part_count"]) == (5 * MIB, 3)
    upload = VideoUpload.objects.get(pk=body["id"])
    assert upload.title == "Ëénhoorn café (1)"
    assert upload.object_key == f"videos/{upload.key.hex}/source/eenhoorn-cafe-1.mp4"
    assert upload.upload_id in multipart_upload_ids(bucket)
    uploader.post("abort", upload.pk)


def test_part_size_keeps_parts_large_and_under_s3s_limit(settings):
    settings.VIDEO_UPLOAD_PART_SIZE = 8 * MIB
    assert service.part_size_for(4 * 1024**3) == 8 * MIB
    huge = 200 * 1024**3
    assert service.part_size_for(huge) % MIB == 0
    assert -(-huge // service.part_size_for(huge)) <= service.MAX_PARTS


def test_dropped_upload_resumes_and_becomes_a_queued_video(
    uploader, admin_user, noise_clip, bucket, django_capture_on_commit_callbacks
):
    upload = uploader.start("Aflevering 1.mp4", noise_clip.stat().st_size, title="Aflevering één").json()
    uploader.put_parts(upload, noise_clip, [1])  # … and then the office connection drops

    status = uploader.status(upload["id"]).json()
    assert [(part["number"], part["size"]) for part in status["parts"]] == [(1, 5 * MIB)]
    early = uploader.post("complete", upload["id"])
    assert early.status_code == 409 and "deel 2" in early.json()["error"]

    uploader.put_parts(upload, noise_clip, [2, 3])
    with django_capture_on_commit_callbacks() as callbacks:
        response = uploader.post("complete", upload["id"])

    assert response.status_code == 200, response.content
    video = Video.objects.get(pk=response.json()["video_id"])
    assert response.json()["edit_url"] == reverse("media_hub_video:edit", args=[video.pk])
    row = VideoUpload.objects.get(pk=upload["id"])
    assert (row.status, row.video, video.key) == (VideoUpload.Status.COMPLETED, video, row.key)
    assert (video.title, video.original_filename) == ("Aflevering één", "Aflevering 1.mp4")
    assert (video.file.name, video.file_size) == (row.object_key, noise_clip.stat().st_size)
    assert (video.width, video.height, video.video_codec) == (640, 360, "h264")
    assert (video.status, video.uploaded_by_user) == (Video.Status.QUEUED, admin_user)
    assert any(getattr(c, "func", None) == process_video.enqueue and c.args == (video.pk,) for c in callbacks)
    assert bucket.keys(f"videos/{video.key.hex}/") == {row.object_key}
    assert bucket.read(row.object_key) == noise_clip.read_bytes()
    assert row.upload_id not in multipart_upload_ids(bucket)
    assert probe_video(video.file.url).duration == pytest.approx(2, abs=0.2)


def test_renamed_pdf_is_refused_at_complete_and_removed(uploader, tmp_path, bucket):
    fake = tmp_path / "verslag.mp4"
    fake.write_bytes(PDF_BYTES)

    upload, response = uploader.upload_all(fake, "verslag.mp4")

    assert response.status_code == 400
    assert response.json()["error"] == "Dit bestand is geen leesbare video."
    row = VideoUpload.objects.get(pk=upload["id"])
    assert (row.status, row.status_message) == (
        VideoUpload.Status.FAILED,
        "Dit bestand is geen leesbare video.",
    )
    assert bucket.keys(f"videos/{row.key.hex}/") == set()
    assert not Video.objects.exists()


def test_size_other_than_declared_is_refused(uploader, media_clips, bucket):
    real_size = media_clips.mp4.stat().st_size

    upload, response = uploader.upload_all(media_clips.mp4, "clip.mp4", size=real_size + 1000)

    assert response.status_code == 400
    assert "aangekondigde" in response.json()["error"]
    assert bucket.keys(f"videos/{VideoUpload.objects.get(pk=upload['id']).key.hex}/") == set()
    assert not Video.objects.exists()


@pytest.mark.parametrize(
    "filename, size, message",
    [
        ("notities.pdf", 1000, "pdf"),
        ("zonder-extensie", 1000, "kunnen niet"),
        ("leeg.mp4", 0, "leeg"),
        ("te-groot.mp4", 101 * MIB, "het maximum is 100,0\xa0MB"),
    ],
)
def test_start_refuses_what_cannot_be_a_video(uploader, filename, size, message):
    response = uploader.start(filename, size)

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not VideoUpload.objects.exists()


def test_only_the_owner_can_touch_an_upload(uploader, upload_settings, bucket):
    upload = uploader.start("clip.mp4", 6 * MIB).json()
    other = Uploader(Client())
    other.client.force_login(SuperUserFactory())

    assert other.sign(upload["id"], [1]).status_code == 404
    assert other.status(upload["id"]).status_code == 404
    assert other.post("complete", upload["id"]).status_code == 404
    assert other.post("abort", upload["id"]).status_code == 404
    assert VideoUpload.objects.get(pk=upload["id"]).status == VideoUpload.Status.OPEN
    uploader.post("abort", upload["id"])


def test_editor_starts_only_in_collections_they_may_add_to(db, client, upload_settings):
    gelderland = CollectionFactory(name="Gelderland")
    client.force_login(editor_with_add_right_on(gelderland))
    editor = Uploader(client)

    refused = editor.start("clip.mp4", MIB, collection=Collection.get_first_root_node())
    allowed = editor.start("clip.mp4", MIB, collection=gelderland)

    assert refused.status_code == 400
    assert refused.json()["error"] == "Je mag geen video's toevoegen aan deze collectie."
    assert allowed.status_code == 201
    editor.post("abort", allowed.json()["id"])


def test_user_without_add_right_is_turned_away(db, client, upload_settings):
    viewer = UserFactory()
    group = Group.objects.create(name="Alleen kijken")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer.groups.add(group)
    client.force_login(viewer)

    assert Uploader(client).start("clip.mp4", MIB).status_code == 403
    assert client.get(reverse("media_hub_upload:page")).status_code == 302


def test_abort_leaves_no_object_and_no_multipart_upload(uploader, noise_clip, bucket):
    upload = uploader.start("clip.mp4", noise_clip.stat().st_size).json()
    uploader.put_parts(upload, noise_clip, [1])
    row = VideoUpload.objects.get(pk=upload["id"])

    response = uploader.post("abort", upload["id"])

    assert response.status_code == 200 and response.json()["status"] == "aborted"
    assert row.upload_id not in multipart_upload_ids(bucket)
    assert bucket.keys(f"videos/{row.key.hex}/") == set()
    assert uploader.sign(upload["id"], [2]).status_code == 410


def test_sign_hands_out_only_existing_parts(uploader):
    upload = uploader.start("clip.mp4", 12 * MIB).json()

    signed = uploader.sign(upload["id"], [3, 1])
    assert signed.status_code == 200
    assert set(signed.json()["urls"]) == {"1", "3"}
    assert "X-Amz-Expires=900" in signed.json()["urls"]["1"]
    for bad in ([0], [4], ["1"], [], list(range(1, 102))):
        assert uploader.sign(upload["id"], bad).status_code == 400
    uploader.post("abort", upload["id"])


def test_posts_need_the_csrf_token(admin_user, upload_settings):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    assert Uploader(client).start("clip.mp4", MIB).status_code == 403
    assert not VideoUpload.objects.exists()


def test_stale_uploads_are_aborted(uploader, bucket):
    stale = uploader.start("oud.mp4", MIB).json()
    fresh = uploader.start("nieuw.mp4", MIB).json()
    VideoUpload.objects.filter(pk=stale["id"]).update(
        created_at=VideoUpload.objects.get(pk=stale["id"]).created_at - timedelta(days=2)
    )
    orphan = bucket.client.create_multipart_upload(Bucket=bucket.name, Key="videos/verweesd/source/x.mp4")

    call_command("abort_stale_uploads")

    assert VideoUpload.objects.get(pk=stale["id"]).status == VideoUpload.Status.ABORTED
    assert VideoUpload.objects.get(pk=fresh["id"]).status == VideoUpload.Status.OPEN
    assert orphan["UploadId"] in multipart_upload_ids(bucket)

    call_command("abort_stale_uploads", hours=0)

    assert not multipart_upload_ids(bucket)


def test_upload_page_is_linked_from_the_video_listing(admin_client):
    page_url = reverse("media_hub_upload:page")

    listing = admin_client.get(reverse("media_hub_video:index"))
    page = admin_client.get(page_url)

    assert page_url in listing.content.decode()
    assert page.status_code == 200
    html = page.content.decode()
    assert "media_hub/js/video-upload.js" in html
    assert 'name="collection"' in html and 'role="status"' in html and "<progress" in html


def test_an_upload_s3_no_longer_knows_is_reported_as_expired(uploader, bucket):
    upload = uploader.start("clip.mp4", MIB).json()
    row = VideoUpload.objects.get(pk=upload["id"])
    bucket.client.abort_multipart_upload(Bucket=bucket.name, Key=row.object_key, UploadId=row.upload_id)

    response = uploader.status(upload["id"])

    assert response.status_code == 410 and "verlopen" in response.json()["error"]
    row.refresh_from_db()
    assert row.status == VideoUpload.Status.ABORTED


def test_unreachable_storage_answers_503_and_records_nothing(uploader, monkeypatch):
    options = {**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": f"http://127.0.0.1:{free_port()}"}
    monkeypatch.setattr(service, "default_storage", S3Storage(**options))

    response = uploader.start("clip.mp4", MIB)

    assert response.status_code == 503
    assert "opslag is nu niet bereikbaar" in response.json()["error"]
    assert not VideoUpload.objects.exists()
