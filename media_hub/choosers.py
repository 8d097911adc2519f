"""The video chooser (modal, form widget and StreamField block).

Imports no models, so ``home.blocks`` can offer videos in every page body.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import policy_registry


class VideoChooseViewMixin:
    """Only videos in collections the editor may choose from: no leaks between provinces."""

    ordering = "-created_at"
    per_page = 10

    def get_object_list(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["choose"])

    @property
    def columns(self):
        return super().columns + [
            Column("collection", label=_("Collectie")),
            Column("duration_display", label=_("Duur")),
            Column("get_status_display", label=_("Status")),
        ]


class VideoChooseView(VideoChooseViewMixin, ChooseView):
    pass


class VideoChooseResultsView(VideoChooseViewMixin, ChooseResultsView):
    pass


class VideoChosenView(ChosenView):
    def get_object(self, pk):
        policy = policy_registry.get_by_type(self.model_class)
        return get_object_or_404(
            policy.instances_user_has_any_permission_for(self.request.user, ["choose"]), pk=pk
        )


class VideoChooserViewSet(ChooserViewSet):
    model = "media_hub.Video"
    icon = "media"
    choose_one_text = _("Kies een video")
    choose_another_text = _("Kies een andere video")
    edit_item_text = _("Video bewerken")
    choose_view_class = VideoChooseView
    choose_results_view_class = VideoChooseResultsView
    # Uploads go through the video library's own form, which validates the file.
    creation_form_class = None
    chosen_view_class = VideoChosenView


video_chooser_viewset = VideoChooserViewSet("video_chooser", url_prefix="videos/chooser")
VideoChooserBlock = video_chooser_viewset.get_block_class(
    name="VideoChooserBlock", module_path="media_hub.choosers"
)
