"""The admin page "Grote video uploaden" and the JSON endpoints its script talks to.

Every endpoint needs the editor's "add" right on videos, CSRF holds for the POSTs,
and an upload is only ever visible to the editor who started it.
"""

import json
import logging
from functools import wraps
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from wagtail.admin.forms.collections import CollectionChoiceField
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Collection

from ..models import VideoUpload
from ..permissions import video_permission_policy
from . import service

logger = logging.getLogger(__name__)
MAX_PARTS_PER_SIGNING = 100


class StartUploadForm(forms.Form):
    filename = forms.CharField(max_length=255)
    size = forms.IntegerField(min_value=1, error_messages={"min_value": gettext_lazy("Dit bestand is leeg.")})
    collection = CollectionChoiceField(
        queryset=Collection.objects.none(),
        label=gettext_lazy("Collectie"),
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Je mag geen video's toevoegen aan deze collectie.")},
    )
    title = forms.CharField(
        max_length=255,
        required=False,
        label=gettext_lazy("Titel"),
        help_text=gettext_lazy("Leeg laten om de bestandsnaam te gebruiken."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only collections the editor may add to, as VideoForm offers them.
        self.fields["collection"].queryset = video_permission_policy.collections_user_has_permission_for(
            user, "add"
        )

    def clean_filename(self):
        name = PurePath(self.cleaned_data["filename"].replace("\\", "/")).name
        extension = PurePath(name).suffix.lstrip(".").lower()
        if extension not in settings.VIDEO_ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                _("Bestanden van het type “%(extension)s” kunnen niet; kies een %(allowed)s-bestand.")
                % {"extension": extension or name, "allowed": ", ".join(settings.VIDEO_ALLOWED_EXTENSIONS)}
            )
        return name

    def clean_size(self):
        size = self.cleaned_data["size"]
        if size > settings.VIDEO_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("Dit bestand is %(size)s; het maximum is %(max)s.")
                % {"size": filesizeformat(size), "max": filesizeformat(settings.VIDEO_MAX_UPLOAD_SIZE)}
            )
        return size

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and cleaned.get("filename"):
            cleaned["title"] = PurePath(cleaned["filename"]).stem[:255]
        return cleaned


def upload_api(method):
    """JSON endpoint: editors with the "add" right only; refusals and outages as JSON."""

    def decorator(view):
        @wraps(view)
        @require_http_methods([method])
        def wrapper(request, *args, **kwargs):
            if not video_permission_policy.user_has_permission(request.user, "add"):
                return error_response(_("Je mag geen video's toevoegen."), 403)
            try:
                return view(request, *args, **kwargs)
            except service.UploadRejected as error:
                return error_response(error.message, error.status)
            except service.STORAGE_ERRORS:
                logger.exception("Video upload: the storage did not answer")
                message = _(
                    "De opslag is nu niet bereikbaar. Probeer het zo opnieuw; wat al binnen is, blijft bewaard."
                )
                return error_response(message, 503)

        return wrapper

    return decorator


def error_response(message, status, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def json_body(request):
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise service.UploadRejected(_("Het verzoek is onleesbaar."))
    return data


def owned_upload(request, pk, open_only=True):
    """The editor's own upload; someone else's is as absent as a missing one."""
    upload = VideoUpload.objects.filter(pk=pk, user=request.user).select_related("collection").first()
    if upload is None:
        raise service.UploadRejected(_("Deze upload bestaat niet (meer)."), 404)
    if open_only and upload.status != VideoUpload.Status.OPEN:
        raise service.UploadRejected(_("Deze upload is al afgerond of afgebroken."), 410)
    return upload


def describe(upload):
    return {
        "id": upload.pk,
        "status": upload.status,
        "message": upload.status_message,
        "filename": upload.filename,
        "size": upload.size,
        "part_size": upload.part_size,
        "part_count": upload.part_count,
        "edit_url": reverse("media_hub_video:edit", args=[upload.video_id]) if upload.video_id else None,
    }


@upload_api("POST")
def start(request):
    form = StartUploadForm(json_body(request), user=request.user)
    if not form.is_valid():
        first_error = next(iter(form.errors.values()))[0]
        return error_response(first_error, 400, errors=form.errors)
    upload = service.start_upload(user=request.user, **form.cleaned_data)
    return JsonResponse(describe(upload), status=201)


@upload_api("POST")
def sign(request, pk):
    upload = owned_upload(request, pk)
    numbers = part_numbers(json_body(request).get("parts"), upload.part_count)
    urls = service.signed_part_urls(upload, numbers)
    return JsonResponse({"urls": urls, "expires_in": service.PART_URL_LIFETIME})


def part_numbers(raw, part_count):
    valid = (
        isinstance(raw, list)
        and 0 < len(raw) <= MAX_PARTS_PER_SIGNING
        and all(isinstance(n, int) and 1 <= n <= part_count for n in raw)
    )
    if not valid:
        raise service.UploadRejected(
            _("Vraag 1 tot %(max)s bestaande delen tegelijk.") % {"max": MAX_PARTS_PER_SIGNING}
        )
    return sorted(set(raw))


@upload_api("GET")
def status(request, pk):
    upload = owned_upload(request, pk, open_only=False)
    parts = service.uploaded_parts(upload) if upload.status == VideoUpload.Status.OPEN else []
    return JsonResponse({**describe(upload), "parts": parts})


@upload_api("POST")
def complete(request, pk):
    video = service.complete_upload(owned_upload(request, pk))
    return JsonResponse(
        {
            "video_id": video.pk,
            "status": video.status,
            "edit_url": reverse("media_hub_video:edit", args=[video.pk]),
            "message": _("“%(title)s” is geüpload en gecontroleerd.") % {"title": video.title},
        }
    )


@upload_api("POST")
def abort(request, pk):
    upload = owned_upload(request, pk)
    service.abort_upload(upload)
    return JsonResponse(describe(upload))


class UploadPageView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = video_permission_policy
    permission_required = "add"
    template_name = "media_hub/upload/page.html"
    page_title = gettext_lazy("Grote video uploaden")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("media_hub_video:index"), "label": _("Video's")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=StartUploadForm(user=self.request.user),
            allowed_extensions=settings.VIDEO_ALLOWED_EXTENSIONS,
            file_help=_("MP4, MOV, WebM of MKV, tot %(max)s.")
            % {"max": filesizeformat(settings.VIDEO_MAX_UPLOAD_SIZE)},
            **kwargs,
        )
