from django.urls import path

from . import playback, tracks, views

app_name = "media_hub"
urlpatterns = [
    path("<int:pk>/<str:key>/", views.serve_video, name="video_file"),
    path("<int:pk>/<str:key>/hls/master.m3u8", playback.hls_master, name="video_hls"),
    path("<int:pk>/<str:key>/hls/<int:height>.m3u8", playback.hls_variant, name="video_hls_variant"),
    path("<int:pk>/<str:key>/hls/<int:height>/<str:name>", playback.hls_segment, name="video_hls_segment"),
    path("<int:pk>/<str:key>/mp4/", playback.mp4_file, name="video_mp4"),
    path("<int:pk>/<str:key>/captions/<int:caption_id>.vtt", tracks.caption_track, name="caption_track"),
]
