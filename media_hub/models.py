"""Videos and the pages that show them: media hub, series, episodes, webcast."""

import re
import uuid
from pathlib import PurePath
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.coreutils import cautious_slugify
from wagtail.fields import RichTextField, StreamField
from wagtail.models import CollectionMember, Orderable, Page, ReferenceIndex
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import PUBLIC_CACHE_SECONDS, BasePage, CachedRoutablePageMixin

from .captions import chapters_webvtt
from .fields import TimecodeField


def video_upload_to(video, filename):
    """``videos/<key>/source/<ascii-name>``: one prefix per video holds all its files."""
    path = PurePath(filename)
    stem = cautious_slugify(path.stem)[:80] or "video"
    suffix = "".join(c for c in path.suffix.lower() if c.isalnum() or c == ".")[:8]
    return f"videos/{video.key.hex}/source/{stem}{suffix}"


class Video(CollectionMember, index.Indexed, ClusterableModel):
    """A video in the media library, stored in S3; chosen by episodes, webcasts and bodies.

    All its files live under ``videos/<key>/``: the source, the HLS ladder, the
    progressive MP4. The processing task fills in the probed facts and outputs.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        PROCESSING = "processing", _("Wordt verwerkt")
        READY = "ready", _("Klaar")
        FAILED = "failed", _("Mislukt")

    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    title = models.CharField(_("titel"), max_length=255)
    file = models.FileField(_("bestand"), upload_to=video_upload_to, max_length=255)
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("stilstaand beeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    original_filename = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=255, blank=True)
    file_size = models.PositiveBigIntegerField(_("bestandsgrootte"), null=True, editable=False)
    duration = models.FloatField(_("duur in seconden"), null=True, editable=False)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    video_codec = models.CharField(max_length=32, blank=True, editable=False)
    audio_codec = models.CharField(max_length=32, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    status_message = models.TextField(_("melding"), blank=True)
    progress = models.PositiveSmallIntegerField(_("voortgang in procenten"), default=0, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    heartbeat_at = models.DateTimeField(null=True, editable=False)
    hls_playlist = models.CharField(max_length=255, blank=True, editable=False)
    mp4_file = models.CharField(max_length=255, blank=True, editable=False)
    renditions = models.JSONField(default=list, blank=True, editable=False)
    poster_is_generated = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True, db_index=True)
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = CollectionMember.search_fields + [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.SearchField("original_filename"),
        index.FilterField("uploaded_by_user"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("video's")
        permissions = [("choose_video", "Can choose video")]
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_ready(self):
        return self.status == self.Status.READY

    @property
    def duration_display(self):
        if self.duration is None:
            return ""
        return format_timecode(round(self.duration))

    @property
    def mime_type(self):
        return {"webm": "video/webm", "mov": "video/quicktime", "mkv": "video/x-matroska"}.get(
            PurePath(self.file.name).suffix.lstrip(".").lower(), "video/mp4"
        )

    @property
    def hls_url(self):
        from .playback import hls_url

        return hls_url(self)

    @property
    def web_url(self):
        """The progressive MP4 once processed, else the original file."""
        from .playback import mp4_url

        return mp4_url(self)

    def get_playback_url(self):
        """A stable URL that redirects to a fresh presigned S3 URL (see ``views.serve_video``)."""
        return reverse("media_hub:video_file", args=[self.pk, self.key.hex])

    @cached_property
    def is_public(self):
        """True when a live page that anyone may see uses this video."""
        page_ids = (
            ReferenceIndex.get_references_to(self)
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        )
        return Page.objects.live().public().filter(pk__in=[int(pk) for pk in page_ids]).exists()


class VideoCaption(Orderable):
    """A caption or subtitle track, kept as cleaned WebVTT text (SRT is converted on upload)."""

    class Kind(models.TextChoices):
        CAPTIONS = "captions", _("Ondertiteling voor doven en slechthorenden")
        SUBTITLES = "subtitles", _("Vertaling")

    video = ParentalKey(Video, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(_("taal"), max_length=10, choices=settings.LANGUAGES)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.CAPTIONS)
    label = models.CharField(
        _("label"), max_length=100, help_text=_("Zoals de speler het toont, bijv. 'Nederlands'.")
    )
    webvtt = models.TextField(_("WebVTT"), editable=False)

    class Meta(Orderable.Meta):
        verbose_name = _("ondertitelspoor")
        verbose_name_plural = _("ondertitelsporen")
        constraints = [
            models.UniqueConstraint(fields=["video", "language", "kind"], name="unique_caption_track")
        ]

    def __str__(self):
        return self.label


def format_timecode(seconds):
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Chapter(Orderable):
    """A point in a video, with a title and optionally the initiative shown there."""

    start = TimecodeField(_("begintijd"), help_text=_("Bijvoorbeeld 3:25 of 1:02:03."))
    title = models.CharField(_("titel"), max_length=255)
    initiative = models.ForeignKey(
        "provinces.InitiativePage",
        verbose_name=_("initiatief"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")]), FieldPanel("initiative")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def start_display(self):
        return format_timecode(self.start)


class ChaptersTrackMixin(CachedRoutablePageMixin):
    """Serves the page's chapters as a WebVTT chapters track at ``chapters.vtt``."""

    @path("chapters.vtt/", name="chapters_track")  # Wagtail's routing adds the slash
    def chapters_track(self, request):
        from .tracks import webvtt_response

        video = self.chapters_video()
        chapters = [(c.start, c.title) for c in self.chapters.order_by("sort_order")]
        return webvtt_response(chapters_webvtt(chapters, video.duration if video else None))

    def chapters_track_url(self):
        return self.url + self.reverse_subpage("chapters_track").rstrip("/")


