"""Facts about external content for the consent placeholder (components/consent_embed.html)."""

from urllib.parse import urlsplit

from django import template

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

register = template.Library()

KNOWN_PROVIDERS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
}


def provider_for(url):
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.").removeprefix("player.")
    return KNOWN_PROVIDERS.get(host, host)


@register.simple_tag
def external_embed(value):
    """Provider, title, iframe HTML and aspect ratio of an ``EmbedBlock`` value or a URL.

    Wagtail stores the oEmbed answer after the first fetch. When the provider cannot
    be reached the HTML is empty and the placeholder offers only a plain link.
    """
    url = getattr(value, "url", value) or ""
    try:
        embed = embeds.get_embed(url, getattr(value, "max_width", None), getattr(value, "max_height", None))
    except EmbedException:
        embed = None
    return {
        "url": url,
        "provider": (embed and embed.provider_name) or provider_for(url),
        "title": (embed and embed.title) or "",
        "html": (embed and embed.html) or "",
        "aspect_ratio": f"{embed.width} / {embed.height}" if embed and embed.is_responsive else "",
    }


@register.simple_tag
def external_link(url, title=""):
    """The same shape for a URL we build the player for ourselves: no oEmbed request."""
    return {"url": url, "provider": provider_for(url), "title": title, "html": "", "aspect_ratio": "16 / 9"}
