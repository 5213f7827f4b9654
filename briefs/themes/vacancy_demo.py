"""Demo content of the vacancy module: Gent's inventory from the seed, two instrument matrices."""

from __future__ import annotations

import datetime as dt
from typing import Any

# The day of the seed's count in Gent ("Toestand 01/06/2023").
GENT_COUNT_DAY = dt.date(2023, 6, 1)

# Gent on 1 June 2023, as the seed gives it: 52 vacant buildings (7 renovation, 18 starting,
# 22 long-term, 5 structural), 37 in the centre, 23 of them in the core shopping area
# (4, 5, 11 and 3). The seed does not split the rest: the 14 other buildings of the centre are
# put in approach streets and the 15 outside it elsewhere, with categories that add up to the
# seed's totals. Zone -> (renovation, starting, long-term, structural).
GENT_TABLE: dict[str, tuple[int, int, int, int]] = {
    "core_shopping_area": (4, 5, 11, 3),
    "approach_street": (2, 6, 5, 1),
    "elsewhere": (1, 7, 6, 1),
}
GENT_STREETS: dict[str, tuple[str, ...]] = {
    "core_shopping_area": (
        "Veldstraat",
        "Mageleinstraat",
        "Lange Munt",
        "Korte Munt",
        "Koestraat",
        "Bennesteeg",
        "Zonnestraat",
        "Volderstraat",
    ),
    "approach_street": (
        "Vlaanderenstraat",
        "Sint-Pieters-Nieuwstraat",
        "Brabantdam",
        "Nederkouter",
        "Overpoort",
        "Walpoortstraat",
    ),
    "elsewhere": (
        "Dampoortstraat",
        "Brugsesteenweg",
        "Kortrijksesteenweg",
        "Antwerpsesteenweg",
        "Sleepstraat",
    ),
}
# How long each category has stood empty on the count's day, in days: starting under a year,
# long-term one to three years, structural three years or more (see ``category_of``). The
# renovations have a date too: their chosen category wins over it.
_EMPTY_FOR = {
    "renovation": (40, 230, 420),
    "starting": (20, 75, 130, 190, 250, 310, 350),
    "long_term": (370, 450, 530, 640, 760, 880, 1000),
    "structural": (1100, 1500, 2200),
}
_CAUSES = {
    "renovation": "Verbouwing tot winkel met woning erboven",
    "starting": "Huurder verhuisd; nieuwe huurder gezocht",
    "long_term": "Vraagprijs boven wat ondernemers kunnen betalen",
    "structural": "Eigenaar zoekt geen huurder",
}
# Illustrative amounts: the seed gives no tax per building.
_TAX = {"long_term": "1250.00", "structural": "2500.00"}


def _gent_building(number: int, zone: str, category: str, nth: int) -> dict[str, Any]:
    streets = GENT_STREETS[zone]
    days = _EMPTY_FOR[category]
    registered = category in _TAX
    return {
        "id": f"vb{number}",
        "address": f"{streets[nth % len(streets)]} {3 + 2 * nth + number % 7}",
        "zone": zone,
        "area": float(60 + (number * 37) % 240),
        "vacant_since": (GENT_COUNT_DAY - dt.timedelta(days=days[nth % len(days)])).isoformat(),
        # Only a renovation is chosen; the other categories follow from the date.
        "category": "renovation" if category == "renovation" else None,
        "cause": _CAUSES[category] if nth % 2 == 0 else "",
        "in_register": "yes" if registered else "no",
        "tax": _TAX.get(category),
    }


def gent_buildings() -> list[dict[str, Any]]:
    """The 52 buildings of the seed's count, zone by zone, category by category."""
    rows: list[dict[str, Any]] = []
    categories = ("renovation", "starting", "long_term", "structural")
    for zone, numbers in GENT_TABLE.items():
        for category, how_many in zip(categories, numbers, strict=True):
            for nth in range(how_many):
                rows.append(_gent_building(len(rows) + 1, zone, category, nth))
    return rows


