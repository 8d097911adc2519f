"""Tree rules of provinces, initiatives and policy pages, checked both ways against every page model."""

from wagtail.models import get_page_models

import pytest

from home.models import HomePage
from provinces.models import InitiativePage, PolicyPage, ProvinceIndexPage, ProvincePage
from tests.factories import ProvinceIndexPageFactory, ProvincePageFactory

PARENTS = {
    ProvinceIndexPage: {HomePage},
    ProvincePage: {ProvinceIndexPage},
    InitiativePage: {ProvincePage},
    PolicyPage: {ProvincePage},
}
SUBPAGES = {
    ProvinceIndexPage: {ProvincePage},
    ProvincePage: {InitiativePage, PolicyPage},
    InitiativePage: set(),
    PolicyPage: set(),
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


def test_one_province_index_per_home_page_and_many_provinces(home_page):
    index = ProvinceIndexPageFactory(parent=home_page)
    assert not ProvinceIndexPage.can_create_at(home_page)
    ProvincePageFactory(parent=index)
    assert ProvincePage.can_create_at(index)
