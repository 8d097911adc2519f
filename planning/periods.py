"""The stretches of time the calendar shows: an ISO week, a month, the coming 60 days.

Days start at midnight in Amsterdam, so a week across a daylight-saving change lasts
167 or 169 hours and each entry still lands on its Dutch day.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UPCOMING_DAYS = 60
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{1,2})$")
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})$")
YEARS = range(1900, 3000)  # keeps the previous/next links clear of date's limits


def midnight(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=AMSTERDAM)


def today():
    return datetime.datetime.now(AMSTERDAM).date()


def week_code(day):
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_code(day):
    return f"{day.year}-{day.month:02d}"


@dataclass(frozen=True)
class Period:
    first_day: datetime.date
    last_day: datetime.date

    @property
    def start(self):
        return midnight(self.first_day)

    @property
    def end(self):
        return midnight(self.last_day + datetime.timedelta(days=1))

    @property
    def days(self):
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + datetime.timedelta(days=n) for n in range(count)]

    @property
    def weeks(self):
        days = self.days
        return [days[n : n + 7] for n in range(0, len(days), 7)]


def parse_week(value):
    """The Monday of ``2026-W49``; this week's Monday when the value is missing or wrong."""
    match = WEEK_PATTERN.match(value or "")
    if match and int(match[1]) in YEARS:
        try:
            return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            pass
    return monday_of(today())


def parse_month(value):
    """The first day of ``2026-12``; this month's when the value is missing or wrong."""
    match = MONTH_PATTERN.match(value or "")
    if match and int(match[1]) in YEARS and 1 <= int(match[2]) <= 12:
        return datetime.date(int(match[1]), int(match[2]), 1)
    return today().replace(day=1)


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def week_period(monday):
    return Period(monday, monday + datetime.timedelta(days=6))


def month_period(first):
    """Whole ISO weeks from the one holding the 1st to the one holding the last day."""
    next_month = (first + datetime.timedelta(days=31)).replace(day=1)
    last = next_month - datetime.timedelta(days=1)
    return Period(monday_of(first), monday_of(last) + datetime.timedelta(days=6))


def shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
