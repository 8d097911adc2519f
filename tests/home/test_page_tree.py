"""Tree rules of the home app's page types, checked both ways against every page model."""

from wagtail.models import Page, get_page_models

import pytest

from home.models import ContactDeskPage, ContentPage, HomePage, ThemeIndexPage
from media_hub.models import MediaHubPage, WebcastPage
from provinces.models import ProvinceIndexPage
from tests.factories import ContactDeskPageFactory, ThemeIndexPageFactory

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
PAIRS = [(parent, child) for child in PARENTS for parent in get_page_models()]


def name(model):
    return model.__name__


@pytest.mark.parametrize("model", PARENTS, ids=name)
def test_allowed_parent_page_types(page_tree, model):
    page_tree.assertAllowedParentPageTypes(model, PARENTS[model])


@pytest.mark.parametrize("model", SUBPAGES, ids=name)
def test_allowed_subpage_types(page_tree, model):
    page_tree.assertAllowedSubpageTypes(model, SUBPAGES[model])


def test_only_a_home_page_may_sit_at_the_root(page_tree):
    # The bare Page type is listed too, but editors can never create one (is_creatable).
    page_tree.assertAllowedSubpageTypes(Page, {Page, HomePage})
    assert [model for model in Page.creatable_subpage_models() if model in Page.allowed_subpage_models()] == [
        HomePage
    ]


@pytest.mark.parametrize(("parent", "child"), PAIRS, ids=name)
def test_can_create_only_under_allowed_parents(page_tree, parent, child):
    if parent in PARENTS[child]:
        page_tree.assertCanCreateAt(parent, child)
    else:
        page_tree.assertCanNotCreateAt(parent, child)


def test_one_home_page_per_parent(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())


@pytest.mark.parametrize("factory", [ContactDeskPageFactory, ThemeIndexPageFactory], ids=lambda f: f.__name__)
def test_one_desk_and_one_theme_index_per_home_page(home_page, factory):
    model = factory._meta.model
    assert model.can_create_at(home_page)
    factory(parent=home_page)
    assert not model.can_create_at(home_page)
    assert ContentPage.can_create_at(home_page)
