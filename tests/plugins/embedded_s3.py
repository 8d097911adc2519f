"""Start the suite's own SeaweedFS on free ports before Django reads its settings.

Loaded with ``-p`` (see pytest.ini) so that it runs before pytest-django sets
Django up. Each pytest process (and each xdist worker) gets its own server,
its own temporary data folder and a fresh private bucket; all go at exit.
"""

import atexit
import os
import secrets
import shutil
import tempfile

from cms.embedded_s3 import EmbeddedS3, ensure_bucket, free_port

_data_dir = tempfile.mkdtemp(prefix="korteketen-s3-")
_server = EmbeddedS3(
    _data_dir,
    access_key="test-" + secrets.token_hex(4),
    secret_key=secrets.token_hex(16),
    s3_port=free_port(),
    log_file=os.path.join(_data_dir, "weed.log"),
)
_server.start()
_bucket = "test-media-" + secrets.token_hex(4)
ensure_bucket(_server.client(), _bucket)


@atexit.register
def _stop():
    _server.stop()
    shutil.rmtree(_data_dir, ignore_errors=True)


os.environ.update(
    AWS_S3_ENDPOINT_URL=_server.endpoint_url,
    AWS_ACCESS_KEY_ID=_server.access_key,
    AWS_SECRET_ACCESS_KEY=_server.secret_key,
    AWS_STORAGE_BUCKET_NAME=_bucket,
)
EMBEDDED_S3 = _server
