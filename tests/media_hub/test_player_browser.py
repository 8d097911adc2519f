"""The public player in headless Chromium: a processed episode plays adaptively, a caption cue
becomes active, the keyboard starts playback and a chapter button seeks."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

import pytest
from playwright.sync_api import sync_playwright

from media_hub.forms import VideoForm
from media_hub.models import EpisodeChapter, Video, VideoCaption
from tests.browser import launch_chromium
from tests.conftest import make_clip
from tests.factories import EpisodePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:09.000\nWelkom bij de <b>korte keten</b>.\n"


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_clip(tmp_path_factory.mktemp("player") / "aflevering.mp4", seconds=10, size="320x180")


@pytest.fixture
def episode(site, clip):
    """An episode whose video went the editor's way: upload form, probe, processing (inline here)."""
    form = VideoForm(
        data={"title": "Aflevering 1", "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile("aflevering.mp4", clip.read_bytes(), "video/mp4")},
    )
    assert form.is_valid(), form.errors
    video = form.save()
    video.refresh_from_db()
    assert video.status == Video.Status.READY and video.hls_playlist, video.status_message
    VideoCaption.objects.create(video=video, language="nl", label="Nederlands", webvtt=CAPTIONS)
    page = EpisodePageFactory(parent__parent__parent=site.root_page, video=video, title="Made in Holland")
    EpisodeChapter.objects.create(page=page, start=0, title="Begin", sort_order=0)
    EpisodeChapter.objects.create(page=page, start=6, title="Het tweede initiatief", sort_order=1)
    page.save_revision().publish()
    return page


def test_episode_plays_with_captions_and_chapters(live_server, episode, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, "--autoplay-policy=no-user-gesture-required")
        page = browser.new_page()
        page.goto(live_server.url + episode.url)
        video = page.locator("video")
        assert video.get_attribute("autoplay") is None
        page.wait_for_function("document.querySelector('video').readyState >= 1", timeout=20_000)
        duration = page.evaluate("document.querySelector('video').duration")
        assert 9 <= duration <= 11

        page.evaluate(
            "() => { const v = document.querySelector('video'); v.muted = true; v.textTracks[0].mode = 'showing'; }"
        )
        video.focus()
        page.keyboard.press("k")
        page.wait_for_function("document.querySelector('video').currentTime > 1", timeout=20_000)
        page.wait_for_function(
            "document.querySelector('video').textTracks[0].activeCues.length > 0", timeout=10_000
        )
        cue = page.evaluate("document.querySelector('video').textTracks[0].activeCues[0].text")
        assert "korte keten" in cue

        page.click("button[data-seek='6']")
        page.wait_for_function("document.querySelector('video').currentTime >= 6", timeout=10_000)
        source = page.evaluate("document.querySelector('video').currentSrc")
        browser.close()
    # Adaptive: the player streams the HLS ladder (natively or through hls.js), never the source file.
    assert "/hls/" in source or source.startswith("blob:")
