"""Themes, the pages that use them, and the home page's sections."""

from django.db import IntegrityError
from django.test import RequestFactory

from wagtail.models import Locale, PageViewRestriction

import pytest

from home.models import HomePage, Theme, theme_pages
from tests.factories import (
    ContentPageFactory,
    EpisodePageFactory,
    InitiativePageFactory,
    MediaHubPageFactory,
    ThemeFactory,
    ThemeIndexPageFactory,
    WebcastPageFactory,
)

pytestmark = pytest.mark.django_db


def test_a_theme_slug_is_unique_per_locale():
    ThemeFactory(slug="sterke-regios")
    with pytest.raises(IntegrityError):
        ThemeFactory(slug="sterke-regios")


def test_a_theme_gets_the_default_locale_and_only_name_and_summary_are_translated():
    theme = ThemeFactory()

    assert theme.locale == Locale.get_default()
    assert theme.get_translatable_fields() == ["name", "summary"]


def test_the_theme_index_lists_its_locales_themes_in_order(home_page):
    index = ThemeIndexPageFactory(parent=home_page)
    later = ThemeFactory(name="A", sort_order=2)
    first = ThemeFactory(name="Z", sort_order=1)
    tie = ThemeFactory(name="B", sort_order=2)
    english = Locale.objects.create(language_code="en")
    first.copy_for_translation(english).save()

    assert list(index.themes()) == [first, later, tie]


def test_theme_pages_are_the_live_public_ones_that_use_the_theme(home_page):
    theme, other = ThemeFactory(), ThemeFactory()
    shown = EpisodePageFactory(parent__parent__parent=home_page, theme=theme, title="Getoond")
    EpisodePageFactory(parent=shown.get_parent(), theme=theme, live=False)
    EpisodePageFactory(parent=shown.get_parent(), theme=other)
    private = EpisodePageFactory(parent=shown.get_parent(), theme=theme)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    initiative = InitiativePageFactory(parent__parent__parent=home_page)
    initiative.themes.add(theme, other)
    initiative.save()

    assert list(theme_pages(theme, "episodes", Locale.get_default())) == [shown]
    assert list(theme_pages(theme, "initiatives", Locale.get_default())) == [initiative]
    assert not theme_pages(theme, "episodes", Locale.objects.create(language_code="en")).exists()


def test_the_home_page_sections_are_its_live_public_children_in_tree_order(home_page):
    media = MediaHubPageFactory(parent=home_page)
    content = ContentPageFactory(parent=home_page)
    ContentPageFactory(parent=home_page, live=False)
    webcast = WebcastPageFactory(parent=home_page)
    request = RequestFactory().get("/")

    sections = list(home_page.get_context(request)["sections"])

    assert sections == [media, content, webcast]
    assert type(sections[0]) is type(media), "sections are not specific pages"


def test_theme_str_is_its_name():
    assert str(Theme(name="Sterke regio's")) == "Sterke regio's"


def test_the_default_site_is_rooted_at_the_only_home_page(site, home_page):
    assert site.root_page.specific == home_page
    assert home_page.url == "/"
    assert [page.specific_class for page in home_page.get_parent().get_children()] == [HomePage]
