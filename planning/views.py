"""The content calendar in the admin (week, month, upcoming) and each user's iCalendar feed."""

import datetime
from collections import defaultdict

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.users.models import UserProfile

from . import periods
from .entries import ContentCalendar, all_provinces, content_type_choices, page_policy, province_choices
from .ical import feed_response, feed_token

FEED_PAST = datetime.timedelta(days=30)
FEED_FUTURE = datetime.timedelta(days=365)


def may_use_calendar(user):
    """Anyone who may edit pages somewhere; they see only the pages they may edit."""
    return user.is_active and page_policy.user_has_any_permission(user, {"add", "change", "publish"})


class FilterForm(forms.Form):
    province = forms.ChoiceField(label=_("Provincie"), required=False)
    content_type = forms.TypedChoiceField(
        label=_("Soort pagina"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data, user, provinces):
        super().__init__(data)
        self.fields["province"].choices = [("", _("Alle provincies"))] + province_choices(user, provinces)
        self.fields["content_type"].choices = [("", _("Alle soorten"))] + content_type_choices()

    def filters(self):
        if not self.is_valid():
            return {}
        return {"province": self.cleaned_data["province"], "content_type": self.cleaned_data["content_type"]}


class CalendarView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Kalender")
    header_icon = "calendar"
    view_name = ""
    period_param = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_use_calendar(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provinces = all_provinces()
        form = FilterForm(self.request.GET, self.request.user, provinces)
        filters = form.filters()
        calendar = ContentCalendar(self.request.user, provinces=provinces, **filters)
        query = {key: value for key, value in filters.items() if value}
        context.update(
            form=form,
            view_name=self.view_name,
            views=self.view_links(query),
            open_reviews=calendar.open_reviews(),
            feed_url=self.request.build_absolute_uri(feed_path(self.request.user)),
            return_url=self.request.get_full_path(),
            **self.period_context(calendar, query),
        )
        return context

    def view_links(self, query):
        names = [("week", _("Week")), ("month", _("Maand")), ("upcoming", _("Komende 60 dagen"))]
        return [
            (name, label, with_query(reverse(f"planning_calendar:{name}"), query)) for name, label in names
        ]

    def period_links(self, query, codes):
        """Links to the previous, the current and the next period, keeping the filters."""
        return {
            name: with_query(self.request.path, {**query, self.period_param: code})
            for name, code in codes.items()
        }


class WeekView(CalendarView):
    template_name = "planning/week.html"
    view_name = "week"
    period_param = "week"

    def period_context(self, calendar, query):
        monday = periods.parse_week(self.request.GET.get("week"))
        period = periods.week_period(monday)
        week = datetime.timedelta(days=7)
        year, number, _weekday = monday.isocalendar()
        codes = {"previous": monday - week, "current": periods.today(), "next": monday + week}
        return {
            "period_title": _("Week %(number)s, %(year)s") % {"number": number, "year": year},
            "period_links": self.period_links(query, {k: periods.week_code(day) for k, day in codes.items()}),
            "days": by_day(calendar.entries(period.start, period.end), period.days),
        }


class MonthView(CalendarView):
    template_name = "planning/month.html"
    view_name = "month"
    period_param = "month"

    def period_context(self, calendar, query):
        first = periods.parse_month(self.request.GET.get("month"))
        period = periods.month_period(first)
        days = dict(by_day(calendar.entries(period.start, period.end), period.days))
        codes = {
            "previous": periods.shift_month(first, -1),
            "current": periods.today(),
            "next": periods.shift_month(first, 1),
        }
        return {
            "month": first,
            "period_title": capfirst(date_format(first, "F Y")),
            "period_links": self.period_links(
                query, {k: periods.month_code(day) for k, day in codes.items()}
            ),
            "weekdays": [capfirst(date_format(day, "l")) for day in period.weeks[0]],
            "weeks": [
                (week[0].isocalendar()[1], [(day, days[day]) for day in week]) for week in period.weeks
            ],
        }


class UpcomingView(CalendarView):
    template_name = "planning/upcoming.html"
    view_name = "upcoming"

    def period_context(self, calendar, query):
        start = timezone.now()
        return {"entries": calendar.entries(start, start + datetime.timedelta(days=periods.UPCOMING_DAYS))}


def by_day(entries, days):
    """``[(day, entries)]`` for each day shown; an event that began earlier sits on the first day."""
    grouped = defaultdict(list)
    for entry in entries:
        grouped[max(entry.local_at.date(), days[0])].append(entry)
    return [(day, grouped[day]) for day in days]


def with_query(path, query):
    query = {key: value for key, value in query.items() if value}
    return f"{path}?{urlencode(query)}" if query else path


def feed_path(user):
    return reverse("planning:feed", args=[user.pk, feed_token(user)])


@require_safe
def feed(request, user_id, token):
    """The user's entries from a month ago to a year ahead; calendar apps cannot log in, hence the token."""
    user = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if not constant_time_compare(token, feed_token(user)) or not may_use_calendar(user):
        raise Http404
    now = timezone.now()
    calendar = ContentCalendar(user)
    entries = calendar.entries(now - FEED_PAST, now + FEED_FUTURE) + calendar.open_reviews()
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        return feed_response(entries, request)
