from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaHubConfig(AppConfig):
    name = "media_hub"
    verbose_name = _("Mediahub")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Video
        from .permissions import video_permission_policy

        register_permission_policy(Video, video_permission_policy)

        from . import signals  # noqa: F401  (connects the S3 clean-up receivers)
