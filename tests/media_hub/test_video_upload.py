"""Uploading a video through the admin over HTTP: what lands in the bucket, what is refused."""

import re

from django.urls import reverse
from django.utils.html import escape

import pytest

from media_hub.models import Video

pytestmark = pytest.mark.django_db

SAFE_SOURCE = r"videos/{key}/source/[a-z0-9][a-z0-9_-]*\.mp4"


def source_pattern(video):
    return SAFE_SOURCE.format(key=video.key.hex)


def test_a_valid_mp4_lands_under_its_key_with_the_probed_facts(
    post_video_form, media_clips, bucket, admin_user
):
    before = bucket.keys()

    response = post_video_form("clip.mp4", media_clips.mp4, title="Bij de melkveehouder")

    assert response.status_code == 302
    video = Video.objects.get()
    assert video.file.name == f"videos/{video.key.hex}/source/clip.mp4"
    added = bucket.keys() - before
    assert video.file.name in added
    assert all(key.startswith(f"videos/{video.key.hex}/") for key in added)
    assert bucket.read(video.file.name) == media_clips.mp4.read_bytes()
    assert video.duration == pytest.approx(2.0, abs=0.1)
    assert (video.width, video.height, video.video_codec, video.audio_codec) == (160, 90, "h264", "aac")
    assert (video.title, video.original_filename, video.file_size) == (
        "Bij de melkveehouder",
        "clip.mp4",
        media_clips.mp4.stat().st_size,
    )
    assert video.uploaded_by_user == admin_user


def test_an_empty_title_becomes_the_file_name(post_video_form, media_clips):
    post_video_form("Boerderij De Hoeve.mp4", media_clips.mp4)

    assert Video.objects.get().title == "Boerderij De Hoeve"


def assert_refused(response, field, fragment):
    """The form comes back with the error next to the field, and the editor can read it."""
    assert response.status_code == 200
    errors = response.context["form"].errors.get(field, [])
    matching = [message for message in errors if fragment in message]
    assert matching, response.context["form"].errors
    assert escape(matching[0]) in response.content.decode()


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(
    ("filename", "content", "fragment"),
    [
        ("x.mp4", lambda clips: PDF, "geen leesbare video"),
        ("leeg.mp4", lambda clips: b"", "leeg"),
        ("kapot.mp4", lambda clips: clips.truncated, "is het bestand compleet?"),
        ("alleen-geluid.mp4", lambda clips: clips.audio_only, "geen videobeeld"),
        ("clip.exe", lambda clips: clips.mp4, "exe"),
    ],
    ids=["renamed-pdf", "empty", "truncated", "audio-only", "exe-extension"],
)
def test_a_bad_file_is_refused_and_nothing_is_stored(
    post_video_form, media_clips, bucket, filename, content, fragment
):
    before = bucket.keys()

    response = post_video_form(filename, content(media_clips))

    assert_refused(response, "file", fragment)
    assert not Video.objects.exists()
    assert bucket.keys() == before


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(
    post_video_form, media_clips, bucket, settings
):
    settings.VIDEO_MAX_UPLOAD_SIZE = 10_000
    before = bucket.keys()

    response = post_video_form("clip.mp4", media_clips.mp4)

    assert_refused(response, "file", "het maximum is 9,8\xa0KB")
    assert not Video.objects.exists()
    assert bucket.keys() == before


@pytest.mark.parametrize(
    "filename",
    [
        "../../etc/passwd.mp4",
        "..\\..\\windows\\system.ini.mp4",
        "..&#x2F;..&#x2F;etc&#x2F;passwd.mp4",
        "/etc/passwd.mp4",
    ],
    ids=["dot-dot-slash", "backslashes", "html-escaped-slashes", "absolute"],
)
def test_a_file_name_with_path_tricks_stays_under_its_own_prefix(
    post_video_form, media_clips, bucket, filename
):
    before = bucket.keys()

    response = post_video_form(filename, media_clips.mp4)

    assert response.status_code == 302
    video = Video.objects.get()
    assert re.fullmatch(source_pattern(video), video.file.name), video.file.name
    assert all(key.startswith(f"videos/{video.key.hex}/") for key in bucket.keys() - before)
    assert "/" not in video.original_filename and "\\" not in video.original_filename


def test_a_unicode_file_name_keeps_its_title_gets_an_ascii_key_and_plays(
    post_video_form, media_clips, admin_client, requests_session
):
    response = post_video_form("Ëénhoorn café (1).mp4", media_clips.mp4)

    assert response.status_code == 302
    video = Video.objects.get()
    assert video.title == "Ëénhoorn café (1)"
    assert video.original_filename == "Ëénhoorn café (1).mp4"
    assert video.file.name == f"videos/{video.key.hex}/source/eenhoorn-cafe-1.mp4"
    playback = admin_client.get(video.get_playback_url())
    assert playback.status_code == 302
    s3 = requests_session.get(playback["Location"], timeout=10)
    assert s3.status_code == 200
    assert s3.content == media_clips.mp4.read_bytes()


