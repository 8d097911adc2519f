from django.urls import reverse
from media_hub.models import Video
import pytest
pytestmark = pytest.mark.django_db

def test_scratch(post_video_form, media_clips, bucket, admin_client, django_capture_on_commit_callbacks):
    post_video_form("clip.mp4", media_clips.mp4, title="Weg")
    v = Video.objects.get()
    first = v.file.name
    with django_capture_on_commit_callbacks(execute=True):
        post_video_form("wide.mp4", media_clips.mp4_wide, url=reverse("media_hub_video:edit", args=[v.pk]), title="x")
    print("AFTER EDIT", sorted(bucket.keys(f"videos/{v.key.hex}/")), "old present:", first in bucket.keys())
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("media_hub_video:delete", args=[v.pk]))
    print("AFTER DELETE", sorted(bucket.keys(f"videos/{v.key.hex}/")))
