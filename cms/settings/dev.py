"""Local development: DEBUG on, console e-mail, the embedded S3 server's local keys."""

import os

# The embedded SeaweedFS listens on 127.0.0.1 only; these keys never leave the machine.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "korteketen-local")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "korteketen-local-secret")

from .base import *  # noqa: E402,F401,F403
from .base import env_bool  # noqa: E402

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-secret-key-do-not-deploy"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
