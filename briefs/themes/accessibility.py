"""Theme module: accessible centres for active road users — STOP, crossings, bikes, tests."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from briefs import model as m
from briefs.part_spec import Insight, Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.ACCESSIBILITY
MAX_BIKE_PLACES = 10_000


class ActiveMode(StrEnum):
    """The STOP principle's order: walkers first, then cyclists, public transport, cars."""

    PEDESTRIANS = "pedestrians"
    CYCLISTS = "cyclists"
    PUBLIC_TRANSPORT = "public_transport"
    PRIVATE_CARS = "private_cars"


# The principle's letters (Stappers, Trappers, Openbaar vervoer, Personenwagens), the same in
# both languages: the principle is known by its Dutch name.
STOP_LETTERS = dict(zip(ActiveMode, "STOP", strict=True))


class CrossingType(StrEnum):
    ZEBRA = "zebra_crossing"
    TRAFFIC_LIGHTS = "traffic_lights"
    REFUGE = "refuge_island"
    RAISED = "raised_crossing"
    UNMARKED = "unmarked_crossing"
    GRADE_SEPARATED = "grade_separated"


class RackType(StrEnum):
    HOOPS = "bike_hoops"
    TWO_TIER = "two_tier_rack"
    LOCKERS = "bike_lockers"
    CARGO = "cargo_bike_spaces"
    WHEEL_CLAMP = "wheel_clamp_rack"
    OTHER = "other"


class CirculationKind(StrEnum):
    MODAL_FILTER = "modal_filter"
    ONE_WAY = "one_way"
    ZONE_30 = "zone_30"
    SCHOOL_STREET = "school_street"
    BIKE_STREET = "bike_street"
    SHARED_SPACE = "shared_space"
    OTHER = "other"


class StopAssessment(m.Row):
    mode: ActiveMode | None = None
    score: m.Score | None = None
    remark: m.ShortText = ""


class CirculationMeasure(m.Row):
    circulation_measure: m.ShortText = ""
    circulation_kind: CirculationKind | None = None
    place: m.ShortText = ""
    expected_effect: m.ShortText = ""


class BikeParking(m.Row):
    place: m.ShortText = ""
    places: Annotated[int, Field(ge=0, le=MAX_BIKE_PLACES)] | None = None
    rack_type: RackType | None = None
    covered: m.YesNo | None = None


class Crossing(m.Row):
    place: m.ShortText = ""
    crossing_type: CrossingType | None = None
    safe: m.YesNo | None = None
    crossing_action: m.ShortText = ""


class TestSetup(m.Row):
    what: m.ShortText = ""
    place: m.ShortText = ""
    when: m.Day | None = None
    until: m.Day | None = None
    result: m.LongText = ""


STOP = f"{THEME.value}.stop"
CIRCULATION = f"{THEME.value}.circulation"
BIKE_PARKING = f"{THEME.value}.bike_parking"
CROSSINGS = f"{THEME.value}.crossings"
TEST_SETUPS = f"{THEME.value}.test_setups"

PARTS = (
    theme_part(
        THEME,
        "stop",
        Kind.ROWS,
        1,
        row_model=StopAssessment,
        insight=Insight("stop_chart", (STOP,), title_key="chart.stop", exported=True),
    ),
    theme_part(THEME, "crossings", Kind.ROWS, 1, row_model=Crossing),
    theme_part(THEME, "bike_parking", Kind.ROWS, 1, row_model=BikeParking),
    theme_part(THEME, "circulation", Kind.ROWS, 2, row_model=CirculationMeasure),
    theme_part(THEME, "test_setups", Kind.ROWS, 3, row_model=TestSetup),
)
SECTIONS = (
    theme_section("toegankelijkheid", STOP, 1, after="situatie"),
    theme_section("circulatie", CIRCULATION, 2, after="richtingen"),
    theme_section("proefopstellingen", TEST_SETUPS, 3, after="testopzet"),
)


def stop_scores(rows: list[dict[str, Any]]) -> list[tuple[ActiveMode, float | None]]:
    """Each mode's score in the principle's order (the mean of its rows), None if unscored.

    Reads stored rows, as the screen's chart and the document's figure both receive them.
    """
    scores: dict[ActiveMode, list[int]] = {mode: [] for mode in ActiveMode}
    for row in rows:
        mode, score = row.get("mode"), row.get("score")
        if mode in scores and isinstance(score, int):
            scores[ActiveMode(mode)].append(score)
    return [(mode, sum(found) / len(found) if found else None) for mode, found in scores.items()]


def unscored_letters(assessments: list[StopAssessment]) -> str:
    """The STOP letters no row scores yet, in the principle's order: 'O, P'."""
    scored = {row.mode for row in assessments if row.mode is not None and row.score is not None}
    return ", ".join(letter for mode, letter in STOP_LETTERS.items() if mode not in scored)


