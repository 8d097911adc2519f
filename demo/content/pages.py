"""The pages about short chains, the catering deal and the declaration; the contact desk; the themes.

Text after the minister's letter to the Tweede Kamer of 5 October 2020 on the
Nationale Handelsmissie Korte Ketens.
"""

from demo.text import Ref, T, html

WHAT_IS = {
    "title": "Wat is een korte keten?",
    "slug": "wat-is-een-korte-keten",
    "introduction": (
        "Een korte keten brengt boer en afnemer dichter bij elkaar, met zo weinig mogelijk schakels tussen het land "
        "en het bord."
    ),
    "body": [
        ("heading", "Boer en afnemer kennen elkaar"),
        (
            "paragraph",
            html(
                "Bij korte ketens kennen boeren en afnemers elkaar beter en kunnen zij makkelijker hun ketens sluiten "
                "en eerlijke prijzen bedingen. Ze delen vaak het belang van een gezonder milieu en beter "
                "natuurbeheer. Als boeren direct met burgers in contact staan, helpt dat eveneens bij wederzijds "
                "begrip en waardering.",
                "Het verkorten van ketens is een van de stappen in de ontwikkeling richting kringlooplandbouw. Het "
                "fundament voor die overgang ligt bij de mensen in de regio's en in de agroketens: de ondernemer, de "
                "bestuurder en de burger.",
            ),
        ),
        ("heading", "De korte keten in coronatijd"),
        (
            "paragraph",
            html(
                "Toen begin 2020 het coronavirus toesloeg en de bewegingsvrijheid van burgers noodgedwongen werd "
                "beperkt, herontdekten veel mensen de boeren en andere voedselproducenten in hun buurt. "
                "Boerderijwinkels en plaatselijke bakkers zagen hun omzet stijgen. Volgens onderzoeksbureau GfK "
                "steeg de omzet van slagers en groenteboeren met 30% tot 40% in de maanden maart tot en met juni 2020.",
                "Ook de omzet van maaltijdboxen steeg, en niet alleen bij de traditionele aanbieders: ook "
                "horecaondernemers, boeren en tuinders boden hun producten en diensten aan via maaltijdboxen. "
                "ABN AMRO zag in maart en april bij deze bedrijven ruim 80% meer transacties (bron: Trouw, "
                "12 augustus 2020, «Kan de maaltijdbox de klant ook na corona vasthouden?»).",
            ),
        ),
        ("heading", "De Taskforce Korte Keten"),
        (
            "paragraph",
            html(
                "De Taskforce Korte Keten, een organisatie van korte keten-ondernemers, ondersteunt initiatiefnemers "
                "namens het ministerie van LNV. Als «makelaar» brengt zij het aanbod van ondernemers en de vraag van "
                "consumenten samen. Zij deelt kennis, bevordert opschaling en helpt ondernemers bij het maken van "
                "verdienmodellen. In 2020 steunde het ministerie het initiatief «supportyourlocals» van de "
                "Taskforce, om zoveel mogelijk burgers te bereiken.",
            ),
        ),
        (
            "call_to_action",
            {
                "title": "Zelf een vraag?",
                "text": "Het loket brengt ondernemers met elkaar in contact.",
                "page": Ref("loket"),
                "url": "",
                "label": "Naar het loket",
            },
        ),
    ],
}

CATERING_DEAL = {
    "title": "Cateringdeal – Eten uit de Korte Keten",
    "slug": "cateringdeal",
    "introduction": (
        "De provincies en het Rijk sluiten met negen van hun cateraars een greendeal om meer lokale producten aan "
        "te bieden in hun restaurants."
    ),
    "body": [
        ("heading", "Meer streekproducten in de restaurants van de overheid"),
        (
            "paragraph",
            html(
                "Als onderdeel van de Nationale Handelsmissie Korte Keten sluiten de provincies en het Rijk met negen "
                "van hun cateraars de greendeal Eten uit de Korte Keten. De cateraars gaan in de restaurants van de "
                "overheid meer lokale producten aanbieden.",
                "Met deze deal zetten niet alleen het Rijk maar ook de provincies een stap, in lijn met de motie van "
                "de leden Van der Molen en Geurts over het bevorderen van Nederlandse (streek)producten in de "
                "restaurants van de Tweede Kamer.",
            ),
        ),
        ("heading", "Wie doet (nog) niet mee?"),
        (
            "paragraph",
            html(
                (
                    "ul",
                    [
                        "De provincie Friesland heeft aangegeven niet mee te willen doen aan de cateringdeal.",
                        "De cateraar van het restaurant van de Tweede Kamer is benaderd, maar doet onder de huidige "
                        "omstandigheden vooralsnog niet mee. Het gesprek gaat door: later aansluiten bij de deal is "
                        "mogelijk.",
                    ],
                ),
            ),
        ),
        (
            "call_to_action",
            {
                "title": "De provincies in de handelsmissie",
                "text": "Per provincie: het initiatief uit de videoserie en wie meedoet aan welke afspraak.",
                "page": Ref("provincies"),
                "url": "",
                "label": "Naar de provincies",
            },
        ),
    ],
}

