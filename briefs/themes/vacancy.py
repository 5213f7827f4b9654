"""Theme module: vacancy (leegstand) — the inventory per building, causes, rents, instruments."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from briefs import model as m
from briefs.part_spec import ExportForm, Insight, Kind
from briefs.themes.module import ThemeModule, theme_part, theme_section

THEME = m.Theme.VACANCY
MAX_AREA = 1_000_000  # m²: more than any building in a town centre
MAX_PREMISES = 100_000


class Zone(StrEnum):
    CORE_SHOPPING = "core_shopping_area"
    APPROACH = "approach_street"
    ELSEWHERE = "elsewhere"


class VacancyCategory(StrEnum):
    """The categories of the vacancy counts: renovation is chosen, the others follow time."""

    RENOVATION = "renovation"
    STARTING = "starting"
    LONG_TERM = "long_term"
    STRUCTURAL = "structural"


class Impact(StrEnum):
    NO_IMPACT = "no_impact"
    SOME_IMPACT = "some_impact"
    LARGE_IMPACT = "large_impact"


class InstrumentType(StrEnum):
    STIMULATING = "stimulating"
    DISCOURAGING = "discouraging"
    SPATIAL = "spatial"
    TEMPORARY = "temporary"


class VacantBuilding(m.Row):
    address: m.ShortText = ""
    zone: Zone | None = None
    area: Annotated[float, Field(ge=0, le=MAX_AREA)] | None = None
    vacant_since: m.Day | None = None
    # Left empty, the category follows from ``vacant_since`` (see ``category_of``).
    category: VacancyCategory | None = None
    cause: m.ShortText = ""
    in_register: m.YesNo | None = None
    tax: m.Money | None = None


class VacancyCount(m.Row):
    counted_on: m.Day | None = None
    vacant: Annotated[int, Field(ge=0, le=MAX_PREMISES)] | None = None
    premises: Annotated[int, Field(ge=0, le=MAX_PREMISES)] | None = None


class VacancyCause(m.Row):
    cause: m.ShortText = ""
    effect: Impact | None = None
    explanation: m.ShortText = ""


class StreetRent(m.Row):
    street: m.ShortText = ""
    rent_low: m.Money | None = None
    rent_high: m.Money | None = None
    note: m.ShortText = ""


class Instrument(m.Row):
    instrument: m.ShortText = ""
    kind: InstrumentType | None = None
    objective: m.RowId | None = None
    action: m.RowId | None = None
    cost: m.Money | None = None
    owner: m.ShortText = ""


def _years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end``; a 29 February counts from 1 March in other years."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def category_of(building: VacantBuilding, on: dt.date) -> VacancyCategory | None:
    """The building's category: the one chosen, else from how long it has stood empty on ``on``.

    The programme's counts (Gent, 1 June 2023) use the usual bands: starting (frictional)
    vacancy under one year, long-term from one to three years, structural from three years
    on. Renovation is not a matter of time, so only a person chooses it.
    """
    if building.category is not None:
        return building.category
    if building.vacant_since is None or building.vacant_since > on:
        return None
    years = _years_between(building.vacant_since, on)
    if years < 1:
        return VacancyCategory.STARTING
    if years < 3:
        return VacancyCategory.LONG_TERM
    return VacancyCategory.STRUCTURAL


def reference_day(counts: list[VacancyCount], today: dt.date) -> dt.date:
    """The day the inventory's categories are judged on: the latest count's, else today."""
    days = [count.counted_on for count in counts if count.counted_on is not None]
    return max(days) if days else today


def tally(
    buildings: list[VacantBuilding], on: dt.date
) -> Counter[tuple[Zone | None, VacancyCategory | None]]:
    """How many vacant buildings per (zone, category) on ``on``; None where not known."""
    return Counter((building.zone, category_of(building, on)) for building in buildings)


PARTS = (
    theme_part(THEME, "counts", Kind.ROWS, 1, row_model=VacancyCount),
    theme_part(
        THEME,
        "buildings",
        Kind.ROWS,
        1,
        row_model=VacantBuilding,
        details=("cause", "in_register", "tax"),
    ),
    theme_part(THEME, "causes", Kind.ROWS, 1, row_model=VacancyCause),
    theme_part(THEME, "rents", Kind.ROWS, 1, row_model=StreetRent),
    theme_part(
        THEME,
        "instruments",
        Kind.ROWS,
        4,
        row_model=Instrument,
        links={"objective": ("roadmap.objectives",), "action": ("roadmap.actions",)},
        export=ExportForm.WIDE_TABLE,
        insight=Insight(
            "instrument_matrix",
            ("vacancy.instruments", "roadmap.objectives"),
            title_key="matrix.title",
            exported=True,
        ),
    ),
)
SECTIONS = (
    theme_section("leegstand", "vacancy.counts", 1, after="situatie"),
    theme_section("instrumenten", "vacancy.instruments", 4, after="acties"),
)

WORDS: dict[str, tuple[str, str]] = {
    "step_section.leegstand": ("Leegstand", "Vacancy"),
    "step_section.instrumenten": ("Instrumentenmatrix", "Instrument matrix"),
    "part.vacancy.counts.title": ("Tellingen van de leegstand", "Vacancy counts"),
    "part.vacancy.counts.help": (
        "Eén rij per telling: de datum, het aantal leegstaande panden en het aantal "
        "handelspanden in de kern. Met twee tellingen of meer toont Kernbrief het verloop.",
        "One row per count: the date, the number of vacant buildings and the number of "
        "commercial premises in the centre. With two counts or more Kernbrief shows the trend.",
    ),
    "part.vacancy.counts.example": (
        "1 juni 2023: 52 leegstaande panden op 610 handelspanden",
        "1 June 2023: 52 vacant buildings out of 610 commercial premises",
    ),
    "part.vacancy.buildings.title": (
        "Inventaris leegstaande panden",
        "Inventory of vacant buildings",
    ),
    "part.vacancy.buildings.help": (
        "Eén rij per pand. Laat je de categorie leeg, dan volgt ze uit 'leeg sinds': "
        "aanvang onder één jaar, langdurig van één tot drie jaar, structureel vanaf drie jaar.",
        "One row per building. Leave the category empty and it follows from 'vacant since': "
        "starting under one year, long-term from one to three years, structural from three years.",
    ),
    "part.vacancy.buildings.example": (
        "Veldstraat 12 · kernwinkelgebied · 140 m² · leeg sinds 1 maart 2021",
        "Veldstraat 12 · core shopping area · 140 m² · vacant since 1 March 2021",
    ),
    "part.vacancy.causes.title": ("Oorzaken van de leegstand", "Causes of the vacancy"),
    "part.vacancy.causes.help": (
        "Welke oorzaken zie je, en hoe groot is hun impact in jouw kern?",
        "Which causes do you see, and how large is their impact in your centre?",
    ),
    "part.vacancy.causes.example": (
        "Te hoge huurprijzen · grote impact",
        "Rents too high · large impact",
    ),
    "part.vacancy.rents.title": ("Huurprijzen per straat", "Rents per street"),
    "part.vacancy.rents.help": (
        "De huurprijs per straat in euro per m² per jaar, van laag tot hoog.",
        "The rent per street in euro per m² per year, from low to high.",
    ),
    "part.vacancy.rents.example": (
        "Veldstraat: € 208,00 tot € 254,40",
        "Veldstraat: € 208.00 to € 254.40",
    ),
    "part.vacancy.instruments.title": ("Instrumentenmatrix", "Instrument matrix"),
    "part.vacancy.instruments.help": (
        "Welk instrument zet je in voor welke doelstelling? Kies het type, de kost, wie het "
        "trekt en de actie die het uitvoert.",
        "Which instrument serves which objective? Choose its type, cost, who leads it and the "
        "action that carries it out.",
    ),
    "part.vacancy.instruments.example": (
        "Leegstandsheffing verhogen · ontradend · doelstelling 1",
        "Raise the vacancy tax · discouraging · objective 1",
    ),
    "link.vacancy.causes": ("Oorzaak leegstand {n}", "Vacancy cause {n}"),
    "link.vacancy.instruments": ("Instrument {n}", "Instrument {n}"),
    "col.counted_on": ("Datum telling", "Date of count"),
    "col.vacant": ("Leegstaand", "Vacant"),
    "col.premises": ("Handelspanden", "Commercial premises"),
    "col.address": ("Adres", "Address"),
    "col.zone": ("Zone", "Zone"),
    "col.area": ("Oppervlakte (m²)", "Floor area (m²)"),
    "col.vacant_since": ("Leeg sinds", "Vacant since"),
    "col.category": ("Categorie", "Category"),
    "col.cause": ("Oorzaak", "Cause"),
    "col.in_register": ("In register", "In register"),
    "col.tax": ("Leegstandsheffing", "Vacancy tax"),
    "col.effect": ("Impact", "Impact"),
    "col.explanation": ("Toelichting", "Explanation"),
    "col.street": ("Straat", "Street"),
    "col.rent_low": ("Huur van (€/m²/jaar)", "Rent from (€/m²/year)"),
    "col.rent_high": ("Huur tot (€/m²/jaar)", "Rent up to (€/m²/year)"),
    "col.note": ("Opmerking", "Note"),
    "col.instrument": ("Instrument", "Instrument"),
    "col.kind": ("Type", "Type"),
    "col.action": ("Actie", "Action"),
    "col.cost": ("Kost", "Cost"),
    "enum.core_shopping_area": ("Kernwinkelgebied", "Core shopping area"),
    "enum.approach_street": ("Aanloopstraat", "Approach street"),
    "enum.elsewhere": ("Elders", "Elsewhere"),
    "enum.renovation": ("Verbouw", "Renovation"),
    "enum.starting": ("Aanvang", "Starting"),
    "enum.long_term": ("Langdurig", "Long-term"),
    "enum.structural": ("Structureel", "Structural"),
    "enum.no_impact": ("Geen impact", "No impact"),
    "enum.some_impact": ("Beperkte impact", "Some impact"),
    "enum.large_impact": ("Grote impact", "Large impact"),
    "enum.stimulating": ("Stimulerend", "Stimulating"),
    "enum.discouraging": ("Ontradend", "Discouraging"),
    "enum.spatial": ("Ruimtelijk", "Spatial"),
    "enum.temporary": ("Tijdelijk", "Temporary"),
}

MODULE = ThemeModule(theme=THEME, parts=PARTS, sections=SECTIONS, words=WORDS)
