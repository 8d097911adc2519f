"""Assertions and form data shared by the editorial tests."""

from contextlib import contextmanager

from django.contrib.messages import constants, get_messages
from django.urls import reverse

from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from media_hub.models import Video

PAGE_STATE = (
    "pk",
    "path",
    "title",
    "slug",
    "live",
    "has_unpublished_changes",
    "latest_revision_id",
    "locked",
)


def assert_denied(response, not_found_is_fine=False):
    """Wagtail's refusal: a redirect to the dashboard with an error message, or a plain 403.

    Views that look an object up among those the user may see answer 404 instead.
    """
    if not_found_is_fine and response.status_code == 404:
        return
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]
        levels = [message.level for message in get_messages(response.wsgi_request)]
        assert constants.ERROR in levels
    else:
        assert response.status_code == 403, response.status_code


def state():
    return {
        "pages": list(Page.objects.order_by("pk").values_list(*PAGE_STATE)),
        "revisions": Revision.objects.count(),
        "page_log": PageLogEntry.objects.count(),
        "model_log": ModelLogEntry.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "videos": list(Video.objects.order_by("pk").values_list("pk", "title", "collection_id")),
    }


@contextmanager
def nothing_changes():
    """Not one page, revision, log entry, workflow or video differs afterwards."""
    before = state()
    yield
    assert state() == before


def initiative_data(page=None, **fields):
    """What the initiative form posts: the page's own values, changed by ``fields``."""
    values = {
        "title": page.title if page else "Nieuw initiatief",
        "slug": page.slug if page else "",
        "introduction": "",
        "producers": page.producers if page else "Boerderij De Hoeve",
        "partners": "",
        "products": page.products if page else "Melk",
        "municipality": page.municipality if page else "Ede",
        "website": "",
        "go_live_at": "",
        "expire_at": "",
        "body": streamfield([]),
    }
    values.update(fields)
    return nested_form_data(values)


def policy_data(page, **fields):
    values = {"title": page.title, "slug": page.slug, "introduction": "", "go_live_at": "", "expire_at": ""}
    values.update(fields)
    return nested_form_data({**values, "body": streamfield([])})


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent, model="initiativepage"):
    return reverse("wagtailadmin_pages:add", args=["provinces", model, parent.pk])
