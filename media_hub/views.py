"""Admin views of the video library and the public playback redirect."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wagtail.admin.filters import CollectionFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

import django_filters
from botocore.exceptions import BotoCoreError, ClientError

from .forms import VideoForm
from .models import Video
from .permissions import video_permission_policy
from .playback import watchable_video
from .tasks import can_reprocess, enqueue_processing, status_label

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
            message = _(
                "De video kon niet worden opgeslagen: de opslag is nu niet bereikbaar. "
                "Probeer het later opnieuw; er is niets bewaard."
            )
            form.add_error(None, message)
            # Wagtail's form_invalid reads these; is_valid() only sets them when validation fails.
            self.produced_error_code, self.produced_error_message = "storage_unavailable", message
            return self.form_invalid(form)

    @staticmethod
    def _discard_new_file(video, previous_name):
        name = video.file.name
        # Until S3 has stored the upload, its name is still the browser's file name, not our key.
        if name and name != previous_name and video.file._committed:
            try:
                video.file.storage.delete(name)
            except STORAGE_ERRORS:
                logger.exception("Could not remove orphaned upload %s", name)
        if not video.pk or video._state.adding:
            video.pk = None


class VideoIndexView(CollectionScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("collection")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.add_url:
            url = reverse("media_hub_upload:page")
            buttons.append(HeaderButton(_("Grote video uploaden"), url=url, icon_name="upload"))
        return buttons


class VideoCreateView(StorageSafeSaveMixin, generic.CreateView):
    def save_instance(self):
        self.form.instance.uploaded_by_user = self.request.user
        return super().save_instance()


class VideoEditView(StorageSafeSaveMixin, CollectionScopedMixin, generic.EditView):
    permission_required = "change"


class VideoDeleteView(CollectionScopedMixin, generic.DeleteView):
    permission_required = "delete"


class VideoInstanceMixin:
    """A video's history and usage are for those who may edit that video, not any video."""

    def get_object(self):
        video = super().get_object()
        if not video_permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["change", "delete"], video
        ):
            raise PermissionDenied
        return video


class VideoHistoryView(VideoInstanceMixin, generic.HistoryView):
    pass


class VideoUsageView(VideoInstanceMixin, generic.UsageView):
    pass


class VideoFilterSet(WagtailFilterSet):
    """The collection filter offers only the editor's own collections: no other province's names."""

    class Meta:
        model = Video
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        collections = video_permission_policy.collections_user_has_any_permission_for(
            request.user, ["add", "change", "delete", "choose"]
        )
        self.filters["collection"] = CollectionFilter(
            field_name="collection", label=_("Collectie"), queryset=collections
        )
        self.filters["status"] = django_filters.ChoiceFilter(label=_("Status"), choices=Video.Status.choices)


class VideoStatusColumn(Column):
    """The state with progress or the reason it failed, and a retry button for those who may change the video."""

    cell_template_name = "media_hub/video_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["csrf_token"] = get_token(request)
        context["can_reprocess"] = can_reprocess(
            instance
        ) and video_permission_policy.user_has_permission_for_instance(request.user, "change", instance)
        return context


@require_POST
def reprocess_video(request, pk):
    video = get_object_or_404(Video, pk=pk)
    if not video_permission_policy.user_has_permission_for_instance(request.user, "change", video):
        raise PermissionDenied
    if can_reprocess(video):
        enqueue_processing(video)
        messages.success(request, _("‘%(title)s’ wordt opnieuw verwerkt.") % {"title": video.title})
    else:
        messages.warning(
            request, _("‘%(title)s’ kan nu niet opnieuw worden verwerkt.") % {"title": video.title}
        )
    return redirect("media_hub_video:index")


class VideoViewSet(ModelViewSet):
    model = Video
    icon = "media"
    menu_label = _("Video's")
    menu_order = 300
    add_to_admin_menu = True
    form_fields = ["title", "file", "collection", "poster"]
    search_fields = ["title", "original_filename"]
    filterset_class = VideoFilterSet
    copy_view_enabled = False
    index_view_class = VideoIndexView
    add_view_class = VideoCreateView
    edit_view_class = VideoEditView
    delete_view_class = VideoDeleteView
    history_view_class = VideoHistoryView
    usage_view_class = VideoUsageView

    list_display = [
        TitleColumn("title", label=_("Titel"), url_name="media_hub_video:edit"),
        Column("collection", label=_("Collectie")),
        Column("duration_display", label=_("Duur")),
        VideoStatusColumn("status", label=_("Status"), accessor=status_label),
        DateColumn("created_at", label=_("Geüpload")),
    ]

    def get_form_class(self, for_update=False):
        return VideoForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("reprocess/<int:pk>/", reprocess_video, name="reprocess")]


video_viewset = VideoViewSet("media_hub_video", url_prefix="videos")


@require_safe
def serve_video(request, pk, key):
    """Send the browser straight to S3 with a fresh presigned URL.

    Django never streams the bytes; S3 answers the player's Range requests.
    A video plays for anyone only while a live public page uses it; editors
    who may choose it can also play it, so drafts preview with their video.
    """
    video = watchable_video(request, pk, key)
    if not video.file:
        raise Http404  # refused by processing: the source is gone
    response = HttpResponseRedirect(video.file.url)
    # The redirect target expires; let the browser reuse it only briefly and only itself.
    patch_cache_control(response, private=True, max_age=60)
    return response
