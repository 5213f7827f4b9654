"""Theme module: smart local distribution — loading zones, delivery windows, measures."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, Field

from briefs import model as m
from briefs.part_spec import Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.DISTRIBUTION
MAX_LOADING_SPACES = 500

# One time of day as people write it: 7, 7u, 7u30, 07:30, 7.30, 7h30.
_CLOCK = r"(\d{1,2})(?:\s*[:.uh]\s*(\d{2})?)?"
_WINDOW = re.compile(rf"^{_CLOCK}\s*(?:-|–|—|tot|to|till)\s*{_CLOCK}$", re.IGNORECASE)
# Several windows in one cell: "07:00–11:00, 14:00–16:00" or "7-11 en 14-16".
_BETWEEN_WINDOWS = re.compile(r"\s*(?:[,;/]|\ben\b|\band\b)\s*", re.IGNORECASE)


def _minutes(hours: str, minutes: str | None) -> int:
    hour, minute = int(hours), int(minutes or 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise ValueError("time_window")
    return hour * 60 + minute


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def time_windows(value: str) -> str:
    """Return hours typed as '7-11' or '07u00 tot 11u00' as '07:00–11:00', or refuse them.

    A loading zone or a delivery window holds one or more periods of a day, each ending
    after it begins (a night window is two: '22:00–24:00, 00:00–06:00'). Empty stays empty.
    """
    stripped = value.strip()
    if not stripped:
        return ""
    windows = []
    for part in _BETWEEN_WINDOWS.split(stripped):
        found = _WINDOW.match(part.strip())
        if found is None:
            raise ValueError("time_window")
        start = _minutes(found.group(1), found.group(2))
        end = _minutes(found.group(3), found.group(4))
        if end <= start:
            raise ValueError("time_window")
        windows.append(f"{_clock(start)}–{_clock(end)}")
    return ", ".join(windows)


TimeWindows = Annotated[str, Field(max_length=200), AfterValidator(time_windows)]


class Enforcement(StrEnum):
    NOT_ENFORCED = "not_enforced"
    POLICE = "police"
    COMMUNITY_WARDENS = "community_wardens"
    CAMERAS = "cameras"


class DeliveryDays(StrEnum):
    WEEKDAYS = "weekdays"
    MONDAY_TO_SATURDAY = "monday_to_saturday"
    EVERY_DAY = "every_day"
    OTHER = "other"


class MeasureStatus(StrEnum):
    EXISTS = "exists"
    PLANNED = "planned"
    TO_EXPLORE = "to_explore"
    NOT_APPLICABLE = "not_applicable"


class LoadingZone(m.Row):
    place: m.ShortText = ""
    spaces: Annotated[int, Field(ge=0, le=MAX_LOADING_SPACES)] | None = None
    hours: TimeWindows = ""
    enforcement: Enforcement | None = None


class DeliveryWindow(m.Row):
    delivery_area: m.ShortText = ""
    hours: TimeWindows = ""
    delivery_days: DeliveryDays | None = None
    remark: m.ShortText = ""


class LogisticsMeasure(m.Row):
    logistics_measure: m.ShortText = ""
    status: MeasureStatus | None = None
    owner: m.ShortText = ""
    remark: m.ShortText = ""


LOADING_ZONES = f"{THEME.value}.loading_zones"
WINDOWS = f"{THEME.value}.delivery_windows"
MEASURES = f"{THEME.value}.measures"

PARTS = (
    theme_part(THEME, "loading_zones", Kind.ROWS, 1, row_model=LoadingZone),
    theme_part(THEME, "delivery_windows", Kind.ROWS, 1, row_model=DeliveryWindow),
    theme_part(THEME, "measures", Kind.ROWS, 2, row_model=LogisticsMeasure),
)
SECTIONS = (
    theme_section("logistiek", LOADING_ZONES, 1, after="situatie"),
    theme_section("logistieke-maatregelen", MEASURES, 2, after="richtingen"),
)


def _checks(brief: Brief) -> list[Finding]:
    found = [
        finding(LOADING_ZONES, "loading_zone_no_hours", name=zone.place.strip() or "—")
        for zone in brief.rows(LOADING_ZONES, LoadingZone)
        if not zone.hours
    ]
    found += [
        finding(WINDOWS, "delivery_window_no_hours", name=window.delivery_area.strip() or "—")
        for window in brief.rows(WINDOWS, DeliveryWindow)
        if not window.hours
    ]
    return found


def _argument(brief: Brief, t: Translator) -> str:
    zones = brief.rows(LOADING_ZONES, LoadingZone)
    measures = brief.rows(MEASURES, LogisticsMeasure)
    lines = []
    if zones:
        lines.append(
            t(
                "nota.draft.distribution_zones",
                zones=str(len(zones)),
                spaces=str(sum(zone.spaces or 0 for zone in zones)),
                without=str(sum(1 for zone in zones if not zone.hours)),
            )
        )
    if measures:
        lines.append(
            t(
                "nota.draft.distribution_measures",
                exists=str(sum(1 for x in measures if x.status is MeasureStatus.EXISTS)),
                planned=str(sum(1 for x in measures if x.status is MeasureStatus.PLANNED)),
                explore=str(sum(1 for x in measures if x.status is MeasureStatus.TO_EXPLORE)),
            )
        )
    return " ".join(lines)


WORDS: dict[str, tuple[str, str]] = {
    "step_section.logistiek": ("Laden en lossen", "Loading and deliveries"),
    "step_section.logistieke-maatregelen": ("Logistieke maatregelen", "Logistics measures"),
    "part.distribution.loading_zones.title": ("Laad- en loszones", "Loading zones"),
    "part.distribution.loading_zones.help": (
        "Eén rij per laad- en loszone in de kern: waar ze ligt, hoeveel voertuigen er "
        "tegelijk kunnen staan, wanneer ze geldt en wie erop toeziet. Schrijf de uren als "
        "07:00–11:00; meerdere periodes scheid je met een komma.",
        "One row per loading zone in the centre: where it is, how many vehicles it holds at "
        "once, when it applies and who enforces it. Write the hours as 07:00–11:00; separate "
        "several periods with a comma.",
    ),
    "part.distribution.loading_zones.example": (
        "Markt (kant stadhuis) · 2 plaatsen · 07:00–11:00 · gemeenschapswachten",
        "Market square (town hall side) · 2 spaces · 07:00–11:00 · community wardens",
    ),
    "part.distribution.delivery_windows.title": ("Venstertijden", "Delivery windows"),
    "part.distribution.delivery_windows.help": (
        "In welke straten of zones mogen leveranciers enkel binnen vaste uren laden en "
        "lossen? Noteer de uren, de dagen en eventuele uitzonderingen (bijvoorbeeld voor "
        "elektrische bestelwagens of cargofietsen).",
        "In which streets or zones may suppliers load and unload only within set hours? Note "
        "the hours, the days and any exemptions (for example for electric vans or cargo bikes).",
    ),
    "part.distribution.delivery_windows.example": (
        "Voetgangerszone Kerkstraat · 06:00–10:30 · maandag tot zaterdag · "
        "cargofietsen de hele dag",
        "Pedestrian zone Kerkstraat · 06:00–10:30 · Monday to Saturday · cargo bikes all day",
    ),
    "part.distribution.measures.title": (
        "Checklist logistieke maatregelen",
        "Checklist of logistics measures",
    ),
    "part.distribution.measures.help": (
        "Overloop de maatregelen voor een leefbare kern: bestaan ze al, zijn ze gepland, "
        "wil je ze onderzoeken of zijn ze bij jullie niet van toepassing? Denk aan "
        "pakjespunten, gebundelde leveringen, fietskoeriers, een stadsdistributiecentrum en "
        "afspraken met handelaars.",
        "Go through the measures for a liveable centre: do they exist, are they planned, do "
        "you want to explore them, or do they not apply to you? Think of parcel points, "
        "bundled deliveries, bike couriers, an urban consolidation centre and agreements with "
        "shopkeepers.",
    ),
    "part.distribution.measures.example": (
        "Pakjesautomaat aan het station · gepland · dienst lokale economie",
        "Parcel locker at the station · planned · local economy department",
    ),
    "col.spaces": ("Aantal plaatsen", "Spaces"),
    "col.hours": ("Uren", "Hours"),
    "col.enforcement": ("Handhaving", "Enforcement"),
    "col.delivery_area": ("Straat of zone", "Street or zone"),
    "col.delivery_days": ("Dagen", "Days"),
    "col.logistics_measure": ("Maatregel", "Measure"),
    "enum.not_enforced": ("Geen handhaving", "Not enforced"),
    "enum.police": ("Politie", "Police"),
    "enum.community_wardens": (
        "Gemeenschapswachten of parkeerwachters",
        "Community or parking wardens",
    ),
    "enum.cameras": ("ANPR-camera's", "ANPR cameras"),
    "enum.weekdays": ("Maandag tot vrijdag", "Monday to Friday"),
    "enum.monday_to_saturday": ("Maandag tot zaterdag", "Monday to Saturday"),
    "enum.every_day": ("Elke dag", "Every day"),
    "enum.exists": ("Bestaat al", "Exists"),
    "enum.to_explore": ("Te onderzoeken", "To explore"),
    "enum.not_applicable": ("Niet van toepassing", "Not applicable"),
    "error.time_window": (
        "schrijf de uren als 07:00–11:00 (het einde na het begin; meerdere periodes met een "
        "komma ertussen)",
        "write the hours as 07:00–11:00 (the end after the start; several periods separated "
        "by a comma)",
    ),
    "check.loading_zone_no_hours": (
        "Laad- en loszone ‘{name}’ heeft geen uren.",
        "Loading zone ‘{name}’ has no hours.",
    ),
    "check.delivery_window_no_hours": (
        "Venstertijd voor ‘{name}’ noemt geen uren.",
        "Delivery window for ‘{name}’ names no hours.",
    ),
    "nota.draft.distribution_zones": (
        "De kern telt {zones} laad- en loszones met samen {spaces} plaatsen; bij {without} "
        "ervan liggen de uren nog niet vast.",
        "The centre has {zones} loading zones with {spaces} spaces in all; for {without} of "
        "them the hours are not set yet.",
    ),
    "nota.draft.distribution_measures": (
        "Van de logistieke maatregelen bestaan er {exists} al, zijn er {planned} gepland en "
        "worden er {explore} onderzocht.",
        "Of the logistics measures, {exists} already exist, {planned} are planned and "
        "{explore} are being explored.",
    ),
}

DEMO: dict[str, Any] = {
    LOADING_ZONES: [
        {
            "id": "lz1",
            "place": "Grote Markt, kant stadhuis",
            "spaces": 3,
            "hours": "07:00–11:00",
            "enforcement": "community_wardens",
        },
        {
            "id": "lz2",
            "place": "Kerkstraat 14 (bakkerij)",
            "spaces": 1,
            "hours": "06:30–10:00, 14:00–16:00",
            "enforcement": "police",
        },
        {
            "id": "lz3",
            "place": "Stationsstraat, hoek Stationsplein",
            "spaces": 2,
            "hours": "",
            "enforcement": "not_enforced",
        },
    ],
    WINDOWS: [
        {
            "id": "dw1",
            "delivery_area": "Voetgangerszone Kerkstraat – Marktstraat",
            "hours": "06:00–10:30",
            "delivery_days": "monday_to_saturday",
            "remark": "Cargofietsen en elektrische bestelwagens mogen de hele dag",
        },
        {
            "id": "dw2",
            "delivery_area": "Kerkplein",
            "hours": "",
            "delivery_days": "weekdays",
            "remark": "Uren af te stemmen met de marktdag",
        },
    ],
    MEASURES: [
        {
            "id": "lm1",
            "logistics_measure": "Pakjesautomaat aan het station",
            "status": "planned",
            "owner": "Dienst lokale economie",
            "remark": "Open netwerk, voor elke pakjesdienst",
        },
        {
            "id": "lm2",
            "logistics_measure": "Gebundelde levering voor de handelaars van de Kerkstraat",
            "status": "to_explore",
            "owner": "Handelaarsvereniging",
            "remark": "",
        },
        {
            "id": "lm3",
            "logistics_measure": "Fietskoerier voor lokale leveringen",
            "status": "exists",
            "owner": "Partner uit de sociale economie",
            "remark": "Sinds 2022, drie dagen per week",
        },
        {
            "id": "lm4",
            "logistics_measure": "Stadsdistributiecentrum",
            "status": "not_applicable",
            "owner": "",
            "remark": "Te klein volume voor onze kern",
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
    demo={(6, "Lier"): DEMO},
)
