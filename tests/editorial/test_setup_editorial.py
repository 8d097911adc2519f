"""``setup_editorial``: the groups, their rights, collections and the review workflow, idempotent."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

import pytest

from provinces.editorial import MINISTRY_GROUP, REVIEW_WORKFLOW, TASKFORCE_GROUP

from .conftest import PROVINCES
from .utils import assert_denied, edit_url

pytestmark = pytest.mark.django_db


def editorial_rows():
    """Every row the command writes, with its primary key: rewritten rows would show."""
    return {
        "groups": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("pk", "group_id", "permission_id")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("pk", "group_id", "page_id", "permission_id")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list("pk", "group_id", "collection_id", "permission_id")
        ),
        "collections": list(Collection.objects.order_by("path").values_list("pk", "path", "name")),
        "workflows": list(Workflow.objects.order_by("pk").values_list("pk", "name", "active")),
        "workflow_tasks": sorted(
            WorkflowTask.objects.values_list("pk", "workflow_id", "task_id", "sort_order")
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "reviewers": sorted(
            GroupApprovalTask.groups.through.objects.values_list("pk", "groupapprovaltask_id", "group_id")
        ),
    }


def rights(group_name):
    pages = GroupPagePermission.objects.filter(group__name=group_name)
    collections = GroupCollectionPermission.objects.filter(group__name=group_name)
    return (
        {(row.page.title, row.permission.codename) for row in pages.select_related("page", "permission")},
        {
            (row.collection.name, row.permission.codename)
            for row in collections.select_related("collection", "permission")
        },
        set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True)),
    )


def test_running_it_again_changes_nothing(tree):
    before = editorial_rows()
    out = StringIO()
    call_command("setup_editorial", stdout=out)
    call_command("setup_editorial", stdout=out)
    assert editorial_rows() == before
    assert "12 province groups" in out.getvalue()


def test_each_province_group_holds_its_own_subtree_and_collection_only(tree):
    for name in PROVINCES:
        pages, collections, model_permissions = rights(f"{name} – redactie")
        assert pages == {(name, codename) for codename in ("add_page", "change_page", "lock_page")}
        assert {collection for collection, _ in collections} == {name}
        assert {codename for _, codename in collections} == {
            f"{action}_{model}"
            for action in ("add", "change", "choose")
            for model in ("image", "document", "video")
        }
        assert model_permissions == {"access_admin"}
        assert Collection.objects.get(name=name).get_parent().name == "Provincies"


def test_ministry_and_taskforce_rights(tree):
    pages, collections, model_permissions = rights(MINISTRY_GROUP)
    root = Page.get_first_root_node().title
    assert {codename for _, codename in pages} >= {"add_page", "change_page", "publish_page", "unlock_page"}
    assert {page for page, _ in pages} == {root}
    assert {collection for collection, _ in collections} == {"Root"}
    assert "access_admin" in model_permissions
    pages, collections, model_permissions = rights(TASKFORCE_GROUP)
    assert {page for page, _ in pages} == {tree.desk.title}
    assert "publish_page" in {codename for _, codename in pages}
    assert model_permissions == {"access_admin"}
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow__name=REVIEW_WORKFLOW)
    assert list(task.groups.values_list("name", flat=True)) == [MINISTRY_GROUP]


def test_rights_added_by_hand_are_taken_away_again(tree):
    gelderland, utrecht = tree.provinces["Gelderland"], tree.provinces["Utrecht"]
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=gelderland.group, page=gelderland.page, permission=publish)
    GroupCollectionPermission.objects.create(
        group=gelderland.group,
        collection=utrecht.collection,
        permission=Permission.objects.get(codename="choose_image"),
    )
    gelderland.group.permissions.add(Permission.objects.get(codename="delete_theme"))

    call_command("setup_editorial", stdout=StringIO())

    pages, collections, model_permissions = rights(gelderland.group.name)
    assert ("Gelderland", "publish_page") not in pages
    assert {collection for collection, _ in collections} == {"Gelderland"}
    assert model_permissions == {"access_admin"}


def test_translations_of_a_province_belong_to_its_group(tree):
    english = Locale.objects.create(language_code="en")
    for page in (tree.home, tree.index):
        page.copy_for_translation(english)
    gelderland = tree.provinces["Gelderland"]
    translated = gelderland.page.copy_for_translation(english)

    call_command("setup_editorial", stdout=StringIO())

    granted = GroupPagePermission.objects.filter(group=gelderland.group).values_list("page_id", flat=True)
    assert set(granted) == {gelderland.page.pk, translated.pk}
    assert translated.get_workflow().name == REVIEW_WORKFLOW


def test_taskforce_runs_the_contact_desk_and_nothing_else(client, tree):
    client.force_login(tree.taskforce)
    assert client.get(reverse("wagtailforms:list_submissions", args=[tree.desk.pk])).status_code == 200
    assert client.get(edit_url(tree.desk)).status_code == 200
    assert_denied(client.get(edit_url(tree.provinces["Gelderland"].initiative)))
    assert_denied(client.get(edit_url(tree.index)))


def test_ministry_reaches_every_province_and_the_desk(client, tree):
    client.force_login(tree.ministry)
    assert client.get(reverse("wagtailforms:list_submissions", args=[tree.desk.pk])).status_code == 200
    for province in tree.provinces.values():
        results = client.get(reverse("video_chooser:choose_results"), {"q": province.video.title})
        assert province.video.title in results.content.decode()
    assert client.get(edit_url(tree.provinces["Utrecht"].policy)).status_code == 200


@pytest.mark.django_db
def test_wagtails_default_groups_lose_their_site_wide_rights():
    from django.contrib.auth.models import Group

    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

    from provinces.editorial import Permissions, setup_editorial

    defaults = Group.objects.filter(name__in=["Editors", "Moderators"])
    # As Wagtail's install leaves them: edit rights on the whole tree.
    GroupPagePermission.objects.get_or_create(
        group=defaults.get(name="Editors"),
        page=Page.get_first_root_node(),
        permission_id=Permissions()("wagtailcore", "change_page"),
    )
    setup_editorial()
    assert defaults.count() == 2
    assert not GroupPagePermission.objects.filter(group__in=defaults).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=defaults).exists()
