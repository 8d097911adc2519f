"""The twelve provinces and one example initiative in each.

The letter names no initiatives: every initiative here is invented. Producers,
partners and initiatives do not exist; only the municipalities are real.
"""

from django.utils.text import slugify

from demo.text import html

PROVINCE_INDEX = {
    "title": "Provincies",
    "slug": "provincies",
    "introduction": (
        "Elke provincie droeg een korte keten-initiatief aan voor de videoserie. Per provincie ziet u dat "
        "initiatief, wie meedoet aan de cateringdeal en de intentieverklaring en, op termijn, het provinciale "
        "beleid voor de korte keten."
    ),
}

# (code, title, slug); Friesland goes by its official name, its code stays "friesland".
PROVINCES = [
    ("groningen", "Groningen", "groningen"),
    ("friesland", "Fryslân", "fryslan"),
    ("drenthe", "Drenthe", "drenthe"),
    ("overijssel", "Overijssel", "overijssel"),
    ("flevoland", "Flevoland", "flevoland"),
    ("gelderland", "Gelderland", "gelderland"),
    ("utrecht", "Utrecht", "utrecht"),
    ("noord-holland", "Noord-Holland", "noord-holland"),
    ("zuid-holland", "Zuid-Holland", "zuid-holland"),
    ("zeeland", "Zeeland", "zeeland"),
    ("noord-brabant", "Noord-Brabant", "noord-brabant"),
    ("limburg", "Limburg", "limburg"),
]
DECLINED_BOTH = {"friesland"}  # footnotes 3 and 5 of the letter
LEADS_DECLARATION = {"gelderland", "overijssel", "drenthe"}

EXAMPLE_NOTE = (
    "Dit is een verzonnen voorbeeld voor de demo van dit platform: de producenten, partners en het initiatief "
    "bestaan niet. Alleen de gemeente is echt."
)


def province_fields(code, title, slug):
    joined = code not in DECLINED_BOTH
    return {
        "title": title,
        "slug": slug,
        "code": code,
        "joined_catering_deal": joined,
        "joined_declaration_of_intent": joined,
        "leads_declaration": code in LEADS_DECLARATION,
        "introduction": f"{title} in de Nationale Handelsmissie Korte Keten: het initiatief uit de videoserie en "
        "het beleid voor de korte keten.",
        "body": [("paragraph", html(*participation(code, title)))],
    }


def participation(code, title):
    if code in DECLINED_BOTH:
        return [
            f"De provincie {title} heeft aangegeven niet mee te willen doen aan de cateringdeal en de "
            "intentieverklaring. Het initiatief uit de provincie is wel te zien in de videoserie."
        ]
    lines = [
        f"{title} doet mee aan de cateringdeal Eten uit de Korte Keten en ondertekent de intentieverklaring met "
        "LNV en de Taskforce Korte Keten."
    ]
    if code in LEADS_DECLARATION:
        others = " en ".join(name for key, name, _ in PROVINCES if key in LEADS_DECLARATION and key != code)
        lines.append(f"{title} is samen met {others} trekker van het traject van de intentieverklaring.")
    return lines


def policy_fields(title):
    return {
        "title": f"Beleid korte keten {title}",
        "slug": "beleid-korte-keten",
        "introduction": f"Het beleid van de provincie {title} voor de korte keten volgt later.",
        "body": [
            (
                "paragraph",
                html(
                    "Op termijn worden de beleidsbepalingen van de provincies voor de korte keten aan dit platform "
                    f"toegevoegd. Het beleid van {title} verschijnt dan op deze pagina."
                ),
            )
        ],
    }


