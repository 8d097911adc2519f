from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from media_hub import urls as media_hub_urls
from planning import urls as planning_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("media/video/", include(media_hub_urls)),
    path("kalender/", include(planning_urls)),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Dutch pages at /, English under /en/. The first pattern lets routable pages serve files such as
# agenda.ics and chapters.vtt: Wagtail's own pattern allows no dot in a path.
urlpatterns += i18n_patterns(
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:ics|vtt))$", wagtail_views.serve, name="wagtail_serve_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
