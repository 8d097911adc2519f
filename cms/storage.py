"""The media storage: django-storages' S3Storage, sending spooled uploads from disk by name."""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaStorage(S3Storage):
    """Send an upload that Django spooled to a temporary file by its path.

    From a path boto3 reads each part lazily from disk; from a file object it holds whole
    parts in memory, which bench/bench_upload.py shows in the web process's peak RSS.
    """

    def _save(self, name, content):
        path = getattr(content, "temporary_file_path", None)
        if path is None or self.gzip:
            return super()._save(name, content)
        cleaned_name = clean_name(name)
        key = self._normalize_name(cleaned_name)
        params = self._get_write_parameters(key, content)
        self.bucket.Object(key).upload_file(path(), ExtraArgs=params, Config=self.transfer_config)
        return cleaned_name
