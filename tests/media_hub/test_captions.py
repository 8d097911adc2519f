"""Caption tracks: parsing, the admin upload, and the public WebVTT endpoint."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from media_hub import captions
from media_hub.models import Video, VideoCaption

SCRIPT_VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHallo <script>alert('x')</script> <b>vet</b>\n"
SRT_BOM_CRLF = "\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\nEerste regel\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nTweede\r\n"


def test_script_in_a_cue_is_escaped_and_vtt_markup_kept():
    vtt = captions.to_webvtt(captions.parse(SCRIPT_VTT))
    assert "<script>" not in vtt
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in vtt
    assert "<b>vet</b>" in vtt


def test_srt_with_bom_and_crlf_becomes_webvtt():
    vtt = captions.to_webvtt(captions.parse(SRT_BOM_CRLF.encode("utf-8")))
    assert vtt.startswith("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nEerste regel\n")
    assert "\r" not in vtt and "\ufeff" not in vtt


def test_latin1_vtt_is_read():
    raw = "WEBVTT\n\n00:01.000 --> 00:02.000\nCafé Één\n".encode("latin-1")
    assert "Café Één" in captions.to_webvtt(captions.parse(raw))


@pytest.mark.parametrize(
    "raw, line",
    [
        (b"WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nPijl te kort\n", "Regel 3"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nAchteruit\n", "Regel 3"),
        (
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGoed\n\nkapot\n00:00:75.000 --> 00:00:76.000\nx\n",
            "Regel 7",
        ),
        (b"Dit is gewoon tekst\n", "Regel 1"),
    ],
)
def test_malformed_files_name_the_line(raw, line):
    with pytest.raises(captions.CaptionError, match=line):
        captions.parse(raw)


def test_empty_file_is_refused():
    with pytest.raises(captions.CaptionError, match="geen enkele ondertitel"):
        captions.parse(b"WEBVTT\n")


def test_chapters_track_ends_each_chapter_at_the_next():
    vtt = captions.chapters_webvtt([(0, "Begin"), (8, "Boer & Buurt")], 24)
    assert "00:00:00.000 --> 00:00:08.000\nBegin" in vtt
    assert "00:00:08.000 --> 00:00:24.000\nBoer &amp; Buurt" in vtt


@pytest.fixture
def video(db):
    root = Collection.get_first_root_node()
    return Video.objects.create(title="Aflevering", file="videos/test/source/a.mp4", collection=root)


@pytest.fixture
def admin_client(client, db):
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(admin)
    return client


def upload(client, video, name, content, language="nl", kind="captions"):
    return client.post(
        reverse("media_hub_captions:index", args=[video.pk]),
        {
            "language": language,
            "kind": kind,
            "label": "Nederlands",
            "caption_file": SimpleUploadedFile(name, content),
        },
    )


def test_admin_uploads_srt_and_the_track_is_served_as_webvtt(admin_client, video, client):
    response = upload(admin_client, video, "ondertitels.srt", SRT_BOM_CRLF.encode("utf-8"))
    assert response.status_code == 302
    track = VideoCaption.objects.get(video=video)
    assert track.webvtt.startswith("WEBVTT")
    served = admin_client.get(reverse("media_hub:caption_track", args=[video.pk, video.key.hex, track.pk]))
    assert served.status_code == 200
    assert served["Content-Type"].startswith("text/vtt")
    assert b"Eerste regel" in served.content


def test_malformed_upload_shows_the_line_and_saves_nothing(admin_client, video):
    response = upload(admin_client, video, "kapot.vtt", b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nx\n")
    assert response.status_code == 200
    assert "Regel 3" in response.content.decode()
    assert not VideoCaption.objects.exists()


@pytest.mark.parametrize("name", ["ondertitels.txt", "../../etc/passwd", "ondertitels.vtt.exe"])
def test_wrong_file_types_are_refused(admin_client, video, name):
    response = upload(admin_client, video, name, SCRIPT_VTT)
    assert response.status_code == 200
    assert "Kies een .vtt- of .srt-bestand" in response.content.decode()
    assert not VideoCaption.objects.exists()


def test_second_track_of_the_same_language_and_kind_is_refused(admin_client, video):
    assert upload(admin_client, video, "a.vtt", SCRIPT_VTT).status_code == 302
    response = upload(admin_client, video, "b.vtt", SCRIPT_VTT)
    assert response.status_code == 200
    assert VideoCaption.objects.count() == 1


def test_track_of_an_unused_video_is_private(client, video):
    track = VideoCaption.objects.create(video=video, language="nl", label="NL", webvtt="WEBVTT\n")
    response = client.get(reverse("media_hub:caption_track", args=[video.pk, video.key.hex, track.pk]))
    assert response.status_code == 404


def test_editor_without_rights_cannot_manage_tracks(client, video):
    user = get_user_model().objects.create_user("buiten", "b@example.org", "x")
    client.force_login(user)
    response = client.get(reverse("media_hub_captions:index", args=[video.pk]))
    assert response.status_code in (302, 403)
