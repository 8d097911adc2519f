"""Tree rules of the home app's page types, checked both ways against every page model."""

from wagtail.models import Page

import pytest

from home.models import ContactDeskPage, ContentPage, HomePage, ThemeIndexPage
from media_hub.models import MediaHubPage, WebcastPage
from provinces.models import ProvinceIndexPage
from tests.factories import ContactDeskPageFactory, ThemeIndexPageFactory
from tests.tree_rules import tree_rule_tests

PARENTS = {
    HomePage: {Page},
    ContentPage: {HomePage, ContentPage},
    ContactDeskPage: {HomePage},
    ThemeIndexPage: {HomePage},
}
SUBPAGES = {
    HomePage: {ContentPage, ContactDeskPage, ThemeIndexPage, ProvinceIndexPage, MediaHubPage, WebcastPage},
    ContentPage: {ContentPage},
    ContactDeskPage: set(),
    ThemeIndexPage: set(),
}
test_allowed_parent_page_types, test_allowed_subpage_types, test_can_create_only_under_allowed_parents = (
    tree_rule_tests(PARENTS, SUBPAGES)
)


def test_one_home_page_per_parent(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())


@pytest.mark.parametrize("factory", [ContactDeskPageFactory, ThemeIndexPageFactory], ids=lambda f: f.__name__)
def test_one_desk_and_one_theme_index_per_home_page(home_page, factory):
    model = factory._meta.model
    assert model.can_create_at(home_page)
    factory(parent=home_page)
    assert not model.can_create_at(home_page)
    assert ContentPage.can_create_at(home_page)
