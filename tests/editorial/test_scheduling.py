"""Go-live and expiry in Dutch time, across both clock changes, and who may steer a schedule.

No clock is faked: times before "now" are real data for ``publish_scheduled``,
and the clock-change nights used for scheduling are the next ones on the calendar.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.locks import ScheduledForPublishLock
from wagtail.models import Page, PageLogEntry, get_page_models

import pytest

from home.forms import LocalDateTimeField
from media_hub.models import WebcastPage
from provinces.models import InitiativePage, PolicyPage

from .utils import assert_denied, edit_url, initiative_data, policy_data

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def last_sunday(year, month):
    last_day = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    return last_day - datetime.timedelta(days=(last_day.weekday() + 1) % 7)


def next_clock_change(month):
    """The next last Sunday of March (clocks forward) or October (clocks back)."""
    today = timezone.localdate()
    day = last_sunday(today.year, month)
    return day if day > today else last_sunday(today.year + 1, month)


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def ministry(client, tree):
    client.force_login(tree.ministry)
    return client


@pytest.fixture
def gelderland(tree):
    return tree.provinces["Gelderland"]


# --- Wall time in, UTC stored ------------------------------------------------------


@pytest.mark.parametrize(
    "typed, choice, stored",
    [
        ("2026-07-01 12:00", "", utc(2026, 7, 1, 10, 0)),  # summer time, UTC+2
        ("2026-12-01 12:00", "", utc(2026, 12, 1, 11, 0)),  # winter time, UTC+1
        ("2026-10-25 01:59", "", utc(2026, 10, 24, 23, 59)),
        ("2026-10-25 02:30", "zomertijd", utc(2026, 10, 25, 0, 30)),  # the first 02:30
        ("2026-10-25 02:30", "wintertijd", utc(2026, 10, 25, 1, 30)),  # the second 02:30
        ("2026-10-25 03:00", "", utc(2026, 10, 25, 2, 0)),
        ("2026-03-29 01:59", "", utc(2026, 3, 29, 0, 59)),
        ("2026-03-29 02:30", "later", utc(2026, 3, 29, 1, 0)),  # does not exist: 03:00 instead
        ("2026-03-29 03:00", "", utc(2026, 3, 29, 1, 0)),
    ],
)
def test_amsterdam_wall_time_is_stored_in_utc(ministry, gelderland, typed, choice, stored):
    page = gelderland.policy
    data = policy_data(page, go_live_at=typed, go_live_at_dst=choice)
    assert ministry.post(edit_url(page), data).status_code == 302
    assert Page.objects.get(pk=page.pk).go_live_at == stored
    shown = ministry.get(edit_url(page)).content.decode()
    assert f'value="{local(stored)}"' in shown


def test_every_page_type_schedules_in_amsterdam_time():
    page_models = [
        model for model in get_page_models() if model._meta.app_label in ("home", "provinces", "media_hub")
    ]
    assert len(page_models) >= 10
    for model in page_models:
        fields = model.get_edit_handler().get_form_class().base_fields
        for name in ("go_live_at", "expire_at"):
            assert isinstance(fields[name], LocalDateTimeField), (model, name)
            assert f"{name}_dst" in fields, (model, name)
    webcast_fields = WebcastPage.get_edit_handler().get_form_class().base_fields
    assert isinstance(webcast_fields["start_at"], LocalDateTimeField)


def test_other_times_explain_the_night_without_a_choice():
    """A webcast's start has no choice beside it: the editor is told which times work."""
    field = LocalDateTimeField()
    assert field.clean("2026-07-01 12:00") == utc(2026, 7, 1, 10, 0)
    with pytest.raises(ValidationError) as refused:
        field.clean("2026-03-29 02:30")
    assert refused.value.messages == [
        "Op zondag 29 maart 2026 bestaat 02:00–03:00 niet: om 02:00 gaat de klok een uur vooruit naar 03:00. "
        "Vul een tijd voor 02:00 of vanaf 03:00 in."
    ]
    field.dst_choice = "wintertijd"
    assert field.clean("2026-10-25 02:30") == utc(2026, 10, 25, 1, 30)


# --- The nights the clocks change: a choice, never a 500 --------------------------------


@pytest.mark.parametrize("name", ["go_live_at", "expire_at"])
def test_a_time_that_occurs_twice_asks_which_one(ministry, gelderland, name):
    night = next_clock_change(10)
    page = gelderland.policy
    typed = f"{night} 02:30"

    response = ministry.post(edit_url(page), policy_data(page, **{name: typed}))

    assert response.status_code == 200
    [error] = response.context["form"].errors[name]
    assert "02:30 komt die nacht twee keer voor" in error
    assert f"{night.day} oktober {night.year}" in error
    assert "om 03:00 een uur terug naar 02:00" in error
    html = response.content.decode()
    assert f'type="radio" name="{name}_dst" value="zomertijd"' in html
    assert "02:30 zomertijd (CEST, eerste keer)" in html
    assert "02:30 wintertijd (CET, tweede keer)" in html
    assert getattr(Page.objects.get(pk=page.pk), name) is None

    answered = policy_data(page, **{name: typed, f"{name}_dst": "wintertijd"})
    assert ministry.post(edit_url(page), answered).status_code == 302
    assert getattr(Page.objects.get(pk=page.pk), name) == utc(night.year, night.month, night.day, 1, 30)