class MediaHubPage(BasePage):
    """The media hub: the video series and the webcast replay, under the home page."""

    template = "pages/mediahubpage.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["media_hub.SeriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mediahub")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["series_list"] = SeriesPage.objects.child_of(self).live().public().order_by("path")
        context["webcasts"] = (
            WebcastPage.objects.live().public().filter(locale=self.locale).order_by("-start_at")
        )
        return context


class SeriesPage(BasePage):
    """A video series; the trade mission's has four themed episodes."""

    template = "pages/seriespage.html"

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["media_hub.MediaHubPage"]
    subpage_types = ["media_hub.EpisodePage"]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("videoserie")
        verbose_name_plural = _("videoseries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = (
            EpisodePage.objects.child_of(self)
            .live()
            .public()
            .select_related("theme", "video", "video__poster")
            .prefetch_related("video__poster__renditions")
            .order_by("number")
        )
        return context


class EpisodePage(ChaptersTrackMixin, BasePage):
    """One episode: a theme, a video, and chapters visiting three initiatives."""

    template = "pages/episodepage.html"

    number = models.PositiveSmallIntegerField(_("aflevering"))
    theme = models.ForeignKey(
        "home.Theme", verbose_name=_("thema"), null=True, on_delete=models.SET_NULL, related_name="episodes"
    )
    video = models.ForeignKey(
        Video, verbose_name=_("video"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_video_url = models.URLField(
        _("externe video"),
        blank=True,
        help_text=_("Of een YouTube- of Vimeo-adres in plaats van een eigen video; laadt pas na een klik."),
    )
    description = RichTextField(_("beschrijving"), blank=True, features=["bold", "italic", "link", "ul"])
    transcript = models.TextField(
        _("transcriptie"),
        blank=True,
        help_text=_("Volledige tekst van wat er gezegd wordt; alinea's met een witregel."),
    )

    parent_page_types = ["media_hub.SeriesPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.FilterField("number"),
    ]
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("theme")]),
        FieldPanel("video"),
        FieldPanel("external_video_url"),
        FieldPanel("description"),
        InlinePanel("chapters", heading=_("Hoofdstukken"), label=_("Hoofdstuk")),
        FieldPanel("transcript"),
    ]

    class Meta:
        verbose_name = _("aflevering")
        verbose_name_plural = _("afleveringen")

    def chapters_video(self):
        return self.video

    def external_embed_url(self):
        """The YouTube/Vimeo player on its privacy-friendly address; loaded only after consent."""
        return privacy_embed_url(self.external_video_url) if self.external_video_url else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.chapters.select_related("initiative").order_by("sort_order")
        return context


