"""The processing pipeline with real FFmpeg and the suite's S3: ladder, MP4, poster, failures, kills, outages."""

import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from wagtail.images.models import Image
from wagtail.models import Collection

import pytest
from storages.backends.s3 import S3Storage

from cms.embedded_s3 import EmbeddedS3, ensure_bucket, free_port
from media_hub import processing, tasks
from media_hub.bucket import StorageUnavailable
from media_hub.models import Video, video_upload_to
from media_hub.processing import segments_of
from media_hub.tasks import claim, enqueue_processing, process_video, requeue_stale_videos
from tests.conftest import Bucket, make_clip
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def hd_clip(tmp_path_factory):
    """2 s at 1280x720: a ladder of two rungs, the MP4 from the 720p one."""
    return make_clip(tmp_path_factory.mktemp("hd") / "hd.mp4", seconds=2, size="1280x720")


def make_video(bucket, content, filename="clip.mp4", **fields):
    """A video row whose source was put in S3 behind Django's back, as any upload path leaves it."""
    fields = {"title": "Op de boerderij", "collection": Collection.get_first_root_node(), **fields}
    video = Video(**fields)
    video.file.name = video_upload_to(video, filename)
    body = content.read_bytes() if isinstance(content, Path) else content
    bucket.client.put_object(Bucket=bucket.name, Key=video.file.name, Body=body)
    video.save()
    return video


def prefix(video, *parts):
    return "/".join([f"videos/{video.key.hex}", *parts]) + "/"


def top_level_atoms(data):
    atoms, offset = [], 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if size == 1:
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        atoms.append(kind.decode("latin-1"))
        offset += size or len(data)
    return atoms


def assert_one_attempt(video, bucket, attempt):
    """Exactly the source and this attempt's outputs, every listed segment present, nothing else."""
    keys = bucket.keys(prefix(video))
    outputs = {key for key in keys if key != video.file.name}
    assert outputs and all(
        key.startswith((prefix(video, "hls", str(attempt)), prefix(video, "mp4", str(attempt))))
        for key in outputs
    )
    for rung in video.renditions:
        folder = rung["playlist"].rsplit("/", 1)[0]
        listed = {f"{folder}/{uri}" for _, uri in segments_of(bucket.read(rung["playlist"]).decode())}
        assert listed == {key for key in keys if key.startswith(folder + "/") and key.endswith(".ts")}


# --- The ladder ---------------------------------------------------------------


@pytest.mark.parametrize(
    "height, rungs",
    [
        (2160, [360, 720, 1080]),
        (1080, [360, 720, 1080]),
        (720, [360, 720]),
        (480, [360]),
        (180, [180]),
        (91, [90]),
    ],
)
def test_the_ladder_goes_up_to_the_source_and_always_has_a_rung(height, rungs):
    assert processing.plan_ladder(height) == rungs


def test_the_bundled_ffmpeg_has_an_h264_encoder():
    assert processing.h264_encoder() in {"libx264", "libopenh264"}


@pytest.mark.django_db
def test_processing_makes_a_playable_ladder_a_faststart_mp4_and_a_poster(bucket, hd_clip):
    video = make_video(bucket, hd_clip, status=Video.Status.QUEUED)

    assert process_video.call(video.pk) == "ready"

    video.refresh_from_db()
    assert (video.status, video.progress, video.attempts, video.status_message) == ("ready", 100, 1, "")
    assert (video.width, video.height, round(video.duration), video.video_codec, video.audio_codec) == (
        1280,
        720,
        2,
        "h264",
        "aac",
    )
    assert [(rung["height"], rung["width"]) for rung in video.renditions] == [(360, 640), (720, 1280)]
    assert video.hls_playlist == prefix(video, "hls", "1") + "master.m3u8"
    assert video.mp4_file == prefix(video, "mp4", "1") + "video.mp4"

    master = bucket.read(video.hls_playlist).decode()
    variants = [line for line in master.splitlines() if line.startswith("#EXT-X-STREAM-INF:")]
    assert len(variants) == 2
    assert 'RESOLUTION=1280x720,CODECS="avc1.64' in master and "mp4a.40.2" in master
    assert all("BANDWIDTH=" in line for line in variants)
    assert_one_attempt(video, bucket, 1)

    mp4 = bucket.read(video.mp4_file)
    atoms = top_level_atoms(mp4)
    assert atoms.index("moov") < atoms.index("mdat"), atoms

    poster = video.poster
    assert video.poster_is_generated and poster.title == "Op de boerderij (stilstaand beeld)"
    assert poster.collection == video.collection and (poster.width, poster.height) == (1280, 720)


