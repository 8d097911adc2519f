"""Admin views of the video library and the public playback redirect."""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import VideoForm
from .models import Video
from .permissions import video_permission_policy

logger = logging.getLogger(__name__)
STORAGE_ERRORS = (BotoCoreError, ClientError, OSError)


class CollectionScopedMixin:
    """Editors see and touch only videos in collections they hold rights on."""

    def get_base_queryset(self):
        return video_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "delete", "choose"]
        )

    def get_object(self, queryset=None):
        video = get_object_or_404(Video, pk=self.kwargs[self.pk_url_kwarg])
        if not video_permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, video
        ):
            raise PermissionDenied
        return video


class StorageSafeSaveMixin:
    """An upload either lands whole (object in S3 and row in the database) or not at all."""

    def form_valid(self, form):
        previous_name = form.initial.get("file").name if form.initial.get("file") else None
        try:
            return super().form_valid(form)
        except STORAGE_ERRORS + (DatabaseError,) as error:
            logger.warning("Video upload failed: %s", error)
            self._discard_new_file(form.instance, previous_name)
            form.add_error(None, _("De video kon niet worden opgeslagen: de opslag is nu niet bereikbaar. Probeer het later opnieuw; er is niets bewaard."))
            return self.form_invalid(form)

    @staticmethod
    def _discard_new_file(video, previous_name):
        name = video.file.name
        if name and name != previous_name:
            try:
                video.file.storage.delete(name)
            except STORAGE_ERRORS:
                logger.exception("Could not remove orphaned upload %s", name)
        if not video.pk or video._state.adding:
            video.pk = None


class VideoIndexView(CollectionScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("collection")


class VideoCreateView(StorageSafeSaveMixin, generic.CreateView):
    def save_instance(self):
        self.form.instance.uploaded_by_user = self.request.user
        return super().save_instance()


class VideoEditView(StorageSafeSaveMixin, CollectionScopedMixin, generic.EditView):
    permission_required = "change"


class VideoDeleteView(CollectionScopedMixin, generic.DeleteView):
    permission_required = "delete"


class VideoViewSet(ModelViewSet):
    model = Video
    icon = "media"
    menu_label = _("Video's")
    menu_order = 300
    add_to_admin_menu = True
    form_fields = ["title", "file", "collection", "poster"]
    search_fields = ["title", "original_filename"]
    list_filter = ["collection", "status"]
    copy_view_enabled = False
    index_view_class = VideoIndexView
    add_view_class = VideoCreateView
    edit_view_class = VideoEditView
    delete_view_class = VideoDeleteView

    list_display = [
        TitleColumn("title", label=_("Titel"), url_name="media_hub_video:edit"),
        Column("collection", label=_("Collectie")),
        Column("duration_display", label=_("Duur")),
        Column("get_status_display", label=_("Status")),
        DateColumn("created_at", label=_("Geüpload")),
    ]

    def get_form_class(self, for_update=False):
        return VideoForm


video_viewset = VideoViewSet("media_hub_video", url_prefix="videos")


@require_safe
def serve_video(request, pk, key):
    """Send the browser straight to S3 with a fresh presigned URL.

    Django never streams the bytes; S3 answers the player's Range requests.
    A video plays for anyone only while a live public page uses it; editors
    who may choose it can also play it, so drafts preview with their video.
    """
    video = get_object_or_404(Video, pk=pk, key=key)
    visitor_may_watch = video.is_public
    if not visitor_may_watch and not video_permission_policy.user_has_any_permission_for_instance(
        request.user, ["choose", "change"], video
    ):
        raise Http404
    response = HttpResponseRedirect(video.file.url)
    # The redirect target expires; let the browser reuse it only briefly and only itself.
    patch_cache_control(response, private=True, max_age=60)
    return response
