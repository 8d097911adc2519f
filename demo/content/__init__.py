"""The demo site's text, after the letter of 5 October 2020 on the Nationale Handelsmissie Korte Ketens."""

from .home import HOME, HOME_BODY
from .media import EPISODES, MEDIA_HUB, SERIES, WEBCAST, episode_fields, episode_title
from .pages import CONTACT_DESK, CONTENT_PAGES, THEME_INDEX, THEMES, contact_desk_fields
from .provinces import (
    INITIATIVES,
    PROVINCE_INDEX,
    PROVINCES,
    initiative_fields,
    policy_fields,
    province_fields,
)

__all__ = [
    "CONTACT_DESK",
    "CONTENT_PAGES",
    "EPISODES",
    "HOME",
    "HOME_BODY",
    "INITIATIVES",
    "MEDIA_HUB",
    "PROVINCES",
    "PROVINCE_INDEX",
    "SERIES",
    "THEMES",
    "THEME_INDEX",
    "WEBCAST",
    "contact_desk_fields",
    "episode_fields",
    "episode_title",
    "initiative_fields",
    "policy_fields",
    "province_fields",
]
