"""Provinces, their initiatives and policy pages: listings and helpers."""

from django.test import RequestFactory

import pytest

from provinces.models import InitiativePage, with_provinces
from tests.factories import (
    InitiativePageFactory,
    PolicyPageFactory,
    ProvinceIndexPageFactory,
    ProvincePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ProvinceIndexPageFactory(parent=home_page)


def test_the_index_lists_live_provinces_by_title(index):
    utrecht = ProvincePageFactory(parent=index, title="Utrecht")
    drenthe = ProvincePageFactory(parent=index, title="Drenthe")
    ProvincePageFactory(parent=index, title="Concept", live=False)

    provinces = index.get_context(RequestFactory().get("/"))["provinces"]

    assert list(provinces) == [drenthe, utrecht]


def test_a_province_lists_its_own_live_initiatives_and_policies(index):
    province, other = ProvincePageFactory(parent=index), ProvincePageFactory(parent=index)
    zuivel = InitiativePageFactory(parent=province, title="Zuivel")
    appels = InitiativePageFactory(parent=province, title="Appels")
    InitiativePageFactory(parent=province, title="Concept", live=False)
    InitiativePageFactory(parent=other)
    policy = PolicyPageFactory(parent=province)

    context = province.get_context(RequestFactory().get("/"))

    assert list(context["initiatives"]) == [appels, zuivel]
    assert list(context["policies"]) == [policy]


def test_an_initiative_knows_its_province_and_splits_its_lists(index):
    province = ProvincePageFactory(parent=index)
    initiative = InitiativePageFactory(
        parent=province, producers=" Boer Jansen \n\n  Tuinderij Zon\n", partners="", products="Melk\r\nKaas"
    )

    assert initiative.province == province
    assert initiative.producer_list() == ["Boer Jansen", "Tuinderij Zon"]
    assert initiative.partner_list() == []
    assert initiative.product_list() == ["Melk", "Kaas"]


def test_with_provinces_attaches_each_province_in_one_query(index, django_assert_num_queries):
    provinces = [ProvincePageFactory(parent=index) for _ in range(3)]
    for province in provinces:
        InitiativePageFactory(parent=province)
    initiatives = list(InitiativePage.objects.order_by("path"))

    with django_assert_num_queries(1):
        pages = with_provinces(initiatives)

    assert [page.province_page for page in pages] == provinces
