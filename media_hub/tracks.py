"""Public text tracks of a video: captions and subtitles as WebVTT.

Small text, served by Django with the same access rule as the video itself.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .models import Video, VideoCaption
from .permissions import may_watch


def webvtt_response(text):
    response = HttpResponse(text, content_type="text/vtt; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def caption_track(request, pk, key, caption_id):
    video = get_object_or_404(Video, pk=pk, key=key)
    if not may_watch(request.user, video):
        raise Http404
    caption = get_object_or_404(VideoCaption, pk=caption_id, video=video)
    response = webvtt_response(caption.webvtt)
    patch_cache_control(response, private=True, max_age=60)
    return response
