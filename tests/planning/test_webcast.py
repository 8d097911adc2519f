"""The webcast follows the clock: its state, how long a cached copy may live, its .ics download."""

import datetime
import re
from unittest import mock

from django.utils import timezone

import icalendar
import pytest

from media_hub.models import WebcastPage
from planning.periods import AMSTERDAM

START = datetime.datetime(2026, 12, 10, 15, 0, tzinfo=AMSTERDAM)
END = START + datetime.timedelta(hours=1)
SECOND = datetime.timedelta(seconds=1)


def at(moment):
    """Travel in time for the code under test: everything that asks ``timezone.now()``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def max_age(response):
    match = re.search(r"max-age=(\d+)", response["Cache-Control"])
    return int(match[1]) if match else None


@pytest.mark.parametrize(
    "moment, has_replay, state, seconds_left",
    [
        (START - datetime.timedelta(days=2), False, "scheduled", 172800),
        (START - SECOND, False, "scheduled", 1),
        (START, False, "live", 3600),
        (END - SECOND, False, "live", 1),
        (END, False, "ended", None),
        (END, True, "replay", None),
        (END + datetime.timedelta(days=400), True, "replay", None),
    ],
)
def test_state_and_next_transition_follow_the_clock(moment, has_replay, state, seconds_left):
    page = WebcastPage(start_at=START, end_at=END, replay_video_id=1 if has_replay else None)
    assert page.state_at(moment) == state
    assert page.seconds_until_next_transition(moment) == seconds_left
    with at(moment):
        assert page.state == state
        assert page.seconds_until_next_transition() == seconds_left
        edge = page.next_transition_at()
        assert edge == (None if seconds_left is None else moment + datetime.timedelta(seconds=seconds_left))


@pytest.mark.parametrize(
    "url, embed, hls",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            False,
        ),
        ("https://youtu.be/dQw4w9WgXcQ?t=5", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", False),
        (
            "https://www.youtube.com/live/jfKfPfyJRdk?si=x",
            "https://www.youtube-nocookie.com/embed/jfKfPfyJRdk",
            False,
        ),
        (
            "https://m.youtube.com/embed/jfKfPfyJRdk",
            "https://www.youtube-nocookie.com/embed/jfKfPfyJRdk",
            False,
        ),
        ("https://www.youtube.com/watch?v=<script>", None, False),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1", False),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1", False),
        ("https://vimeo.com/event/4215906", "https://vimeo.com/event/4215906/embed?dnt=1", False),
        ("https://stream.example.org/live/webcast.m3u8", None, True),
        ("https://stream.example.org/live/WEBCAST.M3U8?token=abc", None, True),
        ("https://example.org/live", None, False),
        ("", None, False),
    ],
)
def test_live_stream_player(url, embed, hls):
    page = WebcastPage(live_stream_url=url)
    assert page.live_embed_url() == embed
    assert page.is_hls_live_stream() is hls


@pytest.fixture
def webcast(world):
    page = world.webcast("Webcast korte ketens", START, minutes=60, introduction="Live vanuit Ede.")
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "moment, state, expected_max_age",
    [
        (START - datetime.timedelta(hours=1), "scheduled", 60),
        (START - datetime.timedelta(seconds=30), "scheduled", 30),
        (START - datetime.timedelta(milliseconds=400), "scheduled", 0),
        (START + SECOND, "live", 60),
        (END - datetime.timedelta(seconds=20), "live", 20),
        (END + SECOND, "ended", 60),
    ],
)
def test_public_cache_ends_at_the_next_transition(client, webcast, moment, state, expected_max_age):
    with at(moment):
        response = client.get(webcast.url)
        assert response.context["page"].state == state
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert max_age(response) == expected_max_age
    assert str(WebcastPage.State(state).label) in response.content.decode()


def test_logged_in_and_preview_are_never_cached(admin_client, webcast):
    response = admin_client.get(webcast.url)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_webcast_starting_soon_turns_live_when_its_start_moves(client, world):
    """Real clock: starts in 30 s, ends in 90 s; then staff move the start into the past."""
    now = timezone.now()
    page = world.webcast("Bijna live", now + datetime.timedelta(seconds=30), minutes=1)
    page.save_revision().publish()

    response = client.get(page.url)
    assert response.context["page"].state == "scheduled"
    assert "public" in response["Cache-Control"] and max_age(response) <= 30

    page.start_at = now - datetime.timedelta(minutes=5)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.context["page"].state == "live"
    assert max_age(response) <= 60


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_add_to_calendar_is_one_valid_event_in_amsterdam_time(client, webcast):
    response = client.get(webcast.calendar_file_url())
    assert response["Content-Disposition"] == 'attachment; filename="webcast.ics"'
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    [event] = calendar.walk("VEVENT")
    assert event["UID"] == f"webcast-{webcast.translation_key}@korteketen"
    assert event["SUMMARY"] == "Webcast korte ketens"
    assert event["URL"] == webcast.full_url
    assert event.DTSTART == START and event.DTSTART.tzinfo.key == "Europe/Amsterdam"
    assert event.DTEND == END
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.DTSTAMP.tzinfo is not None
    assert "Live vanuit Ede." in event["DESCRIPTION"]
    assert b"DTSTART;TZID=Europe/Amsterdam:20261210T150000" in response.content


def test_the_calendar_event_follows_a_moved_start(client, webcast):
    first = parse(client.get(webcast.calendar_file_url())).walk("VEVENT")[0]
    again = parse(client.get(webcast.calendar_file_url())).walk("VEVENT")[0]
    assert again["UID"] == first["UID"] and again["SEQUENCE"] == first["SEQUENCE"]

    webcast.start_at = START + datetime.timedelta(hours=2)
    webcast.end_at = END + datetime.timedelta(hours=2)
    webcast.save_revision().publish()

    moved = parse(client.get(webcast.calendar_file_url())).walk("VEVENT")[0]
    assert moved["UID"] == first["UID"]
    assert moved.DTSTART == START + datetime.timedelta(hours=2)
    assert moved["SEQUENCE"] > first["SEQUENCE"]


def test_amsterdam_time_in_summer_is_two_hours_ahead_of_utc(client, world):
    page = world.webcast("Oogstfeest", datetime.datetime(2020, 10, 5, 15, 0, tzinfo=AMSTERDAM))
    event = parse(client.get(page.calendar_file_url())).walk("VEVENT")[0]
    assert event.DTSTART.astimezone(datetime.UTC) == datetime.datetime(
        2020, 10, 5, 13, 0, tzinfo=datetime.UTC
    )
    assert event["DTSTART"].to_ical() == b"20201005T150000"


def test_add_to_calendar_is_cached_publicly_only_until_the_next_transition(client, webcast):
    with at(START - datetime.timedelta(seconds=12)):
        response = client.get(webcast.calendar_file_url())
    assert "public" in response["Cache-Control"] and max_age(response) == 12


def test_the_chapters_track_is_reachable_next_to_the_calendar_file(client, webcast):
    """Both files end in an extension, which Wagtail's own URL pattern would refuse."""
    assert webcast.calendar_file_url().endswith("/agenda.ics")
    response = client.get(webcast.chapters_track_url())
    assert webcast.chapters_track_url().endswith("/chapters.vtt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/vtt")
    assert client.get(webcast.url + "agenda.ics/").status_code == 404