def test_a_time_that_does_not_exist_proposes_three_oclock(ministry, gelderland):
    night = next_clock_change(3)
    page = gelderland.policy
    typed = f"{night} 02:30"

    response = ministry.post(edit_url(page), policy_data(page, go_live_at=typed))

    assert response.status_code == 200
    [error] = response.context["form"].errors["go_live_at"]
    assert f"{night.day} maart {night.year} bestaat 02:00–03:00 niet" in error
    assert "Kies hieronder 03:00" in error
    assert "03:00 zomertijd (CEST), direct na de klokwissel" in response.content.decode()

    answered = policy_data(page, go_live_at=typed, go_live_at_dst="later")
    assert ministry.post(edit_url(page), answered).status_code == 302
    assert Page.objects.get(pk=page.pk).go_live_at == utc(night.year, night.month, night.day, 1, 0)


def test_a_stored_second_half_past_two_shows_which_one_it_is(ministry, gelderland):
    page = PolicyPage.objects.get(pk=gelderland.policy.pk)
    night = next_clock_change(10)
    page.go_live_at = utc(night.year, night.month, night.day, 1, 30)
    page.save_revision()
    page.save()

    html = ministry.get(edit_url(page)).content.decode()

    assert f'value="{night} 02:30"' in html
    assert re.search(r'<input[^>]*name="go_live_at_dst"[^>]*value="wintertijd"[^>]*checked', html)


# --- Scheduling through the admin and the scheduler ---------------------------------


def test_ministry_schedules_for_the_second_half_past_two(ministry, tree, gelderland):
    night = next_clock_change(10)
    page = gelderland.initiative
    data = initiative_data(
        page, title="Vanaf de wintertijd", go_live_at=f"{night} 02:30", go_live_at_dst="wintertijd"
    )

    assert ministry.post(edit_url(page), {**data, "action-publish": "1"}).status_code == 302

    page = InitiativePage.objects.get(pk=page.pk)
    assert page.title == "Initiatief Gelderland"  # still the old version until then
    assert page.scheduled_revision.approved_go_live_at == utc(night.year, night.month, night.day, 1, 30)
    assert isinstance(page.get_lock(), ScheduledForPublishLock)
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish.schedule", user=tree.ministry
    ).exists()


def test_publish_scheduled_publishes_and_expires_what_is_due(tree, gelderland):
    now = timezone.now()
    due = PolicyPage.objects.get(pk=gelderland.policy.pk)
    due.go_live_at = now - datetime.timedelta(minutes=1)
    due.save_revision(user=tree.ministry, approved_go_live_at=due.go_live_at)
    later = PolicyPage.objects.get(pk=tree.provinces["Utrecht"].policy.pk)
    later.go_live_at = now + datetime.timedelta(hours=1)
    later.save_revision(user=tree.ministry, approved_go_live_at=later.go_live_at)
    expired = InitiativePage.objects.get(pk=tree.provinces["Limburg"].initiative.pk)
    InitiativePage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))

    call_command("publish_scheduled", stdout=open("/dev/null", "w"))

    assert PolicyPage.objects.get(pk=due.pk).live
    assert not PolicyPage.objects.get(pk=later.pk).live
    expired.refresh_from_db()
    assert not expired.live and expired.expired
    # The scheduler acts for nobody; who scheduled it is in the revision and the "schedule" entry.
    assert PageLogEntry.objects.filter(page=due, action="wagtail.publish.scheduled").exists()
    assert PageLogEntry.objects.filter(page=expired, action="wagtail.unpublish.scheduled").exists()


def schedule(client, page, moment):
    data = initiative_data(page, go_live_at=local(moment), **{"action-publish": "1"})
    return client.post(edit_url(page), data)


def test_ministry_can_cancel_and_reschedule_in_every_province(ministry, tree):
    """A scheduled page is locked for everyone; staff cancel the schedule, then set a new one."""
    first = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    second = first + datetime.timedelta(days=1, hours=3)
    for number, province in enumerate(tree.provinces.values()):
        page = province.initiative
        assert schedule(ministry, page, first).status_code == 302
        revision = Page.objects.get(pk=page.pk).scheduled_revision
        assert revision.approved_go_live_at == first

        if number == 0:
            schedule(ministry, page, second)  # refused: the schedule locks the page
            assert Page.objects.get(pk=page.pk).scheduled_revision == revision

        cancel = reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, revision.pk])
        assert ministry.post(cancel).status_code == 302
        assert Page.objects.get(pk=page.pk).scheduled_revision is None
        assert PageLogEntry.objects.filter(
            page=page, action="wagtail.schedule.cancel", user=tree.ministry
        ).exists()

        assert schedule(ministry, page, second).status_code == 302
        assert Page.objects.get(pk=page.pk).scheduled_revision.approved_go_live_at == second


def test_province_editors_propose_a_schedule_that_takes_effect_on_approval(client, tree, gelderland):
    moment = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=3)
    page = gelderland.initiative
    client.force_login(gelderland.editor)

    schedule(client, page, moment)  # "publish" without the right: a draft with a proposed time
    assert Page.objects.get(pk=page.pk).scheduled_revision is None
    data = initiative_data(page, go_live_at=local(moment), **{"action-submit": "1"})
    assert client.post(edit_url(page), data).status_code == 302
    assert Page.objects.get(pk=page.pk).scheduled_revision is None

    client.force_login(tree.ministry)
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(approve, {"comment": ""}).status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert page.scheduled_revision.approved_go_live_at == moment
    assert page.live  # the old version stays live until the new one's time

    client.force_login(gelderland.editor)
    cancel = reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, page.scheduled_revision.pk])
    assert_denied(client.post(cancel))
    assert Page.objects.get(pk=page.pk).scheduled_revision is not None
