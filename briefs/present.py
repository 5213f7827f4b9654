"""Part values as people read them: one formatting of every field for screens, changes and Word."""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from annotated_types import Ge, Le
from pydantic.fields import FieldInfo

from briefs import model as m
from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.links import link_labels
from briefs.model import Theme
from briefs.parts import PART_SPECS, PARTS, Kind, PartSpec
from briefs.theme_choice import shown_themes
from briefs.themes import DERIVED_CELLS

EMPTY_CELL = "—"
# Rows that are pointed at, and the rows that point (named in a "leads to" column).
LINKED_PARTS = sorted(
    {target for spec in PART_SPECS for keys in spec.links.values() for target in keys}
    | {spec.key for spec in PART_SPECS if spec.links and spec.kind is Kind.ROWS}
)


class FieldKind(StrEnum):
    """What a row field holds, which decides how it is typed and how it reads."""

    TEXT = "text"
    LONG = "long"
    CHOICE = "select"
    LINK = "link"
    DATE = "date"
    MONEY = "money"
    INT = "int"
    NUMBER = "number"


@dataclass(frozen=True)
class FieldSpec:
    """One column of a table part, derived from its row model."""

    name: str
    kind: FieldKind
    options: type[StrEnum] | None = None
    low: Any = None
    high: Any = None
    default: Any = None


def base_type(annotation: Any) -> Any:
    """Return ``int`` for ``int | None`` and the like."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and args:
        return base_type(args[0])
    if typing.get_origin(annotation) is typing.Annotated:
        return base_type(args[0])
    return annotation


def bounds(info: FieldInfo) -> tuple[Any, Any]:
    """Return a number field's lowest and highest allowed value, wherever the model put them."""
    low = high = None
    metadata = list(info.metadata)
    for arg in typing.get_args(info.annotation):
        metadata.extend(getattr(arg, "__metadata__", ()))
    # ``Annotated[int, Field(ge=1)] | None`` keeps the bounds inside a nested FieldInfo.
    metadata += [
        inner for item in metadata if isinstance(item, FieldInfo) for inner in item.metadata
    ]
    for item in metadata:
        if isinstance(item, Ge):
            low = item.ge
        if isinstance(item, Le):
            high = item.le
    return low, high


def _field(spec: PartSpec, name: str, info: FieldInfo) -> FieldSpec:
    base = base_type(info.annotation)
    default = None if info.is_required() else info.get_default(call_default_factory=False)
    default = default.value if isinstance(default, StrEnum) else None
    if name in spec.links:
        return FieldSpec(name, FieldKind.LINK)
    if isinstance(base, type) and issubclass(base, StrEnum):
        return FieldSpec(name, FieldKind.CHOICE, options=base, default=default)
    if base is dt.date:
        return FieldSpec(name, FieldKind.DATE)
    if base is Decimal:
        return FieldSpec(name, FieldKind.MONEY)
    if base is int:
        low, high = bounds(info)
        return FieldSpec(name, FieldKind.INT, low=low, high=high)
    if base is float:
        return FieldSpec(name, FieldKind.NUMBER)
    long = any(getattr(item, "max_length", 0) == m.LONG_TEXT_MAX for item in info.metadata)
    return FieldSpec(name, FieldKind.LONG if long else FieldKind.TEXT)


def row_fields(key: str) -> list[FieldSpec]:
    """Return the fields a person sees in a table part, in the row model's order."""
    spec = PARTS[key]
    assert spec.row_model is not None
    return [
        _field(spec, name, info)
        for name, info in spec.row_model.model_fields.items()
        if name != "id"
    ]


def day(value: Any) -> dt.date | None:
    """Return a stored ISO date (or a date) as a date; None when there is none."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


@dataclass(frozen=True)
class Backlink:
    """A column listing the rows of another part that point at a row, e.g. a test's actions."""

    title: str
    cell: Callable[[dict[str, Any]], str]


