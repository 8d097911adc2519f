"""A small editorial world for the calendar: two provinces, a ministry-like and a province group.

The groups are made here rather than by ``setup_editorial`` so that these tests pin down
the calendar's own rule (it shows what a user may edit), whatever the groups look like.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowTask

import pytest

from planning.periods import AMSTERDAM, today
from tests.factories import (
    ContentPageFactory,
    EditorFactory,
    PolicyPageFactory,
    ProvinceIndexPageFactory,
    ProvincePageFactory,
    WebcastPageFactory,
)


def make_group(name, page, codenames):
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.create(group=group, page=page, permission=permission)
    return group


def schedule_publication(page, at, user=None):
    """What "Schedule publishing" then "Publish" in the editor does: an approved revision for ``at``."""
    page.go_live_at = at
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return revision


def schedule_expiry(page, at, user=None):
    page.expire_at = at
    page.save_revision(user=user).publish(user=user)


@dataclass
class World:
    home: Page
    gelderland: Page
    utrecht: Page
    workflow: Workflow
    ministry: Group
    gelderland_editors: Group

    def policy(self, province, title, **kwargs):
        return PolicyPageFactory(parent=getattr(self, province), title=title, **kwargs)

    def content(self, title, **kwargs):
        return ContentPageFactory(parent=self.home, title=title, **kwargs)

    def webcast(self, title, start_at, minutes=90, **kwargs):
        end_at = start_at + datetime.timedelta(minutes=minutes)
        return WebcastPageFactory(parent=self.home, title=title, start_at=start_at, end_at=end_at, **kwargs)

    def submit_for_review(self, page, user):
        page.save_revision(user=user)
        return self.workflow.start(page, user)


@pytest.fixture
def world(home_page):
    index = ProvinceIndexPageFactory(parent=home_page)
    gelderland = ProvincePageFactory(parent=index, title="Gelderland", code="gelderland")
    utrecht = ProvincePageFactory(parent=index, title="Utrecht", code="utrecht")
    ministry = make_group("Ministerie (test)", home_page, ["add_page", "change_page", "publish_page"])
    task = GroupApprovalTask.objects.create(name="Beoordeling door het ministerie")
    task.groups.add(ministry)
    workflow = Workflow.objects.create(name="Provinciale review (test)")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return World(
        home=home_page,
        gelderland=gelderland,
        utrecht=utrecht,
        workflow=workflow,
        ministry=ministry,
        gelderland_editors=make_group("Gelderland (test)", gelderland, ["add_page", "change_page"]),
    )


@pytest.fixture
def ministry_user(world):
    return EditorFactory(groups=[world.ministry])


@pytest.fixture
def gelderland_editor(world):
    return EditorFactory(groups=[world.gelderland_editors])


@pytest.fixture
def soon():
    """Tomorrow at 10:00 in Amsterdam: inside this week's or next week's view, and the upcoming list."""
    return datetime.datetime.combine(
        today() + datetime.timedelta(days=1), datetime.time(10), tzinfo=AMSTERDAM
    )
