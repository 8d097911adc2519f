"""Build the demo site of the 2020 trade mission; ``manage.py seed_demo`` runs ``Seeder``.

Every step finds what an earlier run made (by slug, code or translation key)
and only writes what differs, so running it again changes nothing.
"""

from collections import Counter
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Locale, Page, Site

from home.models import ContactDeskPage, ContentPage, HomePage, Theme, ThemeIndexPage
from media_hub.models import EpisodePage, MediaHubPage, SeriesPage, WebcastPage
from provinces.models import InitiativePage, PolicyPage, ProvinceIndexPage, ProvincePage

from . import content
from .clips import ClipSpec
from .content.media import CHAPTER_STARTS, EPISODE_CLIP_SECONDS, WEBCAST_CLIP_SECONDS
from .pages import upsert_object, upsert_page
from .text import translations
from .translation import translate
from .videos import ensure_collection, ensure_video

THEMES_BY_SLUG = {spec["slug"]: spec for spec in content.THEMES}
PROVINCE_TITLES = {code: title for code, title, _ in content.PROVINCES}


class Seeder:
    def __init__(self, clip_dir):
        self.clip_dir = clip_dir
        self.user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        self.pages = {}  # the register that ``Ref`` links resolve against
        self.tally = Counter()

    def run(self):
        self.nl = Locale.objects.get_or_create(language_code="nl")[0]
        self.en = Locale.objects.get_or_create(language_code="en")[0]
        with transaction.atomic():
            self.themes = self.seed_themes()
        videos = self.seed_videos()
        with transaction.atomic():
            self.seed_pages(videos)
        return self.tally

    def note(self, kind, status):
        self.tally[kind, status] += 1

    # --- Themes and videos -------------------------------------------------

    def seed_themes(self):
        themes = {}
        for order, spec in enumerate(content.THEMES):
            fields = {"name": spec["name"].nl, "summary": spec["summary"].nl, "sort_order": order}
            theme, status = upsert_object(Theme, {"slug": spec["slug"], "locale": self.nl}, fields)
            self.note("theme", status)
            strings = translations(spec["name"], spec["summary"]) | {spec["slug"]: spec["slug"]}
            self.note("translation", translate(theme, self.en, strings, self.user)[1])
            themes[spec["slug"]] = theme
        return themes

    def seed_videos(self):
        collection = ensure_collection()
        videos = {}
        for key, spec in clip_specs().items():
            with transaction.atomic():
                videos[key], status = ensure_video(spec, collection, self.clip_dir, self.user)
            self.note("video", status)
        return videos

    # --- Pages ---------------------------------------------------------------

    def page(self, key, parent, model, lookup, fields):
        page, status = upsert_page(parent, model, lookup, fields, self.pages)
        self.note("page", status)
        self.pages[key] = page
        return page

    def seed_pages(self, videos):
        """Sections in the order visitors meet them; bodies that link to later pages come last."""
        home = self.seed_home()
        for spec in content.CONTENT_PAGES[:1]:
            self.page(spec["slug"], home, ContentPage, {"slug": spec["slug"]}, without_body(spec))
        self.seed_media(home, videos)
        for spec in content.CONTENT_PAGES[1:]:
            self.page(spec["slug"], home, ContentPage, {"slug": spec["slug"]}, without_body(spec))
        self.seed_provinces(home)
        self.page("themas", home, ThemeIndexPage, {"slug": "themas"}, without_slug(content.THEME_INDEX))
        self.seed_contact_desk(home)
        self.seed_episodes(videos)
        for spec in content.CONTENT_PAGES:
            self.page(spec["slug"], home, ContentPage, {"slug": spec["slug"]}, {"body": spec["body"]})
        self.page("home", home.get_parent(), HomePage, {"locale": self.nl}, {"body": content.HOME_BODY})
        self.translate_pages()

    def seed_home(self):
        root = Page.get_first_root_node()
        home = self.page("home", root, HomePage, {"locale": self.nl}, dutch(content.HOME))
        point_default_site(home)
        remove_welcome_page()
        return home

    def seed_media(self, home, videos):
        hub_fields = dutch(content.MEDIA_HUB)
        hub = self.page("mediahub", home, MediaHubPage, {"slug": hub_fields.pop("slug")}, hub_fields)
        series_fields = dutch(content.SERIES)
        self.page("series", hub, SeriesPage, {"slug": series_fields.pop("slug")}, series_fields)
        webcast = without_slug(content.WEBCAST) | {"replay_video": videos["webcast"]}
        self.page("webcast", home, WebcastPage, {"slug": content.WEBCAST["slug"]}, webcast)

    def seed_provinces(self, home):
        index = self.page(
            "provincies",
            home,
            ProvinceIndexPage,
            {"slug": "provincies"},
            without_slug(content.PROVINCE_INDEX),
        )
        episode_of = {code: number for number, _, codes in content.EPISODES for code in codes}
        theme_of = {number: slug for number, slug, _ in content.EPISODES}
        for code, title, slug in content.PROVINCES:
            province = self.page(
                code, index, ProvincePage, {"code": code}, content.province_fields(code, title, slug)
            )
            theme = self.themes[theme_of[episode_of[code]]]
            fields = content.initiative_fields(content.INITIATIVES[code], theme)
            self.page(f"initiative-{code}", province, InitiativePage, {"slug": fields.pop("slug")}, fields)
            fields = content.policy_fields(title)
            self.page(f"policy-{code}", province, PolicyPage, {"slug": fields.pop("slug")}, fields)

    def seed_contact_desk(self, home):
        fields = without_slug(content.CONTACT_DESK) | {
            "to_address": settings.CONTACT_DESK_EMAIL,
            "from_address": settings.DEFAULT_FROM_EMAIL,
            "form_fields": content.contact_desk_fields([title for _, title, _ in content.PROVINCES]),
        }
        self.page("loket", home, ContactDeskPage, {"slug": "loket"}, fields)

    def seed_episodes(self, videos):
        series = self.pages["series"]
        for number, theme_slug, codes in content.EPISODES:
            stops = [
                (PROVINCE_TITLES[code], self.pages[f"initiative-{code}"], content.INITIATIVES[code]["story"])
                for code in codes
            ]
            fields = content.episode_fields(number, self.themes[theme_slug], stops)
            fields["video"] = videos[f"aflevering-{number}"]
            self.page(f"episode-{number}", series, EpisodePage, {"slug": fields.pop("slug")}, fields)

    def translate_pages(self):
        """English home page, media hub and series, through wagtail-localize."""
        for key, *specs in (
            ("home", content.HOME, content.HOME_BODY),
            ("mediahub", content.MEDIA_HUB),
            ("series", content.SERIES),
        ):
            _, status = translate(self.pages[key], self.en, translations(*specs), self.user)
            self.note("translation", status)


