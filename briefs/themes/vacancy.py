"""Theme module: vacancy (leegstand) — the inventory per building, causes, rents, instruments."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import Field

from briefs import model as m
from briefs.part_spec import ExportForm, Insight, Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section
from briefs.themes.vacancy_demo import DEMO

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.VACANCY
MAX_BUILDINGS = 2_000
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
    amounts_add_up: ClassVar[bool] = False  # each street's price per m²: no total
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
    return category_since(building.vacant_since, on)


def category_since(since: dt.date | None, on: dt.date) -> VacancyCategory | None:
    """The category that standing empty since ``since`` gives on ``on`` (None: not known)."""
    if since is None or since > on:
        return None
    years = _years_between(since, on)
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


# --- figures from the rows --------------------------------------------------------------------
# The zones and categories in the order the charts and tables show them; None (not known) last.
ZONES: tuple[Zone | None, ...] = (*Zone, None)
CATEGORIES: tuple[VacancyCategory | None, ...] = (*VacancyCategory, None)


def by_category(buildings: list[VacantBuilding], on: dt.date) -> dict[VacancyCategory | None, int]:
    """How many vacant buildings per category on ``on``, every category named (0 when none)."""
    found = Counter(category_of(building, on) for building in buildings)
    return {category: found[category] for category in CATEGORIES if category or found[category]}


def by_zone(buildings: list[VacantBuilding]) -> dict[Zone | None, int]:
    """How many vacant buildings per zone, every zone named (0 when none)."""
    found = Counter(building.zone for building in buildings)
    return {zone: found[zone] for zone in ZONES if zone or found[zone]}


@dataclass(frozen=True)
class VacancyRate:
    """One count's share of vacant premises."""

    day: dt.date
    vacant: int
    premises: int

    @property
    def rate(self) -> float:
        return self.vacant / self.premises


def vacancy_rates(counts: list[VacancyCount]) -> list[VacancyRate]:
    """The vacancy rate of every count that gives its day, its vacant and (non-zero) premises,
    by day. Two counts on one day: the later row is the correction and wins."""
    rates: dict[dt.date, VacancyRate] = {}
    for count in counts:
        if count.counted_on is None or count.vacant is None or not count.premises:
            continue
        rates[count.counted_on] = VacancyRate(count.counted_on, count.vacant, count.premises)
    return [rates[day] for day in sorted(rates)]


@dataclass(frozen=True)
class RentRange:
    """The rents asked in one street, in euro per m² per year; one figure is low and high."""

    street: str
    low: Decimal
    high: Decimal


def rent_amount(rent: RentRange, t: Translator) -> str:
    """'€ 208,00 – € 254,40', or one amount when low and high are the same."""
    if rent.low == rent.high:
        return t.money(rent.low)
    return f"{t.money(rent.low)} – {t.money(rent.high)}"


def street_rents(rents: list[StreetRent]) -> list[RentRange]:
    """Every street with at least one rent, in the table's order, low never above high."""
    ranges = []
    for rent in rents:
        figures = [value for value in (rent.rent_low, rent.rent_high) if value is not None]
        if figures:
            ranges.append(RentRange(rent.street, min(figures), max(figures)))
    return ranges


@dataclass(frozen=True)
class VacancyFigures:
    """What the module's charts and sentences say about a brief's vacancy, read once."""

    day: dt.date
    counted: bool  # whether ``day`` is a count's day (else today's)
    buildings: list[VacantBuilding]
    rates: list[VacancyRate]
    rents: list[RentRange]

    @property
    def table(self) -> Counter[tuple[Zone | None, VacancyCategory | None]]:
        return tally(self.buildings, self.day)


def figures_of(brief: Brief, today: dt.date) -> VacancyFigures:
    counts = brief.rows("vacancy.counts", VacancyCount)
    return VacancyFigures(
        day=reference_day(counts, today),
        counted=any(count.counted_on is not None for count in counts),
        buildings=brief.rows("vacancy.buildings", VacantBuilding),
        rates=vacancy_rates(counts),
        rents=street_rents(brief.rows("vacancy.rents", StreetRent)),
    )


