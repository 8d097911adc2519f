"""Processing a one-minute 1080p clip: the pipeline versus the same FFmpeg command by hand.

Starts its own SeaweedFS and a throw-away SQLite database, so it touches nothing
of `make run`. Prints, from one run: the FFmpeg command alone (local files, no
S3), ``process_video`` (download from S3, probe, the same command, upload,
poster, switch), their ratio, and the time from the upload form's save to READY.

    .venv/bin/python bench/bench_processing.py [--seconds 60]
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cms.embedded_s3 import EmbeddedS3, ensure_bucket, free_port  # noqa: E402


def start_environment(folder):
    """SeaweedFS, a SQLite file and an in-process task backend, all set before Django reads its settings."""
    server = EmbeddedS3(
        folder / "s3", "bench", secrets.token_hex(16), s3_port=free_port(), log_file=folder / "weed.log"
    )
    server.start()
    ensure_bucket(server.client(), "bench")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        AWS_S3_ENDPOINT_URL=server.endpoint_url,
        AWS_ACCESS_KEY_ID=server.access_key,
        AWS_SECRET_ACCESS_KEY=server.secret_key,
        AWS_STORAGE_BUCKET_NAME="bench",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        LOG_LEVEL="WARNING",
    )
    return server


def make_clip(path, seconds):
    import imageio_ffmpeg

    sources = [
        f"testsrc2=size=1920x1080:rate=25:duration={seconds}",
        f"sine=frequency=440:duration={seconds}",
    ]
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    command += ["-f", "lavfi", "-i", sources[0], "-f", "lavfi", "-i", sources[1]]
    command += [
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-crf",
        "20",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-shortest",
    ]
    subprocess.run([*command, "-movflags", "+faststart", str(path)], check=True)
    return path


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def ffmpeg_by_hand(clip, folder):
    """The command ``process_video`` runs, on a local copy, with nothing around it."""
    from media_hub import processing
    from media_hub.probe import probe_video

    info = probe_video(clip)
    heights = processing.plan_ladder(info.height)
    for height in heights:
        (folder / "hls" / str(height)).mkdir(parents=True)
    (folder / "mp4").mkdir()
    command = processing.ffmpeg_command(clip, heights, info)
    seconds, _ = timed(lambda: subprocess.run(command, cwd=folder, check=True, capture_output=True))
    return seconds, heights


def upload_through_the_form(clip, user):
    """VideoForm as the admin uses it; the immediate backend runs the task at commit, so this ends READY."""
    from django.core.files.uploadedfile import TemporaryUploadedFile
    from django.db import transaction

    from wagtail.models import Collection

    from media_hub.forms import VideoForm

    upload = TemporaryUploadedFile(clip.name, "video/mp4", clip.stat().st_size, None)
    with clip.open("rb") as source:
        shutil.copyfileobj(source, upload)
    upload.seek(0)
    form = VideoForm(
        {"title": "Bench", "collection": Collection.get_first_root_node().pk}, {"file": upload}, for_user=user
    )
    assert form.is_valid(), form.errors
    with transaction.atomic():
        video = form.save()
    return video


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    seconds = parser.parse_args().seconds
    folder = Path(tempfile.mkdtemp(prefix="bench-processing-"))
    server = start_environment(folder)
    try:
        run(folder, seconds)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(folder, seconds):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from media_hub.models import Video
    from media_hub.tasks import process_video

    setup_seconds, _ = timed(call_command, "migrate", "--verbosity", "0")
    clip_seconds, clip = timed(make_clip, folder / "bench-1080p.mp4", seconds)
    print(
        f"set-up: migrations {setup_seconds:.1f} s; clip {seconds} s 1920x1080 H.264/AAC, "
        f"{clip.stat().st_size / 1e6:.1f} MB, made in {clip_seconds:.1f} s; {os.cpu_count()} CPUs"
    )

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", secrets.token_hex(8))
    ready_seconds, video = timed(upload_through_the_form, clip, user)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.status_message

    hand_seconds, heights = ffmpeg_by_hand(clip, folder / "by-hand")
    Video.objects.filter(pk=video.pk).update(status=Video.Status.QUEUED)
    pipeline_seconds, outcome = timed(process_video.call, video.pk)
    assert outcome == "ready", outcome
    rungs = "/".join(f"{h}p" for h in heights)

    print(f"FFmpeg by hand (ladder {rungs}, MP4, poster; local files): {hand_seconds:7.1f} s")
    print(f"process_video (S3 download, probe, FFmpeg, upload, poster, switch): {pipeline_seconds:7.1f} s")
    print(f"ratio pipeline / by hand: {pipeline_seconds / hand_seconds:.2f}")
    print(
        f"upload to ready (VideoForm probe + S3 upload + processing, task run at commit): {ready_seconds:7.1f} s"
    )
    print(f"processing speed: {seconds / pipeline_seconds:.2f}x real time")


if __name__ == "__main__":
    main()
