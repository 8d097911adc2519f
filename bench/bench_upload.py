"""A large video upload through the app versus boto3 straight to the same S3 server.

Starts its own SeaweedFS, a temporary SQLite database and a ``runserver`` process, then sends
one file three ways and prints the throughput, the ratio to boto3 and the web process's peak RSS:

  a. boto3 ``upload_file`` straight to S3: the baseline;
  b. the resumable path: the app's endpoints start, sign and check; the client PUTs the parts
     straight to S3, three at a time, as video-upload.js does;
  c. the classic admin form: one multipart POST, streamed from disk, through Django to S3.

The file is a real two-second MP4 padded with a ``free`` box of random bytes, so the app's
checks (size, FFmpeg probe) accept it as the video it is.

    .venv/bin/python bench/bench_upload.py [--size 1G]
"""

import argparse
import os
import re
import secrets
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import imageio_ffmpeg
import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from cms.embedded_s3 import EmbeddedS3, ensure_bucket, free_port  # noqa: E402

MIB = 1024 * 1024
BUCKET = "bench-media"
PASSWORD = secrets.token_urlsafe(12)
PARALLEL_PARTS = 3  # as video-upload.js
ADD_FORM = "/admin/videos/new/"  # the video viewset's add view


def parse_size(text):
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?)i?B?", text.strip(), re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text}")
    return int(float(match[1]) * 1024 ** " KMG".index(match[2].upper() or " "))


def make_padded_video(path, size):
    """A playable MP4 (index up front) followed by a top-level ``free`` box that fills it up to ``size``."""
    clip = path.with_suffix(".clip.mp4")
    ffmpeg = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    ffmpeg += ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2"]
    ffmpeg += [
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=2",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
    ]
    subprocess.run(
        [*ffmpeg, "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", clip],
        check=True,
    )
    head = clip.read_bytes()
    padding = size - len(head) - 16
    with open(path, "wb") as out:
        out.write(head + struct.pack(">I4sQ", 1, b"free", padding + 16))
        while padding > 0:
            chunk = os.urandom(min(padding, 8 * MIB))  # random: no compression or dedup flatters anyone
            out.write(chunk)
            padding -= len(chunk)
    clip.unlink()
    return path


