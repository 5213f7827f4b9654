"""The shape of a brief, declared once: its parts, their kind, layout, export and validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from briefs import model as m
from briefs.steps import step_of_part

# The ValueErrors our own validators raise, each with its message in the catalogue.
NAMED_VALUE_ERRORS = ("web_address", "date_range")


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
        return m.rows(self.row_model)

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


def _spec(key: str, kind: Kind, **extra: Any) -> PartSpec:
    extra.setdefault("export", _default_export(kind, extra.get("row_model")))
    return PartSpec(key=key, step=step_of_part(key), kind=kind, **extra)


GROUPS: dict[str, GroupSpec] = {
    group.key: group
    for group in (
        GroupSpec("scope", "section.scope", (2,), "title", "parts"),
        GroupSpec("goal_means", "section.goal_means", (2,), "title", "parts"),
        GroupSpec("support", "section.support", (3, 1), "field", "facts"),
        GroupSpec("swot", "part.challenge.swot.title", (2, 2), "title", "grid"),
        GroupSpec("anchoring", "section.anchoring", (2,), "field", "facts"),
    )
}


WHY_AND_SWOT = (
    "challenge.whys",
    "challenge.swot_strengths",
    "challenge.swot_weaknesses",
    "challenge.swot_opportunities",
    "challenge.swot_threats",
)

PART_SPECS: tuple[PartSpec, ...] = (
    _spec("challenge.context", Kind.LONG_TEXT, required=True),
    _spec("challenge.problem", Kind.LONG_TEXT, required=True),
    _spec("challenge.key_figures", Kind.ROWS, row_model=m.KeyFigure, required=True),
    _spec(
        "challenge.stakeholders",
        Kind.ROWS,
        row_model=m.Stakeholder,
        required=True,
        insight=Insight("stakeholder_chart", ("challenge.stakeholders",)),
    ),
    _spec("challenge.scope_in", Kind.LONG_TEXT, group="scope"),
    _spec("challenge.scope_out", Kind.LONG_TEXT, group="scope"),
    _spec("challenge.goal", Kind.LONG_TEXT, group="goal_means", required=True),
    _spec("challenge.means", Kind.LONG_TEXT, group="goal_means"),
    _spec(
        "challenge.whys",
        Kind.ROWS,
        row_model=m.Why,
        export=ExportForm.NUMBERED,
        insight=Insight("root_cause", ("challenge.whys",)),
    ),
    _spec("challenge.question", Kind.SHORT_TEXT, required=True),
    _spec("challenge.support_lead", Kind.SHORT_TEXT, group="support"),
    _spec("challenge.support_mat", Kind.CHOICE, options=m.SupportLevel, group="support"),
    _spec("challenge.support_cbs", Kind.CHOICE, options=m.SupportLevel, group="support"),
    _spec(
        "challenge.departments",
        Kind.MULTI,
        options=m.Department,
        group="support",
        export=ExportForm.VALUE,
    ),
    _spec("challenge.swot_strengths", Kind.ROWS, row_model=m.TextItem, group="swot"),
    _spec("challenge.swot_weaknesses", Kind.ROWS, row_model=m.TextItem, group="swot"),
    _spec("challenge.swot_opportunities", Kind.ROWS, row_model=m.TextItem, group="swot"),
    _spec("challenge.swot_threats", Kind.ROWS, row_model=m.TextItem, group="swot"),
    _spec("challenge.success_criteria", Kind.ROWS, row_model=m.TextItem, required=True),
    _spec("explore.what_if", Kind.ROWS, row_model=m.TextItem),
    _spec("explore.expert_insights", Kind.ROWS, row_model=m.ExpertInsight),
    _spec("explore.peer_insights", Kind.ROWS, row_model=m.PeerInsight),
    _spec("explore.practices", Kind.ROWS, row_model=m.GoodPractice),
    _spec(
        "explore.directions",
        Kind.ROWS,
        row_model=m.Direction,
        links={"answers": WHY_AND_SWOT},
        required=True,
        insight=Insight("impact_effort_chart", ("explore.directions",)),
    ),
    _spec("prototype.chosen", Kind.MULTI, links={"": ("explore.directions",)}, required=True),
    _spec(
        "prototype.tests",
        Kind.ROWS,
        row_model=m.PrototypeTest,
        links={"direction": ("explore.directions",)},
        required=True,
        export=ExportForm.CARDS,
    ),
    _spec("prototype.sketches", Kind.SKETCHES, row_model=m.Sketch),
    _spec("prototype.feedback", Kind.ROWS, row_model=m.StakeholderFeedback),
    _spec("roadmap.objectives", Kind.ROWS, row_model=m.Objective, required=True),
    _spec(
        "roadmap.actions",
        Kind.ROWS,
        row_model=m.Action,
        links={"objective": ("roadmap.objectives",), "test": ("prototype.tests",)},
        required=True,
        export=ExportForm.WIDE_TABLE,
    ),
    _spec(
        "roadmap.milestones",
        Kind.ROWS,
        row_model=m.Milestone,
        insight=Insight(
            "roadmap_chart",
            ("roadmap.actions", "roadmap.milestones"),
            title_key="chart.timeline",
            exported=True,
        ),
    ),
    _spec("roadmap.plan_link", Kind.SHORT_TEXT, group="anchoring"),
    _spec("roadmap.budget_line", Kind.SHORT_TEXT, group="anchoring"),
    _spec("roadmap.decisions", Kind.ROWS, row_model=m.DecisionStep),
    _spec("roadmap.successor", Kind.SHORT_TEXT),
    _spec("roadmap.risks", Kind.ROWS, row_model=m.Risk),
    _spec("roadmap.summary", Kind.LONG_TEXT, required=True, height=220, export=ExportForm.FRONT),
    # The collegenota: the decision the college is asked to take, written in front of the
    # brief when the participant asks for it. Optional, so none is required.
    _spec("roadmap.nota_subject", Kind.SHORT_TEXT, export=ExportForm.NOTA),
    _spec("roadmap.nota_context", Kind.LONG_TEXT, height=220, export=ExportForm.NOTA),
    _spec("roadmap.nota_legal", Kind.LONG_TEXT, export=ExportForm.NOTA),
    _spec("roadmap.nota_advice", Kind.ROWS, row_model=m.Advice, export=ExportForm.NOTA),
    _spec("roadmap.nota_arguments", Kind.LONG_TEXT, height=220, export=ExportForm.NOTA),
    _spec("roadmap.nota_visum", Kind.CHOICE, options=m.YesNo, export=ExportForm.NOTA),
    _spec("roadmap.nota_articles", Kind.ROWS, row_model=m.TextItem, export=ExportForm.NOTA),
)
NOTA_PARTS: tuple[str, ...] = tuple(
    spec.key for spec in PART_SPECS if spec.export is ExportForm.NOTA
)

PARTS: dict[str, PartSpec] = {spec.key: spec for spec in PART_SPECS}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    spec.key: TypeAdapter(spec.annotation) for spec in PART_SPECS
}


REQUIRED_PARTS: tuple[str, ...] = tuple(spec.key for spec in PART_SPECS if spec.required)


def parts_of_step(step: int) -> list[PartSpec]:
    """List the parts of one step in the order they are shown."""
    return [spec for spec in PART_SPECS if spec.step == step]


def parts_of_group(group: str) -> list[PartSpec]:
    return [spec for spec in PART_SPECS if spec.group == group]


@dataclass(frozen=True)
class Group:
    """A group of parts as it appears in a step: its declaration and its parts, in order."""

    spec: GroupSpec
    parts: tuple[PartSpec, ...]


def step_layout(step: int) -> list[PartSpec | Group]:
    """Return a step's parts in order, the parts of a group gathered where its first one is."""
    layout: list[PartSpec | Group] = []
    for spec in parts_of_step(step):
        if spec.group is None:
            layout.append(spec)
        elif not any(isinstance(item, Group) and item.spec.key == spec.group for item in layout):
            layout.append(Group(GROUPS[spec.group], tuple(parts_of_group(spec.group))))
    return layout


