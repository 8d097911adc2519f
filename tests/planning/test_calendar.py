"""The content calendar in the admin and the personal iCalendar feed, through HTTP."""

import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Revision

import icalendar
import pytest

from planning import periods
from planning.entries import NATIONAL, ContentCalendar, Kind
from planning.views import by_day
from provinces.models import PolicyPage
from tests.factories import UserFactory
from tests.planning.conftest import schedule_expiry, schedule_publication

WEEK = "planning_calendar:week"
MONTH = "planning_calendar:month"
UPCOMING = "planning_calendar:upcoming"


@pytest.fixture
def agenda(world, soon, gelderland_editor):
    """One of each: publications scheduled in Gelderland and Utrecht, a national expiry, a review, a webcast."""
    pages = {
        "gelderland": world.policy("gelderland", "Streekbeleid Gelderland", live=False),
        "utrecht": world.policy("utrecht", "Voedselagenda Utrecht", live=False),
        "expiry": world.content("Cateringdeal 2026"),
        "review": world.policy("gelderland", "Boerenmarkt Ede", live=False),
        "webcast": world.webcast("Webcast korte ketens", soon + datetime.timedelta(hours=3)),
    }
    pages["revision"] = schedule_publication(pages["gelderland"], soon)
    schedule_publication(pages["utrecht"], soon + datetime.timedelta(minutes=30))
    schedule_expiry(pages["expiry"], soon + datetime.timedelta(hours=1))
    world.submit_for_review(pages["review"], gelderland_editor)
    return pages


def week_of(moment):
    return {"week": periods.week_code(moment.astimezone(periods.AMSTERDAM).date())}


def month_of(moment):
    return {"month": periods.month_code(moment.astimezone(periods.AMSTERDAM).date())}


def html(client, name, **query):
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_menu_item_and_the_views_are_for_page_editors_only(
    client, world, ministry_user, gelderland_editor
):
    for user in (ministry_user, gelderland_editor):
        client.force_login(user)
        assert reverse(WEEK) in html(client, "wagtailadmin_home")
    outsider = UserFactory()
    outsider.groups.add(Group.objects.create(name="Alleen admin"))
    outsider.groups.first().permissions.add(
        ministry_user.groups.first().permissions.get(codename="access_admin")
    )
    client.force_login(outsider)
    assert reverse(WEEK) not in html(client, "wagtailadmin_home")
    response = client.get(reverse(WEEK))  # Wagtail answers PermissionDenied with a way back home
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_week_view_shows_every_kind_with_links_to_steer_it(admin_client, agenda, soon):
    page = html(admin_client, WEEK, **week_of(soon))
    for title in (
        "Streekbeleid Gelderland",
        "Voedselagenda Utrecht",
        "Cateringdeal 2026",
        "Webcast korte ketens",
    ):
        assert title in page
    assert "Boerenmarkt Ede" in page  # in the pending reviews
    for label in ("Publicatie gepland", "Verloopt", "Webcast", "Beoordeling door het ministerie"):
        assert label in page
    assert page.count('<th scope="col"') >= 7
    assert f"{soon:%H:%M}" in page
    assert reverse("wagtailadmin_pages:edit", args=[agenda["gelderland"].pk]) in page
    unschedule = reverse(
        "wagtailadmin_pages:revisions_unschedule", args=[agenda["gelderland"].pk, agenda["revision"].pk]
    )
    assert f"{unschedule}?next=" in page
    assert "Gelderland" in page and "Utrecht" in page and "Landelijk" in page


def test_week_navigation_follows_iso_weeks(admin_client, world):
    page = html(admin_client, WEEK, week="2026-W53")
    assert "Week 53, 2026" in page
    assert "week=2026-W52" in page and "week=2027-W01" in page
    assert "Week 1, 2021" in html(admin_client, WEEK, week="2021-W01")
    assert "Week" in html(admin_client, WEEK, week="nonsense")


def test_month_and_upcoming_views_for_a_ministry_user(client, agenda, ministry_user, soon):
    client.force_login(ministry_user)
    month = html(client, MONTH, **month_of(soon))
    upcoming = html(client, UPCOMING)
    for page in (month, upcoming):
        for title in (
            "Streekbeleid Gelderland",
            "Voedselagenda Utrecht",
            "Cateringdeal 2026",
            "Webcast korte ketens",
        ):
            assert title in page
        assert "Inplanning annuleren" in page
    assert "month=" in month and "Week" in month
    assert "Komende 60 dagen" in upcoming


def test_month_view_spans_whole_weeks():
    period = periods.month_period(datetime.date(2026, 12, 1))
    assert period.first_day == datetime.date(2026, 11, 30) and period.last_day == datetime.date(2027, 1, 3)
    assert all(len(week) == 7 for week in period.weeks)
    assert periods.shift_month(datetime.date(2026, 12, 1), 1) == datetime.date(2027, 1, 1)
    assert periods.parse_month("2026-13") == periods.today().replace(day=1)


@pytest.mark.parametrize(
    "province, shown, hidden",
    [
        (
            "gelderland",
            ["Streekbeleid Gelderland"],
            ["Voedselagenda Utrecht", "Cateringdeal 2026", "Webcast korte ketens"],
        ),
        ("utrecht", ["Voedselagenda Utrecht"], ["Streekbeleid Gelderland", "Cateringdeal 2026"]),
        (
            NATIONAL,
            ["Cateringdeal 2026", "Webcast korte ketens"],
            ["Streekbeleid Gelderland", "Voedselagenda Utrecht"],
        ),
    ],
)
def test_filter_by_province(admin_client, agenda, world, province, shown, hidden):
    key = NATIONAL if province == NATIONAL else str(getattr(world, province).translation_key)
    page = html(admin_client, UPCOMING, province=key)
    assert all(title in page for title in shown)
    assert not any(title in page for title in hidden)


