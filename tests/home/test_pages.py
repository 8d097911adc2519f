"""Serving pages: each page type's template, and cache headers for visitors, editors and the contact desk.

These render the page templates in ``templates/pages/``.
"""

from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import Page, get_page_models

import pytest

from tests.factories import ContactDeskPageFactory, ContentPageFactory, EditorFactory

pytestmark = pytest.mark.django_db

PAGE_MODELS = [model for model in get_page_models() if model is not Page]


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_every_page_type_renders_its_template_from_templates_pages(model):
    name = model().get_template(RequestFactory().get("/"))

    assert name == f"pages/{model._meta.model_name}.html"
    assert get_template(name)


def test_a_visitor_gets_a_briefly_cacheable_page(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Wat is een korte keten")

    response = client.get(page.url)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_an_editor_never_gets_a_cached_page(admin_client, home_page):
    response = admin_client.get(home_page.url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_contact_desk_is_never_cached_because_it_carries_a_csrf_token(client, home_page):
    desk = ContactDeskPageFactory(parent=home_page)

    response = client.get(desk.url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_an_editor_may_add_only_allowed_page_types_under_the_home_page(client, home_page):
    client.force_login(EditorFactory())

    allowed = client.get(reverse("wagtailadmin_pages:add", args=["home", "contentpage", home_page.pk]))
    refused = client.get(reverse("wagtailadmin_pages:add", args=["provinces", "provincepage", home_page.pk]))

    assert allowed.status_code == 200
    assert (refused.status_code, refused.url) == (
        302,
        reverse("wagtailadmin_home"),
    )  # Wagtail's "permission denied"


@pytest.mark.django_db
def test_routable_pages_send_cache_headers_too(client, admin_client, site):
    """Theme index and episode pages answer through RoutablePageMixin; they must still be cacheable
    for visitors and never cached for editors."""
    from tests.factories import EpisodePageFactory, ThemeIndexPageFactory

    pages = [
        ThemeIndexPageFactory(parent=site.root_page),
        EpisodePageFactory(parent__parent__parent=site.root_page),
    ]
    for page in pages:
        assert "max-age=60" in client.get(page.url)["Cache-Control"]
        assert "no-store" in admin_client.get(page.url)["Cache-Control"]
