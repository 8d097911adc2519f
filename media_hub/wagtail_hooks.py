from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms.collections import collection_member_permission_formset_factory

from . import caption_views
from .choosers import video_chooser_viewset
from .models import Video
from .uploads import urls as upload_urls
from .views import video_viewset


@hooks.register("register_admin_viewset")
def register_video_viewsets():
    return [video_viewset, video_chooser_viewset]


@hooks.register("register_admin_urls")
def register_caption_urls():
    urls = [
        path("<int:pk>/", caption_views.caption_index, name="index"),
        path("<int:pk>/<int:caption_id>/delete/", caption_views.caption_delete, name="delete"),
    ]
    return [path("videos/captions/", include((urls, "media_hub_captions")))]


@hooks.register("register_admin_urls")
def register_upload_urls():
    return [path("videos/upload/", include(upload_urls))]


@hooks.register("register_group_permission_panel")
def register_video_permissions_panel():
    return collection_member_permission_formset_factory(
        Video,
        [
            ("add_video", _("Toevoegen"), _("Video's toevoegen en eigen video's bewerken")),
            ("change_video", _("Bewerken"), _("Alle video's bewerken")),
            ("choose_video", _("Kiezen"), _("Video's kiezen in pagina's")),
        ],
        "media_hub/permissions/video_permissions_formset.html",
    )