def figures_of_rows(
    counts: list[dict[str, Any]],
    buildings: list[dict[str, Any]],
    rents: list[dict[str, Any]],
    today: dt.date,
) -> VacancyFigures:
    """The same from stored rows (JSON), as the page's charts get them."""
    count_rows = [VacancyCount.model_validate(row) for row in counts]
    return VacancyFigures(
        day=reference_day(count_rows, today),
        counted=any(count.counted_on is not None for count in count_rows),
        buildings=[VacantBuilding.model_validate(row) for row in buildings],
        rates=vacancy_rates(count_rows),
        rents=street_rents([StreetRent.model_validate(row) for row in rents]),
    )


# --- points of attention ------------------------------------------------------------------------
NAME_LIMIT = 50


def _named(text: str) -> str:
    """A row's name in a point of attention: on one line, cut short, a dash when empty."""
    line = " ".join(text.split())
    return (line if len(line) <= NAME_LIMIT else line[: NAME_LIMIT - 1] + "…") or "—"


def _check_buildings(brief: Brief) -> list[Finding]:
    counts = brief.rows("vacancy.counts", VacancyCount)
    days = [count.counted_on for count in counts if count.counted_on is not None]
    latest = max(days) if days else None
    found: list[Finding] = []
    for building in brief.rows("vacancy.buildings", VacantBuilding):
        name = _named(building.address)
        if building.category is None and building.vacant_since is None:
            found.append(finding("vacancy.buildings", "vacancy_no_category", name=name))
        elif latest is not None and building.vacant_since and building.vacant_since > latest:
            found.append(
                finding(
                    "vacancy.buildings",
                    "vacancy_after_count",
                    name=name,
                    since_day=building.vacant_since.isoformat(),
                    count_day=latest.isoformat(),
                )
            )
    return found


def _check_instruments(brief: Brief) -> list[Finding]:
    found: list[Finding] = []
    for instrument in brief.rows("vacancy.instruments", Instrument):
        name = _named(instrument.instrument)
        if instrument.objective is None:
            found.append(finding("vacancy.instruments", "instrument_no_objective", name=name))
        if instrument.kind is None:
            found.append(finding("vacancy.instruments", "instrument_no_type", name=name))
    return found


def _check_figures(brief: Brief) -> list[Finding]:
    """Figures that cannot be: more vacant buildings than premises, a rent 'from' above its
    'to' (the chart draws it low to high; the table shows it as typed)."""
    found: list[Finding] = []
    for count in brief.rows("vacancy.counts", VacancyCount):
        vacant, premises = count.vacant, count.premises
        if vacant is not None and premises is not None and vacant > premises:
            params = {"vacant": str(count.vacant), "premises": str(count.premises)}
            if count.counted_on is None:
                found.append(finding("vacancy.counts", "vacancy_over_premises_undated", **params))
            else:
                day = count.counted_on.isoformat()
                found.append(
                    finding("vacancy.counts", "vacancy_over_premises", count_day=day, **params)
                )
    for rent in brief.rows("vacancy.rents", StreetRent):
        if (
            rent.rent_low is not None
            and rent.rent_high is not None
            and rent.rent_low > rent.rent_high
        ):
            found.append(finding("vacancy.rents", "rent_inverted", name=_named(rent.street)))
    return found


def checks(brief: Brief) -> list[Finding]:
    """An undated building without category, a building empty only after the latest count,
    a count or rent that cannot be, an instrument that serves no objective or has no type."""
    return _check_buildings(brief) + _check_figures(brief) + _check_instruments(brief)