@pytest.mark.django_db
def test_a_video_without_sound_gets_a_ladder_without_audio(bucket, tmp_path):
    silent = make_clip(tmp_path / "silent.mp4", size="320x180", audio=False)
    video = make_video(bucket, silent)

    process_video.call(video.pk)

    video.refresh_from_db()
    assert video.status == "ready" and video.audio_codec == ""
    assert "mp4a" not in bucket.read(video.hls_playlist).decode()


@pytest.mark.django_db
def test_without_libx264_openh264_makes_the_ladder(bucket, media_clips, monkeypatch):
    monkeypatch.setattr(processing, "h264_encoder", lambda: "libopenh264")
    video = make_video(bucket, media_clips.mp4)

    process_video.call(video.pk)

    video.refresh_from_db()
    assert video.status == "ready", video.status_message
    assert top_level_atoms(bucket.read(video.mp4_file)).index("moov") == 1


@pytest.mark.django_db
def test_an_upload_through_the_form_is_queued_then_processed(
    post_video_form, media_clips, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = post_video_form("Melkveehouder.mp4", media_clips.mp4)
    assert response.status_code == 302
    video = Video.objects.get()
    assert (video.status, video.duration is not None, video.hls_playlist) == ("queued", True, "")

    for callback in callbacks:
        callback()

    video.refresh_from_db()
    assert video.status == "ready" and video.hls_playlist and video.poster_is_generated


# --- Files that are not videos ------------------------------------------------


def tall_clip(tmp_path):
    return make_clip(tmp_path / "tall.mp4", seconds=1, size="16x9000", audio=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, message",
    [
        (lambda clips, tmp: b"", "Het bestand is leeg."),
        (
            lambda clips, tmp: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" * 50,
            "Dit bestand is geen leesbare video.",
        ),
        (lambda clips, tmp: clips.truncated, "Het einde van de video ontbreekt; is het bestand compleet?"),
        (lambda clips, tmp: clips.audio_only, "Dit bestand bevat geen videobeeld."),
        (lambda clips, tmp: tall_clip(tmp), "Het beeld is 16×9000 pixels; het maximum is 8192."),
    ],
    ids=["zero-bytes", "renamed-pdf", "truncated-mp4", "audio-only", "16x9000"],
)
def test_a_file_that_is_not_a_video_fails_clearly_and_leaves_nothing(
    bucket, media_clips, tmp_path, content, message
):
    video = make_video(bucket, content(media_clips, tmp_path))

    assert process_video.call(video.pk) == "failed"

    video.refresh_from_db()
    assert (video.status, video.status_message) == ("failed", message)
    assert video.file.name == "" and video.hls_playlist == "" and video.poster is None
    assert bucket.keys(prefix(video)) == set(), "the source of a refused file is deleted"
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_missing_source_fails_clearly(bucket, media_clips):
    video = make_video(bucket, media_clips.mp4)
    bucket.client.delete_object(Bucket=bucket.name, Key=video.file.name)

    process_video.call(video.pk)

    video.refresh_from_db()
    assert (video.status, video.status_message) == ("failed", processing.SourceMissing.message)


@pytest.mark.django_db
def test_an_ffmpeg_error_fails_with_its_message_and_keeps_the_source_for_a_retry(
    bucket, media_clips, monkeypatch
):
    video = make_video(bucket, media_clips.mp4)
    monkeypatch.setattr(processing, "ladder_filter", lambda heights: "[0:v:0]geen_filter[v90]")

    assert process_video.call(video.pk) == "failed"

    video.refresh_from_db()
    assert video.status == "failed" and video.status_message.startswith("FFmpeg kon de video niet omzetten: ")
    assert "geen_filter" in video.status_message
    assert bucket.keys(prefix(video)) == {video.file.name}


@pytest.mark.django_db
def test_an_unexpected_error_fails_the_video_and_reaches_the_task_result(bucket, media_clips, monkeypatch):
    video = make_video(bucket, media_clips.mp4)
    monkeypatch.setattr(processing, "plan_ladder", lambda height: 1 / 0)

    with pytest.raises(ZeroDivisionError):
        process_video.call(video.pk)

    video.refresh_from_db()
    assert (video.status, video.status_message) == ("failed", tasks.UNEXPECTED)
    assert bucket.keys(prefix(video)) == {video.file.name}


@pytest.mark.django_db
def test_a_stopped_worker_hands_the_video_back_for_the_next_sweep(bucket, media_clips, monkeypatch):
    video = make_video(bucket, media_clips.mp4)

    def stopped(height):
        raise KeyboardInterrupt  # what db_worker's second SIGTERM amounts to

    with monkeypatch.context() as patch:
        patch.setattr(processing, "plan_ladder", stopped)
        with pytest.raises(KeyboardInterrupt):
            process_video.call(video.pk)
    assert Video.objects.values_list("status", "heartbeat_at").get(pk=video.pk) == ("queued", None)

    assert requeue_stale_videos() == [video.pk]
    assert Video.objects.get(pk=video.pk).status == "ready"


# --- Claims, double delivery, re-processing -----------------------------------


@pytest.mark.django_db
def test_a_video_is_claimed_once_until_its_heartbeat_goes_stale(bucket, media_clips):
    video = make_video(bucket, media_clips.mp4)

    assert claim(video.pk) == 1
    assert claim(video.pk) is None, "a second delivery while the first attempt lives"
    Video.objects.filter(pk=video.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=6))
    assert claim(video.pk) == 2

    with pytest.raises(tasks.LostClaim):
        tasks.Heartbeat(video.pk, 1)(50)
    tasks.Heartbeat(video.pk, 2)(50)
    assert Video.objects.get(pk=video.pk).progress == 50