def test_html_in_the_title_is_stored_as_text_and_listed_escaped(post_video_form, media_clips, admin_client):
    title = "<script>alert(1)</script>"
    post_video_form("clip.mp4", media_clips.mp4, title=title)

    assert Video.objects.get().title == title
    listing = admin_client.get(reverse("media_hub_video:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert escape(title) in html
    assert title not in html


def test_unreachable_storage_shows_an_error_and_saves_nothing(
    post_video_form, media_clips, bucket, unreachable_storage
):
    before = bucket.keys()

    response = post_video_form("clip.mp4", media_clips.mp4, title="Onbereikbaar")

    assert response.status_code == 200
    assert "de opslag is nu niet bereikbaar" in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert not Video.objects.exists()
    assert bucket.keys() == before


def test_a_refused_upload_leaves_other_objects_alone(post_video_form, media_clips, bucket, refusing_storage):
    # An object whose key equals the browser's file name, as a failed upload's name still is.
    bucket.client.put_object(Bucket=bucket.name, Key="clip.mp4", Body=b"not ours")
    before = bucket.keys()
    try:
        response = post_video_form("clip.mp4", media_clips.mp4)

        assert response.status_code == 200
        assert response.context["form"].non_field_errors()
        assert not Video.objects.exists()
        assert bucket.keys() == before
    finally:
        bucket.client.delete_object(Bucket=bucket.name, Key="clip.mp4")


def test_replacing_the_file_keeps_the_row_and_touches_no_other_video(
    post_video_form, media_clips, bucket, django_capture_on_commit_callbacks
):
    post_video_form("other.mp4", media_clips.mp4, title="Een andere video")
    post_video_form("clip.mp4", media_clips.mp4, title="Eerste versie")
    video = Video.objects.get(title="Eerste versie")
    prefix = f"videos/{video.key.hex}/"
    others = {key for key in bucket.keys() if not key.startswith(prefix)}

    with django_capture_on_commit_callbacks(execute=True):
        response = post_video_form(
            "wide.mp4",
            media_clips.mp4_wide,
            url=reverse("media_hub_video:edit", args=[video.pk]),
            title="Tweede versie",
        )

    assert response.status_code == 302
    video.refresh_from_db()
    assert Video.objects.count() == 2
    assert video.title == "Tweede versie"
    assert video.file.name == f"{prefix}source/wide.mp4"
    assert (video.width, video.height, video.original_filename) == (320, 180, "wide.mp4")
    assert video.duration == pytest.approx(3.0, abs=0.1)
    assert others <= bucket.keys(), "another video lost objects"
    assert bucket.read(video.file.name) == media_clips.mp4_wide.read_bytes()


def test_editing_without_a_new_file_changes_only_the_title(post_video_form, media_clips, bucket):
    post_video_form("clip.mp4", media_clips.mp4, title="Oud")
    video = Video.objects.get()
    before = bucket.keys()

    response = post_video_form(url=reverse("media_hub_video:edit", args=[video.pk]), title="Nieuw")

    assert response.status_code == 302
    edited = Video.objects.get()
    assert (edited.title, edited.file.name, edited.duration) == ("Nieuw", video.file.name, video.duration)
    assert bucket.keys() == before


def test_replacing_with_a_bad_file_keeps_the_old_one(post_video_form, media_clips, bucket):
    post_video_form("clip.mp4", media_clips.mp4, title="Goed")
    video = Video.objects.get()
    before = bucket.keys()

    response = post_video_form(
        "x.mp4", PDF, url=reverse("media_hub_video:edit", args=[video.pk]), title="Goed"
    )

    assert_refused(response, "file", "geen leesbare video")
    assert Video.objects.get().file.name == video.file.name
    assert bucket.keys() == before


def test_deleting_a_video_removes_its_row_and_touches_no_other_video(
    post_video_form, media_clips, bucket, admin_client, django_capture_on_commit_callbacks
):
    post_video_form("other.mp4", media_clips.mp4, title="Blijft")
    post_video_form("clip.mp4", media_clips.mp4, title="Weg")
    video = Video.objects.get(title="Weg")
    others = {key for key in bucket.keys() if not key.startswith(f"videos/{video.key.hex}/")}

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("media_hub_video:delete", args=[video.pk]))

    assert response.status_code == 302
    assert list(Video.objects.values_list("title", flat=True)) == ["Blijft"]
    assert others <= bucket.keys(), "another video lost objects"
