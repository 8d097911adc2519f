"""HLS and MP4 playback from the private bucket: rewritten playlists, presigned segments, the access rule."""

import uuid
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.urls import reverse

import pytest

from media_hub.models import Video
from media_hub.playback import hls_url, mp4_url
from media_hub.processing import segments_of
from media_hub.tasks import process_video
from tests.factories import EpisodePageFactory, SeriesPageFactory
from tests.media_hub.test_processing import make_video, top_level_atoms

pytestmark = pytest.mark.django_db


@pytest.fixture
def video(bucket, media_clips):
    video = make_video(bucket, media_clips.mp4, title="Bij de melkveehouder")
    process_video.call(video.pk)
    video.refresh_from_db()
    return video


@pytest.fixture
def published(video, home_page):
    EpisodePageFactory(parent=SeriesPageFactory(parent__parent=home_page), video=video)
    return video


def variant_urls(master_text):
    return [line for line in master_text.splitlines() if line and not line.startswith("#")]


def test_a_visitor_gets_a_master_that_points_at_djangos_variant_playlists(client, published):
    response = client.get(hls_url(published))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.apple.mpegurl"
    assert "private" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    text = response.content.decode()
    assert text.startswith("#EXTM3U") and "BANDWIDTH=" in text and "RESOLUTION=160x90" in text
    assert variant_urls(text) == [
        reverse("media_hub:video_hls_variant", args=[published.pk, published.key.hex, 90])
    ]


def test_variant_segments_redirect_to_presigned_urls_and_the_bucket_stays_private(
    client, published, bucket, requests_session
):
    response = client.get(variant_urls(client.get(hls_url(published)).content.decode())[0])

    assert response.status_code == 200 and response["Content-Type"] == "application/vnd.apple.mpegurl"
    assert "private" in response["Cache-Control"]
    segments = segments_of(response.content.decode())
    assert segments and response.content.decode().rstrip().endswith("#EXT-X-ENDLIST")
    # The playlist names Django's segment URL: each fetch re-checks access and signs afresh,
    # so a multi-hour webcast keeps playing past the URL lifetime.
    segment_url = segments[0][1]
    assert segment_url.startswith(f"/media/video/{published.pk}/")
    redirect = client.get(segment_url)
    assert redirect.status_code == 302 and "private" in redirect["Cache-Control"]
    url = redirect["Location"]
    query = parse_qs(urlsplit(url).query)
    assert "X-Amz-Signature" in query and int(query["X-Amz-Expires"][0]) <= min(
        settings.AWS_QUERYSTRING_EXPIRE, 900
    )

    signed = requests_session.get(url, timeout=10)
    assert signed.status_code == 200 and signed.content[:1] == b"\x47", "an MPEG-TS packet"
    key = urlsplit(url).path.split(f"/{bucket.name}/", 1)[1]
    assert requests_session.get(bucket.unsigned_url(key), timeout=10).status_code == 403
    assert client.get(segment_url.rsplit("/", 1)[0] + "/..%2F..%2Fsource.ts").status_code == 404


def test_the_mp4_fallback_redirects_to_a_presigned_faststart_file(client, published, requests_session):
    response = client.get(mp4_url(published))

    assert response.status_code == 302 and "private" in response["Cache-Control"]
    assert urlsplit(response["Location"]).path.endswith(published.mp4_file)
    mp4 = requests_session.get(response["Location"], timeout=10)
    assert mp4.status_code == 200
    assert top_level_atoms(mp4.content).index("moov") < top_level_atoms(mp4.content).index("mdat")


def test_nothing_of_a_video_without_a_live_page_is_served_to_a_visitor(
    client, admin_client, video, home_page
):
    EpisodePageFactory(parent=SeriesPageFactory(parent__parent=home_page), video=video, live=False)
    variant = reverse("media_hub:video_hls_variant", args=[video.pk, video.key.hex, 90])

    for url in (hls_url(video), variant, mp4_url(video), video.get_playback_url()):
        assert client.get(url).status_code == 404, url
        assert admin_client.get(url).status_code in (200, 302), "editors preview drafts with their video"


def test_unknown_rungs_keys_and_unprocessed_videos_are_not_found(admin_client, video, bucket, media_clips):
    assert (
        admin_client.get(
            reverse("media_hub:video_hls_variant", args=[video.pk, video.key.hex, 1080])
        ).status_code
        == 404
    )
    wrong_key = hls_url(video).replace(video.key.hex, uuid.uuid4().hex)
    assert admin_client.get(wrong_key).status_code == 404
    assert admin_client.get(hls_url(video).replace(video.key.hex, "geen-sleutel")).status_code == 404

    queued = make_video(bucket, media_clips.mp4)
    assert hls_url(queued) is None and mp4_url(queued) == queued.get_playback_url(), (
        "the source until processed"
    )
    master = reverse("media_hub:video_hls", args=[queued.pk, queued.key.hex])
    assert admin_client.get(master).status_code == 404
    assert (
        admin_client.get(reverse("media_hub:video_mp4", args=[queued.pk, queued.key.hex])).status_code == 404
    )


def test_a_refused_video_has_no_source_to_serve(admin_client, bucket):
    refused = make_video(bucket, b"")
    process_video.call(refused.pk)
    refused.refresh_from_db()

    assert refused.status == Video.Status.FAILED and mp4_url(refused) is None
    assert admin_client.get(refused.get_playback_url()).status_code == 404


def test_playlists_answer_503_while_storage_is_unreachable(admin_client, video, unreachable_storage):
    assert admin_client.get(hls_url(video)).status_code == 503
    variant = reverse("media_hub:video_hls_variant", args=[video.pk, video.key.hex, 90])
    assert admin_client.get(variant).status_code == 503
