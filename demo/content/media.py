"""The media hub: the video series in four episodes and the webcast of 5 October 2020.

The real episodes run about twelve minutes; the demo shows a short test clip in
their place, with chapters at fixed offsets in that clip.
"""

import datetime
from html import escape
from zoneinfo import ZoneInfo

from demo.text import T, html

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EPISODE_CLIP_SECONDS = 24
CHAPTER_STARTS = (0, 8, 16)
WEBCAST_CLIP_SECONDS = 30

MEDIA_HUB = {
    "title": T("Mediahub", "Media hub"),
    "slug": T("mediahub", "media-hub"),
    "introduction": T(
        "De videoserie over pioniers in de korte keten en de webcast van de Nationale Handelsmissie, om terug te kijken.",
        "The video series about short-chain pioneers and the webcast of the National Trade Mission, to watch again.",
    ),
}

SERIES = {
    "title": T("Nationale Handelsmissie Korte Keten", "National Trade Mission on Short Food Chains"),
    "slug": T("nationale-handelsmissie-korte-keten", "national-trade-mission-short-food-chains"),
    "introduction": T(
        "Een videoserie over pioniers in de korte keten: vier afleveringen van ongeveer twaalf minuten, elk met een "
        "eigen thema. In elke aflevering komen drie initiatieven uit drie provincies aan bod, zo maakt u een ronde "
        "door heel Nederland.",
        "A video series about short-chain pioneers: four episodes of about twelve minutes, each with its own theme. "
        "Every episode visits three initiatives in three provinces, taking you on a tour of the whole country.",
    ),
    "body": [
        (
            "paragraph",
            html(
                T(
                    "De provincies droegen elk een korte keten-initiatief aan. Een videoserie belicht in kort tijdsbestek "
                    "initiatieven en deals, en blijft een bron van inspiratie: de afleveringen blijven op dit platform "
                    "beschikbaar.",
                    "Each province put forward a short-chain initiative. A video series shows initiatives and deals in "
                    "a short time and remains a source of inspiration: the episodes stay available on this platform.",
                ),
                T(
                    "In deze demo-omgeving staan korte testclips op de plaats van de afleveringen, en de initiatieven "
                    "zijn verzonnen voorbeelden.",
                    "In this demo environment short test clips stand in for the episodes, and the initiatives are "
                    "invented examples.",
                ),
            ),
        ),
    ],
}

# In the letter's order: (number, theme slug, province codes in viewing order).
EPISODES = [
    (1, "made-cooked-in-holland", ["zeeland", "limburg", "friesland"]),
    (2, "keten-van-morgen", ["utrecht", "noord-holland", "flevoland"]),
    (3, "de-cirkel-is-rond", ["gelderland", "overijssel", "noord-brabant"]),
    (4, "boer-en-buurt", ["groningen", "drenthe", "zuid-holland"]),
]

DEMO_TRANSCRIPT_NOTICE = (
    "DEMO-TRANSCRIPTIE. Dit is geen tekst uit een echte uitzending: de video is een testclip (testbeeld met een "
    "toon) en de initiatieven zijn verzonnen voorbeelden."
)


def episode_title(number, theme_name):
    return f"Aflevering {number}: {theme_name}"


def episode_fields(number, theme, stops):
    """``stops``: (province title, initiative page, story) per chapter, in viewing order."""
    places = ", ".join(title for title, _, _ in stops[:-1]) + f" en {stops[-1][0]}"
    transcript = [DEMO_TRANSCRIPT_NOTICE] + [
        f"[{start // 60}:{start % 60:02d}] {province}: {initiative.title}. {story}"
        for start, (province, initiative, story) in zip(CHAPTER_STARTS, stops, strict=True)
    ]
    return {
        "title": episode_title(number, theme.name),
        "slug": f"aflevering-{number}",
        "number": number,
        "theme": theme,
        "introduction": theme.summary,
        "description": f"<p>Aflevering {number} van de videoserie, over het thema {escape(theme.name)}. We bezoeken "
        f"drie initiatieven in {escape(places)}.</p><p><i>Demo: de video is een testclip en de initiatieven zijn verzonnen.</i></p>",
        "transcript": "\n\n".join(transcript),
        "chapters": [
            {"start": start, "title": f"{province}: {initiative.title}", "initiative": initiative}
            for start, (province, initiative, _) in zip(CHAPTER_STARTS, stops, strict=True)
        ],
    }


def at(hour, minute):
    return datetime.datetime(2020, 10, 5, hour, minute, tzinfo=AMSTERDAM)


WEBCAST = {
    "title": "Webcast Nationale Handelsmissie Korte Keten",
    "slug": "webcast",
    "introduction": "Op 5 oktober 2020 zond het ministerie van LNV samen met de provincies een webcast uit over "
    "de korte keten.",
    "start_at": at(15, 0),
    "end_at": at(16, 30),
    "description": (
        "<p>In verschillende gesprekken met ondernemers, gedeputeerden en de Taskforce Korte Keten komen de "
        "belangrijkste thema's van de korte keten aan bod.</p><ul>"
        "<li>Wageningen University &amp; Research (WUR) presenteert de resultaten van een onderzoek naar de "
        "potentie van korte ketens.</li>"
        "<li>Samen met de provincies en de Taskforce Korte Keten spreekt het ministerie van LNV de intentie uit om "
        "ook in de toekomst kennis te blijven delen en ondernemers te ondersteunen.</li></ul>"
    ),
    # The letter gives the parts of the programme, not the times: these are the demo's.
    "programme": [
        ("item", {"time": "15:00:00", "title": "Opening en welkom", "speakers": "Minister van LNV"}),
        (
            "item",
            {
                "time": "15:10:00",
                "title": "Gesprek: Made (& cooked) in Holland en Keten van morgen",
                "speakers": "Ondernemers uit de videoserie",
            },
        ),
        (
            "item",
            {
                "time": "15:35:00",
                "title": "Onderzoek: de potentie van korte ketens",
                "speakers": "Wageningen University & Research",
            },
        ),
        (
            "item",
            {
                "time": "15:55:00",
                "title": "Gesprek: De cirkel is rond en Boer en Buurt",
                "speakers": "Ondernemers en gedeputeerden",
            },
        ),
        (
            "item",
            {
                "time": "16:15:00",
                "title": "Intentieverklaring voor samenwerking in de korte keten",
                "speakers": "Provincies, LNV en Taskforce Korte Keten",
            },
        ),
        ("item", {"time": "16:25:00", "title": "Afsluiting", "speakers": ""}),
    ],
    "transcript": DEMO_TRANSCRIPT_NOTICE,
    "chapters": [
        {"start": 0, "title": "Opening en welkom", "initiative": None},
        {"start": 6, "title": "Gesprekken over de thema's", "initiative": None},
        {"start": 12, "title": "WUR: de potentie van korte ketens", "initiative": None},
        {"start": 18, "title": "De intentieverklaring", "initiative": None},
        {"start": 24, "title": "Afsluiting", "initiative": None},
    ],
}