# One invented initiative per province code; "story" is the transcript line of its chapter.
INITIATIVES = {
    "zeeland": {
        "title": "Oesters van het Schor",
        "municipality": "Reimerswaal",
        "producers": ["Oesterkwekerij Het Zilte Schor", "Zeekraalkwekerij De Slikplaat"],
        "partners": ["Restaurant De Getijdenkeuken", "Viskraam Op de Kaai"],
        "products": ["Platte oesters", "Zeekraal", "Lamsoor"],
        "introduction": "Twee kwekers aan de Oosterschelde leveren oesters en zilte groenten rechtstreeks aan de "
        "keuken, zonder tussenhandel.",
        "story": "Bij laagwater staan we op de oesterpercelen. De kweker vertelt hoe de oesters van vanochtend "
        "vanavond al op het bord liggen.",
    },
    "limburg": {
        "title": "Asperges en vlaai uit het Maasdal",
        "municipality": "Horst aan de Maas",
        "producers": ["Aspergekwekerij Maasbeemd", "Bakkerij Aan de Kapel"],
        "partners": ["Cateraar De Mergelkeuken"],
        "products": ["Witte asperges", "Vlaai met streekfruit"],
        "introduction": "Een aspergeteler en een bakker uit Noord-Limburg brengen het seizoen op tafel: asperges "
        "in het voorjaar, vlaai met streekfruit in de zomer.",
        "story": "In de aspergeschuur wordt gestoken, gesorteerd en geschild. De bakker twee straten verderop haalt "
        "zijn kersen bij de buurman.",
    },
    "friesland": {
        "title": "Schapenkaas van de terp",
        "municipality": "Súdwest-Fryslân",
        "producers": ["Schapenhouderij De Terpstee"],
        "partners": ["Kaasmakerij It Tsiispakhús", "Dorpswinkel Oan 'e Feart"],
        "products": ["Schapenkaas", "Schapenyoghurt"],
        "introduction": "Een schapenhouder op een terp maakt samen met een kleine kaasmakerij kaas die alleen hier "
        "zo smaakt.",
        "story": "Op de terp worden de schapen gemolken. De kaasmaker laat zien hoe de melk van één boerderij één "
        "eigen kaas wordt.",
    },
    "utrecht": {
        "title": "Eén bestelbord voor de Kromme Rijn",
        "municipality": "Bunnik",
        "producers": ["Fruitteeltbedrijf De Rijnhof", "Groentekwekerij Achter de Wetering"],
        "partners": [
            "Bestelbord Kromme Rijn, een coöperatief bestelplatform",
            "Vier bedrijfsrestaurants in de regio",
        ],
        "products": ["Appels en peren", "Seizoensgroenten", "Sappen"],
        "introduction": "Telers en keukens delen hun voorraad en bestellingen op één bestelbord, zodat één bus "
        "alles in één ronde ophaalt en aflevert.",
        "story": "Op het scherm van de fruitteler staan de bestellingen van vier keukens. Eén bus, één ronde, "
        "geen halflege ritten meer.",
    },
    "noord-holland": {
        "title": "Vooruit inkopen in de Kop",
        "municipality": "Hollands Kroon",
        "producers": ["Groentebedrijf Noorderveld", "Zuivelboerderij De Kooiplaats"],
        "partners": ["Rijdende streekwinkel De Koppeling"],
        "products": ["Aardappelen", "Bloemkool", "Zuivel"],
        "introduction": "Boeren voorspellen met gedeelde oogstgegevens wat ze kunnen leveren; afnemers kopen vooruit "
        "in en de vrachtwagen rijdt nooit half leeg.",
        "story": "Met de oogstverwachting van drie boeren plant de streekwinkel haar inkoop weken vooruit.",
    },
    "flevoland": {
        "title": "Oogstplanner van de polder",
        "municipality": "Dronten",
        "producers": ["Akkerbouwbedrijf Kavel Zeven", "Tuinderij De Nieuwe Grond"],
        "partners": ["Cateraar Polderproef", "Verdeelpunt Het Knooppunt"],
        "products": ["Uien", "Peen", "Pompoenen", "Peulvruchten"],
        "introduction": "Akkerbouwers stemmen hun teelt af op de menuplanning van cateraars: een gedeelde "
        "oogstplanning voorkomt verspilling en lege kilometers.",
        "story": "De akkerbouwer en de chef-kok leggen hun planningen naast elkaar: wat er in maart op het menu "
        "staat, wordt in het najaar al gezaaid.",
    },
    "gelderland": {
        "title": "Van brood tot bier tot varken",
        "municipality": "Ede",
        "producers": ["Bakkerij De Graanzolder", "Varkenshouderij De Eikelhof"],
        "partners": ["Brouwerij De Korstkuip"],
        "products": ["Brood", "Bier van restbrood", "Varkensvlees"],
        "introduction": "Brood dat overblijft wordt bier, de bostel van de brouwerij wordt varkensvoer en het vlees "
        "ligt weer in de winkel van de bakker.",
        "story": "Van de bakkerij naar de brouwerij en door naar de varkensstal: de cirkel in drie adressen.",
    },
    "overijssel": {
        "title": "Kringloop aan de Vecht",
        "municipality": "Dalfsen",
        "producers": ["Melkveebedrijf Esrand", "Groentekwekerij Vechtzicht"],
        "partners": ["Boerderijwinkel Op de Deel"],
        "products": ["Melk en kaas", "Vollegrondsgroenten", "Compost"],
        "introduction": "Mest van de melkveehouder voedt de akkers van de groenteteler; groenteresten gaan terug "
        "naar het erf. Samen verkopen ze in één boerderijwinkel.",
        "story": "Twee boeren, één kringloop: de mest gaat de ene kant op, de groenteresten de andere.",
    },
    "noord-brabant": {
        "title": "Paddenstoelen op koffiedik",
        "municipality": "Meierijstad",
        "producers": ["Kwekerij De Zwamkelder"],
        "partners": ["Lunchcafé De Bunder", "Koffiebars in de regio"],
        "products": ["Oesterzwammen", "Bodemverbeteraar"],
        "introduction": "Koffiedik uit de regio wordt voedingsbodem voor oesterzwammen; wat overblijft gaat als "
        "bodemverbeteraar naar akkerbouwers.",
        "story": "In de kelder groeien oesterzwammen op het koffiedik van gisteren.",
    },
    "groningen": {
        "title": "Buurtakker op het Hogeland",
        "municipality": "Het Hogeland",
        "producers": ["Akkerbouwbedrijf Wierdenzicht"],
        "partners": ["Dorpshuis in het dorp", "Voedselbank in de regio"],
        "products": ["Aardappelen", "Groenten van de buurtakker", "Graan voor het dorpsbrood"],
        "introduction": "Een akkerbouwer stelt een hectare beschikbaar als buurtakker: dorpsbewoners zaaien, wieden "
        "en oogsten mee.",
        "story": "Op zaterdagochtend staat het halve dorp op de buurtakker. De boer wijst aan wat er geoogst kan worden.",
    },
    "drenthe": {
        "title": "Zorgboerderij aan de brink",
        "municipality": "Aa en Hunze",
        "producers": ["Zorgboerderij De Zandloper"],
        "partners": ["Dorpsvereniging", "Basisschool in het dorp"],
        "products": ["Eieren", "Jam en sappen", "Kruiden"],
        "introduction": "Deelnemers werken mee op het erf van een zorgboerderij; de buurt haalt er eieren, jam en "
        "sappen, en schoolklassen leren er waar eten vandaan komt.",
        "story": "Een schoolklas raapt eieren en perst appels. De deelnemers van de zorgboerderij geven de rondleiding.",
    },
    "zuid-holland": {
        "title": "Stadsrandboerderij in het veen",
        "municipality": "Alphen aan den Rijn",
        "producers": ["Melkveehouderij Veenweidehoeve"],
        "partners": ["Wijkvereniging", "Buitenschoolse opvang in de wijk"],
        "products": ["Melk uit de tap", "Boerenijs", "Rundvlees"],
        "introduction": "Aan de rand van de stad opent een melkveehouder zijn erf: een melktap, boerenijs en een "
        "wandelpad door het weiland verbinden boer en wijk.",
        "story": "Aan de melktap ontmoeten de buren elkaar. Het wandelpad door het weiland is het nieuwe rondje van "
        "de wijk.",
    },
}


def initiative_fields(initiative, theme):
    return {
        "title": initiative["title"],
        "slug": slugify(initiative["title"]),
        "introduction": initiative["introduction"],
        "municipality": initiative["municipality"],
        "producers": "\n".join(initiative["producers"]),
        "partners": "\n".join(initiative["partners"]),
        "products": "\n".join(initiative["products"]),
        "is_example": True,
        "themes": [theme],
        "body": [("paragraph", html(initiative["introduction"], EXAMPLE_NOTE))],
    }
