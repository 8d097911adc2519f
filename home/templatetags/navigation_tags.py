"""Site-wide wayfinding: the main menu, breadcrumbs and the language switcher.

Each tag costs one or two queries per page, whatever the size of the site.
"""

from django import template
from django.conf import settings
from django.db.models import Subquery
from django.utils import translation

from wagtail.models import Page, Site

register = template.Library()


def site_root(context):
    site = Site.find_for_request(context.get("request"))  # cached on the request
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The URL of the active language's home page and its live children, in one query.

    Each item has ``page``, ``url`` and ``current``: ``"page"`` on the page itself,
    ``"section"`` anywhere below it, else ``""``.
    """
    root = site_root(context)
    if root is None:
        return {"home_url": None, "items": []}
    home_path = Page.objects.filter(
        translation_key=root.translation_key, locale__language_code=translation.get_language()
    ).values("path")[:1]
    pages = list(
        Page.objects.live()
        .public()
        .filter(path__startswith=Subquery(home_path), depth__lte=root.depth + 1)
        .order_by("path")
    )
    if not pages or pages[0].depth != root.depth:
        return {"home_url": None, "items": []}
    request = context.get("request")
    current_path = request.path if request else ""
    items = []
    for page in pages[1:]:
        url = page.get_url(request)
        state = "page" if url == current_path else "section" if url and current_path.startswith(url) else ""
        items.append({"page": page, "url": url, "current": state})
    return {"home_url": pages[0].get_url(request), "items": items}


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """Live ancestors of ``page`` from its home page down, in one query."""
    root = site_root(context)
    if root is None or not getattr(page, "pk", None) or page.depth <= root.depth:
        return []
    return list(page.get_ancestors().live().filter(depth__gte=root.depth))


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the translation of ``page``, else that language's home page."""
    request = context.get("request")
    current = translation.get_language()
    found = {}
    if getattr(page, "pk", None):
        suffix = route_suffix(page, request)
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
            found[translated.locale.language_code] = (translated, suffix)
    missing = [code for code, _name in settings.LANGUAGES if code not in found]
    root = site_root(context)
    if missing and root is not None:
        homes = root.get_translations(inclusive=True).live().filter(locale__language_code__in=missing)
        for home in homes.select_related("locale"):
            found[home.locale.language_code] = (home, None)
    links = []
    for code, name in settings.LANGUAGES:
        target, tail = found.get(code, (None, None))
        url = target and target.get_url(request)
        if not url:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": url + (tail or ""),
                "full_url": target.get_full_url(request) + (tail or ""),
                "is_current": code == current,
                "is_translation": tail is not None,
            }
        )
    return links


def route_suffix(page, request):
    """The sub-route of a routable page being viewed (``voedsel/`` of ``/themas/voedsel/``).

    Theme slugs are the same in every language, so a translation takes the same suffix.
    """
    url = page.get_url(request)
    path = request.path if request else ""
    return path[len(url) :] if url and path.startswith(url) else ""
