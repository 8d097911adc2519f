"""Who may do what: one editors' group per province, the ministry, the Taskforce.

``setup_editorial`` brings these groups, their collections and the review
workflow to exactly the state described here, so running it again changes
nothing; rights added by hand to these groups are taken away again (give
exceptions their own group). Province editors get rights on their own province
subtree (in every language) and their own collection only, and cannot publish:
their work goes through the review workflow, where ministry communications
staff approve or reject it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

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

from home.models import ContactDeskPage

from .models import ProvinceIndexPage, ProvincePage

MINISTRY_GROUP = "Ministerie LNV – communicatie"
TASKFORCE_GROUP = "Taskforce Korte Keten – loket"
PROVINCES_COLLECTION = "Provincies"
MEDIA_HUB_COLLECTION = "Mediahub"
TASKFORCE_COLLECTION = "Loket"
REVIEW_WORKFLOW = "Provinciale review"
REVIEW_TASK = "Beoordeling door het ministerie"

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
# No publish_page: province work reaches the site only through the review workflow.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
# Publishing includes scheduling: a go-live date takes effect when a publisher publishes.
MINISTRY_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "unlock_page", "bulk_delete_page"]
TASKFORCE_PAGE_PERMISSIONS = ["change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("media_hub", "add_video"),
    ("media_hub", "change_video"),
    ("media_hub", "choose_video"),
]
MINISTRY_MEDIA_PERMISSIONS = MEDIA_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
    ("media_hub", "delete_video"),
]
MINISTRY_MODEL_PERMISSIONS = ADMIN_ACCESS + [
    ("home", "add_theme"),
    ("home", "change_theme"),
    ("home", "delete_theme"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]


def editors_group_name(province):
    return f"{province.title} – redactie"


class Permissions:
    """Permission ids by ``(app_label, codename)``, read in one query."""

    def __init__(self):
        rows = Permission.objects.values_list("content_type__app_label", "codename", "pk")
        self.ids = {(app_label, codename): pk for app_label, codename, pk in rows}

    def __call__(self, app_label, codename):
        return self.ids[app_label, codename]

    def pages(self, codenames):
        return {self("wagtailcore", codename) for codename in codenames}

    def many(self, pairs):
        return {self(*pair) for pair in pairs}


def sync_rows(model, group, target, wanted):
    """Make ``group``'s rows of ``model`` exactly ``wanted``: pairs of (``target`` id, permission id)."""
    rows = model.objects.filter(group=group)
    existing = set(rows.values_list(f"{target}_id", "permission_id"))
    for target_id, permission_id in existing - wanted:
        rows.filter(**{f"{target}_id": target_id}, permission_id=permission_id).delete()
    missing = wanted - existing
    model.objects.bulk_create(
        [model(group=group, permission_id=p, **{f"{target}_id": t}) for t, p in missing]
    )


def sync_group(name, perms, model_permissions, pages=(), page_permissions=(), collections=(), media=()):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(perms.many(model_permissions))
    page_rights = {(page.pk, p) for page in pages for p in perms.pages(page_permissions)}
    sync_rows(GroupPagePermission, group, "page", page_rights)
    media_rights = {(collection.pk, p) for collection in collections for p in perms.many(media)}
    sync_rows(GroupCollectionPermission, group, "collection", media_rights)
    return group


def child_collection(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def setup_review_workflow(reviewers, index_pages):
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first() or GroupApprovalTask.objects.create(
        name=REVIEW_TASK
    )
    task.groups.set([reviewers])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task.task_ptr).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    for index_page in index_pages:
        WorkflowPage.objects.update_or_create(page=index_page.page_ptr, defaults={"workflow": workflow})
    return workflow


def revoke_wagtail_default_groups():
    """Wagtail's install gives its "Editors" and "Moderators" groups rights on the whole tree and every
    collection; anyone put in them would bypass province isolation. Keep the groups, drop those rights."""
    defaults = Group.objects.filter(name__in=["Editors", "Moderators"])
    GroupPagePermission.objects.filter(group__in=defaults).delete()
    GroupCollectionPermission.objects.filter(group__in=defaults).delete()


@transaction.atomic
def setup_editorial():
    """Create or correct every group, collection and the workflow; return a summary."""
    perms = Permissions()
    root_collection = Collection.get_first_root_node()
    provinces_collection = child_collection(root_collection, PROVINCES_COLLECTION)
    child_collection(root_collection, MEDIA_HUB_COLLECTION)

    ministry = sync_group(
        MINISTRY_GROUP,
        perms,
        MINISTRY_MODEL_PERMISSIONS,
        pages=[Page.get_first_root_node()],
        page_permissions=MINISTRY_PAGE_PERMISSIONS,
        collections=[root_collection],
        media=MINISTRY_MEDIA_PERMISSIONS,
    )
    sync_group(
        TASKFORCE_GROUP,
        perms,
        ADMIN_ACCESS,
        pages=ContactDeskPage.objects.all(),
        page_permissions=TASKFORCE_PAGE_PERMISSIONS,
        collections=[child_collection(root_collection, TASKFORCE_COLLECTION)],
        media=MEDIA_PERMISSIONS,
    )
    setup_review_workflow(ministry, ProvinceIndexPage.objects.all())
    revoke_wagtail_default_groups()

    summary = {"provinces": []}
    provinces = ProvincePage.objects.filter(locale=Locale.get_default()).order_by("title")
    for province in provinces:
        group = sync_group(
            editors_group_name(province),
            perms,
            ADMIN_ACCESS,
            pages=province.get_translations(inclusive=True),
            page_permissions=EDITOR_PAGE_PERMISSIONS,
            collections=[child_collection(provinces_collection, province.title)],
            media=MEDIA_PERMISSIONS,
        )
        summary["provinces"].append(group.name)
    return summary
