"""The parts a brief is made of: their step, kind, type and validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from briefs import model as m

STEPS = (1, 2, 3, 4)
# The ValueErrors our own validators raise, each with its message in the catalogue.
NAMED_VALUE_ERRORS = ("web_address", "date_range")


class Kind(StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    MULTI = "multi"
    ROWS = "rows"
    SKETCHES = "sketches"


@dataclass(frozen=True)
class PartSpec:
    """What one part of a brief holds and how it is edited."""

    key: str
    step: int
    kind: Kind
    row_model: type[m.Row] | None = None
    options: type[StrEnum] | None = None
    # Columns that hold the id of a row in other parts, e.g. an action's objective.
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)

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


def _spec(key: str, kind: Kind, **extra: Any) -> PartSpec:
    step = {"challenge": 1, "explore": 2, "prototype": 3, "roadmap": 4}[key.split(".")[0]]
    return PartSpec(key=key, step=step, kind=kind, **extra)


WHY_AND_SWOT = (
    "challenge.whys",
    "challenge.swot_strengths",
    "challenge.swot_weaknesses",
    "challenge.swot_opportunities",
    "challenge.swot_threats",
)

PART_SPECS: tuple[PartSpec, ...] = (
    _spec("challenge.context", Kind.LONG_TEXT),
    _spec("challenge.problem", Kind.LONG_TEXT),
    _spec("challenge.key_figures", Kind.ROWS, row_model=m.KeyFigure),
    _spec("challenge.stakeholders", Kind.ROWS, row_model=m.Stakeholder),
    _spec("challenge.scope_in", Kind.LONG_TEXT),
    _spec("challenge.scope_out", Kind.LONG_TEXT),
    _spec("challenge.goal", Kind.LONG_TEXT),
    _spec("challenge.means", Kind.LONG_TEXT),
    _spec("challenge.whys", Kind.ROWS, row_model=m.Why),
    _spec("challenge.question", Kind.SHORT_TEXT),
    _spec("challenge.support_lead", Kind.SHORT_TEXT),
    _spec("challenge.support_mat", Kind.CHOICE, options=m.SupportLevel),
    _spec("challenge.support_cbs", Kind.CHOICE, options=m.SupportLevel),
    _spec("challenge.departments", Kind.MULTI, options=m.Department),
    _spec("challenge.swot_strengths", Kind.ROWS, row_model=m.TextItem),
    _spec("challenge.swot_weaknesses", Kind.ROWS, row_model=m.TextItem),
    _spec("challenge.swot_opportunities", Kind.ROWS, row_model=m.TextItem),
    _spec("challenge.swot_threats", Kind.ROWS, row_model=m.TextItem),
    _spec("challenge.success_criteria", Kind.ROWS, row_model=m.TextItem),
    _spec("explore.what_if", Kind.ROWS, row_model=m.TextItem),
    _spec("explore.expert_insights", Kind.ROWS, row_model=m.ExpertInsight),
    _spec("explore.peer_insights", Kind.ROWS, row_model=m.PeerInsight),
    _spec("explore.practices", Kind.ROWS, row_model=m.GoodPractice),
    _spec(
        "explore.directions",
        Kind.ROWS,
        row_model=m.Direction,
        links={"answers": WHY_AND_SWOT},
    ),
    _spec("prototype.chosen", Kind.MULTI, links={"": ("explore.directions",)}),
    _spec(
        "prototype.tests",
        Kind.ROWS,
        row_model=m.PrototypeTest,
        links={"direction": ("explore.directions",)},
    ),
    _spec("prototype.sketches", Kind.SKETCHES, row_model=m.Sketch),
    _spec("prototype.feedback", Kind.ROWS, row_model=m.StakeholderFeedback),
    _spec("roadmap.objectives", Kind.ROWS, row_model=m.Objective),
    _spec(
        "roadmap.actions",
        Kind.ROWS,
        row_model=m.Action,
        links={"objective": ("roadmap.objectives",), "test": ("prototype.tests",)},
    ),
    _spec("roadmap.milestones", Kind.ROWS, row_model=m.Milestone),
    _spec("roadmap.plan_link", Kind.SHORT_TEXT),
    _spec("roadmap.budget_line", Kind.SHORT_TEXT),
    _spec("roadmap.decisions", Kind.ROWS, row_model=m.DecisionStep),
    _spec("roadmap.successor", Kind.SHORT_TEXT),
    _spec("roadmap.risks", Kind.ROWS, row_model=m.Risk),
    _spec("roadmap.summary", Kind.LONG_TEXT),
)

PARTS: dict[str, PartSpec] = {spec.key: spec for spec in PART_SPECS}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    spec.key: TypeAdapter(spec.annotation) for spec in PART_SPECS
}


def parts_of_step(step: int) -> list[PartSpec]:
    """List the parts of one step in the order they are shown."""
    return [spec for spec in PART_SPECS if spec.step == step]


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


def _problem(error: Any, kind: Kind) -> Problem:
    location = [part for part in error["loc"] if not isinstance(part, str) or part]
    row = next((p for p in location if isinstance(p, int)), None) if kind is Kind.ROWS else None
    column = next((p for p in location if isinstance(p, str)), None)
    context = error.get("ctx") or {}
    limit = next(
        (context[k] for k in ("max_length", "le", "ge", "min_length") if k in context), None
    )
    rule = error["type"]
    if rule == "value_error" and str(context.get("error", "")) in NAMED_VALUE_ERRORS:
        rule = str(context.get("error"))
    # pydantic reports "too_long" both for a list with too many rows (field_type "List") and
    # for text whose max_length is checked after a validator (field_type "Value"): only the
    # first is the row-count rule, which concerns the whole list rather than a row or column.
    if rule == "too_long" and context.get("field_type") != "List":
        rule = "string_too_long"
    if rule == "too_long":
        row, column = None, None
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
