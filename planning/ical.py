"""iCalendar (RFC 5545) files: a webcast's "add to calendar" download and each user's calendar feed.

Times carry ``TZID=Europe/Amsterdam`` with its VTIMEZONE. UIDs are stable, and SEQUENCE is the
id of the revision the times come from, so it grows when staff move an event and a calendar app
moves it instead of adding a second one.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, Timezone

from .entries import Kind
from .periods import AMSTERDAM

PRODID = "-//Korte Keten//Planning//NL"
FEED_SALT = "planning.ical.feed"


def feed_token(user):
    """The secret in a user's feed URL. It hashes the password hash, so a new password revokes it."""
    return salted_hmac(FEED_SALT, f"{user.pk}:{user.password}", algorithm="sha256").hexdigest()[:40]


def changed_at(page):
    """DTSTAMP: without a METHOD it is when the information last changed (RFC 5545, 3.8.7.2)."""
    moments = [m for m in (page.last_published_at, page.latest_revision_created_at) if m]
    return max(moments, default=None) or timezone.now()


def live_sequence(page):
    return page.live_revision_id or page.latest_revision_id or 0


def make_event(uid, start, summary, url, *, page, sequence, end=None, description=""):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", changed_at(page).astimezone(datetime.UTC))
    event.add("sequence", sequence)
    event.add("dtstart", start.astimezone(AMSTERDAM))
    if end:
        event.add("dtend", end.astimezone(AMSTERDAM))
    event.add("summary", summary)
    event.add("url", url)
    if description:
        event.add("description", description)
    return event


def make_calendar(name, events):
    """A VCALENDAR holding the events after the Europe/Amsterdam VTIMEZONE they refer to."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    starts = [event.DTSTART.date() for event in events] or [timezone.now().date()]
    year = datetime.timedelta(days=366)
    calendar.add_component(
        Timezone.from_tzinfo(AMSTERDAM, first_date=min(starts) - year, last_date=max(starts) + year)
    )
    for event in events:
        calendar.add_component(event)
    return calendar


def calendar_response(calendar, attachment=None):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{attachment}"'
    return response


def webcast_calendar_response(page, request):
    """One webcast as a single-event file; its UID is shared by the page's translations."""
    url = page.get_full_url(request)
    event = make_event(
        f"webcast-{page.translation_key}@korteketen",
        page.start_at,
        page.title,
        url,
        page=page,
        sequence=live_sequence(page),
        end=page.end_at,
        description="\n\n".join(part for part in (page.introduction, url) if part),
    )
    event.add("location", url)
    return calendar_response(make_calendar(page.title, [event]), attachment="webcast.ics")


def entry_sequence(entry):
    if entry.kind == Kind.PUBLISH:
        return entry.revision_id
    if entry.kind in (Kind.WEBCAST, Kind.EXPIRE):
        return live_sequence(entry.page)
    return entry.page.latest_revision_id or 0


def entry_event(entry, request):
    details = [str(entry.kind.label), str(entry.province_name), str(entry.type_name)]
    if entry.task_name:
        details.append(_("Taak: %(task)s") % {"task": entry.task_name})
    return make_event(
        entry.uid,
        entry.at,
        f"{entry.kind.label}: {entry.title} ({entry.province_name})",
        request.build_absolute_uri(entry.edit_url),
        page=entry.page,
        sequence=entry_sequence(entry),
        end=entry.end,
        description="\n".join(details),
    )


def feed_response(entries, request):
    """The calendar feed; the first entry with a UID wins (a webcast and its translation are one event)."""
    events = {}
    for entry in entries:
        events.setdefault(entry.uid, entry_event(entry, request))
    response = calendar_response(make_calendar(_("Korte Keten – redactiekalender"), list(events.values())))
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