def _checks(brief: Brief) -> list[Finding]:
    found: list[Finding] = []
    assessments = brief.rows(STOP, StopAssessment)
    # An untouched checklist is no point of attention; a begun one should cover all four.
    missing = unscored_letters(assessments)
    if assessments and missing:
        found.append(finding(STOP, "stop_incomplete", letters=missing))
    found += [
        finding(CROSSINGS, "crossing_unsafe_no_action", name=crossing.place.strip() or "—")
        for crossing in brief.rows(CROSSINGS, Crossing)
        if crossing.safe is m.YesNo.NO and not crossing.crossing_action.strip()
    ]
    found += [
        finding(TEST_SETUPS, "test_setup_ends_before_start", name=setup.what.strip() or "—")
        for setup in brief.rows(TEST_SETUPS, TestSetup)
        if setup.when and setup.until and setup.until < setup.when
    ]
    return found


def _mode_name(mode: ActiveMode, t: Translator) -> str:
    """'stappers' from the choice's label 'S · Stappers': in a sentence, without its letter."""
    return t(f"enum.{mode.value}").split(" · ", 1)[-1].lower()


def _argument(brief: Brief, t: Translator) -> str:
    lines = []
    scores = [
        f"{_mode_name(row.mode, t)} {row.score}/5"
        for row in brief.rows(STOP, StopAssessment)
        if row.mode is not None and row.score is not None
    ]
    if scores:
        lines.append(t("nota.draft.accessibility_stop", scores=", ".join(scores)))
    crossings = brief.rows(CROSSINGS, Crossing)
    if crossings:
        unsafe = sum(1 for crossing in crossings if crossing.safe is m.YesNo.NO)
        lines.append(
            t("nota.draft.accessibility_crossings", count=str(len(crossings)), unsafe=str(unsafe))
        )
    parkings = brief.rows(BIKE_PARKING, BikeParking)
    if parkings:
        places = sum(parking.places or 0 for parking in parkings)
        covered = sum(parking.places or 0 for parking in parkings if parking.covered is m.YesNo.YES)
        lines.append(t("nota.draft.accessibility_bikes", places=str(places), covered=str(covered)))
    return " ".join(lines)


