"""What the content calendar shows: scheduled publications and expiries, pending reviews, webcasts.

Only pages the user may edit, across all provinces, from a fixed handful of queries however
many pages there are; provinces are matched by path prefix against the few ProvincePages.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Revision, WorkflowState, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from provinces.models import ProvincePage

from .periods import AMSTERDAM

NATIONAL = "landelijk"
page_policy = PagePermissionPolicy()


class Kind(models.TextChoices):
    PUBLISH = "publish", _("Publicatie gepland")
    GO_LIVE = "go_live", _("Publicatiedatum, nog niet ingepland")
    EXPIRE = "expire", _("Verloopt")
    REVIEW = "review", _("Ter beoordeling")
    WEBCAST = "webcast", _("Webcast")


UID_SUFFIXES = {Kind.PUBLISH: "golive", Kind.GO_LIVE: "golive", Kind.EXPIRE: "expire", Kind.REVIEW: "review"}


@dataclass
class Entry:
    kind: Kind
    at: datetime.datetime
    page: Page
    province: ProvincePage | None
    end: datetime.datetime | None = None
    revision_id: int | None = None
    task_name: str = ""
    can_unschedule: bool = False

    @property
    def local_at(self):
        return self.at.astimezone(AMSTERDAM)

    @property
    def title(self):
        return self.page.get_admin_display_title()

    @property
    def province_name(self):
        return self.province.title if self.province else _("Landelijk")

    @property
    def type_name(self):
        model = ContentType.objects.get_for_id(self.page.content_type_id).model_class()
        return capfirst(model._meta.verbose_name) if model else ""

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def unschedule_url(self):
        if self.kind == Kind.PUBLISH and self.can_unschedule:
            return reverse("wagtailadmin_pages:revisions_unschedule", args=[self.page.pk, self.revision_id])
        return None

    @property
    def uid(self):
        """Stable across feeds and downloads: a moved event stays the same event in a calendar app."""
        if self.kind == Kind.WEBCAST:
            return f"webcast-{self.page.translation_key}@korteketen"
        return f"page-{self.page.pk}-{UID_SUFFIXES[self.kind]}@korteketen"


def all_provinces():
    """Every ProvincePage in every locale; few enough to match paths in Python."""
    return list(ProvincePage.objects.select_related("locale").order_by("title"))


def province_choices(user, provinces):
    """One option per province (by translation key) that the user may edit in, plus "Landelijk"."""
    roots = (
        None
        if user.is_superuser
        else [p.page.path for p in page_policy.get_cached_permissions_for_user(user)]
    )
    choices = {}
    for province in provinces:
        if roots is not None and not any(
            province.path.startswith(r) or r.startswith(province.path) for r in roots
        ):
            continue
        key = str(province.translation_key)
        if key not in choices or province.locale.language_code == settings.LANGUAGE_CODE:
            choices[key] = province.title
    return sorted(choices.items(), key=lambda item: item[1]) + [(NATIONAL, _("Landelijk"))]


def content_type_choices():
    models = [model for model in get_page_models() if model is not Page]
    content_types = ContentType.objects.get_for_models(*models)
    choices = [(ct.pk, capfirst(model._meta.verbose_name)) for model, ct in content_types.items()]
    return sorted(choices, key=lambda choice: str(choice[1]))


def under_any(provinces):
    condition = Q(pk__in=[])
    for province in provinces:
        condition |= Q(path__startswith=province.path)
    return condition


class ContentCalendar:
    """The entries one user may see, optionally narrowed to a province and a page type."""

    def __init__(self, user, province=None, content_type=None, provinces=None):
        self.user = user
        self.provinces = all_provinces() if provinces is None else provinces
        self.by_path = {province.path: province for province in self.provinces}
        pages = page_policy.instances_user_has_permission_for(user, "change").filter(depth__gt=1)
        if content_type:
            pages = pages.filter(content_type_id=content_type)
        if province == NATIONAL:
            pages = pages.exclude(under_any(self.provinces))
        elif province:
            pages = pages.filter(under_any(p for p in self.provinces if str(p.translation_key) == province))
        self.pages = pages

    def entries(self, start, end):
        """Every entry from ``start`` up to ``end``, in time order."""
        # Revisions and reviews are read for every page and narrowed by the page query: joining
        # them to the pages on their text ``object_id`` inside one query plans badly.
        scheduled = {
            int(key): (pk, at)
            for pk, key, at in Revision.page_revisions.filter(
                approved_go_live_at__gte=start, approved_go_live_at__lt=end
            ).values_list("pk", "object_id", "approved_go_live_at")
        }
        reviews = self.reviews(
            current_task_state__started_at__gte=start, current_task_state__started_at__lt=end
        )
        window = (
            Q(live=True, expire_at__gte=start, expire_at__lt=end)
            | Q(live=False, go_live_at__gte=start, go_live_at__lt=end)
            | Q(webcastpage__start_at__lt=end, webcastpage__end_at__gt=start)
            | Q(pk__in=[*scheduled, *reviews])
        )
        entries = []
        for page in self.load_pages(window):
            entries += self.page_entries(page, start, end, scheduled.get(page.pk), reviews.get(page.pk))
        return sorted(entries, key=lambda entry: (entry.at, entry.title))

    def open_reviews(self):
        """Every review in progress, however long ago it was requested."""
        reviews = self.reviews()
        pages = self.load_pages(Q(pk__in=list(reviews))) if reviews else []
        return sorted((self.review_entry(page, reviews[page.pk]) for page in pages), key=lambda e: e.at)

    def reviews(self, **filters):
        """``{page id: (started at, task name)}``; a page has one workflow in progress at most."""
        rows = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            status=WorkflowState.STATUS_IN_PROGRESS,
            current_task_state__isnull=False,
            **filters,
        ).values_list("object_id", "current_task_state__started_at", "current_task_state__task__name")
        return {int(key): (started_at, task_name or "") for key, started_at, task_name in rows}

    def load_pages(self, condition):
        return self.pages.filter(condition).annotate(
            webcast_start=F("webcastpage__start_at"), webcast_end=F("webcastpage__end_at")
        )

    def page_entries(self, page, start, end, scheduled, review):
        entries = [self.review_entry(page, review)] if review else []
        if scheduled:
            revision_id, at = scheduled
            entries.append(self.entry(Kind.PUBLISH, at, page, revision_id=revision_id))
        elif not page.live and page.go_live_at and start <= page.go_live_at < end:
            entries.append(self.entry(Kind.GO_LIVE, page.go_live_at, page))
        if page.live and page.expire_at and start <= page.expire_at < end:
            entries.append(self.entry(Kind.EXPIRE, page.expire_at, page))
        if page.webcast_start and page.webcast_start < end and page.webcast_end > start:
            entries.append(self.entry(Kind.WEBCAST, page.webcast_start, page, end=page.webcast_end))
        return entries

    def review_entry(self, page, review):
        started_at, task_name = review
        return self.entry(Kind.REVIEW, started_at, page, task_name=task_name)

    def entry(self, kind, at, page, **extra):
        can_unschedule = kind == Kind.PUBLISH and page.permissions_for_user(self.user).can_unschedule()
        return Entry(kind, at, page, self.province_of(page), can_unschedule=can_unschedule, **extra)

    def province_of(self, page):
        steps = range(Page.steplen, len(page.path) + 1, Page.steplen)
        return next((self.by_path[page.path[:n]] for n in steps if page.path[:n] in self.by_path), None)
