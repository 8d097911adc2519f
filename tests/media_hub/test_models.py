"""Timecodes, webcast states and video file names."""

import datetime
import uuid
from types import SimpleNamespace

from django.core.exceptions import ValidationError

import pytest

from media_hub.fields import TimecodeFormField, parse_timecode
from media_hub.models import Video, WebcastPage, format_timecode, video_upload_to
from tests.factories import WebcastPageFactory


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0", 0), ("90", 90), ("3:25", 205), (" 03:05 ", 185), ("75:00", 4500), ("1:02:03", 3723)],
)
def test_a_timecode_is_read_as_seconds(text, seconds):
    assert parse_timecode(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "1:75", "1:60:00", "-5", "1:2:3:4", "3.5"])
def test_an_impossible_timecode_is_refused(text):
    with pytest.raises(ValidationError):
        parse_timecode(text)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (65, "1:05"), (3723, "1:02:03"), (36000, "10:00:00")]
)
def test_seconds_are_shown_as_a_timecode(seconds, text):
    assert format_timecode(seconds) == text
    assert TimecodeFormField().prepare_value(seconds) == text


def test_an_empty_timecode_field_is_none():
    assert TimecodeFormField(required=False).clean("") is None


START = datetime.datetime(2020, 11, 26, 14, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("moment", "replay_video_id", "state"),
    [
        (START - HOUR, None, WebcastPage.State.SCHEDULED),
        (START, None, WebcastPage.State.LIVE),
        (START + HOUR, None, WebcastPage.State.LIVE),
        (START + 2 * HOUR, None, WebcastPage.State.ENDED),
        (START + 2 * HOUR, 1, WebcastPage.State.REPLAY),
    ],
)
def test_a_webcast_moves_from_scheduled_to_live_to_replay(moment, replay_video_id, state):
    webcast = WebcastPage(start_at=START, end_at=START + 2 * HOUR, replay_video_id=replay_video_id)

    assert webcast.state_at(moment) == state


@pytest.mark.django_db
def test_a_webcast_must_end_after_it_starts(home_page):
    webcast = WebcastPageFactory(parent=home_page)
    webcast.end_at = webcast.start_at

    with pytest.raises(ValidationError) as error:
        webcast.clean()

    assert "end_at" in error.value.message_dict


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("Ëénhoorn café (1).MP4", "eenhoorn-cafe-1.mp4"),
        ("../../etc/passwd.mp4", "passwd.mp4"),
        ("...mp4", "video.mp4"),
        ("clip.m p4", "clip.mp4"),
        ("x" * 300 + ".webm", "x" * 80 + ".webm"),
    ],
)
def test_the_source_key_is_an_ascii_name_under_the_videos_own_prefix(filename, name):
    video = SimpleNamespace(key=uuid.UUID(int=1))

    assert video_upload_to(video, filename) == f"videos/{video.key.hex}/source/{name}"


@pytest.mark.parametrize(
    ("name", "mime_type"),
    [
        ("a.mp4", "video/mp4"),
        ("a.M4V", "video/mp4"),
        ("a.webm", "video/webm"),
        ("a.mov", "video/quicktime"),
        ("a.mkv", "video/x-matroska"),
    ],
)
@pytest.mark.django_db
def test_the_mime_type_follows_the_stored_name(name, mime_type):
    assert Video(file=f"videos/k/source/{name}").mime_type == mime_type


@pytest.mark.parametrize(
    ("duration", "text"), [(None, ""), (2.4, "0:02"), (125.6, "2:06"), (3600, "1:00:00")]
)
@pytest.mark.django_db
def test_the_duration_is_shown_rounded(duration, text):
    assert Video(duration=duration).duration_display == text