@dataclass(frozen=True)
class SectionSpec:
    """A run of a step's parts shown together under one tab of the step page.

    A section holds its first part and every part after it up to the next section, so a part
    added to a step joins the section it is declared in. ``key`` is in the page's address
    (``?deel=situatie``), in the users' language like the step's own address.
    """

    key: str
    first_part: str

    @property
    def step(self) -> int:
        return step_of_part(self.first_part)

    @property
    def title_key(self) -> str:
        return f"step_section.{self.key}"


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("situatie", "challenge.context"),
    SectionSpec("betrokkenen", "challenge.stakeholders"),
    SectionSpec("afbakening", "challenge.scope_in"),
    SectionSpec("ontwerpvraag", "challenge.whys"),
    SectionSpec("draagvlak", "challenge.support_lead"),
    SectionSpec("swot", "challenge.swot_strengths"),
    SectionSpec("wat-als", "explore.what_if"),
    SectionSpec("inzichten", "explore.expert_insights"),
    SectionSpec("praktijken", "explore.practices"),
    SectionSpec("richtingen", "explore.directions"),
    SectionSpec("testopzet", "prototype.chosen"),
    SectionSpec("schetsen", "prototype.sketches"),
    SectionSpec("reacties", "prototype.feedback"),
    SectionSpec("acties", "roadmap.objectives"),
    SectionSpec("planning", "roadmap.milestones"),
    SectionSpec("verankering", "roadmap.plan_link"),
    SectionSpec("risicos", "roadmap.risks"),
    SectionSpec("samenvatting", "roadmap.summary"),
    SectionSpec("collegenota", "roadmap.nota_subject"),
)
SECTION_BY_KEY: dict[str, SectionSpec] = {section.key: section for section in SECTIONS}


