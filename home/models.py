"""Shared base of the site: the home page, generic content and form pages, themes."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import BodyBlock
from .forms import LocalTimesFormPageForm, LocalTimesPageForm, LocalTimesPublishingPanel

PUBLIC_CACHE_SECONDS = 60  # a webcast's state may change; visitors see it within a minute


class CacheHeadersMixin:
    """Public pages may be cached briefly by a CDN; previews and logged-in views never."""

    def serve(self, request, *args, **kwargs):
        return self.add_cache_headers(request, super().serve(request, *args, **kwargs))

    def add_cache_headers(self, request, response):
        if getattr(request, "is_preview", False) or request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=self.public_cache_seconds())
        return response

    def public_cache_seconds(self):
        return PUBLIC_CACHE_SECONDS


class CachedRoutablePageMixin(RoutablePageMixin):
    """RoutablePageMixin.serve answers its routes itself, so CacheHeadersMixin.serve never runs: add the headers here."""

    def serve(self, request, *args, **kwargs):
        return self.add_cache_headers(request, super().serve(request, *args, **kwargs))


class BasePage(CacheHeadersMixin, Page):
    """Abstract base of every page: an introduction shown under the title and on cards."""

    introduction = models.TextField(_("inleiding"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.FilterField("locale_id"),
    ]
    content_panels = Page.content_panels + [FieldPanel("introduction")]
    # Go-live and expiry in Dutch time, with a choice on the nights the clocks change.
    settings_panels = [LocalTimesPublishingPanel(), *Page.settings_panels[1:]]
    base_form_class = LocalTimesPageForm

    class Meta:
        abstract = True


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """One of the four themes of the video series; used by episodes and initiatives."""

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Deel van het webadres, in elke taal gelijk.")
    )
    summary = models.TextField(_("samenvatting"))
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.FilterField("locale_id")]
    # wagtail-localize: name and summary are translated; slug and order stay in sync.
    override_translatable_fields = []

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def get_translatable_fields(self):
        return ["name", "summary"]


class HomePage(BasePage):
    """The site root: the trade mission at a glance. Edited by communications staff."""

    template = "pages/homepage.html"

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "home.ContactDeskPage",
        "home.ThemeIndexPage",
        "provinces.ProvinceIndexPage",
        "media_hub.MediaHubPage",
        "media_hub.WebcastPage",
    ]
    max_count_per_parent = 1
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific().order_by("path")
        return context


class ContentPage(BasePage):
    """A page of text and media: what short chains are, the catering deal, the declaration."""

    template = "pages/contentpage.html"

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("inhoudspagina")


class ContactDeskField(AbstractFormField):
    page = ParentalKey("ContactDeskPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactDeskPage(CacheHeadersMixin, AbstractEmailForm):
    """The contact desk ("loket"): stores each question and e-mails it to the desk.

    Run by the Taskforce Korte Keten.
    """

    introduction = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))
    thank_you_text = RichTextField(_("bedanktekst"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/contactdeskpage.html"
    landing_page_template = "pages/contactdeskpage_landing.html"
    search_fields = AbstractEmailForm.search_fields + [
        index.SearchField("introduction"),
        index.FilterField("locale_id"),
    ]
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Formuliervelden")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail naar het loket"),
        ),
    ]
    settings_panels = BasePage.settings_panels
    base_form_class = LocalTimesFormPageForm

    class Meta:
        verbose_name = _("loket")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)  # carries a CSRF token
        return response


class ThemeIndexPage(CachedRoutablePageMixin, BasePage):
    """Lists the four themes; each theme has its own page at ``<slug>/``."""

    template = "pages/themeindexpage.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("thema-overzicht")

    def themes(self):
        return Theme.objects.filter(locale=self.locale).order_by("sort_order", "name")

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides={"themes": self.themes()})

    @path("<slug:slug>/")
    def theme_route(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug, locale=self.locale)
        return self.render(
            request,
            template="pages/theme.html",
            context_overrides={
                "theme": theme,
                "episodes": theme_pages(theme, "episodes", self.locale).order_by("number"),
                "initiatives": with_parent_pages(
                    theme_pages(theme, "initiatives", self.locale).order_by("title"), "province_page"
                ),
            },
        )


def theme_pages(theme, related_name, locale):
    """Live pages in ``locale`` that use ``theme`` or one of its translations.

    Reached through the reverse relation so this app needs no import of the apps
    that own episodes and initiatives.
    """
    page_model = Theme._meta.get_field(related_name).related_model
    field_name = Theme._meta.get_field(related_name).field.name
    return (
        page_model.objects.live()
        .public()
        .filter(locale=locale, **{f"{field_name}__translation_key": theme.translation_key})
        .distinct()
    )


def with_parent_pages(pages, attribute="parent_page"):
    """Attach each page's parent (specific) as ``attribute`` with one query for all: no N+1 in cards."""
    pages = list(pages)
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths).specific()}
    for page in pages:
        setattr(page, attribute, parents.get(page.path[: -Page.steplen]))
    return pages