@pytest.mark.django_db
def test_a_second_delivery_of_a_finished_job_changes_nothing(bucket, media_clips):
    video = make_video(bucket, media_clips.mp4)
    process_video.call(video.pk)
    before = Video.objects.values().get(pk=video.pk)

    assert process_video.call(video.pk) == "skipped"

    assert Video.objects.values().get(pk=video.pk) == before


@pytest.mark.django_db
def test_an_attempt_that_lost_its_claim_removes_its_own_outputs(bucket, media_clips, monkeypatch):
    video = make_video(bucket, media_clips.mp4)
    real_switch = tasks.switch_to

    def requeued_meanwhile(video, attempt, outputs):
        Video.objects.filter(pk=video.pk).update(attempts=F("attempts") + 1)
        real_switch(video, attempt, outputs)

    monkeypatch.setattr(tasks, "switch_to", requeued_meanwhile)

    assert process_video.call(video.pk) == "superseded"

    assert bucket.keys(prefix(video)) == {video.file.name}
    assert Video.objects.get(pk=video.pk).hls_playlist == ""
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_reprocessing_switches_outputs_and_replaces_only_a_generated_poster(
    bucket, media_clips, django_capture_on_commit_callbacks
):
    video = make_video(bucket, media_clips.mp4)
    process_video.call(video.pk)
    first_poster = Video.objects.get(pk=video.pk).poster

    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(video)

    video.refresh_from_db()
    assert (video.status, video.attempts) == ("ready", 2), video.status_message
    assert_one_attempt(video, bucket, 2)
    assert video.poster != first_poster and not Image.objects.filter(pk=first_poster.pk).exists()

    Video.objects.filter(pk=video.pk).update(poster_is_generated=False)  # as the edit form does
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(video)
    assert Video.objects.get(pk=video.pk).poster == video.poster
    assert Image.objects.count() == 1


# --- A killed worker ----------------------------------------------------------

KILLABLE_WORKER = """
import os, signal, subprocess, sys, time
import django
django.setup()
from media_hub import tasks

video_id, stop_at, marker = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
children = []
real_popen = subprocess.Popen

class RecordingPopen(real_popen):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        children.append(self.pid)

subprocess.Popen = RecordingPopen
real_beat = tasks.Heartbeat.__call__

def beat_then_freeze(self, percent):
    real_beat(self, percent)
    if percent >= stop_at:
        ffmpeg = children[-1] if children and stop_at < 90 else 0
        if ffmpeg:
            os.kill(ffmpeg, signal.SIGSTOP)  # FFmpeg is surely mid-encode when the kill lands
        open(marker, "w").write(f"{os.getpid()} {ffmpeg}")
        time.sleep(600)

tasks.Heartbeat.__call__ = beat_then_freeze
tasks.process_video.call(video_id)
"""


@contextmanager
def database_for_a_second_process(tmp_path):
    """The test database, reachable by a worker process: itself on PostgreSQL, a copy on in-memory SQLite."""
    if connection.vendor != "sqlite":
        db = connection.settings_dict
        yield f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        return
    path = tmp_path / "worker.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    yield f"sqlite:///{path}"
    copy = sqlite3.connect(path)
    copy.backup(connection.connection)
    copy.close()


