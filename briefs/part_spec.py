"""What a part of a brief is: its kind, how it is laid out and written, declared as data.

``briefs/parts.py`` declares the brief's own parts with these, and every theme module
(``briefs/themes/``) its parts, so that both are drawn, checked and exported alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from briefs import model as m
from briefs.steps import step_of_part


class Kind(StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    MULTI = "multi"
    ROWS = "rows"
    SKETCHES = "sketches"


class ExportForm(StrEnum):
    """How a part is written in the Word document."""

    TEXT = "text"  # its title as a heading, then the text
    LINKS = "links"  # its title, then the labels of the rows it points to
    TABLE = "table"  # a numbered table, one column per field
    WIDE_TABLE = "wide_table"  # the same on a landscape page
    BULLETS = "bullets"  # one bullet per row
    NUMBERED = "numbered"  # a numbered list; the root cause is named
    CARDS = "cards"  # one small two-column table per row: too many fields for one table
    FIGURES = "figures"  # images with numbered captions
    VALUE = "value"  # a choice or short value, only ever inside a group
    FRONT = "front"  # the summary, written before step 1
    NOTA = "nota"  # written in the collegenota (briefs/export/nota_doc.py), not in the brief
    NONE = "none"  # shapes the brief (e.g. its theme modules) and is written nowhere


@dataclass(frozen=True)
class GroupSpec:
    """Parts drawn together under one heading, side by side on screen."""

    key: str
    title_key: str
    # Parts per screen row, e.g. (2, 2) for the SWOT's quadrants.
    rows: tuple[int, ...]
    # "title": each part keeps its title and guidance; "field": only the field's own label.
    labels: Literal["title", "field"]
    # "parts": each part in its own form; "facts": one label/value table; "grid": a 2×2 grid.
    export: Literal["parts", "facts", "grid"]


@dataclass(frozen=True)
class Insight:
    """What the page derives from parts and shows after one: a chart or a notice."""

    name: str
    parts: tuple[str, ...]
    title_key: str | None = None
    # Written into the Word document too (as a table of periods, for the roadmap).
    exported: bool = False


@dataclass(frozen=True)
class PartSpec:
    """What one part of a brief holds, how it is edited, drawn and exported."""

    key: str
    step: int
    kind: Kind
    row_model: type[m.Row] | None = None
    options: type[StrEnum] | None = None
    # Columns that hold the id of a row in other parts, e.g. an action's objective.
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # An empty required part is a point of attention ("… is nog leeg").
    required: bool = False
    group: str | None = None
    export: ExportForm = ExportForm.TEXT
    # Height of a text field on screen, in pixels; None: the default for its place.
    height: int | None = None
    insight: Insight | None = None
    # Columns of a table too wide for about 800 px, shown with their label on a second line
    # under each row instead of as columns of their own.
    details: tuple[str, ...] = ()
    # The theme module the part belongs to; None for the parts every brief has.
    theme: m.Theme | None = None
    # The most rows a table part holds: an inventory (a city's vacant buildings) may need more.
    max_rows: int = m.MAX_ROWS

    @property
    def annotation(self) -> Any:
        if self.kind is Kind.SHORT_TEXT:
            return m.ShortText
        if self.kind is Kind.LONG_TEXT:
            return m.LongText
        if self.kind is Kind.CHOICE:
            assert self.options is not None
            return self.options | None
        if self.kind is Kind.MULTI:
            if self.options is not None:
                return list[self.options]  # type: ignore[name-defined]
            return list[m.RowId]
        assert self.row_model is not None
        return m.rows(self.row_model, self.max_rows)

    @property
    def empty(self) -> Any:
        if self.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
            return ""
        if self.kind is Kind.CHOICE:
            return None
        return []


def _default_export(kind: Kind, row_model: type[m.Row] | None) -> ExportForm:
    if kind is Kind.ROWS:
        assert row_model is not None
        fields = [name for name in row_model.model_fields if name != "id"]
        return ExportForm.BULLETS if fields == ["text"] else ExportForm.TABLE
    if kind is Kind.SKETCHES:
        return ExportForm.FIGURES
    if kind is Kind.MULTI:
        return ExportForm.LINKS
    if kind is Kind.CHOICE:
        return ExportForm.VALUE
    return ExportForm.TEXT


def part_spec(key: str, kind: Kind, step: int | None = None, **extra: Any) -> PartSpec:
    """Declare a part; its step follows from its key (``challenge.…``) unless given."""
    extra.setdefault("export", _default_export(kind, extra.get("row_model")))
    return PartSpec(key=key, step=step or step_of_part(key), kind=kind, **extra)


@dataclass(frozen=True)
class SectionSpec:
    """A run of a step's parts shown together under one tab of the step page.

    A section holds its first part and every part after it up to the next section, so a part
    added to a step joins the section it is declared in. ``key`` is in the page's address
    (``?deel=situatie``), in the users' language like the step's own address.
    """

    key: str
    first_part: str
    # A theme module's section names its step (its parts' keys do not) and the section of
    # the step it follows; the brief's own sections take their step from their first part.
    theme_step: int | None = None
    after: str | None = None

    @property
    def step(self) -> int:
        return self.theme_step or step_of_part(self.first_part)

    @property
    def theme(self) -> m.Theme | None:
        prefix = self.first_part.split(".", 1)[0]
        return m.Theme(prefix) if prefix in set(m.Theme) else None

    @property
    def title_key(self) -> str:
        return f"step_section.{self.key}"