class EpisodeChapter(Chapter):
    page = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="chapters")


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("tijd"))
    title = blocks.CharBlock(label=_("onderdeel"))
    speakers = blocks.CharBlock(required=False, label=_("sprekers"))

    class Meta:
        icon = "time"
        template = "components/streamfield/programme_item.html"
        label = _("Programmaonderdeel")
        description = _("Eén onderdeel van het programma: tijd, titel, sprekers.")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class WebcastPage(ChaptersTrackMixin, BasePage):
    """A webcast: announced, broadcast live, then watched again as a replay."""

    template = "pages/webcastpage.html"

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Gepland")
        LIVE = "live", _("Nu live")
        ENDED = "ended", _("Afgelopen")
        REPLAY = "replay", _("Terugkijken")

    start_at = models.DateTimeField(_("begint om"))
    end_at = models.DateTimeField(_("eindigt om"))
    description = RichTextField(_("beschrijving"), blank=True, features=["bold", "italic", "link", "ul"])
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programma"))
    live_stream_url = models.URLField(
        _("livestream"),
        blank=True,
        help_text=_("Een HLS-adres (.m3u8) of een YouTube- of Vimeo-adres; getoond tussen begin en einde."),
    )
    replay_video = models.ForeignKey(
        Video, verbose_name=_("opname"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    transcript = models.TextField(_("transcriptie"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")], heading=_("Uitzending")),
        FieldPanel("description"),
        FieldPanel("programme"),
        FieldPanel("live_stream_url"),
        MultiFieldPanel([FieldPanel("replay_video"), FieldPanel("transcript")], heading=_("Terugkijken")),
        InlinePanel("chapters", heading=_("Hoofdstukken"), label=_("Hoofdstuk")),
    ]

    class Meta:
        verbose_name = _("webcast")
        verbose_name_plural = _("webcasts")

    def chapters_video(self):
        return self.replay_video

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.start_at and self.end_at and self.end_at <= self.start_at:
            raise ValidationError({"end_at": _("Het einde moet na het begin liggen.")})

    def state_at(self, moment):
        if moment < self.start_at:
            return self.State.SCHEDULED
        if moment < self.end_at:
            return self.State.LIVE
        return self.State.REPLAY if self.replay_video_id else self.State.ENDED

    @property
    def state(self):
        return self.state_at(timezone.now())

    def next_transition_at(self, moment=None):
        """When the clock next changes the state (start, then end); None once it has ended."""
        moment = moment or timezone.now()
        return next((edge for edge in (self.start_at, self.end_at) if moment < edge), None)

    def seconds_until_next_transition(self, moment=None):
        moment = moment or timezone.now()
        edge = self.next_transition_at(moment)
        return None if edge is None else int((edge - moment).total_seconds())

    def public_cache_seconds(self):
        # A cached copy expires by the next transition: nobody sees "scheduled" once it is live.
        remaining = self.seconds_until_next_transition(timezone.now())
        return PUBLIC_CACHE_SECONDS if remaining is None else max(0, min(PUBLIC_CACHE_SECONDS, remaining))

    def is_hls_live_stream(self):
        return urlsplit(self.live_stream_url).path.lower().endswith(".m3u8")

    def live_embed_url(self):
        """The privacy-friendly player address of a YouTube or Vimeo stream; None for HLS or other hosts."""
        return privacy_embed_url(self.live_stream_url)

    @path("agenda.ics/", name="calendar_file")  # served at agenda.ics; Wagtail's routing adds the slash
    def calendar_file(self, request):
        from planning.ical import webcast_calendar_response

        return webcast_calendar_response(self, request)

    def calendar_file_url(self):
        return self.url + self.reverse_subpage("calendar_file").rstrip("/")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.chapters.select_related("initiative").order_by("sort_order")
        return context


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def privacy_embed_url(url):
    """``youtube-nocookie.com`` for YouTube, ``dnt=1`` for Vimeo; None for anything else."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in {"youtube.com", "youtube-nocookie.com", "youtu.be"}:
        if host == "youtu.be":
            video_id = segments[0] if segments else ""
        elif segments[:1] in (["live"], ["embed"], ["shorts"]) and len(segments) > 1:
            video_id = segments[1]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if YOUTUBE_ID.match(video_id) else None
    if host in {"vimeo.com", "player.vimeo.com"}:
        numbers = [segment for segment in segments if segment.isdigit()]
        if segments[:1] == ["event"] and numbers:
            return f"https://vimeo.com/event/{numbers[0]}/embed?dnt=1"
        return f"https://player.vimeo.com/video/{numbers[0]}?dnt=1" if numbers else None
    return None


class WebcastChapter(Chapter):
    page = ParentalKey(WebcastPage, on_delete=models.CASCADE, related_name="chapters")


class VideoUpload(models.Model):
    """A browser's direct-to-S3 multipart upload, from its start until it becomes a ``Video``.

    ``key`` becomes the video's key, so the object already sits under the video's own prefix.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Bezig")
        COMPLETED = "completed", _("Voltooid")
        ABORTED = "aborted", _("Afgebroken")
        FAILED = "failed", _("Afgekeurd")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    collection = models.ForeignKey("wagtailcore.Collection", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    object_key = models.CharField(max_length=255)
    upload_id = models.CharField(max_length=1024)
    part_size = models.PositiveBigIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    status_message = models.TextField(blank=True)
    video = models.ForeignKey(Video, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("video-upload")
        verbose_name_plural = _("video-uploads")

    def __str__(self):
        return self.filename

    @property
    def part_count(self):
        return -(-self.size // self.part_size)
