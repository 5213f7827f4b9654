"""What a theme module declares: its parts, sections, words, points of attention, figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefs import model as m
from briefs.part_spec import Kind, PartSpec, SectionSpec, part_spec

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

# A point of attention found by a module: the part, the check's code (its words are
# ``check.<code>``) and the values its words name.
Finding = tuple[str, str, dict[str, str]]
DerivedCells = Callable[["Brief", "Translator"], Callable[[dict[str, Any]], dict[str, str]]]


def finding(key: str, code: str, **params: str) -> Finding:
    """A point of attention on part ``key``; name ``code`` as a literal (tests read it)."""
    return (key, code, params)


def _no_findings(brief: Brief) -> list[Finding]:
    return []


def _no_argument(brief: Brief, t: Translator) -> str:
    return ""


@dataclass(frozen=True)
class ThemeModule:
    theme: m.Theme
    parts: tuple[PartSpec, ...]
    sections: tuple[SectionSpec, ...]
    words: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The module's points of attention on a brief (briefs/checks.py adds their step).
    checks: Callable[[Brief], list[Finding]] = _no_findings
    # A few sentences for the collegenota's argumentation, from the module's figures; "" none.
    argument: Callable[[Brief, Translator], str] = _no_argument
    # Demo content: (trajectory number, municipality) -> {part key: value}, seeded into that
    # municipality's brief in that trajectory (briefs/demo.py has the programme's people).
    demo: dict[tuple[int, str], dict[str, Any]] = field(default_factory=dict)
    # Cells a reader sees where a row leaves a field empty and the module knows its value
    # from the row's other fields (a vacancy category from 'vacant since'): per part key, a
    # maker that, given the brief, returns what to show per row, by field name.
    derived: dict[str, DerivedCells] = field(default_factory=dict)


def theme_part(theme: m.Theme, name: str, kind: Kind, step: int, **extra: Any) -> PartSpec:
    """Declare one part of a theme module: key ``<theme>.<name>``, shown in ``step``."""
    return part_spec(f"{theme.value}.{name}", kind, step=step, theme=theme, **extra)


def theme_section(key: str, first_part: str, step: int, after: str) -> SectionSpec:
    """A tab of a step page holding a module's parts, placed after the step's tab ``after``."""
    return SectionSpec(key, first_part, theme_step=step, after=after)