class Reader:
    """Reads the parts of one brief as text: choices in words, links as row labels, nl_BE figures.

    A link reads "Actie 2 · Leegstandsbeheerder", on screens and in the document alike.
    """

    def __init__(self, brief: Brief, t: Translator):
        self.brief, self.t = brief, t
        self.labels = link_labels(brief, LINKED_PARTS, t)

    @functools.cached_property
    def themes(self) -> tuple[Theme, ...]:
        """The theme modules the brief shows, worked out once for all its tables."""
        return shown_themes(self.brief)

    def link(self, row_id: Any) -> str:
        if not row_id:
            return ""
        return self.labels.get(str(row_id), self.t("link.missing"))

    def cell(self, field: FieldSpec, value: Any, *, short_dates: bool = False) -> str:
        """Return one field's value as a person reads it; '' when it holds nothing."""
        if value is None or value == "":
            return ""
        if field.kind is FieldKind.LINK:
            return self.link(value)
        if field.kind is FieldKind.CHOICE:
            return self.t(f"enum.{value}")
        if field.kind is FieldKind.DATE:
            return (self.t.short_day if short_dates else self.t.day)(day(value))
        if field.kind is FieldKind.MONEY:
            return self.t.money(Decimal(str(value)))
        if field.kind is FieldKind.NUMBER:
            return self.t.number(value)
        return str(value)

    def headers(self, key: str) -> list[str]:
        """The column titles over the cells of ``rows``: an amount's cells carry the '€', so
        its title does not repeat it ('Budget', not 'Budget (€)' over '€ 25.000,00')."""
        return [
            self.t(f"col.{field.name}").removesuffix(" (€)")
            if field.kind is FieldKind.MONEY
            else self.t(f"col.{field.name}")
            for field in row_fields(key)
        ]

    def rows(self, key: str, value: Any, *, short_dates: bool = False) -> list[list[str]]:
        """Return a table part's rows as text cells, one per field.

        A field left empty shows what its theme module derives from the row, if anything
        (a vacancy category from 'vacant since'), marked as derived.
        """
        fields = row_fields(key)
        maker = DERIVED_CELLS.get(key)
        derive = maker(self.brief, self.t) if maker is not None else None
        lines = []
        for row in value or []:
            cells = [
                self.cell(field, row.get(field.name), short_dates=short_dates) for field in fields
            ]
            if derive is not None:
                derived = derive(row)
                cells = [c or derived.get(f.name, "") for c, f in zip(cells, fields, strict=True)]
            lines.append(cells)
        return lines

    def scalar(self, key: str, value: Any) -> str:
        """Return a text, choice or multi-choice part's value as one text."""
        spec = PARTS[key]
        if spec.kind is Kind.CHOICE:
            return self.t(f"enum.{value}") if value else ""
        if spec.kind is Kind.MULTI:
            if spec.options is not None:
                return ", ".join(self.t(f"enum.{item}") for item in value or [])
            return ", ".join(self.link(item) for item in value or [])
        if spec.kind is Kind.SKETCHES:
            return "\n".join(str(sketch.get("caption") or EMPTY_CELL) for sketch in value or [])
        return str(value or "")

    def backlinks(self, key: str) -> list[Backlink]:
        """Columns for the parts that point at ``key``'s rows: chosen (✓) and 'leads to'.

        One 'leads to' column names every row pointing here (an action, an instrument);
        a theme module the brief does not show adds nothing.
        """
        found: list[Backlink] = []
        pointing: list[tuple[PartSpec, str]] = []
        themes = self.themes
        for spec in PART_SPECS:
            if spec.theme is not None and spec.theme not in themes:
                continue
            for column, targets in spec.links.items():
                if key not in targets:
                    continue
                if spec.kind is Kind.MULTI:
                    found.append(Backlink(self.t(f"part.{spec.key}.title"), self._chosen(spec)))
                else:
                    pointing.append((spec, column))
        if pointing:
            found.append(Backlink(self.t("doc.leads_to"), self._leads_to(pointing)))
        return found

    def _chosen(self, spec: PartSpec) -> Callable[[dict[str, Any]], str]:
        chosen = set(self.brief.values(spec.key))
        return lambda row: "✓" if row["id"] in chosen else ""

    def _leads_to(self, sources: list[tuple[PartSpec, str]]) -> Callable[[dict[str, Any]], str]:
        pointing = [
            (other, column)
            for spec, column in sources
            for other in self.brief.part(spec.key).value or []
        ]

        def cell(row: dict[str, Any]) -> str:
            return ", ".join(
                "→\u00a0" + self.link(other["id"])
                for other, column in pointing
                if other.get(column) == row["id"]
            )

        return cell