DECLARATION = {
    "title": "Intentieverklaring",
    "slug": "intentieverklaring",
    "introduction": (
        "De provincies, het ministerie van LNV en de Taskforce Korte Keten bundelen hun krachten voor de korte keten."
    ),
    "body": [
        ("heading", "Samen verder in de korte keten"),
        (
            "paragraph",
            html(
                "De provincies en LNV gaan kennis delen, hun beleid op het gebied van korte ketens op elkaar afstemmen "
                "en onderzoeken hoe ze beter kunnen samenwerken in de korte keten. Daarvoor sluit LNV samen met de "
                "provincies een intentieverklaring met de Taskforce Korte Keten, die de spil van de samenwerking "
                "wordt.",
                "De samenwerking zorgt ook voor advies op maat over voedselveiligheid voor kleinschalige producenten "
                "van streekeigen, regiogebonden producten.",
            ),
        ),
        ("heading", "Trekkers en deelnemers"),
        (
            "paragraph",
            html(
                (
                    "ul",
                    [
                        "De provincies Gelderland, Overijssel en Drenthe zijn trekker van dit traject.",
                        "De provincie Friesland heeft aangegeven niet mee te willen doen aan de intentieverklaring.",
                    ],
                ),
            ),
        ),
        (
            "call_to_action",
            {
                "title": "De provincies in de handelsmissie",
                "text": "Per provincie: het initiatief uit de videoserie en wie meedoet aan welke afspraak.",
                "page": Ref("provincies"),
                "url": "",
                "label": "Naar de provincies",
            },
        ),
    ],
}

CONTENT_PAGES = [WHAT_IS, CATERING_DEAL, DECLARATION]

CONTACT_DESK = {
    "title": "Loket",
    "slug": "loket",
    "introduction": (
        "Heeft u een vraag over de korte keten, of zoekt u contact met andere ondernemers? Het loket brengt "
        "ondernemers met elkaar in contact en beantwoordt ondernemersvragen. Ondernemers beheren het zelf, via de "
        "Taskforce Korte Keten."
    ),
    "body": [
        (
            "paragraph",
            html(
                "Stel uw vraag met het formulier hieronder. Een ondernemer van het loket neemt contact met u op."
            ),
        ),
    ],
    "subject": "Nieuwe vraag via het loket Korte Keten",
    "thank_you_text": (
        "<p>Bedankt voor uw vraag. Het loket van de Taskforce Korte Keten neemt zo snel mogelijk contact met u op.</p>"
    ),
}


def contact_desk_fields(province_names):
    return [
        {"label": "Naam", "field_type": "singleline", "required": True},
        {"label": "E-mailadres", "field_type": "email", "required": True},
        {"label": "Organisatie", "field_type": "singleline", "required": False},
        {
            "label": "Provincie",
            "field_type": "dropdown",
            "required": True,
            "choices": "\n".join(province_names),
        },
        {"label": "Vraag", "field_type": "multiline", "required": True},
    ]


THEME_INDEX = {
    "title": "Thema's",
    "slug": "themas",
    "introduction": (
        "De videoserie heeft vier thema's. Elk thema laat zien hoe de korte keten op een andere manier werkt."
    ),
}

# In the letter's order; the slug is the same in every language.
THEMES = [
    {
        "slug": "made-cooked-in-holland",
        "name": T("Made (& cooked) in Holland", "Made (& cooked) in Holland"),
        "summary": T(
            "Initiatieven waarbij het bijzondere regionale product centraal staat.",
            "Initiatives centred on a special regional product.",
        ),
    },
    {
        "slug": "keten-van-morgen",
        "name": T("Keten van morgen", "Chain of tomorrow"),
        "summary": T(
            "Duurzaamheid en de toekomst: de rol van data bij het oplossen van logistiek en inkoop.",
            "Sustainability and the future: the role of data in solving logistics and purchasing.",
        ),
    },
    {
        "slug": "de-cirkel-is-rond",
        "name": T("De cirkel is rond", "Closing the circle"),
        "summary": T(
            "Initiatieven waarbij korte ketens ook circulair worden gemaakt.",
            "Initiatives that make short chains circular as well.",
        ),
    },
    {
        "slug": "boer-en-buurt",
        "name": T("Boer en Buurt", "Farmer and Neighbourhood"),
        "summary": T(
            "Initiatieven waarbij boeren een onderscheidende bijdrage leveren aan de buurt.",
            "Initiatives in which farmers make a distinctive contribution to their neighbourhood.",
        ),
    },
]
