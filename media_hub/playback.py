"""Playback from the private bucket: HLS playlists served by Django, bytes straight from S3.

A playlist is a few kilobytes of text, so Django serves it after the access check
of ``serve_video``: the master points at Django's variant URLs, each variant at
Django's segment URLs, and each segment URL redirects to a presigned S3 URL that
expires after AWS_QUERYSTRING_EXPIRE seconds (at most 15 minutes). Segments, the
MP4 and the source never pass through Django; only a redirect does.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .bucket import STORAGE_ERRORS, s3
from .models import Video
from .permissions import may_watch

PLAYLIST_TYPE = "application/vnd.apple.mpegurl"
MAX_URL_LIFETIME = 15 * 60
VARIANT_URI = re.compile(r"(\d+)/index\.m3u8")
SEGMENT_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}\.(?:ts|m4s|mp4)")


def hls_url(video):
    """The master playlist's URL, or None until processing has made one."""
    return reverse("media_hub:video_hls", args=[video.pk, video.key.hex]) if video.hls_playlist else None


def mp4_url(video):
    """The progressive fallback; the source itself until processing has made it."""
    if not video.mp4_file:
        return video.get_playback_url() if video.file else None
    return reverse("media_hub:video_mp4", args=[video.pk, video.key.hex])


def watchable_video(request, pk, key):
    """The video, if this visitor may watch it (``permissions.may_watch``); a 404 otherwise."""
    try:
        video = Video.objects.get(pk=pk, key=key)
    except (Video.DoesNotExist, ValidationError):
        raise Http404 from None
    if not may_watch(request.user, video):
        raise Http404
    return video


def presigned(video, key):
    return video.file.storage.url(key, expire=min(settings.AWS_QUERYSTRING_EXPIRE, MAX_URL_LIFETIME))


def read_text(video, key):
    client, bucket = s3(video.file.storage)
    try:
        return client.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
    except client.exceptions.NoSuchKey:
        raise Http404 from None


def short_lived(response):
    # What the response points at expires; only this browser may keep it, and briefly.
    patch_cache_control(response, private=True, max_age=60)
    return response


def playlist_response(text):
    return short_lived(HttpResponse(text, content_type=PLAYLIST_TYPE))


def unavailable():
    response = HttpResponse("De video is tijdelijk niet beschikbaar.", status=503, content_type="text/plain")
    response["Retry-After"] = "30"
    return response


@require_safe
def hls_master(request, pk, key):
    video = watchable_video(request, pk, key)
    if not video.hls_playlist:
        raise Http404
    try:
        text = read_text(video, video.hls_playlist)
    except STORAGE_ERRORS:
        return unavailable()
    return playlist_response(rewrite_master(text, video))


def rewrite_master(text, video):
    """Each variant line becomes Django's URL for that rung, so every playlist passes the access check."""
    heights = {str(rung["height"]) for rung in video.renditions}

    def rewrite(line):
        match = VARIANT_URI.fullmatch(line)
        if match and match[1] in heights:
            return reverse("media_hub:video_hls_variant", args=[video.pk, video.key.hex, int(match[1])])
        return line

    return "\n".join(rewrite(line) for line in text.splitlines()) + "\n"


@require_safe
def hls_variant(request, pk, key, height):
    video = watchable_video(request, pk, key)
    rung = next((rung for rung in video.renditions if rung["height"] == height), None)
    if rung is None:
        raise Http404
    try:
        text = read_text(video, rung["playlist"])
        return playlist_response(rewrite_segments(text, video, height))
    except STORAGE_ERRORS:
        return unavailable()


def rewrite_segments(text, video, height):
    """Each segment line becomes Django's redirect URL for it; tags pass unchanged.

    A VOD playlist is read once, so presigned segment URLs in it would expire during
    a long webcast; a redirect per segment signs afresh and re-checks access each time.
    """
    lines = (
        line
        if not line or line.startswith("#")
        else reverse("media_hub:video_hls_segment", args=[video.pk, video.key.hex, height, line])
        for line in text.splitlines()
    )
    return "\n".join(lines) + "\n"


@require_safe
def hls_segment(request, pk, key, height, name):
    video = watchable_video(request, pk, key)
    rung = next((rung for rung in video.renditions if rung["height"] == height), None)
    if rung is None or not SEGMENT_NAME.fullmatch(name):
        raise Http404
    folder = rung["playlist"].rsplit("/", 1)[0]
    return short_lived(HttpResponseRedirect(presigned(video, f"{folder}/{name}")))


@require_safe
def mp4_file(request, pk, key):
    video = watchable_video(request, pk, key)
    if not video.mp4_file:
        raise Http404
    return short_lived(HttpResponseRedirect(presigned(video, video.mp4_file)))
