"""The shape of a brief, declared once: its parts, their kind, layout, export and validation."""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from briefs import model as m
from briefs.part_spec import (
    ExportForm,
    GroupSpec,
    Insight,
    Kind,
    PartSpec,
    SectionSpec,
    part_spec,
)
from briefs.themes import THEME_PARTS, THEME_SECTIONS

__all__ = ["ExportForm", "GroupSpec", "Insight", "Kind", "PartSpec", "SectionSpec"]

# The ValueErrors our own validators raise, each with its message in the catalogue.
NAMED_VALUE_ERRORS = ("web_address", "date_range", "time_window")


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
    # A cause of vacancy found in the vacancy module is a root cause a direction can answer.
    "vacancy.causes",
)

# The part where a participant adds theme modules beyond their trajectory's theme.
THEMES_PART = "challenge.themes"

_BRIEF_PARTS: tuple[PartSpec, ...] = (
    part_spec("challenge.context", Kind.LONG_TEXT, required=True),
    part_spec("challenge.problem", Kind.LONG_TEXT, required=True),
    part_spec("challenge.key_figures", Kind.ROWS, row_model=m.KeyFigure, required=True),
    # Shapes the brief rather than saying something in it: not written in the documents.
    part_spec(THEMES_PART, Kind.MULTI, options=m.Theme, export=ExportForm.NONE),
    part_spec(
        "challenge.stakeholders",
        Kind.ROWS,
        row_model=m.Stakeholder,
        required=True,
        insight=Insight("stakeholder_chart", ("challenge.stakeholders",)),
    ),
    part_spec("challenge.scope_in", Kind.LONG_TEXT, group="scope"),
    part_spec("challenge.scope_out", Kind.LONG_TEXT, group="scope"),
    part_spec("challenge.goal", Kind.LONG_TEXT, group="goal_means", required=True),
    part_spec("challenge.means", Kind.LONG_TEXT, group="goal_means"),
    part_spec(
        "challenge.whys",
        Kind.ROWS,
        row_model=m.Why,
        export=ExportForm.NUMBERED,
        insight=Insight("root_cause", ("challenge.whys",)),
    ),
    part_spec("challenge.question", Kind.SHORT_TEXT, required=True),
    part_spec("challenge.support_lead", Kind.SHORT_TEXT, group="support"),
    part_spec("challenge.support_mat", Kind.CHOICE, options=m.SupportLevel, group="support"),
    part_spec("challenge.support_cbs", Kind.CHOICE, options=m.SupportLevel, group="support"),
    part_spec(
        "challenge.departments",
        Kind.MULTI,
        options=m.Department,
        group="support",
        export=ExportForm.VALUE,
    ),
    part_spec("challenge.swot_strengths", Kind.ROWS, row_model=m.TextItem, group="swot"),
    part_spec("challenge.swot_weaknesses", Kind.ROWS, row_model=m.TextItem, group="swot"),
    part_spec("challenge.swot_opportunities", Kind.ROWS, row_model=m.TextItem, group="swot"),
    part_spec("challenge.swot_threats", Kind.ROWS, row_model=m.TextItem, group="swot"),
    part_spec("challenge.success_criteria", Kind.ROWS, row_model=m.TextItem, required=True),
    part_spec("explore.what_if", Kind.ROWS, row_model=m.TextItem),
    part_spec("explore.expert_insights", Kind.ROWS, row_model=m.ExpertInsight),
    part_spec("explore.peer_insights", Kind.ROWS, row_model=m.PeerInsight),
    part_spec("explore.practices", Kind.ROWS, row_model=m.GoodPractice),
    part_spec(
        "explore.directions",
        Kind.ROWS,
        row_model=m.Direction,
        links={"answers": WHY_AND_SWOT},
        required=True,
        insight=Insight("impact_effort_chart", ("explore.directions",)),
    ),
    part_spec("prototype.chosen", Kind.MULTI, links={"": ("explore.directions",)}, required=True),
    part_spec(
        "prototype.tests",
        Kind.ROWS,
        row_model=m.PrototypeTest,
        links={"direction": ("explore.directions",)},
        required=True,
        details=("assumption", "with_whom", "measure", "result", "lesson"),
        export=ExportForm.CARDS,
    ),
    part_spec("prototype.sketches", Kind.SKETCHES, row_model=m.Sketch),
    part_spec("prototype.feedback", Kind.ROWS, row_model=m.StakeholderFeedback),
    part_spec("roadmap.objectives", Kind.ROWS, row_model=m.Objective, required=True),
    part_spec(
        "roadmap.actions",
        Kind.ROWS,
        row_model=m.Action,
        links={"objective": ("roadmap.objectives",), "test": ("prototype.tests",)},
        required=True,
        details=("partners", "budget", "priority", "indicator", "test"),
        export=ExportForm.WIDE_TABLE,
    ),
    part_spec(
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
    part_spec("roadmap.plan_link", Kind.SHORT_TEXT, group="anchoring"),
    part_spec("roadmap.budget_line", Kind.SHORT_TEXT, group="anchoring"),
    part_spec("roadmap.decisions", Kind.ROWS, row_model=m.DecisionStep),
    part_spec("roadmap.successor", Kind.SHORT_TEXT),
    part_spec("roadmap.risks", Kind.ROWS, row_model=m.Risk),
    part_spec(
        "roadmap.summary", Kind.LONG_TEXT, required=True, height=220, export=ExportForm.FRONT
    ),
    # The collegenota: the decision the college is asked to take, written in front of the
    # brief when the participant asks for it. Optional, so none is required.
    part_spec("roadmap.nota_subject", Kind.SHORT_TEXT, export=ExportForm.NOTA),
    part_spec("roadmap.nota_context", Kind.LONG_TEXT, height=220, export=ExportForm.NOTA),
    part_spec("roadmap.nota_legal", Kind.LONG_TEXT, export=ExportForm.NOTA),
    part_spec("roadmap.nota_advice", Kind.ROWS, row_model=m.Advice, export=ExportForm.NOTA),
    part_spec("roadmap.nota_arguments", Kind.LONG_TEXT, height=220, export=ExportForm.NOTA),
    part_spec("roadmap.nota_visum", Kind.CHOICE, options=m.YesNo, export=ExportForm.NOTA),
    part_spec("roadmap.nota_articles", Kind.ROWS, row_model=m.TextItem, export=ExportForm.NOTA),
)
# The brief's own parts, then every theme module's (briefs/themes/), each in its own step.
PART_SPECS: tuple[PartSpec, ...] = _BRIEF_PARTS + THEME_PARTS
NOTA_PARTS: tuple[str, ...] = tuple(
    spec.key for spec in PART_SPECS if spec.export is ExportForm.NOTA
)

# The parts a step's progress counts: the brief's own, without the optional collegenota and
# without what only shapes the brief.
PROGRESS_PARTS: frozenset[str] = frozenset(
    spec.key for spec in _BRIEF_PARTS if spec.export not in (ExportForm.NOTA, ExportForm.NONE)
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


_BRIEF_SECTIONS: tuple[SectionSpec, ...] = (
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


def _with_theme_sections() -> tuple[SectionSpec, ...]:
    """The brief's sections, each followed by the theme modules' sections placed after it."""
    ordered: list[SectionSpec] = []
    for section in _BRIEF_SECTIONS:
        ordered.append(section)
        ordered += [theirs for theirs in THEME_SECTIONS if theirs.after == section.key]
    misplaced = set(THEME_SECTIONS) - set(ordered)
    assert not misplaced, f"theme sections after no section of the brief: {misplaced}"
    return tuple(ordered)


SECTIONS: tuple[SectionSpec, ...] = _with_theme_sections()
SECTION_BY_KEY: dict[str, SectionSpec] = {section.key: section for section in SECTIONS}


def sections_of_step(step: int, themes: Iterable[m.Theme] | None = None) -> list[SectionSpec]:
    """A step's sections in order; given the brief's ``themes``, only those modules' sections."""
    shown = None if themes is None else set(themes)
    return [
        section
        for section in SECTIONS
        if section.step == step
        and (shown is None or section.theme is None or section.theme in shown)
    ]


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


# Rows parsed once per content, for every session: each rerun loads the brief anew, and a
# 300-building inventory takes a millisecond to validate into models again. Keyed by a digest
# of the stored JSON (never by version: a brief made in memory may reuse one for other rows).
# The models are shared, so nobody may change them; nothing does (they are read, then dumped).
# Written here rather than with functools.lru_cache, which needs a hashable argument.
_PARSED: OrderedDict[tuple[str, bytes], tuple[Any, ...]] = OrderedDict()
_PARSED_LOCK = threading.Lock()
PARSED_KEPT = 256


def forget_parsed_rows() -> None:
    """Empty the parsed rows, as a fresh server has them (the benchmarks' first runs)."""
    with _PARSED_LOCK:
        _PARSED.clear()


def parse_rows(key: str, rows: list[Any]) -> tuple[Any, ...]:
    """Return the stored rows of part ``key`` as model objects, parsed once per content."""
    digest = hashlib.blake2b(pickle.dumps(rows, protocol=5), digest_size=16).digest()
    with _PARSED_LOCK:
        found = _PARSED.get((key, digest))
        if found is not None:
            _PARSED.move_to_end((key, digest))
            return found
    parsed = tuple(parse_part(key, rows))
    with _PARSED_LOCK:
        _PARSED[(key, digest)] = parsed
        while len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    return parsed
