"""The playback URL: a redirect to a fresh presigned S3 URL, for whom and when."""

import uuid
from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import PageViewRestriction

import pytest

from media_hub.models import Video
from tests.factories import ContentPageFactory, EpisodePageFactory, SeriesPageFactory, VideoFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def video(media_clips):
    return VideoFactory(title="Bij de melkveehouder", file__from_path=media_clips.mp4)


@pytest.fixture
def series(home_page):
    return SeriesPageFactory(parent__parent=home_page)


def test_an_editor_is_redirected_to_a_presigned_url_that_answers_ranges(
    post_video_form, admin_client, media_clips, requests_session
):
    post_video_form("clip.mp4", media_clips.mp4)
    video = Video.objects.get()

    response = admin_client.get(video.get_playback_url())

    assert response.status_code == 302
    assert "private" in response["Cache-Control"]
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}" == settings.AWS_S3_ENDPOINT_URL
    assert location.path == f"/{settings.AWS_STORAGE_BUCKET_NAME}/{video.file.name}"
    assert "X-Amz-Signature=" in location.query

    s3 = requests_session.get(response["Location"], headers={"Range": "bytes=0-99"}, timeout=10)

    assert s3.status_code == 206
    assert s3.content == media_clips.mp4.read_bytes()[:100]


def test_the_bucket_is_private(video, bucket, requests_session):
    response = requests_session.get(bucket.unsigned_url(video.file.name), timeout=10)

    assert response.status_code == 403
    assert b"ftyp" not in response.content


def test_a_wrong_key_is_not_found(client, video):
    url = video.get_playback_url().replace(video.key.hex, uuid.uuid4().hex)

    assert client.get(url).status_code == 404


def test_a_visitor_may_watch_only_once_a_live_public_page_uses_the_video(client, video, series):
    url = video.get_playback_url()
    assert client.get(url).status_code == 404

    episode = EpisodePageFactory(parent=series, video=video, live=False)
    assert client.get(url).status_code == 404, "a draft page made the video public"

    episode.save_revision().publish()
    response = client.get(url)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path.endswith(video.file.name)

    PageViewRestriction.objects.create(page=episode, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 404, "a login-only page made the video public"


def test_a_video_in_a_live_page_body_is_public(client, video, home_page):
    body = [{"type": "video", "value": {"video": video.pk, "caption": "Op de boerderij"}}]
    ContentPageFactory(parent=home_page, body=body)

    assert client.get(video.get_playback_url()).status_code == 302


def test_unpublishing_the_page_hides_the_video_again(client, video, series):
    episode = EpisodePageFactory(parent=series, video=video)
    assert client.get(video.get_playback_url()).status_code == 302

    episode.unpublish()

    assert client.get(video.get_playback_url()).status_code == 404


def test_only_get_and_head_are_allowed(admin_client, video):
    assert admin_client.head(video.get_playback_url()).status_code == 302
    assert admin_client.post(video.get_playback_url()).status_code == 405