WORDS: dict[str, tuple[str, str]] = {
    "step_section.toegankelijkheid": ("Toegankelijkheid", "Accessibility"),
    "step_section.circulatie": ("Circulatie", "Circulation"),
    "step_section.proefopstellingen": ("Proefopstellingen", "Trial set-ups"),
    "part.accessibility.stop.title": ("Checklist STOP-principe", "STOP principle checklist"),
    "part.accessibility.stop.help": (
        "Het STOP-principe zet eerst de Stappers, dan de Trappers, het Openbaar vervoer en "
        "pas dan de Personenwagens. Geef per vervoerswijze een score van 1 (slecht) tot 5 "
        "(goed) voor hoe de kern vandaag voor haar werkt, met een korte toelichting.",
        "The STOP principle puts walkers first, then cyclists, public transport and only then "
        "private cars. Score each mode from 1 (poor) to 5 (good) for how the centre works for "
        "it today, with a short remark.",
    ),
    "part.accessibility.stop.example": (
        "S · Stappers · 2 · smalle voetpaden, terrassen en uitstallingen versperren de doorgang",
        "S · Walkers · 2 · narrow pavements, terraces and displays block the way",
    ),
    "part.accessibility.crossings.title": ("Oversteekplaatsen", "Crossings"),
    "part.accessibility.crossings.help": (
        "Waar steken voetgangers en fietsers over, hoe is dat ingericht en is het veilig? "
        "Noteer bij een onveilige oversteek wat er moet gebeuren.",
        "Where do pedestrians and cyclists cross, how is it laid out and is it safe? For an "
        "unsafe crossing, note what has to be done.",
    ),
    "part.accessibility.crossings.example": (
        "Steenweg ter hoogte van de kerk · zebrapad · nee · middenberm en verlichting",
        "Main road by the church · zebra crossing · no · refuge island and lighting",
    ),
    "part.accessibility.bike_parking.title": ("Fietsenstallingen", "Bike parking"),
    "part.accessibility.bike_parking.help": (
        "Eén rij per stalling in of aan de kern: waar, hoeveel plaatsen, welk type en of ze "
        "overdekt is. Zo zie je of er genoeg plaats is waar mensen echt willen stallen.",
        "One row per bike parking in or near the centre: where, how many places, which type "
        "and whether it is covered. This shows whether there is room where people actually "
        "want to park.",
    ),
    "part.accessibility.bike_parking.example": (
        "Markt, kant bibliotheek · 40 plaatsen · nietjes · ja",
        "Market square, library side · 40 places · bike hoops · yes",
    ),
    "part.accessibility.circulation.title": (
        "Maatregelen circulatieplan",
        "Circulation plan measures",
    ),
    "part.accessibility.circulation.help": (
        "Welke maatregelen overweeg je om doorgaand autoverkeer uit de kern te houden en "
        "ruimte te maken voor voetgangers en fietsers? Noteer per maatregel waar en wat je "
        "ervan verwacht.",
        "Which measures do you consider to keep through traffic out of the centre and make "
        "room for pedestrians and cyclists? For each measure note where, and what you expect "
        "of it.",
    ),
    "part.accessibility.circulation.example": (
        "Knip in de Kerkstraat · knip · Kerkstraat ter hoogte van de school · "
        "geen sluipverkeer meer langs de schoolpoort",
        "Filter in Kerkstraat · modal filter · Kerkstraat by the school · "
        "no more rat-running past the school gate",
    ),
    "part.accessibility.test_setups.title": ("Tijdelijke proefopstellingen", "Trial set-ups"),
    "part.accessibility.test_setups.help": (
        "Test een maatregel eerst tijdelijk, met bloembakken, markeringen of paaltjes. Wat "
        "stel je op, waar, van wanneer tot wanneer, en wat leverde het op?",
        "Try a measure out first, with planters, markings or bollards. What do you set up, "
        "where, from when to when, and what did it bring?",
    ),
    "part.accessibility.test_setups.example": (
        "Tijdelijke knip met bloembakken · Kerkstraat · 1 april tot 30 juni · "
        "30 % minder auto's, handelaars verdeeld",
        "Temporary filter with planters · Kerkstraat · 1 April to 30 June · "
        "30% fewer cars, shopkeepers divided",
    ),
    "chart.stop": (
        "Score per vervoerswijze volgens het STOP-principe",
        "Score per mode along the STOP principle",
    ),
    "chart.stop_unscored": ("nog geen score", "not scored yet"),
    "col.mode": ("Vervoerswijze", "Mode"),
    "col.score": ("Score (1–5)", "Score (1–5)"),
    "col.crossing_type": ("Inrichting", "Layout"),
    "col.safe": ("Veilig", "Safe"),
    "col.crossing_action": ("Wat moet er gebeuren", "What has to be done"),
    "col.places": ("Plaatsen", "Places"),
    "col.rack_type": ("Type stalling", "Type of parking"),
    "col.covered": ("Overdekt", "Covered"),
    "col.circulation_measure": ("Maatregel", "Measure"),
    "col.circulation_kind": ("Soort", "Kind"),
    "col.expected_effect": ("Verwacht effect", "Expected effect"),
    "col.until": ("Tot", "Until"),
    "enum.pedestrians": ("S · Stappers", "S · Walkers"),
    "enum.cyclists": ("T · Trappers", "T · Cyclists"),
    "enum.public_transport": ("O · Openbaar vervoer", "O · Public transport"),
    "enum.private_cars": ("P · Personenwagens", "P · Private cars"),
    "enum.zebra_crossing": ("Zebrapad", "Zebra crossing"),
    "enum.traffic_lights": ("Verkeerslichten", "Traffic lights"),
    "enum.refuge_island": ("Middenberm of vluchtheuvel", "Refuge island"),
    "enum.raised_crossing": ("Verhoogd plateau", "Raised crossing"),
    "enum.unmarked_crossing": ("Niet gemarkeerd", "Unmarked"),
    "enum.grade_separated": ("Tunnel of brug", "Underpass or bridge"),
    "enum.bike_hoops": ("Nietjes", "Bike hoops"),
    "enum.two_tier_rack": ("Etagerek (dubbellaags)", "Two-tier rack"),
    "enum.bike_lockers": ("Fietskluizen", "Bike lockers"),
    "enum.cargo_bike_spaces": ("Plaatsen voor bakfietsen", "Cargo bike spaces"),
    "enum.wheel_clamp_rack": ("Voorwielklemmen", "Wheel clamp rack"),
    "enum.modal_filter": ("Knip", "Modal filter"),
    "enum.one_way": ("Eenrichtingsverkeer", "One-way traffic"),
    "enum.zone_30": ("Zone 30", "30 km/h zone"),
    "enum.school_street": ("Schoolstraat", "School street"),
    "enum.bike_street": ("Fietsstraat", "Bike street"),
    "enum.shared_space": ("Woonerf of erf", "Shared space"),
    "check.stop_incomplete": (
        "De checklist STOP-principe scoort nog niet elke vervoerswijze: {letters} ontbreekt.",
        "The STOP principle checklist does not score every mode yet: {letters} is missing.",
    ),
    "check.crossing_unsafe_no_action": (
        "Oversteekplaats ‘{name}’ is niet veilig, maar er staat niet bij wat er moet gebeuren.",
        "Crossing ‘{name}’ is not safe, but what has to be done is not noted.",
    ),
    "check.test_setup_ends_before_start": (
        "Proefopstelling ‘{name}’ eindigt vóór ze begint.",
        "Trial set-up ‘{name}’ ends before it starts.",
    ),
    "nota.draft.accessibility_stop": (
        "Getoetst aan het STOP-principe scoort de kern vandaag zo: {scores}.",
        "Measured against the STOP principle, the centre scores as follows today: {scores}.",
    ),
    "nota.draft.accessibility_crossings": (
        "Van de {count} onderzochte oversteekplaatsen zijn er {unsafe} niet veilig.",
        "Of the {count} crossings surveyed, {unsafe} are not safe.",
    ),
    "nota.draft.accessibility_bikes": (
        "De kern telt {places} fietsenstallingsplaatsen, waarvan {covered} overdekt.",
        "The centre has {places} bike parking places, {covered} of them covered.",
    ),
}