def clip_specs():
    """One clip per episode, captioned with its chapters, and one for the webcast replay."""
    specs = {}
    for number, theme_slug, codes in content.EPISODES:
        title = content.episode_title(number, THEMES_BY_SLUG[theme_slug]["name"].nl)
        captions = tuple(
            (start, f"{PROVINCE_TITLES[code]}: {content.INITIATIVES[code]['title']}")
            for start, code in zip(CHAPTER_STARTS, codes, strict=True)
        )
        specs[f"aflevering-{number}"] = ClipSpec(
            f"aflevering-{number}", title, EPISODE_CLIP_SECONDS, captions
        )
    captions = tuple((chapter["start"], chapter["title"]) for chapter in content.WEBCAST["chapters"])
    specs["webcast"] = ClipSpec("webcast", content.WEBCAST["title"], WEBCAST_CLIP_SECONDS, captions)
    return specs


def dutch(spec):
    """The Dutch side of a bilingual spec; StreamField blocks stay pairs until stored."""
    return {name: getattr(value, "nl", value) for name, value in spec.items()}


def without_body(spec):
    return {name: value for name, value in spec.items() if name not in ("slug", "body")}


def without_slug(spec):
    return {name: value for name, value in spec.items() if name != "slug"}


def point_default_site(home):
    """The default site at the address the platform is served on, so full URLs (hreflang) work."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {
        "root_page_id": home.pk,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "hostname": base.hostname,
        "port": base.port or (443 if base.scheme == "https" else 80),
    }
    if site.pk is None or any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()


def remove_welcome_page():
    """Wagtail's own "Welcome to your new Wagtail site!" page, once no site starts there."""
    welcome = Page.objects.filter(
        depth=2,
        slug="home",
        numchild=0,
        content_type=ContentType.objects.get_for_model(Page),
        sites_rooted_here=None,
    )
    for page in welcome:
        page.delete()