# The number of premises is illustrative (the seed gives only the vacant buildings); so are
# the two earlier counts, there so that the rate's trend shows.
GENT_COUNTS: list[dict[str, Any]] = [
    {"id": "vc1", "counted_on": "2021-06-01", "vacant": 41, "premises": 662},
    {"id": "vc2", "counted_on": "2022-06-01", "vacant": 46, "premises": 657},
    {"id": "vc3", "counted_on": GENT_COUNT_DAY.isoformat(), "vacant": 52, "premises": 650},
]

# The causes as the seed weighs them: those with an impact, those without, and the future's.
GENT_CAUSES: list[dict[str, Any]] = [
    {"id": "vo1", "cause": "Online winkelen", "effect": "large_impact", "explanation": ""},
    {"id": "vo2", "cause": "Consumentenplatformen", "effect": "some_impact", "explanation": ""},
    {
        "id": "vo3",
        "cause": "Minder kantoorpendel na corona",
        "effect": "large_impact",
        "explanation": "Het publiek van Shopping Zuid bestaat vooral uit kantoorpersoneel",
    },
    {
        "id": "vo4",
        "cause": "Faillissementen",
        "effect": "some_impact",
        "explanation": "Door de energiecrisis en een kleiner consumentenbudget",
    },
    {
        "id": "vo5",
        "cause": "Ontwikkelingen in de periferie",
        "effect": "some_impact",
        "explanation": "Winkels en kantoren buiten het centrum",
    },
    {
        "id": "vo6",
        "cause": "Te veel nieuwe winkelvloeroppervlakte (WVO)",
        "effect": "no_impact",
        "explanation": "",
    },
    {
        "id": "vo7",
        "cause": "Foute matchmaking tussen ondernemer en pand",
        "effect": "no_impact",
        "explanation": "",
    },
    {"id": "vo8", "cause": "Te lage leegstandsheffing", "effect": "no_impact", "explanation": ""},
    {"id": "vo9", "cause": "Te hoge huurprijzen", "effect": "no_impact", "explanation": ""},
    {
        "id": "vo10",
        "cause": "Te eenzijdig profiel aan de rand",
        "effect": "no_impact",
        "explanation": "Clustereffect",
    },
    {
        "id": "vo11",
        "cause": "Kwaliteit van de handelspanden",
        "effect": "no_impact",
        "explanation": "",
    },
    {
        "id": "vo12",
        "cause": "Supermarktenoorlog",
        "effect": None,
        "explanation": "Mogelijke impact in de toekomst",
    },
    {
        "id": "vo13",
        "cause": "UGent verlaat het centrum",
        "effect": None,
        "explanation": "Mogelijke impact in de toekomst",
    },
]

# The seed's rents per street in Gent, approximate: its table is garbled by OCR. It gives
# rents per m² per month (e.g. 17,3–21,2) and per year (€ 208–€ 254,4 = 12 × the month's);
# the yearly amounts are paired with the streets in the order both are listed.
GENT_RENTS: list[dict[str, Any]] = [
    {
        "id": "vr1",
        "street": "Bennesteeg aan Mageleinstraat",
        "rent_low": "176.40",
        "rent_high": None,
        "note": "",
    },
    {
        "id": "vr2",
        "street": "Bennesteeg aan Veldstraat",
        "rent_low": "720.00",
        "rent_high": None,
        "note": "",
    },
    {"id": "vr3", "street": "Brabantdam", "rent_low": "208.00", "rent_high": "254.40", "note": ""},
    {"id": "vr4", "street": "Overpoort", "rent_low": "156.00", "rent_high": "180.00", "note": ""},
    {
        "id": "vr5",
        "street": "Sint-Pieters-Nieuwstraat",
        "rent_low": "282.00",
        "rent_high": "624.00",
        "note": "",
    },
    {"id": "vr6", "street": "Veldstraat", "rent_low": "808.00", "rent_high": None, "note": ""},
    {
        "id": "vr7",
        "street": "Vlaanderenstraat",
        "rent_low": "600.00",
        "rent_high": None,
        "note": "",
    },
]

GENT: dict[str, Any] = {
    "vacancy.counts": GENT_COUNTS,
    "vacancy.buildings": gent_buildings(),
    "vacancy.causes": GENT_CAUSES,
    "vacancy.rents": GENT_RENTS,
}

