"""The review workflow through the admin, its e-mail, and the audit trail of pages and videos."""

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry, Page, PageLogEntry, WorkflowState

import pytest

from media_hub.models import Video
from provinces.editorial import REVIEW_WORKFLOW

from .utils import add_url, assert_denied, edit_url, initiative_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def gelderland(tree):
    return tree.provinces["Gelderland"]


def submit(client, province, title):
    client.force_login(province.editor)
    data = initiative_data(province.initiative, title=title, **{"action-submit": "1"})
    assert client.post(edit_url(province.initiative), data).status_code == 302
    return Page.objects.get(pk=province.initiative.pk).current_workflow_task_state


def workflow_action(client, page, action, task_state, comment=""):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def history(client, page):
    return client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()


def test_every_province_is_under_review(tree):
    for province in tree.provinces.values():
        assert province.page.get_workflow().name == REVIEW_WORKFLOW
        assert province.initiative.get_workflow().name == REVIEW_WORKFLOW
    assert tree.desk.get_workflow().name != REVIEW_WORKFLOW


def test_submitted_then_approved_by_the_ministry(client, tree, gelderland):
    task_state = submit(client, gelderland, "Streekmarkt Ede, nu elke zaterdag")

    [to_reviewers] = mail.outbox
    assert to_reviewers.to == [tree.ministry.email]
    assert "Streekmarkt Ede, nu elke zaterdag" in to_reviewers.subject
    assert to_reviewers.from_email == "noreply@korteketen.invalid"
    # Editors cannot review their own work.
    assert_denied(workflow_action(client, gelderland.initiative, "approve", task_state))

    client.force_login(tree.ministry)
    approved = workflow_action(client, gelderland.initiative, "approve", task_state, "Prima zo.")
    assert approved.status_code == 302

    page = Page.objects.get(pk=gelderland.initiative.pk)
    assert page.title == "Streekmarkt Ede, nu elke zaterdag"
    assert page.live and not page.has_unpublished_changes
    to_editor = mail.outbox[-1]
    assert to_editor.to == [gelderland.editor.email]
    assert "Streekmarkt Ede" in to_editor.subject
    entries = PageLogEntry.objects.filter(page=page)
    assert entries.filter(action="wagtail.workflow.start", user=gelderland.editor).exists()
    assert entries.filter(action="wagtail.workflow.approve", user=tree.ministry).exists()
    assert entries.filter(action="wagtail.publish", user=tree.ministry).exists()
    for viewer in (gelderland.editor, tree.ministry):
        client.force_login(viewer)
        html = history(client, page)
        assert "Redacteur Gelderland" in html and "Mira Ministerie" in html
        assert "Prima zo." in html


def test_rejected_with_a_comment_then_resubmitted(client, tree, gelderland):
    task_state = submit(client, gelderland, "Eerste versie")
    client.force_login(tree.ministry)
    comment = "Vermeld ook de gemeente Barneveld."
    assert workflow_action(client, gelderland.initiative, "reject", task_state, comment).status_code == 302

    page = Page.objects.get(pk=gelderland.initiative.pk)
    assert page.title == "Initiatief Gelderland"  # nothing published
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejection = mail.outbox[-1]
    assert rejection.to == [gelderland.editor.email]
    assert comment in rejection.body
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.workflow.reject", user=tree.ministry
    ).exists()
    client.force_login(gelderland.editor)
    html = history(client, page)
    assert comment in html and "Mira Ministerie" in html

    mail.outbox.clear()
    submit(client, gelderland, "Tweede versie, met Barneveld")
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    assert [message.to for message in mail.outbox] == [[tree.ministry.email]]


def test_pages_created_edited_published_and_deleted_are_in_the_site_history(client, tree, gelderland):
    client.force_login(gelderland.editor)
    data = initiative_data(title="Boerenkaas op school", slug="boerenkaas-op-school")
    assert client.post(add_url(gelderland.page), data).status_code == 302
    page = Page.objects.get(slug="boerenkaas-op-school")
    edited = initiative_data(page.specific, title="Boerenkaas op elke school")
    assert client.post(edit_url(page), edited).status_code == 302
    client.force_login(tree.ministry)
    publish = initiative_data(page.specific, title="Boerenkaas op elke school", **{"action-publish": "1"})
    assert client.post(edit_url(page), publish).status_code == 302
    assert client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code == 302

    trail = {(entry.action, entry.user) for entry in PageLogEntry.objects.filter(page_id=page.pk)}
    assert {
        ("wagtail.create", gelderland.editor),
        ("wagtail.edit", gelderland.editor),
        ("wagtail.publish", tree.ministry),
        ("wagtail.delete", tree.ministry),
    } <= trail
    report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Boerenkaas op elke school" in report
    assert "Redacteur Gelderland" in report


def test_videos_created_edited_and_deleted_are_in_their_history(client, tree, gelderland, media_clips):
    client.force_login(gelderland.editor)
    with media_clips.mp4.open("rb") as clip:
        data = {"title": "Oogstfeest", "file": clip, "collection": gelderland.collection.pk}
        assert client.post(reverse("media_hub_video:add"), data).status_code == 302
    video = Video.objects.get(title="Oogstfeest")
    edit = reverse("media_hub_video:edit", args=[video.pk])
    data = {"title": "Oogstfeest 2026", "collection": gelderland.collection.pk}
    assert client.post(edit, data).status_code == 302

    html = client.get(reverse("media_hub_video:history", args=[video.pk])).content.decode()
    assert html.count("Redacteur Gelderland") >= 2
    entries = ModelLogEntry.objects.for_instance(video)
    assert {(entry.action, entry.user) for entry in entries} == {
        ("wagtail.create", gelderland.editor),
        ("wagtail.edit", gelderland.editor),
    }

    client.force_login(tree.ministry)
    assert client.post(reverse("media_hub_video:delete", args=[video.pk])).status_code == 302
    assert not Video.objects.filter(pk=video.pk).exists()
    assert ModelLogEntry.objects.filter(
        action="wagtail.delete", user=tree.ministry, object_id=str(video.pk)
    ).exists()
    report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Oogstfeest 2026" in report
