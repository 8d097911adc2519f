from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_use_calendar(request.user)


@hooks.register("register_admin_urls")
def register_calendar_urls():
    urls = [
        path("", views.WeekView.as_view(), name="week"),
        path("maand/", views.MonthView.as_view(), name="month"),
        path("komend/", views.UpcomingView.as_view(), name="upcoming"),
    ]
    return [path("kalender/", include((urls, "planning_calendar")))]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CalendarMenuItem(_("Kalender"), reverse("planning_calendar:week"), icon_name="calendar", order=150)
