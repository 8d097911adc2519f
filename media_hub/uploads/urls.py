"""Mounted under the admin at ``videos/upload/`` (see wagtail_hooks)."""

from django.urls import path

from . import views

app_name = "media_hub_upload"
urlpatterns = [
    path("", views.UploadPageView.as_view(), name="page"),
    path("start/", views.start, name="start"),
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/sign/", views.sign, name="sign"),
    path("<int:pk>/complete/", views.complete, name="complete"),
    path("<int:pk>/abort/", views.abort, name="abort"),
]
