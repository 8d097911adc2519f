"""Admin: the caption tracks of one video (upload WebVTT or SRT, remove a track)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from . import captions
from .models import Video, VideoCaption
from .permissions import video_permission_policy


class CaptionUploadForm(forms.ModelForm):
    caption_file = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy("WebVTT (.vtt) of SRT (.srt), UTF-8 of Latin-1."),
    )

    class Meta:
        model = VideoCaption
        fields = ["language", "kind", "label"]

    def __init__(self, *args, video, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.video = video

    def clean_caption_file(self):
        upload = self.cleaned_data["caption_file"]
        if not upload.name.lower().endswith((".vtt", ".srt")):
            raise forms.ValidationError(_("Kies een .vtt- of .srt-bestand."))
        if upload.size > captions.MAX_CAPTION_BYTES:
            raise forms.ValidationError(_("Het ondertitelbestand is groter dan 2 MB."))
        try:
            self.instance.webvtt = captions.to_webvtt(captions.parse(upload.read()))
        except captions.CaptionError as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        duplicate = VideoCaption.objects.filter(
            video=self.instance.video, language=cleaned.get("language"), kind=cleaned.get("kind")
        )
        if duplicate.exists():
            raise forms.ValidationError(
                _("Deze video heeft al zo'n spoor in deze taal; verwijder dat eerst.")
            )
        return cleaned


def editable_video(request, pk):
    video = get_object_or_404(Video, pk=pk)
    if not video_permission_policy.user_has_permission_for_instance(request.user, "change", video):
        raise PermissionDenied
    return video


def caption_index(request, pk):
    video = editable_video(request, pk)
    form = CaptionUploadForm(request.POST or None, request.FILES or None, video=video)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                caption = form.save()
                log(instance=video, action="wagtail.edit", user=request.user, content_changed=True)
        except IntegrityError:
            form.add_error(None, _("Deze video heeft al zo'n spoor in deze taal; verwijder dat eerst."))
        else:
            messages.success(request, _("Ondertitelspoor '%(label)s' toegevoegd.") % {"label": caption.label})
            return redirect("media_hub_captions:index", pk=video.pk)
    return TemplateResponse(
        request,
        "media_hub/captions/index.html",
        {"video": video, "tracks": video.captions.order_by("language", "kind"), "form": form},
    )


@require_POST
def caption_delete(request, pk, caption_id):
    video = editable_video(request, pk)
    caption = get_object_or_404(VideoCaption, pk=caption_id, video=video)
    caption.delete()
    log(instance=video, action="wagtail.edit", user=request.user, content_changed=True)
    messages.success(request, _("Ondertitelspoor '%(label)s' verwijderd.") % {"label": caption.label})
    return redirect("media_hub_captions:index", pk=video.pk)
