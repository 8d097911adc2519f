from django.urls import path

from . import tracks, views

app_name = "media_hub"
urlpatterns = [
    path("<int:pk>/<str:key>/", views.serve_video, name="video_file"),
    path("<int:pk>/<str:key>/captions/<int:caption_id>.vtt", tracks.caption_track, name="caption_track"),
]
