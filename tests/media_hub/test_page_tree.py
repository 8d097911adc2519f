"""Tree rules of the media hub, series, episodes and webcasts, checked both ways against every page model."""

from wagtail.models import get_page_models

import pytest

from home.models import HomePage
from media_hub.models import EpisodePage, MediaHubPage, SeriesPage, WebcastPage
from tests.factories import MediaHubPageFactory, WebcastPageFactory

PARENTS = {
    MediaHubPage: {HomePage},
    SeriesPage: {MediaHubPage},
    EpisodePage: {SeriesPage},
    WebcastPage: {HomePage},
}
SUBPAGES = {
    MediaHubPage: {SeriesPage},
    SeriesPage: {EpisodePage},
    EpisodePage: set(),
    WebcastPage: set(),
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


@pytest.mark.parametrize(("parent", "child"), PAIRS, ids=name)
def test_can_create_only_under_allowed_parents(page_tree, parent, child):
    if parent in PARENTS[child]:
        page_tree.assertCanCreateAt(parent, child)
    else:
        page_tree.assertCanNotCreateAt(parent, child)


def test_one_media_hub_but_many_webcasts_per_home_page(home_page):
    MediaHubPageFactory(parent=home_page)
    WebcastPageFactory(parent=home_page)
    assert not MediaHubPage.can_create_at(home_page)
    assert WebcastPage.can_create_at(home_page)
