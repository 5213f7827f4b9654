"""The vacancy module's instrument matrix: instruments against the objectives they serve."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefs.brief import Brief
from briefs.content import without_blank_rows
from briefs.i18n import Translator
from briefs.present import Reader
from briefs.themes.vacancy import InstrumentType

INSTRUMENTS = "vacancy.instruments"
OBJECTIVES = "roadmap.objectives"
# One light colour per type, light enough for black text (WCAG AA on screen and in print);
# the cell names the type too, so the colour is never the only sign.
TYPE_FILLS: dict[InstrumentType, str] = {
    InstrumentType.STIMULATING: "D9EAD3",
    InstrumentType.DISCOURAGING: "F4CCCC",
    InstrumentType.SPATIAL: "CFE2F3",
    InstrumentType.TEMPORARY: "FFF2CC",
}


@dataclass(frozen=True)
class Matrix:
    """A table: the header, one row per instrument, and each cell's fill (hex, or None)."""

    header: list[str]
    rows: list[list[str]]
    fills: list[list[str | None]]


def _served(instruments: list[dict[str, Any]], brief: Brief) -> list[str | None]:
    """The objectives some instrument serves, in their order; None for 'none yet' if needed."""
    objectives = without_blank_rows(OBJECTIVES, brief.part(OBJECTIVES).value) or []
    aimed = {instrument.get("objective") for instrument in instruments}
    columns: list[str | None] = [row["id"] for row in objectives if row["id"] in aimed]
    if aimed - set(columns):
        columns.append(None)
    return columns


def _mark(instrument: dict[str, Any], t: Translator) -> tuple[str, str | None]:
    """What an instrument's cell says and its colour: its type, or a tick without one."""
    kind = instrument.get("kind")
    if not kind:
        return "✓", None
    return t(f"enum.{kind}"), TYPE_FILLS.get(InstrumentType(kind))


def instrument_matrix(brief: Brief, t: Translator) -> Matrix | None:
    """Instruments as rows, the objectives they serve as columns, each mark named by its type.

    The objectives no instrument serves are left out; instruments without an objective meet
    in a last column, so that every instrument stands in the matrix. None without instruments.
    """
    instruments = list(without_blank_rows(INSTRUMENTS, brief.part(INSTRUMENTS).value) or [])
    if not instruments:
        return None
    reader = Reader(brief, t)
    columns = _served(instruments, brief)
    known = {column for column in columns if column}
    header = [
        t("col.instrument"),
        *(reader.link(column) if column else t("matrix.no_objective") for column in columns),
    ]
    rows, fills = [], []
    for instrument in instruments:
        mark, fill = _mark(instrument, t)
        aim = instrument.get("objective")
        serves = aim if aim in known else None
        rows.append(
            [reader.link(instrument["id"]), *(mark if c == serves else "" for c in columns)]
        )
        fills.append([None, *(fill if c == serves else None for c in columns)])
    return Matrix(header, rows, fills)