# --- the collegenota -----------------------------------------------------------------------------
def argument(brief: Brief, t: Translator) -> str:
    """The inventory in one or two sentences: how many, by category, how many in the core.

    Judged on the latest count's day; without a count there is no day to name, so nothing.
    A building that became vacant after that day is not counted; one whose category is not
    known is named as such, so that the parts add up to the total.
    """
    figures = figures_of(brief, dt.date.today())
    day = figures.day
    vacant = [b for b in figures.buildings if b.vacant_since is None or b.vacant_since <= day]
    if not figures.counted or not vacant:
        return ""
    categories = by_category(vacant, day)
    parts = [
        t("vacancy.argument.category", n=str(n), category=t(f"enum.{category.value}").lower())
        for category, n in categories.items()
        if category is not None and n
    ]
    if unknown := categories.get(None, 0):
        parts.append(t("vacancy.argument.unknown", n=str(unknown)))
    sentence = t(
        "vacancy.argument.total", day=t.day(day), n=str(len(vacant)), categories=_listed(parts, t)
    )
    core = by_zone(vacant).get(Zone.CORE_SHOPPING, 0)
    if core:
        sentence = sentence[:-1] + t("vacancy.argument.core", n=str(core))
    rates = figures.rates
    if rates and rates[-1].day == day:
        sentence += " " + t("vacancy.argument.rate", rate=t.number(round(rates[-1].rate * 100, 1)))
    return sentence


def _listed(items: list[str], t: Translator) -> str:
    if len(items) < 2:
        return "".join(items)
    return t("vacancy.argument.and", first=", ".join(items[:-1]), last=items[-1])


