"""``manage.py seed_demo``: the whole site from the letter, and a second run that changes nothing.

The seed runs once for this module (see ``seeded``) and is rolled back at its end.
"""

import io
import tempfile
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Collection, Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation

import pytest

from home.models import ContactDeskPage, ContentPage, HomePage, Theme
from media_hub.models import EpisodePage, MediaHubPage, SeriesPage, Video, WebcastPage
from media_hub.probe import probe_video
from provinces.models import InitiativePage, PolicyPage, ProvincePage

pytestmark = pytest.mark.django_db

LEADS = {"gelderland", "overijssel", "drenthe"}
ZONE = ZoneInfo("Europe/Amsterdam")
# Root, 50 Dutch pages (12 provinces with an initiative and a policy page each) and 3 English ones.
PAGE_COUNT = 1 + 50 + 3


@pytest.fixture(scope="session")
def clip_dir():
    """Made once, then reused by later test runs too: a clip's name is a digest of what it shows."""
    return Path(tempfile.gettempdir()) / "korteketen-demo-clips"


def seed(clip_dir):
    out = io.StringIO()
    call_command("seed_demo", clip_dir=clip_dir, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, clip_dir, bucket):
    """One seed for the module, in a transaction each test nests in and that is rolled back at the end.

    The rollback leaves the uploaded clips in the bucket; they are removed too.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        output = seed(clip_dir)
    yield output
    with django_db_blocker.unblock():
        prefixes = [f"videos/{key.hex}/" for key in Video.objects.values_list("key", flat=True)]
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    for prefix in prefixes:
        for key in bucket.keys(prefix):
            bucket.client.delete_object(Bucket=bucket.name, Key=key)


def snapshot():
    return {
        "tree": list(
            Page.objects.order_by("path").values_list("path", "slug", "locale__language_code", "live")
        ),
        "revisions": Revision.objects.count(),
        "last_published": sorted(Page.objects.values_list("pk", "last_published_at")),
        "videos": sorted(Video.objects.values_list("pk", "title", "file", "collection__name")),
        "themes": sorted(
            Theme.objects.values_list("slug", "locale__language_code", "translation_key", "name")
        ),
        "collections": list(Collection.objects.order_by("path").values_list("path", "name")),
        "string_translations": StringTranslation.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "port", "root_page_id", "is_default_site")),
    }


def test_a_second_run_creates_and_changes_nothing(seeded, clip_dir):
    assert Page.objects.count() == PAGE_COUNT
    before = snapshot()
    output = seed(clip_dir)
    assert snapshot() == before
    for kind in ("page", "theme", "video", "translation"):
        assert f"{kind}: created 0, updated 0," in output


def test_a_rerun_keeps_what_an_editor_published(seeded, clip_dir):
    """`make run` seeds at every start; it must never revert an editor's work."""
    editor = get_user_model().objects.create_superuser("redacteur", "r@example.org", "x")
    initiative = InitiativePage.objects.live().first()
    initiative.title = "Bewerkt door de redactie"
    initiative.save_revision(user=editor).publish(user=editor)
    seed(clip_dir)
    initiative.refresh_from_db()
    assert initiative.title == "Bewerkt door de redactie"


def test_the_default_site_starts_at_the_home_page(seeded):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)  # WAGTAILADMIN_BASE_URL
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.title == "Korte Keten" and home.live
    assert not Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).exists()
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"nl", "en"}
    sections = {type(page).__name__: page.title for page in home.get_children().specific()}
    assert sections["ContactDeskPage"] == "Loket"
    assert set(ContentPage.objects.child_of(home).values_list("slug", flat=True)) == {
        "wat-is-een-korte-keten",
        "cateringdeal",
        "intentieverklaring",
    }
    assert not Page.objects.filter(live=False).exists()


def test_the_short_chain_page_quotes_the_letters_figures(seeded):
    body = str(ContentPage.objects.get(slug="wat-is-een-korte-keten").body)
    assert "GfK" in body and "30% tot 40%" in body
    assert "ABN AMRO" in body and "ruim 80%" in body and "Trouw" in body


