"""Tree rules of provinces, initiatives and policy pages, checked both ways against every page model."""

from home.models import HomePage
from provinces.models import InitiativePage, PolicyPage, ProvinceIndexPage, ProvincePage
from tests.factories import ProvinceIndexPageFactory, ProvincePageFactory
from tests.tree_rules import tree_rule_tests

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
test_allowed_parent_page_types, test_allowed_subpage_types, test_can_create_only_under_allowed_parents = (
    tree_rule_tests(PARENTS, SUBPAGES)
)


def test_one_province_index_per_home_page_and_many_provinces(home_page):
    index = ProvinceIndexPageFactory(parent=home_page)
    assert not ProvinceIndexPage.can_create_at(home_page)
    ProvincePageFactory(parent=index)
    assert ProvincePage.can_create_at(index)