PARTS = (
    theme_part(
        THEME,
        "counts",
        Kind.ROWS,
        1,
        row_model=VacancyCount,
        insight=Insight(
            "vacancy_rate_chart",
            ("vacancy.counts",),
            title_key="chart.vacancy.rate",
            exported=True,
        ),
    ),
    theme_part(
        THEME,
        "buildings",
        Kind.ROWS,
        1,
        row_model=VacantBuilding,
        details=("cause", "in_register", "tax"),
        # One row per building: a large town's centre counts several hundred empty ones.
        max_rows=MAX_BUILDINGS,
        # The categories are judged on the latest count's day: the chart reads the counts too.
        insight=Insight(
            "vacancy_chart",
            ("vacancy.counts", "vacancy.buildings"),
            title_key="chart.vacancy.by_zone",
            exported=True,
        ),
    ),
    theme_part(THEME, "causes", Kind.ROWS, 1, row_model=VacancyCause),
    theme_part(
        THEME,
        "rents",
        Kind.ROWS,
        1,
        row_model=StreetRent,
        insight=Insight(
            "rents_chart", ("vacancy.rents",), title_key="chart.vacancy.rents", exported=True
        ),
    ),
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
    "vacancy.derived_category": (
        "{category} (volgens leeg sinds)",
        "{category} (from vacant since)",
    ),
    "step_section.leegstand": ("Leegstand", "Vacancy"),
    "step_section.instrumenten": ("Instrumentenmatrix", "Instrument matrix"),
    "part.vacancy.counts.title": ("Tellingen van de leegstand", "Vacancy counts"),
    "part.vacancy.counts.help": (
        "Eén rij per telling: de datum, het aantal leegstaande panden en het totale aantal "
        "handelspanden in de kern. Kernbrief berekent daaruit de leegstandsgraad; vanaf twee "
        "tellingen zie je het verloop. De categorieën van de inventaris hieronder gelden op "
        "de datum van de laatste telling.",
        "One row per count: the date, the number of vacant buildings and the total number of "
        "commercial premises in the centre. Kernbrief works out the vacancy rate; from two "
        "counts on you see how it evolves. The categories of the inventory below are judged "
        "on the date of the latest count.",
    ),
    "part.vacancy.counts.example": (
        "1 juni 2023 · 52 leegstaande panden · 650 handelspanden",
        "1 June 2023 · 52 vacant buildings · 650 commercial premises",
    ),
    "part.vacancy.buildings.title": (
        "Inventaris leegstaande panden",
        "Inventory of vacant buildings",
    ),
    "part.vacancy.buildings.help": (
        "Eén rij per leegstaand pand. Kies de categorie alleen bij verbouwingsleegstand; laat "
        "je ze leeg, dan volgt ze uit ‘leeg sinds’ op de dag van de laatste telling: "
        "aanvangsleegstand korter dan één jaar, langdurige leegstand van één tot drie jaar, "
        "structurele leegstand vanaf drie jaar.",
        "One row per vacant building. Only choose the category for vacancy during renovation; "
        "left empty, it follows from ‘vacant since’ on the day of the latest count: starting "
        "vacancy under one year, long-term vacancy from one to three years, structural vacancy "
        "from three years on.",
    ),
    "part.vacancy.buildings.example": (
        "Veldstraat 12 · kernwinkelgebied · 140 m² · leeg sinds 1 maart 2021 · langdurig",
        "Veldstraat 12 · core shopping area · 140 m² · vacant since 1 March 2021 · long-term",
    ),
    "part.vacancy.causes.title": ("Oorzaken van de leegstand", "Causes of the vacancy"),
    "part.vacancy.causes.help": (
        "Welke oorzaken spelen in jouw kern, en welke impact hebben ze? Noteer ook wat "
        "volgens de cijfers geen impact heeft: dat behoedt je voor de verkeerde instrumenten. "
        "Een oplossingsrichting in stap 2 kan op een oorzaak antwoorden.",
        "Which causes are at work in your centre, and what impact do they have? Also note "
        "what the figures say has no impact: it keeps you from choosing the wrong instruments. "
        "A solution direction in step 2 can answer a cause.",
    ),
    "part.vacancy.causes.example": (
        "Minder kantoorpendel na corona · grote impact · de winkels leven van kantoorpubliek",
        "Less office commuting after corona · large impact · the shops live off office workers",
    ),
    "part.vacancy.rents.title": ("Huurprijzen per straat", "Rents per street"),
    "part.vacancy.rents.help": (
        "De gevraagde huurprijs per straat, in euro per m² per jaar: de laagste en de hoogste "
        "die je kent. Eén bedrag volstaat als je er maar één hebt.",
        "The rent asked per street, in euro per m² per year: the lowest and the highest you "
        "know of. One amount will do when you only have one.",
    ),
    "part.vacancy.rents.example": (
        "Brabantdam · € 208,00 tot € 254,40",
        "Brabantdam · € 208.00 to € 254.40",
    ),
    "part.vacancy.instruments.title": ("Instrumentenmatrix", "Instrument matrix"),
    "part.vacancy.instruments.help": (
        "Welk instrument zet je in, voor welke doelstelling? Kies het type (stimulerend, "
        "ontradend, ruimtelijk of tijdelijk), de kost, wie het trekt en de actie uit je "
        "actielijst die het uitvoert. Een goede mix combineert stimulerende en ontradende "
        "instrumenten.",
        "Which instrument do you use, for which objective? Choose its type (stimulating, "
        "discouraging, spatial or temporary), its cost, who leads it and the action of your "
        "action list that carries it out. A good mix combines stimulating and discouraging "
        "instruments.",
    ),
    "part.vacancy.instruments.example": (
        "Leegstandsheffing verhogen · ontradend · doelstelling: langdurige leegstand terugdringen",
        "Raise the vacancy tax · discouraging · objective: reduce long-term vacancy",
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
    "col.in_register": ("In leegstandsregister", "In vacancy register"),
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
    # The charts, on screen and in the document.
    "chart.vacancy.by_zone": (
        "Leegstaande panden per zone en categorie",
        "Vacant buildings by zone and category",
    ),
    "chart.vacancy.rate": ("Verloop van de leegstandsgraad", "Vacancy rate over time"),
    "chart.vacancy.rents": ("Huurprijzen per straat", "Rents per street"),
    "chart.vacancy.all_zones": ("Alle zones", "All zones"),
    "chart.vacancy.no_zone": ("Zone onbekend", "Zone not known"),
    "chart.vacancy.no_category": ("Categorie onbekend", "Category not known"),
    "chart.vacancy.buildings": ("Aantal panden", "Number of buildings"),
    "chart.vacancy.rate_axis": ("Leegstandsgraad (%)", "Vacancy rate (%)"),
    "chart.vacancy.rent_axis": ("Huur (€/m²/jaar)", "Rent (€/m²/year)"),
    "chart.vacancy.no_street": ("(straat niet ingevuld)", "(street not filled in)"),
    "chart.vacancy.rate_needs_two": (
        "Het verloop verschijnt vanaf twee tellingen met datum, leegstaande panden en "
        "handelspanden.",
        "The trend appears from two counts with a date, vacant buildings and commercial premises.",
    ),
    "chart.vacancy.caption_zone": (
        "Leegstaande panden per zone en categorie op {day}",
        "Vacant buildings by zone and category on {day}",
    ),
    "chart.vacancy.caption_rate": (
        "Leegstandsgraad per telling, {first} tot {last}",
        "Vacancy rate per count, {first} to {last}",
    ),
    "chart.vacancy.caption_rents": (
        "Gevraagde huurprijzen per straat (€/m²/jaar, van laag tot hoog)",
        "Rents asked per street (€/m²/year, from low to high)",
    ),
    # The collegenota's argumentation.
    "vacancy.argument.total": (
        "Op {day} stonden {n} panden leeg: {categories}.",
        "On {day}, {n} buildings stood vacant: {categories}.",
    ),
    "vacancy.argument.category": ("{n} {category}", "{n} {category}"),
    "vacancy.argument.unknown": ("{n} zonder gekende categorie", "{n} without a known category"),
    "vacancy.argument.and": ("{first} en {last}", "{first} and {last}"),
    "vacancy.argument.core": (
        "; {n} daarvan in het kernwinkelgebied.",
        "; {n} of them in the core shopping area.",
    ),
    "vacancy.argument.rate": (
        "Dat is een leegstandsgraad van {rate} %.",
        "That is a vacancy rate of {rate}%.",
    ),
    # Points of attention.
    "check.vacancy_no_category": (
        "Leegstaand pand ‘{name}’ heeft geen categorie en geen datum ‘leeg sinds’.",
        "Vacant building ‘{name}’ has no category and no ‘vacant since’ date.",
    ),
    "check.vacancy_after_count": (
        "Leegstaand pand ‘{name}’ staat pas leeg sinds {since_day}, na de laatste telling "
        "({count_day}).",
        "Vacant building ‘{name}’ has only stood vacant since {since_day}, after the latest count "
        "({count_day}).",
    ),
    "check.vacancy_over_premises": (
        "De telling van {count_day} telt meer leegstaande panden ({vacant}) dan handelspanden "
        "({premises}).",
        "The count of {count_day} has more vacant buildings ({vacant}) than retail premises "
        "({premises}).",
    ),
    "check.vacancy_over_premises_undated": (
        "Een telling zonder datum telt meer leegstaande panden ({vacant}) dan handelspanden "
        "({premises}).",
        "A count without a date has more vacant buildings ({vacant}) than retail premises "
        "({premises}).",
    ),
    "check.rent_inverted": (
        "Huurprijs in ‘{name}’: ‘van’ is hoger dan ‘tot’.",
        "Rent in ‘{name}’: ‘from’ is higher than ‘to’.",
    ),
    "check.instrument_no_objective": (
        "Instrument ‘{name}’ dient geen doelstelling.",
        "Instrument ‘{name}’ serves no objective.",
    ),
    "check.instrument_no_type": (
        "Instrument ‘{name}’ heeft geen type.",
        "Instrument ‘{name}’ has no type.",
    ),
}


def derived_categories(brief: Brief, t: Translator) -> Callable[[dict[str, Any]], dict[str, str]]:
    """A building's category where the person left it to 'vacant since', said as derived."""
    on = reference_day(brief.rows("vacancy.counts", VacancyCount), dt.date.today())

    def cells(row: dict[str, Any]) -> dict[str, str]:
        since = row.get("vacant_since")
        if row.get("category") or not since:
            return {}
        # Stored rows were validated when saved: their date is ISO, read without the model
        # (a screen of 300 buildings asks this 300 times on every redraw).
        category = category_since(dt.date.fromisoformat(str(since)), on)
        if category is None:
            return {}
        name = t(f"enum.{category.value}")
        return {"category": t("vacancy.derived_category", category=name)}

    return cells


MODULE = ThemeModule(
    theme=THEME,
    parts=PARTS,
    sections=SECTIONS,
    words=WORDS,
    checks=checks,
    argument=argument,
    demo=DEMO,
    derived={"vacancy.buildings": derived_categories},
)
