"""Production: refuses to start with a missing secret or DEBUG on."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, DEBUG, SECRET_KEY, env_bool

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
for name, value in {
    "SECRET_KEY": SECRET_KEY,
    "AWS_ACCESS_KEY_ID": AWS_ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": AWS_SECRET_ACCESS_KEY,
    "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
}.items():
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.")

# Behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview renders the page in a same-origin iframe, so SAMEORIGIN, not DENY.
    "security.W019",
    # HSTS preloading is a commitment for the whole domain; the domain owner opts in with SECURE_HSTS_PRELOAD.
    "security.W021",
]
