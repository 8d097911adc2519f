"""Processing a one-minute 1080p clip: the pipeline versus the same FFmpeg command by hand.

Starts its own SeaweedFS and a throw-away SQLite database, so it touches nothing
of `make run`. Prints, from one run: the FFmpeg command alone (local files, no
S3), ``process_video`` (download from S3, probe, the same command, upload,
poster, switch), their ratio, and the time from the upload form's save to READY.

    .venv/bin/python bench/bench_processing.py [--seconds 60]
"""

import argparse
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


@dataclass
class Timing:
    wall: float
    cpu: float  # this process and the children it waited for (FFmpeg): steadier on a busy machine

    def __str__(self):
        return f"{self.wall:7.1f} s wall, {self.cpu:7.1f} s CPU"


def cpu_seconds():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(function, *args):
    start, cpu = time.perf_counter(), cpu_seconds()
    result = function(*args)
    return Timing(time.perf_counter() - start, cpu_seconds() - cpu), result


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
    timing, _ = timed(lambda: subprocess.run(command, cwd=folder, check=True, capture_output=True))
    return timing, heights


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

    setup, _ = timed(call_command, "migrate", "--verbosity", "0")
    made, clip = timed(make_clip, folder / "bench-1080p.mp4", seconds)
    print(
        f"set-up: migrations {setup.wall:.0f} s; clip {seconds} s 1920x1080 H.264/AAC, "
        f"{clip.stat().st_size / 1e6:.1f} MB, made in {made.wall:.0f} s; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}"
    )

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", secrets.token_hex(8))
    ready, video = timed(upload_through_the_form, clip, user)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.status_message

    by_hand, heights = ffmpeg_by_hand(clip, folder / "by-hand")
    Video.objects.filter(pk=video.pk).update(status=Video.Status.QUEUED)
    pipeline, outcome = timed(process_video.call, video.pk)
    assert outcome == "ready", outcome

    rungs = "/".join(f"{height}p" for height in heights)
    print(f"FFmpeg by hand ({rungs} HLS, 720p MP4, poster; local files): {by_hand}")
    print(f"process_video (S3 download, probe, FFmpeg, upload, poster, switch): {pipeline}")
    print(
        f"ratio pipeline / by hand: {pipeline.wall / by_hand.wall:.2f} wall, {pipeline.cpu / by_hand.cpu:.2f} CPU"
    )
    print(f"upload to ready (form probe, S3 upload, processing run at commit): {ready}")
    print(
        f"processing speed: {seconds / pipeline.wall:.2f}x real time; load average now {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