class WebServer:
    """``manage.py runserver`` on a free port with its own database; one process, so its RSS is the app's."""

    def __init__(self, env, workdir):
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(workdir / "runserver.log", "wb")
        self.process = None

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=self.env, check=True, stdout=self.log
        )

    def start(self):
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("createsuperuser", "--no-input", "--username", "bench", "--email", "bench@example.org")
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"]
        self.process = subprocess.Popen(
            command, cwd=BASE_DIR, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(self.url + "/admin/login/", timeout=2)
                return self
            except requests.ConnectionError:
                time.sleep(0.3)
        raise RuntimeError("runserver did not start; see runserver.log")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(10)
        self.log.close()

    def memory(self, field):
        """VmHWM (peak) or VmRSS of the server process, in MiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)[1]) / 1024

    def reset_peak(self):
        Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS


def login(server):
    session = requests.Session()
    session.get(server.url + "/admin/login/")
    token = session.cookies["csrftoken"]
    form = {"csrfmiddlewaretoken": token, "username": "bench", "password": PASSWORD, "next": "/admin/"}
    session.post(server.url + "/admin/login/", data=form).raise_for_status()
    session.headers.update(
        {"X-CSRFToken": session.cookies["csrftoken"], "X-Requested-With": "XMLHttpRequest"}
    )
    page = session.get(server.url + "/admin/videos/upload/").text
    return session, re.search(r'<option value="(\d+)"', page)[1]


def upload_boto3(s3, path):
    s3.client().upload_file(str(path), BUCKET, "bench/boto3.mp4")


def upload_resumable(server, session, collection, path):
    api = server.url + "/admin/videos/upload/"
    size = path.stat().st_size
    start = {"filename": "resumable.mp4", "size": size, "collection": collection}
    upload = checked(session.post(api + "start/", json=start))
    numbers = list(range(1, upload["part_count"] + 1))
    urls = {}
    for first in range(0, len(numbers), 100):
        signed = checked(
            session.post(f"{api}{upload['id']}/sign/", json={"parts": numbers[first : first + 100]})
        )
        urls.update(signed["urls"])

    def put(number):
        with open(path, "rb") as source:
            source.seek((number - 1) * upload["part_size"])
            requests.put(
                urls[str(number)], data=source.read(upload["part_size"]), timeout=300
            ).raise_for_status()

    with ThreadPoolExecutor(PARALLEL_PARTS) as pool:
        list(pool.map(put, numbers))
    return checked(session.post(f"{api}{upload['id']}/complete/"))


def checked(response):
    if not response.ok:
        raise RuntimeError(f"{response.status_code}: {response.text[:300]}")
    return response.json()


class MultipartBody:
    """A multipart/form-data body read from disk piece by piece; ``len()`` gives requests its Content-Length."""

    def __init__(self, fields, field_name, path):
        self.boundary = "bench-" + secrets.token_hex(8)
        head = b"".join(
            self._part(f'name="{name}"') + str(value).encode() + b"\r\n" for name, value in fields.items()
        )
        head += self._part(f'name="{field_name}"; filename="{path.name}"', "video/mp4")
        self.pieces = [head, path, f"\r\n--{self.boundary}--\r\n".encode()]
        self.length = len(head) + path.stat().st_size + len(self.pieces[2])
        self.current = None

    def _part(self, disposition, content_type=None):
        header = f"--{self.boundary}\r\nContent-Disposition: form-data; {disposition}\r\n"
        if content_type:
            header += f"Content-Type: {content_type}\r\n"
        return (header + "\r\n").encode()

    @property
    def content_type(self):
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self):
        return self.length

    def read(self, size=-1):
        while self.pieces or self.current:
            if self.current is None:
                piece = self.pieces.pop(0)
                self.current = open(piece, "rb") if isinstance(piece, Path) else _BytesReader(piece)
            chunk = self.current.read(size if size and size > 0 else MIB)
            if chunk:
                return chunk
            self.current.close()
            self.current = None
        return b""


class _BytesReader:
    def __init__(self, data):
        self.data = memoryview(data)

    def read(self, size):
        chunk, self.data = self.data[:size], self.data[size:]
        return bytes(chunk)

    def close(self):
        pass


def upload_form(server, session, collection, path):
    fields = {
        "csrfmiddlewaretoken": session.cookies["csrftoken"],
        "title": "Klassiek formulier",
        "collection": collection,
        "poster": "",
    }
    body = MultipartBody(fields, "file", path)
    headers = {"Content-Type": body.content_type, "X-Requested-With": None}  # a plain form post
    response = session.post(server.url + ADD_FORM, data=body, headers=headers, allow_redirects=False)
    if response.status_code != 302:
        raise RuntimeError(f"the form did not accept the upload: {response.status_code}")


def measure(label, action, size, server=None):
    if server:
        server.reset_peak()
    began = time.perf_counter()
    action()
    seconds = time.perf_counter() - began
    return {
        "label": label,
        "seconds": seconds,
        "mbps": size / MIB / seconds,
        "peak": server and server.memory("VmHWM"),
    }


def report(results, size, baseline_rss):
    boto3 = results[0]["mbps"]
    print(f"\nUpload of {size / MIB:,.0f} MiB; web process at rest: {baseline_rss:.0f} MiB RSS\n")
    print(f"{'path':<46}{'seconds':>9}{'MiB/s':>9}{'vs boto3':>10}{'web peak RSS':>14}")
    for row in results:
        peak = f"{row['peak']:.0f} MiB" if row["peak"] else "—"
        print(
            f"{row['label']:<46}{row['seconds']:>9.1f}{row['mbps']:>9.0f}{row['mbps'] / boto3:>10.2f}{peak:>14}"
        )


def environment(s3, workdir, size):
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DEBUG="0",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        AWS_S3_ENDPOINT_URL=s3.endpoint_url,
        AWS_ACCESS_KEY_ID=s3.access_key,
        AWS_SECRET_ACCESS_KEY=s3.secret_key,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        VIDEO_MAX_UPLOAD_SIZE=str(size * 2),
        FILE_UPLOAD_TEMP_DIR=str(workdir),
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        LOG_LEVEL="WARNING",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--size", type=parse_size, default=parse_size("1G"), help="file size, e.g. 1G, 2G, 500M"
    )
    size = parser.parse_args().size
    workdir = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    s3 = EmbeddedS3(
        workdir / "s3", "bench", secrets.token_hex(16), s3_port=free_port(), log_file=workdir / "weed.log"
    )
    server = None
    try:
        s3.start()
        ensure_bucket(s3.client(), BUCKET)
        print(f"Writing a {size / MIB:,.0f} MiB video to {workdir} …", flush=True)
        video = make_padded_video(workdir / "episode.mp4", size)
        print("Migrating a fresh database and starting runserver …", flush=True)
        server = WebServer(environment(s3, workdir, size), workdir).start()
        session, collection = login(server)
        baseline = server.memory("VmRSS")
        results = [
            measure("a. boto3 upload_file, straight to S3", lambda: upload_boto3(s3, video), size),
            measure(
                "b. resumable: app signs, client PUTs parts",
                lambda: upload_resumable(server, session, collection, video),
                size,
                server,
            ),
            measure(
                "c. classic admin form POST through Django",
                lambda: upload_form(server, session, collection, video),
                size,
                server,
            ),
        ]
        report(results, size, baseline)
    finally:
        if server:
            server.stop()
        s3.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
