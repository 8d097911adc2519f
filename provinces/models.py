"""Provinces, their short-chain initiatives and their policy pages.

Each province's editors work only in their own ``ProvincePage`` subtree.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage


class ProvinceIndexPage(BasePage):
    """The list of all twelve provinces, under the home page."""

    template = "pages/provinceindexpage.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["provinces.ProvincePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("provincie-overzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["provinces"] = ProvincePage.objects.child_of(self).live().public().order_by("title")
        return context


class ProvincePage(BasePage):
    """One province: its part in the trade mission, its initiatives and its policy.

    Edited by that province's editors.
    """

    template = "pages/provincepage.html"

    code = models.SlugField(
        _("code"), max_length=20, help_text=_("Vaste korte naam, bijvoorbeeld 'gelderland'. Niet vertalen.")
    )
    joined_catering_deal = models.BooleanField(_("doet mee aan de cateringdeal"), default=True)
    joined_declaration_of_intent = models.BooleanField(_("tekent de intentieverklaring"), default=True)
    leads_declaration = models.BooleanField(_("trekker van de intentieverklaring"), default=False)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["provinces.ProvinceIndexPage"]
    subpage_types = ["provinces.InitiativePage", "provinces.PolicyPage"]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("code")]
    content_panels = BasePage.content_panels + [
        FieldPanel("code"),
        MultiFieldPanel(
            [
                FieldPanel("joined_catering_deal"),
                FieldPanel("joined_declaration_of_intent"),
                FieldPanel("leads_declaration"),
            ],
            heading=_("Handelsmissie"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["initiatives"] = (
            InitiativePage.objects.child_of(self).live().public().prefetch_related("themes").order_by("title")
        )
        context["policies"] = PolicyPage.objects.child_of(self).live().public().order_by("title")
        return context


class InitiativePage(BasePage):
    """A short-chain initiative in a province: who produces, who buys, what, where."""

    template = "pages/initiativepage.html"

    producers = models.TextField(_("producenten"), help_text=_("Boeren, tuinders en makers, één per regel."))
    partners = models.TextField(
        _("partners en afnemers"), blank=True, help_text=_("Afnemers, cateraars, winkels, één per regel.")
    )
    products = models.TextField(_("producten"), help_text=_("Eén per regel."))
    municipality = models.CharField(_("gemeente"), max_length=100)
    themes = ParentalManyToManyField(
        "home.Theme", related_name="initiatives", blank=True, verbose_name=_("thema's")
    )
    website = models.URLField(_("website"), blank=True)
    is_example = models.BooleanField(
        _("voorbeeldinhoud"),
        default=False,
        help_text=_("Aan voor verzonnen voorbeelden; de site toont dan dat het een voorbeeld is."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["provinces.ProvincePage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("producers"),
        index.SearchField("partners"),
        index.SearchField("products"),
        index.SearchField("municipality"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("producers"),
                FieldPanel("partners"),
                FieldPanel("products"),
                FieldPanel("municipality"),
                FieldPanel("website"),
            ],
            heading=_("Het initiatief"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_example"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    @property
    def province(self):
        return ProvincePage.objects.ancestor_of(self).first()

    @staticmethod
    def lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    def producer_list(self):
        return self.lines(self.producers)

    def partner_list(self):
        return self.lines(self.partners)

    def product_list(self):
        return self.lines(self.products)


class PolicyPage(BasePage):
    """A province's short-chain policy. Edited by that province's editors."""

    template = "pages/policypage.html"

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    parent_page_types = ["provinces.ProvincePage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("beleidspagina")
        verbose_name_plural = _("beleidspagina's")


def with_provinces(pages):
    """Attach each page's ``ProvincePage`` as ``province_page`` with one query for all."""
    pages = list(pages)
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    provinces = {p.path: p for p in ProvincePage.objects.filter(path__in=parent_paths)}
    for page in pages:
        page.province_page = provinces.get(page.path[: -Page.steplen])
    return pages