def test_filter_by_page_type(admin_client, agenda):
    policy = ContentType.objects.get_for_model(PolicyPage).pk
    page = html(admin_client, UPCOMING, content_type=policy)
    assert "Streekbeleid Gelderland" in page and "Voedselagenda Utrecht" in page
    assert "Cateringdeal 2026" not in page and "Webcast korte ketens" not in page


def test_a_province_editor_sees_only_their_own_province(client, agenda, gelderland_editor, soon):
    client.force_login(gelderland_editor)
    for page in (
        html(client, WEEK, **week_of(soon)),
        html(client, MONTH, **month_of(soon)),
        html(client, UPCOMING),
    ):
        assert "Streekbeleid Gelderland" in page and "Boerenmarkt Ede" in page
        for other in ("Voedselagenda Utrecht", "Cateringdeal 2026", "Webcast korte ketens"):
            assert other not in page
        assert "Inplanning annuleren" not in page  # editors cannot publish, so cannot unschedule
    choices = dict(client.get(reverse(UPCOMING)).context["form"].fields["province"].choices)
    assert list(choices.values()) == ["Alle provincies", "Gelderland", "Landelijk"]


def test_staff_cancel_a_schedule_from_the_calendar(client, agenda, ministry_user):
    client.force_login(ministry_user)
    back = reverse(UPCOMING)
    url = reverse(
        "wagtailadmin_pages:revisions_unschedule", args=[agenda["gelderland"].pk, agenda["revision"].pk]
    )
    response = client.post(f"{url}?next={back}")
    assert response.status_code == 302 and response["Location"] == back
    assert Revision.objects.get(pk=agenda["revision"].pk).approved_go_live_at is None
    kinds = {entry.title: entry.kind for entry in client.get(reverse(UPCOMING)).context["entries"]}
    # Still not live, and its go-live date is still set: shown as a date nobody has approved.
    assert kinds["Streekbeleid Gelderland"] == Kind.GO_LIVE and kinds["Voedselagenda Utrecht"] == Kind.PUBLISH


def test_entries_land_on_their_dutch_day_across_daylight_saving(world, admin_user):
    """00:30 on the Sunday the clocks go forward is still Saturday in UTC."""
    sunday = datetime.date(2027, 3, 28)
    page = world.content("Nachtelijke publicatie", live=False)
    schedule_publication(
        page, datetime.datetime.combine(sunday, datetime.time(0, 30), tzinfo=periods.AMSTERDAM)
    )
    period = periods.week_period(periods.parse_week(periods.week_code(sunday)))
    assert period.end.astimezone(datetime.UTC) - period.start.astimezone(datetime.UTC) == datetime.timedelta(
        hours=167
    )
    days = dict(by_day(ContentCalendar(admin_user).entries(period.start, period.end), period.days))
    assert [entry.title for entry in days[sunday]] == ["Nachtelijke publicatie"]
    assert days[sunday - datetime.timedelta(days=1)] == []


def feed_url(client, user):
    client.force_login(user)
    url = client.get(reverse(WEEK)).context["feed_url"]
    client.logout()
    return url.removeprefix("http://testserver")


def test_feed_lists_the_users_entries_as_valid_icalendar(client, agenda, ministry_user, soon):
    response = client.get(feed_url(client, ministry_user))
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    gelderland = events[f"page-{agenda['gelderland'].pk}-golive@korteketen"]
    assert gelderland.DTSTART == soon and gelderland.DTSTART.tzinfo.key == "Europe/Amsterdam"
    assert "Streekbeleid Gelderland" in gelderland["SUMMARY"]
    assert gelderland["URL"].endswith(reverse("wagtailadmin_pages:edit", args=[agenda["gelderland"].pk]))
    assert f"page-{agenda['expiry'].pk}-expire@korteketen" in events
    assert f"page-{agenda['review'].pk}-review@korteketen" in events
    assert f"webcast-{agenda['webcast'].translation_key}@korteketen" in events
    assert all(event.DTSTAMP and event["SUMMARY"] for event in events.values())


def test_feed_of_a_province_editor_holds_only_their_province(client, agenda, gelderland_editor):
    calendar = icalendar.Calendar.from_ical(client.get(feed_url(client, gelderland_editor)).content)
    summaries = " ".join(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert "Streekbeleid Gelderland" in summaries and "Boerenmarkt Ede" in summaries
    assert "Utrecht" not in summaries and "Webcast" not in summaries


def test_feed_without_the_right_token_is_not_found(client, agenda, ministry_user, gelderland_editor):
    url = feed_url(client, ministry_user)
    user_id, token = url.removesuffix(".ics").split("/")[-2:]
    assert client.get(reverse("planning:feed", args=[user_id, "0" * len(token)])).status_code == 404
    assert client.get(reverse("planning:feed", args=[gelderland_editor.pk, token])).status_code == 404
    assert client.get(reverse("planning:feed", args=[99999, token])).status_code == 404


def test_a_new_password_revokes_the_feed(client, agenda, ministry_user):
    url = feed_url(client, ministry_user)
    ministry_user.set_password("een-nieuw-wachtwoord")
    ministry_user.save()
    assert client.get(url).status_code == 404
    assert client.get(feed_url(client, ministry_user)).status_code == 200


def test_feed_of_an_empty_calendar_is_still_valid(client, world, ministry_user):
    calendar = icalendar.Calendar.from_ical(client.get(feed_url(client, ministry_user)).content)
    assert calendar.walk("VEVENT") == [] and len(calendar.walk("VTIMEZONE")) == 1
