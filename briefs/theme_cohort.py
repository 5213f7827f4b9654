"""The theme modules across a cohort: who shows a module, vacancy summed, rows side by side."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.model import Theme
from briefs.parts import PARTS
from briefs.present import Reader, row_fields
from briefs.theme_choice import shown_themes
from briefs.themes.vacancy import (
    VacancyCategory,
    VacancyCount,
    VacantBuilding,
    Zone,
    reference_day,
    tally,
)

BUILDINGS = "vacancy.buildings"
COUNTS = "vacancy.counts"
# A building's zone or category left open (and no date to derive the category from).
Cell = tuple[Zone | None, VacancyCategory | None]


def showing(briefs: Sequence[Brief], theme: Theme) -> list[Brief]:
    """The briefs that show the module, by municipality: only they take part in its comparison."""
    shown = [brief for brief in briefs if theme in shown_themes(brief)]
    return sorted(shown, key=lambda brief: brief.municipality)


def module_rows(
    key: str, briefs: Sequence[Brief], t: Translator, statuses: Collection[str] = ()
) -> tuple[list[str], list[list[str]]]:
    """Every municipality's rows of a rows part in one table: the headers and the lines.

    The municipality comes first, then the part's own columns as people read them (choices
    in words, links as their rows' labels). ``statuses``, when given, keeps the rows in those
    states (for the action list). A module's part takes the briefs that show the module.
    """
    theme = PARTS[key].theme
    chosen = showing(briefs, theme) if theme is not None else briefs
    lines = []
    for brief in chosen:
        value = brief.part(key).value or []
        rows = [row for row in value if not statuses or row.get("status") in statuses]
        lines += [[brief.municipality, *cells] for cells in Reader(brief, t).rows(key, rows)]
    headers = [t("dashboard.municipality"), *(t(f"col.{field.name}") for field in row_fields(key))]
    return headers, lines


@dataclass(frozen=True)
class Inventory:
    """One municipality's vacant buildings counted per zone and category on its own day."""

    municipality: str
    # The day the categories are judged on: the brief's latest count, else today.
    on: dt.date
    cells: Counter[Cell]

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    def by_zone(self, zone: Zone | None) -> int:
        return sum(n for (z, _), n in self.cells.items() if z == zone)

    def by_category(self, category: VacancyCategory | None) -> int:
        return sum(n for (_, c), n in self.cells.items() if c == category)


def inventory(brief: Brief, today: dt.date) -> Inventory:
    """The brief's inventory judged on its own reference day (``vacancy.reference_day``)."""
    on = reference_day(brief.rows(COUNTS, VacancyCount), today)
    return Inventory(brief.municipality, on, tally(brief.rows(BUILDINGS, VacantBuilding), on))


@dataclass(frozen=True)
class CohortVacancy:
    """The inventories of every brief that shows the vacancy module, and their sum."""

    inventories: list[Inventory]
    cells: Counter[Cell]

    @property
    def with_data(self) -> int:
        """How many municipalities have at least one building in their inventory."""
        return sum(1 for one in self.inventories if one.total)

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    def zones(self) -> list[Zone | None]:
        """The zones in the programme's order; 'not known' only when a building lacks one."""
        known: list[Zone | None] = list(Zone)
        return [*known, None] if any(zone is None for zone, _ in self.cells) else known

    def categories(self) -> list[VacancyCategory | None]:
        known: list[VacancyCategory | None] = list(VacancyCategory)
        return [*known, None] if any(category is None for _, category in self.cells) else known


def cohort_vacancy(briefs: Sequence[Brief], today: dt.date) -> CohortVacancy:
    """Sum the vacancy inventories of the briefs that show the module.

    Each brief is judged on its own reference day: a count of 1 June 2023 keeps a building
    that stood empty since March 2021 long-term, even when another municipality counted later.
    """
    inventories = [inventory(brief, today) for brief in showing(briefs, Theme.VACANCY)]
    cells: Counter[Cell] = Counter()
    for one in inventories:
        cells.update(one.cells)
    return CohortVacancy(inventories, cells)


def _zone_name(zone: Zone | None, t: Translator) -> str:
    return t(f"enum.{zone}") if zone else t("compare.vacancy.no_zone")


def _category_name(category: VacancyCategory | None, t: Translator) -> str:
    return t(f"enum.{category}") if category else t("compare.vacancy.no_category")


def zone_table(cohort: CohortVacancy, t: Translator) -> tuple[list[str], list[list[str | int]]]:
    """Zone × category with the totals of each row and column, summed over the cohort."""
    categories = cohort.categories()
    headers = [t("col.zone"), *(_category_name(c, t) for c in categories), t("compare.total")]
    lines: list[list[str | int]] = [
        [
            _zone_name(zone, t),
            *(cohort.cells[(zone, category)] for category in categories),
            sum(cohort.cells[(zone, category)] for category in categories),
        ]
        for zone in cohort.zones()
    ]
    column_totals = [sum(n for (_, c), n in cohort.cells.items() if c == cat) for cat in categories]
    lines.append([t("compare.total"), *column_totals, cohort.total])
    return headers, lines


def municipality_table(
    cohort: CohortVacancy, t: Translator
) -> tuple[list[str], list[list[str | int]]]:
    """One line per municipality: its reference day, buildings per category and per zone."""
    categories, zones = cohort.categories(), cohort.zones()
    headers = [
        t("dashboard.municipality"),
        t("compare.vacancy.on"),
        *(_category_name(category, t) for category in categories),
        *(_zone_name(zone, t) for zone in zones),
        t("compare.total"),
    ]
    lines: list[list[str | int]] = [
        [
            one.municipality,
            t.day(one.on),
            *(one.by_category(category) for category in categories),
            *(one.by_zone(zone) for zone in zones),
            one.total,
        ]
        for one in cohort.inventories
    ]
    return headers, lines


def chart_cells(cohort: CohortVacancy) -> list[dict[str, str | int]]:
    """The summed figures for a bar chart: one entry per zone and category with buildings."""
    return [
        {"zone": zone or "", "category": category or "", "count": cohort.cells[(zone, category)]}
        for zone in cohort.zones()
        for category in cohort.categories()
        if cohort.cells[(zone, category)]
    ]