def sections_of_step(step: int) -> list[SectionSpec]:
    return [section for section in SECTIONS if section.step == step]


def _sections_of_parts() -> dict[str, SectionSpec]:
    starts = {section.first_part: section for section in SECTIONS}
    found: dict[str, SectionSpec] = {}
    current: SectionSpec | None = None
    for spec in PART_SPECS:
        current = starts.get(spec.key, current)
        if current is None or current.step != spec.step:
            raise ValueError(f"{spec.key} is in no section of step {spec.step}")
        found[spec.key] = current
    return found


PART_SECTIONS: dict[str, SectionSpec] = _sections_of_parts()


def section_of(part_key: str) -> SectionSpec:
    """The section a part is shown in: the last one that starts at or before it."""
    return PART_SECTIONS[part_key]


def section_layout(section: SectionSpec) -> list[PartSpec | Group]:
    """The parts and groups of a step shown in one of its sections, in order."""
    return [
        item
        for item in step_layout(section.step)
        if section_of((item.parts[0] if isinstance(item, Group) else item).key) == section
    ]


def parts_read_by(spec: PartSpec) -> frozenset[str]:
    """The parts whose stored value drawing ``spec`` reads: itself, its links and its insight."""
    read = {spec.key, *(part for parts in spec.links.values() for part in parts)}
    if spec.insight is not None:
        read.update(spec.insight.parts)
    return frozenset(read)


def redrawn_after_saving(key: str, step: int) -> list[PartSpec | Group]:
    """The items of a step's layout that show something of part ``key`` and must be redrawn."""
    return [
        item
        for item in step_layout(step)
        if any(
            key in parts_read_by(spec)
            for spec in (item.parts if isinstance(item, Group) else (item,))
        )
    ]


@dataclass(frozen=True)
class Problem:
    """One reason a value was refused: where (row, column) and which rule."""

    rule: str
    row: int | None = None
    column: str | None = None
    limit: Any = None


class PartValidationError(ValueError):
    """A value breaks the rules of its part; ``problems`` says which."""

    def __init__(self, key: str, problems: list[Problem]):
        super().__init__(f"{key}: {problems}")
        self.key = key
        self.problems = problems


def _rule(error: Any) -> str:
    """Name the broken rule: pydantic's type, or our own validator's message."""
    context = error.get("ctx") or {}
    rule = str(error["type"])
    if rule == "value_error" and str(context.get("error", "")) in NAMED_VALUE_ERRORS:
        rule = str(context.get("error"))
    # pydantic reports "too_long" both for a list with too many rows (field_type "List") and
    # for text whose max_length is checked after a validator (field_type "Value"): only the
    # first is the row-count rule, which concerns the whole list rather than a row or column.
    if rule == "too_long" and context.get("field_type") != "List":
        rule = "string_too_long"
    return rule


def _problem(error: Any, kind: Kind) -> Problem:
    rule = _rule(error)
    if rule == "too_long":
        row, column = None, None
    else:
        location = [part for part in error["loc"] if not isinstance(part, str) or part]
        rows = kind is Kind.ROWS
        row = next((p for p in location if isinstance(p, int)), None) if rows else None
        column = next((p for p in location if isinstance(p, str)), None)
    context = error.get("ctx") or {}
    limit = next(
        (context[k] for k in ("max_length", "le", "ge", "min_length") if k in context), None
    )
    return Problem(rule=rule, row=row, column=column, limit=limit)


def validate_part(key: str, value: Any) -> Any:
    """Return ``value`` checked and normalised for part ``key``, as JSON-ready data."""
    spec = PARTS[key]
    adapter = _ADAPTERS[key]
    try:
        parsed = adapter.validate_python(value)
    except ValidationError as error:
        problems = [_problem(e, spec.kind) for e in error.errors()]
        raise PartValidationError(key, problems) from None
    return adapter.dump_python(parsed, mode="json")


def parse_part(key: str, value: Any) -> Any:
    """Return the stored JSON ``value`` of part ``key`` as model objects."""
    return _ADAPTERS[key].validate_python(value)
