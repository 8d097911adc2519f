"""``make run``: the whole platform on one machine, stopped together with Ctrl-C.

Starts the embedded S3 server (SeaweedFS), migrates, seeds the demo content,
makes a local admin account, then runs the web server, a task worker and the
scheduler for timed publishing. Production runs these as separate services
(see README).
"""

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "korteketen-local")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "korteketen-local-secret")

from cms.embedded_s3 import EmbeddedS3, ensure_bucket  # noqa: E402

# Fixed ports so a restart finds its data; S3 is the only one the browser uses.
LOCAL_PORTS = {
    "s3": (8333, 18333),
    "master": (9333, 19333),
    "volume": (9340, 19340),
    "filer": (8888, 18888),
    "admin": (23646, 33646),
}
SCHEDULER_INTERVAL = 60  # seconds; Wagtail's publish_scheduled has minute precision
# Run every minute, as cron or a systemd timer does in production.
SCHEDULED_COMMANDS = ["publish_scheduled", "requeue_stale_videos"]


def manage(*args, **kwargs):
    return subprocess.run([sys.executable, str(BASE_DIR / "manage.py"), *args], check=True, **kwargs)


def spawn(*args):
    return subprocess.Popen([sys.executable, str(BASE_DIR / "manage.py"), *args], start_new_session=True)


def local_admin_password():
    """One password per checkout, kept in var/ so it survives restarts."""
    path = VAR_DIR / "admin-password.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


def stop_on_signal(signum, frame):
    # SIGTERM (kill, systemd) and SIGHUP (closed terminal) stop everything, as Ctrl-C does.
    raise KeyboardInterrupt


def main():
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)
    VAR_DIR.mkdir(exist_ok=True)
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL")
    s3 = None
    if not endpoint:
        s3 = EmbeddedS3(
            VAR_DIR / "s3",
            os.environ["AWS_ACCESS_KEY_ID"],
            os.environ["AWS_SECRET_ACCESS_KEY"],
            s3_port=LOCAL_PORTS["s3"][0],
            ports=dict(LOCAL_PORTS),
            log_file=VAR_DIR / "seaweedfs.log",
        )
        print(f"Starting the embedded S3 server (SeaweedFS) on {s3.endpoint_url} …", flush=True)
        s3.start()
        os.environ["AWS_S3_ENDPOINT_URL"] = s3.endpoint_url
        ensure_bucket(s3.client(), os.environ.get("AWS_STORAGE_BUCKET_NAME", "korte-keten-media"))
    children = []
    try:
        manage("migrate", "--no-input", "-v", "0")
        manage("seed_demo")
        password = local_admin_password()
        manage("ensure_local_admin", "--username", "admin", "--password", password)
        children = [
            spawn("runserver", "127.0.0.1:8000"),
            spawn("db_worker", "--queue-name", "*"),
        ]
        print(
            "\n  Korte Keten runs on http://127.0.0.1:8000/\n"
            f"  Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}\n"
            "  Ctrl-C stops the site, the worker and the S3 server.\n",
            flush=True,
        )
        run_scheduler(children)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            stop(child)
        if s3:
            s3.stop()
        print("Stopped.", flush=True)


def run_scheduler(children):
    while all(child.poll() is None for child in children):
        for command in SCHEDULED_COMMANDS:
            subprocess.run([sys.executable, str(BASE_DIR / "manage.py"), command], check=False)
        for _ in range(SCHEDULER_INTERVAL):
            if any(child.poll() is not None for child in children):
                break
            time.sleep(1)
    raise SystemExit("A process stopped unexpectedly; stopping the rest.")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