def run_and_kill_worker(video, database_url, stop_at, tmp_path):
    """Start a worker on ``video``, wait until it reports ``stop_at`` percent, then SIGKILL it and its FFmpeg."""
    marker = tmp_path / f"worker-{stop_at}.pid"
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    worker = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_WORKER, str(video.pk), str(stop_at), str(marker)],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists() or not marker.read_text():
        assert worker.poll() is None and time.monotonic() < deadline, "the worker ended before the kill"
        time.sleep(0.1)
    ffmpeg_pid = int(marker.read_text().split()[1])
    if ffmpeg_pid:
        assert process_state(ffmpeg_pid) == "T", "FFmpeg should be alive (stopped) at the kill"
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(10)
    return ffmpeg_pid


def process_state(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("stop_at", [10, 95], ids=["during-ffmpeg", "during-upload"])
def test_a_killed_worker_is_picked_up_again_and_ends_ready_without_duplicates(
    bucket, hd_clip, tmp_path, stop_at
):
    video = make_video(bucket, hd_clip)

    with database_for_a_second_process(tmp_path) as database_url:
        ffmpeg_pid = run_and_kill_worker(video, database_url, stop_at, tmp_path)

    if ffmpeg_pid:
        assert process_state(ffmpeg_pid) in (None, "Z"), "FFmpeg outlived the kill"
    video.refresh_from_db()
    assert (video.status, video.attempts, video.hls_playlist) == ("processing", 1, "")
    if stop_at > 90:
        assert bucket.keys(prefix(video, "hls", "1")), "the killed attempt had begun uploading"

    assert requeue_stale_videos() == [], "a fresh heartbeat is left alone"
    Video.objects.filter(pk=video.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=6))
    call_command("requeue_stale_videos", stdout=open(os.devnull, "w"))

    video.refresh_from_db()
    assert (video.status, video.attempts) == ("ready", 2), video.status_message
    assert_one_attempt(video, bucket, 2)
    assert Image.objects.count() == 1


# --- Storage going away -------------------------------------------------------


class OutageBucket(Bucket):
    def __init__(self, server):
        self.name, self.endpoint_url, self.client = "outage", server.endpoint_url, server.client()


@pytest.fixture
def private_s3(tmp_path, monkeypatch):
    """A second SeaweedFS that the test may stop and start; the video field's storage points at it."""
    server = EmbeddedS3(
        tmp_path / "s3",
        settings.AWS_ACCESS_KEY_ID,
        settings.AWS_SECRET_ACCESS_KEY,
        s3_port=free_port(),
        log_file=tmp_path / "weed.log",
    ).start()
    ensure_bucket(server.client(), "outage")
    options = {
        **settings.STORAGES["default"]["OPTIONS"],
        "endpoint_url": server.endpoint_url,
        "bucket_name": "outage",
    }
    monkeypatch.setattr(Video._meta.get_field("file"), "storage", S3Storage(**options))
    yield server
    server.stop()