DEMO: dict[str, Any] = {
    STOP: [
        {
            "id": "st1",
            "mode": "pedestrians",
            "score": 2,
            "remark": "Smalle voetpaden langs de steenweg; terrassen en uitstallingen versperren "
            "de doorgang voor rolstoelen en kinderwagens",
        },
        {
            "id": "st2",
            "mode": "cyclists",
            "score": 3,
            "remark": "Fietspaden tot aan de kern, daarna gemengd verkeer zonder markering",
        },
        {
            "id": "st3",
            "mode": "public_transport",
            "score": 4,
            "remark": "Twee bushaltes op wandelafstand van de markt, elk halfuur een bus",
        },
        # Cars are listed but not yet scored: the checklist's point of attention.
        {"id": "st4", "mode": "private_cars", "score": None, "remark": "Nog te bespreken"},
    ],
    CROSSINGS: [
        {
            "id": "cr1",
            "place": "Steenweg ter hoogte van de kerk",
            "crossing_type": "zebra_crossing",
            "safe": "no",
            "crossing_action": "Middenberm en betere verlichting",
        },
        {
            "id": "cr2",
            "place": "Schoolstraat aan de schoolpoort",
            "crossing_type": "raised_crossing",
            "safe": "yes",
            "crossing_action": "",
        },
        {
            "id": "cr3",
            "place": "Stationsplein naar de bushalte",
            "crossing_type": "unmarked_crossing",
            "safe": "no",
            "crossing_action": "",
        },
    ],
    BIKE_PARKING: [
        {
            "id": "bp1",
            "place": "Markt, kant bibliotheek",
            "places": 40,
            "rack_type": "bike_hoops",
            "covered": "yes",
        },
        {
            "id": "bp2",
            "place": "Stationsplein",
            "places": 24,
            "rack_type": "two_tier_rack",
            "covered": "no",
        },
        {
            "id": "bp3",
            "place": "Kerkplein",
            "places": 4,
            "rack_type": "cargo_bike_spaces",
            "covered": "no",
        },
    ],
    CIRCULATION: [
        {
            "id": "ci1",
            "circulation_measure": "Knip in de Kerkstraat",
            "circulation_kind": "modal_filter",
            "place": "Kerkstraat ter hoogte van de school",
            "expected_effect": "Geen sluipverkeer meer langs de schoolpoort",
        },
        {
            "id": "ci2",
            "circulation_measure": "Zone 30 in de hele kern",
            "circulation_kind": "zone_30",
            "place": "Binnen de ring",
            "expected_effect": "Rustiger verkeer, veiliger oversteken",
        },
    ],
    TEST_SETUPS: [
        {
            "id": "ts1",
            "what": "Tijdelijke knip met bloembakken",
            "place": "Kerkstraat",
            "when": "2024-04-01",
            "until": "2024-06-30",
            "result": "30 % minder auto's in de Kerkstraat; de handelaars zijn verdeeld, "
            "de school is tevreden.",
        },
        {
            "id": "ts2",
            "what": "Parklet met fietsenrekken",
            "place": "Markt",
            "when": "2024-09-15",
            # Typed the wrong way round: the set-up's point of attention.
            "until": "2024-05-15",
            "result": "",
        },
    ],
}

MODULE = ThemeModule(
    theme=THEME,
    parts=PARTS,
    sections=SECTIONS,
    words=WORDS,
    checks=_checks,
    argument=_argument,
    demo={(3, "Oostrozebeke"): DEMO},
)