def test_twelve_provinces_and_who_joined(seeded):
    provinces = {page.code: page for page in ProvincePage.objects.all()}
    assert len(provinces) == 12
    friesland = provinces.pop("friesland")
    assert not friesland.joined_catering_deal and not friesland.joined_declaration_of_intent
    assert all(p.joined_catering_deal and p.joined_declaration_of_intent for p in provinces.values())
    assert {code for code, p in provinces.items() if p.leads_declaration} == LEADS
    for province in ProvincePage.objects.all():
        initiatives = InitiativePage.objects.child_of(province)
        assert len(initiatives) == 1 and initiatives[0].is_example
        assert PolicyPage.objects.child_of(province).get().title == f"Beleid korte keten {province.title}"


def test_four_episodes_visit_every_province_once(seeded):
    series = SeriesPage.objects.get(locale__language_code="nl")
    episodes = EpisodePage.objects.child_of(series).order_by("number")
    assert [e.number for e in episodes] == [1, 2, 3, 4]
    assert [e.theme.slug for e in episodes] == [
        "made-cooked-in-holland",
        "keten-van-morgen",
        "de-cirkel-is-rond",
        "boer-en-buurt",
    ]
    provinces = Counter()
    for episode in episodes:
        chapters = list(episode.chapters.order_by("sort_order"))
        assert [c.start for c in chapters] == [0, 8, 16]
        # Probed on upload; the processing task (HLS, poster) runs after commit, as for an editor's upload.
        assert episode.video.video_codec == "h264" and 20 <= episode.video.duration <= 30
        assert "DEMO-TRANSCRIPTIE" in episode.transcript
        for chapter in chapters:
            provinces[chapter.initiative.province.code] += 1
            assert episode.theme in chapter.initiative.themes.all()
    assert len(provinces) == 12 and set(provinces.values()) == {1}


def test_the_webcast_of_5_october_2020(seeded):
    webcast = WebcastPage.objects.get(slug="webcast")
    start = webcast.start_at.astimezone(ZONE)
    assert (start.date().isoformat(), start.hour) == ("2020-10-05", 15)
    assert webcast.end_at > webcast.start_at
    assert webcast.state == WebcastPage.State.REPLAY
    assert len(webcast.programme) >= 4 and "WUR" in webcast.description
    assert webcast.chapters.count() >= 3


def test_the_contact_desk_form(seeded):
    desk = ContactDeskPage.objects.get()
    fields = {field.label: field for field in desk.form_fields.all()}
    assert list(fields) == ["Naam", "E-mailadres", "Organisatie", "Provincie", "Vraag"]
    assert not fields["Organisatie"].required and fields["Vraag"].field_type == "multiline"
    assert len(fields["Provincie"].choices.splitlines()) == 12
    assert desk.to_address == settings.CONTACT_DESK_EMAIL and desk.from_address == settings.DEFAULT_FROM_EMAIL


def test_the_videos_are_h264_mp4_objects_in_the_bucket(seeded, bucket, tmp_path):
    videos = Video.objects.all()
    assert len(videos) == 5 and {v.collection.name for v in videos} == {"Mediahub"}
    for video in videos:
        head = bucket.client.head_object(Bucket=bucket.name, Key=video.file.name)
        assert head["ContentType"] == "video/mp4"
        path = tmp_path / f"{video.pk}.mp4"
        path.write_bytes(bucket.read(video.file.name))
        info = probe_video(path)
        assert (info.video_codec, info.audio_codec) == ("h264", "aac")
        assert 20 <= info.duration <= 30


def test_english_themes_share_key_and_slug(seeded):
    for theme in Theme.objects.filter(locale__language_code="nl"):
        english = theme.get_translation(Locale.objects.get(language_code="en"))
        assert english.slug == theme.slug
    assert Theme.objects.filter(locale__language_code="en").count() == 4
    assert (
        Theme.objects.get(slug="boer-en-buurt", locale__language_code="en").name == "Farmer and Neighbourhood"
    )


def test_english_home_page_and_series(seeded):
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=en)
    assert home.live and home.title == "Short Food Chains"
    assert home.introduction.startswith("Countless initiatives")
    assert SeriesPage.objects.get(locale=en).live and MediaHubPage.objects.get(locale=en).live


def test_english_home_page_renders_in_english(seeded, client):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and "Short Food Chains" in html
