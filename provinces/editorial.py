"""Who may do what: one editors' group per province, the ministry, the Taskforce.

``setup_editorial`` applies this; running it again changes nothing. Province
editors get rights on their own province subtree and their own collection only,
and cannot publish: their work goes through the review workflow, where ministry
communications staff approve or reject it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import ContactDeskPage

from .models import ProvinceIndexPage, ProvincePage

MINISTRY_GROUP = "Ministerie LNV – communicatie"
TASKFORCE_GROUP = "Taskforce Korte Keten – loket"
PROVINCES_COLLECTION = "Provincies"
MEDIA_HUB_COLLECTION = "Mediahub"
REVIEW_WORKFLOW = "Provinciale review"
REVIEW_TASK = "Beoordeling door het ministerie"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MINISTRY_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "unlock_page", "bulk_delete_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "media_hub": ["add_video", "change_video", "choose_video"],
}
MINISTRY_EXTRA_MEDIA_PERMISSIONS = {"wagtailimages": ["delete_image"], "wagtaildocs": ["delete_document"], "media_hub": ["delete_video"]}


def editors_group_name(province):
    return f"{province.title} – redactie"


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return permission("wagtailcore", codename)


def admin_access():
    return permission("wagtailadmin", "access_admin")


def grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(codename))


def grant_collection(group, collection, permissions):
    for app_label, codenames in permissions.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(app_label, codename)
            )


def child_collection(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def make_group(name):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(admin_access())
    return group


def setup_province(province, provinces_collection):
    group = make_group(editors_group_name(province))
    grant_pages(group, province, EDITOR_PAGE_PERMISSIONS)
    grant_collection(group, child_collection(provinces_collection, province.title), MEDIA_PERMISSIONS)
    return group


def setup_ministry(home, root_collection):
    group = make_group(MINISTRY_GROUP)
    grant_pages(group, home, MINISTRY_PAGE_PERMISSIONS)
    all_media = {app: MEDIA_PERMISSIONS[app] + MINISTRY_EXTRA_MEDIA_PERMISSIONS[app] for app in MEDIA_PERMISSIONS}
    grant_collection(group, root_collection, all_media)
    return group


def setup_taskforce(home):
    group = make_group(TASKFORCE_GROUP)
    for desk in home.get_children().type(ContactDeskPage):
        grant_pages(group, desk, ["change_page", "publish_page"])
    return group


def setup_review_workflow(reviewers, province_index):
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=province_index.page_ptr, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_editorial():
    """Create or complete every group, collection and the workflow; return a summary."""
    root_collection = Collection.get_first_root_node()
    provinces_collection = child_collection(root_collection, PROVINCES_COLLECTION)
    child_collection(root_collection, MEDIA_HUB_COLLECTION)
    summary = {"provinces": []}
    for index_page in ProvinceIndexPage.objects.filter(locale__language_code="nl"):
        home = index_page.get_parent().specific
        ministry = setup_ministry(home, root_collection)
        setup_taskforce(home)
        setup_review_workflow(ministry, index_page)
        for province in ProvincePage.objects.child_of(index_page).order_by("title"):
            summary["provinces"].append(setup_province(province, provinces_collection).name)
    return summary

