from django.urls import path

from . import views

app_name = "media_hub"
urlpatterns = [
    path("<int:pk>/<str:key>/", views.serve_video, name="video_file"),
]