def wait_until_writable(bucket, timeout=60):
    """A restarted SeaweedFS lists buckets before its volume server takes writes again."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return bucket.client.put_object(Bucket=bucket.name, Key="health/write", Body=b"")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.django_db
def test_storage_going_away_mid_job_fails_clearly_and_a_retry_ends_ready(
    private_s3, media_clips, monkeypatch, django_capture_on_commit_callbacks
):
    bucket = OutageBucket(private_s3)
    video = make_video(bucket, media_clips.mp4)
    real_download = processing.download_source

    def download_then_lose_storage(*args):
        path = real_download(*args)
        private_s3.stop()
        return path

    monkeypatch.setattr(processing, "download_source", download_then_lose_storage)
    assert process_video.call(video.pk) == "failed"

    video.refresh_from_db()
    assert (video.status, video.status_message) == ("failed", StorageUnavailable.message)
    assert video.file.name and not Image.objects.exists()

    monkeypatch.setattr(processing, "download_source", real_download)
    private_s3.start()
    wait_until_writable(bucket)
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(video)

    video.refresh_from_db()
    assert (video.status, video.attempts) == ("ready", 2), video.status_message
    assert_one_attempt(video, bucket, 2)


# --- Recovery and sweeping ----------------------------------------------------


@pytest.mark.django_db
def test_a_queued_video_whose_task_was_lost_is_queued_again(bucket, media_clips):
    video = make_video(bucket, media_clips.mp4)  # QUEUED, but no task was ever enqueued
    Video.objects.filter(pk=video.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=10))

    assert requeue_stale_videos() == [video.pk]

    assert Video.objects.get(pk=video.pk).status == "ready"


@pytest.mark.django_db
def test_a_task_waiting_in_the_database_queue_is_not_enqueued_twice(
    bucket, media_clips, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "video"]}
    }
    video = make_video(bucket, media_clips.mp4)
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(video)
    Video.objects.filter(pk=video.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=10))

    assert tasks.pending_video_ids() == [video.pk]
    assert requeue_stale_videos() == []


def poster_jpeg(folder):
    from PIL import Image as Picture

    Picture.new("RGB", (64, 36), "green").save(folder / "still.jpg")
    return folder / "still.jpg"


@pytest.mark.django_db
def test_the_sweep_removes_what_no_row_uses_and_keeps_the_rest(bucket, media_clips, tmp_path):
    video = make_video(bucket, media_clips.mp4)
    process_video.call(video.pk)
    video.refresh_from_db()
    kept = bucket.keys(prefix(video))
    gone_video = "videos/" + "0" * 32 + "/hls/1/seg_00000.ts"
    dead_attempt = prefix(video, "hls", "7") + "seg_00000.ts"
    for key in (gone_video, dead_attempt):
        bucket.client.put_object(Bucket=bucket.name, Key=key, Body=b"x")

    call_command("requeue_stale_videos", "--grace-minutes", "60", stdout=open(os.devnull, "w"))
    assert {gone_video, dead_attempt} <= bucket.keys("videos/"), (
        "young objects may belong to an upload in flight"
    )

    stray_poster = processing.save_poster(video, poster_jpeg(tmp_path))
    Image.objects.filter(pk=stray_poster.pk).update(created_at=timezone.now() - timedelta(minutes=1))

    call_command("requeue_stale_videos", "--grace-minutes", "0", stdout=open(os.devnull, "w"))
    assert not {gone_video, dead_attempt} & bucket.keys("videos/")
    assert bucket.keys(prefix(video)) == kept
    assert list(Image.objects.all()) == [video.poster], "a still no video shows is swept, the shown one kept"


# --- Deleting and replacing ---------------------------------------------------


@pytest.mark.django_db
def test_deleting_a_video_removes_all_its_files_and_its_generated_poster(
    bucket, media_clips, django_capture_on_commit_callbacks
):
    video = make_video(bucket, media_clips.mp4)
    process_video.call(video.pk)
    video.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        video.delete()

    assert bucket.keys(prefix(video)) == set()
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_replacing_the_file_removes_the_old_source_and_outputs_then_processes_again(
    bucket, media_clips, post_video_form, django_capture_on_commit_callbacks
):
    video = make_video(bucket, media_clips.mp4, title="Oud")
    process_video.call(video.pk)
    video.refresh_from_db()
    old_source = video.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = post_video_form(
            "nieuw.mp4",
            media_clips.mp4_wide,
            url=reverse("media_hub_video:edit", args=[video.pk]),
            title="Nieuw",
        )

    assert response.status_code == 302
    video.refresh_from_db()
    assert video.file.name != old_source and old_source not in bucket.keys(prefix(video))
    assert (video.status, video.attempts, video.width, video.title) == ("ready", 2, 320, "Nieuw")
    assert_one_attempt(video, bucket, 2)


# --- The admin ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_listing_shows_progress_and_reasons_and_offers_a_retry(admin_client, bucket, media_clips):
    make_video(bucket, media_clips.mp4, title="Bezig", status=Video.Status.PROCESSING, progress=42)
    failed = make_video(
        bucket,
        media_clips.mp4,
        title="Kapot",
        status=Video.Status.FAILED,
        status_message=StorageUnavailable.message,
    )

    html = admin_client.get(reverse("media_hub_video:index")).content.decode()

    assert "Wordt verwerkt (42%)" in html
    assert f"Mislukt: {StorageUnavailable.message}" in html
    assert html.count("Opnieuw verwerken") == 1
    assert reverse("media_hub_video:reprocess", args=[failed.pk]) in html


@pytest.mark.django_db
def test_the_retry_action_processes_a_failed_video_again(
    admin_client, bucket, media_clips, django_capture_on_commit_callbacks
):
    video = make_video(bucket, media_clips.mp4, status=Video.Status.FAILED, status_message="Mislukt")
    url = reverse("media_hub_video:reprocess", args=[video.pk])

    assert admin_client.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url)

    assert response.status_code == 302
    assert Video.objects.get(pk=video.pk).status == "ready"


@pytest.mark.django_db
def test_the_retry_action_needs_the_change_permission_and_a_csrf_token(
    client, bucket, media_clips, admin_user
):
    from django.contrib.auth.models import Permission
    from django.test import Client

    video = make_video(bucket, media_clips.mp4, status=Video.Status.FAILED)
    url = reverse("media_hub_video:reprocess", args=[video.pk])
    visitor = UserFactory()
    visitor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(visitor)
    refused = client.post(url)
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home")), (
        "Wagtail's refusal"
    )

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    assert strict.post(url).status_code == 403
    assert Video.objects.get(pk=video.pk).status == "failed"
