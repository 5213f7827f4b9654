"""Traceability: root cause → solution direction → test → action → objective."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from briefs import model as m
from briefs.brief import Brief
from briefs.content import root_cause_row
from briefs.parts import PARTS

_NAME_FIELDS = ("title", "name", "idea", "text", "indicator", "insight", "risk")


def row_name(row: m.Row) -> str:
    """Return the text that names a row for a person: its title or name, else its first text.

    A choice is not a name (it reads as a stored value); a row of choices only has none.
    """
    for name in _NAME_FIELDS:
        value = getattr(row, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    for name, value in row:
        is_text = isinstance(value, str) and not isinstance(value, StrEnum)
        if name != "id" and is_text and value.strip():
            return value.strip()
    return ""


def short(text: str, limit: int = 60) -> str:
    """Return ``text`` on one line, cut at ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def part_rows(brief: Brief, key: str) -> list[m.Row]:
    row_model = PARTS[key].row_model
    assert row_model is not None
    return list(brief.rows(key, row_model))


def root_cause(brief: Brief) -> str:
    """Return the text of the brief's root cause: its last filled-in why, or ''."""
    row = root_cause_row(brief.part("challenge.whys").value or [])
    return str(row["text"]).strip() if row else ""


def link_labels(brief: Brief, part_keys: Iterable[str], t: Callable[..., str]) -> dict[str, str]:
    """Return id → label for every row of ``part_keys``, e.g. 'Richting 2 · Leegstandsbeheerder'.

    One rule for screens and the document: a number and a name, never a number alone, so a
    reader needs not look the number up. SWOT items read 'Z2 · …', as the grid numbers them.
    """
    labels: dict[str, str] = {}
    for key in part_keys:
        root = root_cause_row(brief.part(key).value or []) if key == "challenge.whys" else None
        for number, row in enumerate(part_rows(brief, key), start=1):
            prefix = t(f"link.{key}", n=number)
            if root is not None and row.id == root["id"]:
                prefix = t("link.root_cause")
            name = short(row_name(row))
            labels[row.id] = f"{prefix} · {name}" if name else prefix
    return labels


@dataclass(frozen=True)
class Chain:
    """One line of traceability; a missing link is None."""

    origin: str | None
    direction: str
    test: str | None
    action: str | None
    objective: str | None


def chains(brief: Brief, t: Callable[..., str]) -> list[Chain]:
    """Follow every solution direction through tests and actions to objectives."""
    origins = link_labels(brief, PARTS["explore.directions"].links["answers"], t)
    directions = brief.rows("explore.directions", m.Direction)
    tests = brief.rows("prototype.tests", m.PrototypeTest)
    actions = brief.rows("roadmap.actions", m.Action)
    objectives = link_labels(brief, ["roadmap.objectives"], t)
    test_labels = link_labels(brief, ["prototype.tests"], t)
    direction_labels = link_labels(brief, ["explore.directions"], t)
    action_labels = link_labels(brief, ["roadmap.actions"], t)
    result: list[Chain] = []
    for direction in directions:
        origin = origins.get(direction.answers or "")
        direction_tests = [test for test in tests if test.direction == direction.id]
        if not direction_tests:
            result.append(Chain(origin, direction_labels[direction.id], None, None, None))
        for test in direction_tests:
            test_actions = [action for action in actions if action.test == test.id]
            if not test_actions:
                result.append(
                    Chain(origin, direction_labels[direction.id], test_labels[test.id], None, None)
                )
            for action in test_actions:
                result.append(
                    Chain(
                        origin,
                        direction_labels[direction.id],
                        test_labels[test.id],
                        action_labels[action.id],
                        objectives.get(action.objective or ""),
                    )
                )
    return result