# Aalst (trajectory 5) showed its "Instrumentenmatrix" in the webinar; the seed gives none of
# its content, so these rows are ours. No demo person writes Aalst's or Brasschaat's brief, so
# the module's demo brings the objectives and actions its instruments serve (storage/seed.py
# allows that only in such a brief): a matrix without them says nothing. One instrument of each
# leaves a point of attention open, as a participant's draft does.
AALST: dict[str, Any] = {
    "roadmap.objectives": [
        {
            "id": "aob1",
            "title": "Structurele leegstand in de Nieuwstraat halveren",
            "plan_code": "",
        },
        {"id": "aob2", "title": "Starters sneller aan een pand helpen", "plan_code": ""},
    ],
    "roadmap.actions": [
        {
            "id": "aa1",
            "title": "Eigenaars van structureel leegstaande panden aanschrijven",
            "owner": "Coördinator handel en horeca",
            "objective": "aob1",
            "status": "running",
        },
        {
            "id": "aa2",
            "title": "Startersreglement met huurpremie opmaken",
            "owner": "Dienst economie",
            "objective": "aob2",
            "status": "planned",
        },
    ],
    "vacancy.instruments": [
        {
            "id": "vi1",
            "instrument": "Leegstandsheffing progressief maken",
            "kind": "discouraging",
            "objective": "aob1",
            "action": "aa1",
            "cost": None,
            "owner": "Financiën",
        },
        {
            "id": "vi2",
            "instrument": "Huurpremie voor starters",
            "kind": "stimulating",
            "objective": "aob2",
            "action": "aa2",
            "cost": "30000.00",
            "owner": "Dienst economie",
        },
        {
            "id": "vi3",
            "instrument": "Pop-upcontracten in leegstaande panden",
            "kind": None,
            "objective": "aob2",
            "action": None,
            "cost": "5000.00",
            "owner": "Centrummanager",
        },
    ],
}

BRASSCHAAT: dict[str, Any] = {
    "roadmap.objectives": [
        {"id": "bob1", "title": "Een compact winkelcentrum langs de Bredabaan", "plan_code": ""},
    ],
    "roadmap.actions": [
        {
            "id": "ba1",
            "title": "Kernwinkelgebied afbakenen in een RUP",
            "owner": "Dienst ruimtelijke ordening",
            "objective": "bob1",
            "status": "idea",
        },
    ],
    # Draft figures: an earlier count with its two numbers typed the wrong way round, one
    # not yet dated that cannot be either, a rent whose 'from' is above its 'to'.
    "vacancy.counts": [
        {"id": "bc0", "counted_on": "2022-09-01", "vacant": 178, "premises": 6},
        {"id": "bc1", "counted_on": "2023-09-01", "vacant": 4, "premises": 180},
        {"id": "bc9", "vacant": 9, "premises": 7},
    ],
    "vacancy.rents": [
        {"id": "br1", "street": "Bredabaan", "rent_low": "240.00", "rent_high": "180.00"},
    ],
    # A draft inventory: one building without category or date, one dated after the count.
    "vacancy.buildings": [
        {
            "id": "bb1",
            "address": "Bredabaan 310",
            "zone": "core_shopping_area",
            "vacant_since": "2021-02-01",
        },
        {"id": "bb2", "address": "Bredabaan 402", "zone": "approach_street"},
        {
            "id": "bb3",
            "address": "Lage Kaart 12",
            "zone": "elsewhere",
            "vacant_since": "2023-11-15",
        },
    ],
    "vacancy.instruments": [
        {
            "id": "vi1",
            "instrument": "Handel buiten het kernwinkelgebied niet meer vergunnen",
            "kind": "spatial",
            "objective": "bob1",
            "action": "ba1",
            "cost": None,
            "owner": "Dienst ruimtelijke ordening",
        },
        {
            "id": "vi2",
            "instrument": "Leegstandsregister bijhouden",
            "kind": "discouraging",
            "objective": None,
            "action": None,
            "cost": None,
            "owner": "Lokale economie",
        },
    ],
}

DEMO: dict[tuple[int, str], dict[str, Any]] = {
    (5, "Gent"): GENT,
    (5, "Aalst"): AALST,
    (4, "Brasschaat"): BRASSCHAAT,
}
