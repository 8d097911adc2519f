"""The calendar's queries do not grow with the number of pages: 10 entries cost what 1,000 cost.

Creating a page through Wagtail takes ~0.2 s here, so the bulk of the entries is written
the way Wagtail stores it (page rows with tree paths, revisions, workflow and task states)
in a few INSERTs. The calendar reads only those rows.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Revision, TaskState, WorkflowState

import pytest

from home.models import ContentPage
from media_hub.models import WebcastPage
from planning import periods
from provinces.models import PolicyPage


def add_children(parent, model, count, **fields):
    """``count`` live pages under ``parent``, as treebeard and Wagtail would store them."""
    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    pages = []
    for n in range(parent.numchild + 1, parent.numchild + count + 1):
        slug = f"{model._meta.model_name}-{parent.pk}-{n}"
        pages.append(
            Page(
                title=f"Massa {slug}",
                draft_title=f"Massa {slug}",
                slug=slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                path=Page._get_path(parent.path, parent.depth + 1, n),
                depth=parent.depth + 1,
                url_path=f"{parent.url_path}{slug}/",
                **fields,
            )
        )
    Page.objects.bulk_create(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    return pages


def add_webcasts(parent, count, at):
    pages = add_children(parent, WebcastPage, count)
    for page in pages:  # the specific rows only: the page rows exist already
        webcast = WebcastPage(page_ptr_id=page.pk, start_at=at, end_at=at + datetime.timedelta(hours=1))
        webcast.save_base(raw=True, force_insert=True)
    return pages


def add_revisions(pages, **fields):
    page_type = ContentType.objects.get_for_model(Page)
    return Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                content={},
                object_str=page.title,
                created_at=timezone.now(),
                **fields,
            )
            for page in pages
        ]
    )


def add_reviews(pages, workflow, user):
    revisions = add_revisions(pages)
    task = workflow.tasks.get()
    page_type = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.bulk_create(
        [
            WorkflowState(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                workflow=workflow,
                requested_by=user,
            )
            for page in pages
        ]
    )
    task_states = TaskState.objects.bulk_create(
        [
            TaskState(
                workflow_state=state,
                revision=revision,
                task=task,
                content_type=ContentType.objects.get_for_model(TaskState),
            )
            for state, revision in zip(states, revisions, strict=True)
        ]
    )
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    WorkflowState.objects.bulk_update(states, ["current_task_state"])


def add_entries(world, user, count, at):
    """``count`` calendar entries spread over the kinds and the two provinces and the nation."""
    share = count // 5
    scheduled = add_children(world.gelderland, PolicyPage, share, live=False, go_live_at=at)
    scheduled += add_children(world.utrecht, PolicyPage, share, live=False, go_live_at=at)
    add_revisions(scheduled, approved_go_live_at=at)
    add_children(world.home, ContentPage, share, live=True, expire_at=at + datetime.timedelta(hours=1))
    add_reviews(add_children(world.gelderland, PolicyPage, share, live=False), world.workflow, user)
    add_webcasts(world.home, count - 4 * share, at + datetime.timedelta(hours=2))


def count_queries(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm: the user's profile, content types
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts[name] = len(queries)
    return counts


@pytest.mark.parametrize("user_fixture", ["ministry_user", "gelderland_editor"])
def test_query_count_does_not_grow_from_10_to_1000_entries(client, world, soon, request, user_fixture):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    day = soon.date()
    urls = {
        "week": f"{reverse('planning_calendar:week')}?week={periods.week_code(day)}",
        "month": f"{reverse('planning_calendar:month')}?month={periods.month_code(day)}",
        "upcoming": reverse("planning_calendar:upcoming"),
        "feed": client.get(reverse("planning_calendar:week")).context["feed_url"],
    }

    add_entries(world, user, 10, soon)
    small = count_queries(client, urls)
    add_entries(world, user, 990, soon)
    large = count_queries(client, urls)
    print(f"\n{user_fixture}: queries with 10 entries {small}, with 1,000 entries {large}")

    assert large == small
    assert max(large.values()) <= 25
    entries = client.get(urls["upcoming"]).context["entries"]
    expected = 800 if user_fixture == "ministry_user" else 200  # reviews began before the list starts
    assert len(entries) == expected
    assert len(client.get(urls["upcoming"]).context["open_reviews"]) == 200
