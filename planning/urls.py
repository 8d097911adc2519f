from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("<int:user_id>/<str:token>.ics", views.feed, name="feed"),
]
