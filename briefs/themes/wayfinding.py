"""Theme module: wayfinding and centres along main roads — points, missing links and signs."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from briefs import model as m
from briefs.part_spec import Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.WAYFINDING
MAX_CAPACITY = 100_000  # places: more than any car park or station of a town centre
# What a missing link connects: the points where people arrive, cross and want to go.
POINTS = ("wayfinding.sources", "wayfinding.nodes", "wayfinding.destinations")


class SourceKind(StrEnum):
    CAR_PARK = "car_park"
    BIKE_PARKING = "bike_parking"
    BUS_STOP = "bus_stop"
    STATION = "train_station"
    OTHER = "other"


class DestinationKind(StrEnum):
    SHOPPING = "shopping"
    SCHOOL = "school"
    PUBLIC_SERVICE = "public_service"
    CULTURE = "culture_tourism"
    NATURE = "nature"
    OTHER = "other"


class SignType(StrEnum):
    FINGERPOST = "fingerpost"
    INFO_PANEL = "info_panel"
    CAR_ROUTE = "car_route"
    PARKING_ROUTE = "parking_route"
    CYCLE_ROUTE = "cycle_route"


class SignState(StrEnum):
    GOOD = "in_good_order"
    OUTDATED = "outdated"
    DAMAGED = "damaged"
    MISLEADING = "misleading"
    MISSING = "sign_missing"


class Source(m.Row):
    """A source point (bronpunt): where people arrive in the centre."""

    name: m.ShortText = ""
    source_kind: SourceKind | None = None
    capacity: Annotated[int, Field(ge=0, le=MAX_CAPACITY)] | None = None


class Node(m.Row):
    """A node (knooppunt): where routes meet and people choose their way."""

    name: m.ShortText = ""
    remark: m.ShortText = ""


class Destination(m.Row):
    name: m.ShortText = ""
    destination_kind: DestinationKind | None = None
    remark: m.ShortText = ""


class MissingLink(m.Row):
    """A missing link (ontbrekende doorsteek) between two points, and what stands in the way."""

    passage: m.ShortText = ""
    from_point: m.RowId | None = None
    to_point: m.RowId | None = None
    obstacle: m.ShortText = ""
    # Who owns or manages the ground the link crosses: whose agreement it needs.
    land_owner: m.ShortText = ""


class Sign(m.Row):
    place: m.ShortText = ""
    sign_type: SignType | None = None
    sign_state: SignState | None = None
    checked_on: m.Day | None = None
    response: m.ShortText = ""


PARTS = (
    theme_part(THEME, "sources", Kind.ROWS, 1, row_model=Source),
    theme_part(THEME, "nodes", Kind.ROWS, 1, row_model=Node),
    theme_part(THEME, "destinations", Kind.ROWS, 1, row_model=Destination),
    theme_part(
        THEME,
        "missing_links",
        Kind.ROWS,
        1,
        row_model=MissingLink,
        links={"from_point": POINTS, "to_point": POINTS},
        details=("obstacle", "land_owner"),
    ),
    theme_part(THEME, "signs", Kind.ROWS, 1, row_model=Sign, details=("response",)),
)
# Both tabs describe the centre as it is (step 1), next to its situation and figures.
SECTIONS = (
    theme_section("wegwijzing", "wayfinding.sources", 1, after="situatie"),
    theme_section("doorsteken", "wayfinding.missing_links", 1, after="situatie"),
)


def _named(text: str) -> str:
    line = " ".join(text.split())
    return (line[:49] + "…" if len(line) > 50 else line) or "—"


def _point_ids(brief: Brief) -> set[str]:
    rows: list[m.Row] = [
        *brief.rows("wayfinding.sources", Source),
        *brief.rows("wayfinding.nodes", Node),
        *brief.rows("wayfinding.destinations", Destination),
    ]
    return {row.id for row in rows}


def _bad(sign: Sign) -> bool:
    return sign.sign_state is not None and sign.sign_state is not SignState.GOOD


def check(brief: Brief) -> list[Finding]:
    """Each missing link with both ends and an owner; each sign not in order with an action."""
    found: list[Finding] = []
    points = _point_ids(brief)
    for link in brief.rows("wayfinding.missing_links", MissingLink):
        name = _named(link.passage)
        # An end that points at a removed point is no end either.
        if link.from_point not in points or link.to_point not in points:
            found.append(finding("wayfinding.missing_links", "wayfinding_link_no_ends", name=name))
        if not link.land_owner.strip():
            found.append(finding("wayfinding.missing_links", "wayfinding_link_no_owner", name=name))
    for sign in brief.rows("wayfinding.signs", Sign):
        if _bad(sign) and not sign.response.strip():
            found.append(
                finding("wayfinding.signs", "wayfinding_sign_no_action", name=_named(sign.place))
            )
    return found


def argument(brief: Brief, t: Translator) -> str:
    """How many points were mapped, how many links are missing and signs not in order."""
    sources = brief.rows("wayfinding.sources", Source)
    nodes = brief.rows("wayfinding.nodes", Node)
    destinations = brief.rows("wayfinding.destinations", Destination)
    links = brief.rows("wayfinding.missing_links", MissingLink)
    signs = brief.rows("wayfinding.signs", Sign)
    lines = []
    if sources or nodes or destinations:
        places = sum(source.capacity or 0 for source in sources)
        lines.append(
            t(
                "wayfinding.argument.points",
                sources=len(sources),
                places=t.number(places),
                nodes=len(nodes),
                destinations=len(destinations),
            )
        )
    if links or signs:
        bad = sum(1 for sign in signs if _bad(sign))
        lines.append(t("wayfinding.argument.gaps", links=len(links), bad=bad, signs=len(signs)))
    return " ".join(lines)


WORDS: dict[str, tuple[str, str]] = {
    "step_section.wegwijzing": ("Bronpunten en bestemmingen", "Sources and destinations"),
    "step_section.doorsteken": ("Doorsteken en bewegwijzering", "Missing links and signs"),
    "part.wayfinding.sources.title": ("Bronpunten", "Source points"),
    "part.wayfinding.sources.help": (
        "Waar komen mensen aan in de kern? Parkings, fietsenstallingen, bushaltes en "
        "stations, met hun capaciteit in plaatsen waar die er is.",
        "Where do people arrive in the centre? Car parks, bicycle parking, bus stops and "
        "stations, with their capacity in places where there is one.",
    ),
    "part.wayfinding.sources.example": (
        "Parking Markt · parking · 120 plaatsen",
        "Parking Markt · car park · 120 places",
    ),
    "part.wayfinding.nodes.title": ("Knooppunten", "Nodes"),
    "part.wayfinding.nodes.help": (
        "Waar komen routes samen en kiest een bezoeker zijn weg? Een kruispunt, een plein, "
        "de ingang van een site.",
        "Where do routes meet and does a visitor choose the way? A crossroads, a square, the "
        "entrance of a site.",
    ),
    "part.wayfinding.nodes.example": (
        "Kruispunt N8 – Markt · hier kies je tussen winkels, campussen en Schelde",
        "N8 – Markt crossroads · here you choose between shops, campuses and the Scheldt",
    ),
    "part.wayfinding.destinations.title": ("Bestemmingen", "Destinations"),
    "part.wayfinding.destinations.help": (
        "Waar willen mensen naartoe? Winkels, scholen, diensten, cultuur en natuur.",
        "Where do people want to go? Shops, schools, services, culture and nature.",
    ),
    "part.wayfinding.destinations.example": (
        "Scheldeoever en jaagpad · natuur en water",
        "Scheldt bank and towpath · nature and water",
    ),
    "part.wayfinding.missing_links.title": ("Ontbrekende doorsteken", "Missing links"),
    "part.wayfinding.missing_links.help": (
        "Welke verbinding ontbreekt tussen een bronpunt, knooppunt of bestemming en een "
        "ander? Zeg wat in de weg staat en wie eigenaar of beheerder is van de grond.",
        "Which link is missing between a source point, node or destination and another? Say "
        "what stands in the way and who owns or manages the ground.",
    ),
    "part.wayfinding.missing_links.example": (
        "Doorsteek site Byttebier · van Kruispunt N8 – Markt naar Scheldeoever · gesloten "
        "private site · eigenaar site Byttebier",
        "Link through the Byttebier site · from N8 – Markt crossroads to the Scheldt bank · "
        "closed private site · owner of the Byttebier site",
    ),
    "part.wayfinding.signs.title": ("Inventaris bewegwijzering", "Signage inventory"),
    "part.wayfinding.signs.help": (
        "Eén rij per bord of plaats waar een bord ontbreekt: de soort, de staat, wanneer je "
        "keek, en wat je ermee doet als het niet in orde is.",
        "One row per sign, or place where a sign is missing: its type, its condition, when you "
        "looked, and what you do about it if it is not in order.",
    ),
    "part.wayfinding.signs.example": (
        "Bushalte Markt · infobord · verouderd · nieuwe plattegrond met looproutes",
        "Markt bus stop · information panel · outdated · new map with walking routes",
    ),
    "link.wayfinding.sources": ("Bronpunt {n}", "Source point {n}"),
    "link.wayfinding.nodes": ("Knooppunt {n}", "Node {n}"),
    "link.wayfinding.destinations": ("Bestemming {n}", "Destination {n}"),
    "link.wayfinding.missing_links": ("Doorsteek {n}", "Missing link {n}"),
    "col.source_kind": ("Soort", "Kind"),
    "col.capacity": ("Capaciteit (plaatsen)", "Capacity (places)"),
    "col.destination_kind": ("Soort bestemming", "Kind of destination"),
    "col.passage": ("Doorsteek", "Link"),
    "col.from_point": ("Van", "From"),
    "col.to_point": ("Naar", "To"),
    "col.obstacle": ("Wat staat in de weg", "What stands in the way"),
    "col.land_owner": ("Eigenaar of beheerder", "Owner or manager"),
    "col.sign_type": ("Soort bord", "Type of sign"),
    "col.sign_state": ("Staat", "Condition"),
    "col.checked_on": ("Bekeken op", "Checked on"),
    "enum.car_park": ("Parking", "Car park"),
    "enum.bike_parking": ("Fietsenstalling", "Bicycle parking"),
    "enum.bus_stop": ("Bushalte", "Bus stop"),
    "enum.train_station": ("Station", "Railway station"),
    "enum.shopping": ("Winkels en horeca", "Shops and cafés"),
    "enum.school": ("School of campus", "School or campus"),
    "enum.public_service": ("Openbare dienst", "Public service"),
    "enum.nature": ("Natuur en water", "Nature and water"),
    "enum.fingerpost": ("Wegwijzer voor voetgangers", "Pedestrian fingerpost"),
    "enum.info_panel": ("Infobord of plattegrond", "Information panel or map"),
    "enum.car_route": ("Autobewegwijzering", "Car route sign"),
    "enum.parking_route": ("Parkeerverwijzing", "Parking guidance"),
    "enum.cycle_route": ("Fietsbewegwijzering", "Cycle route sign"),
    "enum.in_good_order": ("In orde", "In good order"),
    "enum.outdated": ("Verouderd", "Outdated"),
    "enum.damaged": ("Beschadigd", "Damaged"),
    "enum.misleading": ("Misleidend", "Misleading"),
    "enum.sign_missing": ("Ontbreekt", "Missing"),
    "check.wayfinding_link_no_ends": (
        "Doorsteek ‘{name}’ zegt niet tussen welke twee punten ze loopt.",
        "Missing link ‘{name}’ does not say which two points it connects.",
    ),
    "check.wayfinding_link_no_owner": (
        "Doorsteek ‘{name}’ noemt geen eigenaar of beheerder van de grond.",
        "Missing link ‘{name}’ names no owner or manager of the ground.",
    ),
    "check.wayfinding_sign_no_action": (
        "Het bord aan ‘{name}’ is niet in orde, maar er staat niet wat je ermee doet.",
        "The sign at ‘{name}’ is not in order, but nothing says what you do about it.",
    ),
    "wayfinding.argument.points": (
        "De analyse van de kern brengt {sources} bronpunten met samen {places} plaatsen, "
        "{nodes} knooppunten en {destinations} bestemmingen in kaart.",
        "The analysis of the centre maps {sources} source points with {places} places in all, "
        "{nodes} nodes and {destinations} destinations.",
    ),
    "wayfinding.argument.gaps": (
        "Er ontbreken {links} doorsteken, en {bad} van de {signs} geïnventariseerde borden "
        "zijn niet in orde.",
        "{links} links are missing, and {bad} of the {signs} signs in the inventory are not "
        "in order.",
    ),
}

DEMO = {
    # Avelgem (trajectory 3, Lotte Vandenberghe's brief): the spatial and mobility actions of
    # the webinar, as the points, links and signs they start from (briefs/demo.py AVELGEM).
    (3, "Avelgem"): {
        "wayfinding.sources": [
            {"id": "bp1", "name": "Parking Markt", "source_kind": "car_park", "capacity": 120},
            {
                "id": "bp2",
                "name": "Fietsenstallingen Markt en Kerkplein",
                "source_kind": "bike_parking",
                "capacity": 60,
            },
            {
                "id": "bp3",
                "name": "Bushalte Avelgem Markt",
                "source_kind": "bus_stop",
                "capacity": None,
            },
        ],
        "wayfinding.nodes": [
            {
                "id": "kp1",
                "name": "Kruispunt N8 – Markt",
                "remark": "Hier kiest wie aankomt tussen winkels, campussen en Schelde",
            },
            {
                "id": "kp2",
                "name": "Site Byttebier",
                "remark": "Strategische site tussen de gewestweg en de Schelde",
            },
            {"id": "kp3", "name": "Kerkplein", "remark": "Start van de winkelas"},
        ],
        "wayfinding.destinations": [
            {
                "id": "bs1",
                "name": "Winkels rond de Markt",
                "destination_kind": "shopping",
                "remark": "Aan beide kanten van de doortocht",
            },
            {"id": "bs2", "name": "Campus SJB", "destination_kind": "school", "remark": ""},
            {"id": "bs3", "name": "Campus GO!", "destination_kind": "school", "remark": ""},
            {
                "id": "bs4",
                "name": "Scheldeoever en jaagpad",
                "destination_kind": "nature",
                "remark": "Vanuit de kern nauwelijks te zien",
            },
        ],
        "wayfinding.missing_links": [
            {
                "id": "ds1",
                "passage": "Doorsteek site Byttebier",
                "from_point": "kp1",
                "to_point": "bs4",
                "obstacle": "Gesloten private site; de N8 oversteken kan enkel via wegmarkering",
                "land_owner": "Eigenaar site Byttebier",
            },
            {
                "id": "ds2",
                "passage": "Doorsteken campussen SJB en GO!",
                "from_point": "bp3",
                "to_point": "bs1",
                "obstacle": "De campussen zijn dicht buiten de schooluren",
                "land_owner": "Scholen SJB en GO!",
            },
            {
                "id": "ds3",
                "passage": "Andere strategische oversteken op de gewestweg",
                "from_point": None,
                "to_point": None,
                "obstacle": "Brede doortocht zonder middenberm",
                "land_owner": "Agentschap Wegen en Verkeer",
            },
            {
                "id": "ds4",
                "passage": "Doorsteek Kerkplein – Scheldeoever",
                "from_point": "kp3",
                "to_point": "bs4",
                "obstacle": "Achtertuinen en een leegstaand magazijn",
                "land_owner": "",
            },
        ],
        "wayfinding.signs": [
            {
                "id": "bw1",
                "place": "Kruispunt N8 – Markt",
                "sign_type": "car_route",
                "sign_state": "in_good_order",
                "checked_on": "2024-03-12",
                "response": "",
            },
            {
                "id": "bw2",
                "place": "Bushalte Avelgem Markt",
                "sign_type": "info_panel",
                "sign_state": "outdated",
                "checked_on": "2024-03-12",
                "response": "Nieuwe plattegrond met looproutes naar campussen en Schelde",
            },
            {
                "id": "bw3",
                "place": "Uitgang Parking Markt",
                "sign_type": "fingerpost",
                "sign_state": "sign_missing",
                "checked_on": "2024-03-12",
                "response": "",
            },
            {
                "id": "bw4",
                "place": "Parkeerroute vanaf de N8",
                "sign_type": "parking_route",
                "sign_state": "misleading",
                "checked_on": "2024-03-14",
                "response": "Verwijzen naar de fietsparkeerplaatsen en de parking aan de rand",
            },
            {
                "id": "bw5",
                "place": "Jaagpad aan de Schelde",
                "sign_type": "cycle_route",
                "sign_state": "in_good_order",
                "checked_on": "2024-03-14",
                "response": "",
            },
        ],
    },
}

MODULE = ThemeModule(
    theme=THEME,
    parts=PARTS,
    sections=SECTIONS,
    words=WORDS,
    checks=check,
    argument=argument,
    demo=DEMO,
)
