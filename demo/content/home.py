"""The home page: the trade mission at a glance, in Dutch and English.

Text after the minister's letter to the Tweede Kamer of 5 October 2020 on the
Nationale Handelsmissie Korte Ketens.
"""

from demo.text import Ref, T, html

HOME = {
    "title": T("Korte Keten", "Short Food Chains"),
    "slug": T("korte-keten", "short-food-chains"),
    "introduction": T(
        "Talloze initiatieven en regionale deals laten zien dat korte ketens werken: voor de ondernemers zelf én "
        "voor de natuurlijke balans en leefbaarheid in de omgeving. Hier vindt u de Nationale Handelsmissie Korte "
        "Keten van 2020.",
        "Countless initiatives and regional deals show that short food chains work: for the entrepreneurs "
        "themselves and for the natural balance and liveability of their surroundings. This is the home of the "
        "2020 National Trade Mission on Short Food Chains.",
    ),
}

HOME_BODY = [
    ("heading", T("Waarom korte ketens?", "Why short chains?")),
    (
        "paragraph",
        html(
            T(
                "Bij korte ketens kennen boeren en afnemers elkaar beter. Zo kunnen zij makkelijker hun ketens "
                "sluiten en eerlijke prijzen bedingen, en ze delen vaak het belang van een gezonder milieu en beter "
                "natuurbeheer. Als boeren direct met burgers in contact staan, helpt dat bij wederzijds begrip en "
                "waardering.",
                "In short chains, farmers and buyers know each other better. That makes it easier for them to close "
                "their chains and agree fair prices, and they often share an interest in a healthier environment and "
                "better care for nature. When farmers are in direct contact with citizens, that helps mutual "
                "understanding and appreciation.",
            ),
            T(
                "Het verkorten van ketens is een van de stappen richting kringlooplandbouw. De boer wordt minder "
                "afhankelijk van de grillen van de markt, bijzondere streekproducten vinden weer hun weg naar ons "
                "bord en producenten voegen waarde toe aan hun omgeving.",
                "Shortening chains is one of the steps towards circular agriculture. Farmers depend less on the "
                "whims of the market, special regional products find their way back to our plates and producers "
                "add value to their surroundings.",
            ),
        ),
    ),
    (
        "quote",
        {
            "text": T(
                "Talloze initiatieven en regionale deals laten zien dat korte ketens werken.",
                "Countless initiatives and regional deals show that short chains work.",
            ),
            "attribution": T(
                "Minister van Landbouw, Natuur en Voedselkwaliteit, 5 oktober 2020",
                "Minister of Agriculture, Nature and Food Quality, 5 October 2020",
            ),
        },
    ),
    ("heading", T("De handelsmissie in vier onderdelen", "The trade mission in four parts")),
    (
        "paragraph",
        html(
            T(
                "In de zomer van 2020 ging de Nationale Handelsmissie door Nederland om de pioniers van de korte "
                "keten op te zoeken, te ondersteunen en nieuwe kansen te ontdekken. Door de coronamaatregelen kreeg "
                "de missie een nieuwe opzet, in vier onderdelen:",
                "In the summer of 2020 the National Trade Mission travelled the Netherlands to visit the pioneers "
                "of short food chains, support them and discover new opportunities. Because of the coronavirus "
                "measures the mission took a new form, in four parts:",
            ),
            (
                "ol",
                [
                    T(
                        "Een videoserie over pioniers in de korte keten.",
                        "A video series about short-chain pioneers.",
                    ),
                    T(
                        "Een webcast met ondernemers, gedeputeerden en de Taskforce Korte Keten.",
                        "A webcast with entrepreneurs, provincial executives and the Short Chain Taskforce.",
                    ),
                    T(
                        "Een cateringdeal: Eten uit de Korte Keten.",
                        "A catering deal: Food from the Short Chain.",
                    ),
                    T(
                        "Een intentieverklaring tussen de Taskforce Korte Keten, de provincies en LNV.",
                        "A declaration of intent between the Short Chain Taskforce, the provinces and the ministry.",
                    ),
                ],
            ),
        ),
    ),
    (
        "call_to_action",
        {
            "title": T("Bekijk de videoserie", "Watch the video series"),
            "text": T(
                "Vier afleveringen, twaalf initiatieven: een ronde door heel Nederland.",
                "Four episodes, twelve initiatives: a tour of the whole country.",
            ),
            "page": Ref("series"),
            "url": "",
            "label": T("Naar de videoserie", "To the video series"),
        },
    ),
    (
        "call_to_action",
        {
            "title": T("De webcast van 5 oktober 2020", "The webcast of 5 October 2020"),
            "text": T(
                "Gesprekken over de korte keten, onderzoek van de WUR en de intentieverklaring, om terug te kijken.",
                "Talks about short chains, research by Wageningen University & Research and the declaration of "
                "intent, to watch again.",
            ),
            "page": Ref("webcast"),
            "url": "",
            "label": T("Naar de webcast", "To the webcast"),
        },
    ),
    (
        "call_to_action",
        {
            "title": T("Wat is een korte keten?", "What is a short food chain?"),
            "text": T(
                "Wat korte ketens opleveren, en wat de coronacrisis liet zien.",
                "What short chains bring, and what the coronavirus crisis showed.",
            ),
            "page": Ref("wat-is-een-korte-keten"),
            "url": "",
            "label": T("Lees meer", "Read more (in Dutch)"),
        },
    ),
    (
        "call_to_action",
        {
            "title": T("Vragen over de korte keten?", "Questions about short chains?"),
            "text": T(
                "Het loket brengt ondernemers met elkaar in contact en beantwoordt hun vragen. Ondernemers beheren "
                "het zelf, via de Taskforce Korte Keten.",
                "The contact desk puts entrepreneurs in touch with each other and answers their questions. "
                "Entrepreneurs run it themselves, through the Short Chain Taskforce.",
            ),
            "page": Ref("loket"),
            "url": "",
            "label": T("Naar het loket", "To the contact desk"),
        },
    ),
]
