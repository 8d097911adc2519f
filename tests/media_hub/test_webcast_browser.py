"""The webcast page in headless Chromium turns from countdown to live by itself."""

import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch_chromium
from tests.factories import WebcastPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_countdown_turns_into_the_live_stream(live_server, site, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    start = timezone.now() + datetime.timedelta(seconds=6)
    webcast = WebcastPageFactory(
        parent=site.root_page,
        start_at=start,
        end_at=start + datetime.timedelta(hours=1),
        live_stream_url="https://stream.example.org/live/index.m3u8",
    )
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.route("https://stream.example.org/**", lambda route: route.abort())  # no outside world here
        page.goto(live_server.url + webcast.url)
        expect(page.locator("[data-countdown]")).to_contain_text("Begint over")
        expect(page.locator(".notice--live")).to_be_visible(timeout=30_000)
        assert page.locator("[data-countdown]").count() == 0
        browser.close()
