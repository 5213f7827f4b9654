"""How far a brief is filled in, per step."""

from __future__ import annotations

from collections.abc import Sequence

from briefs.brief import Brief
from briefs.parts import PARTS, PROGRESS_PARTS, parts_of_step
from briefs.steps import STEPS


def step_progress(brief: Brief) -> dict[int, float]:
    """Return, per step, the share of its parts that hold something (0.0 – 1.0).

    The collegenota and the theme modules are optional: a brief without them is complete,
    so their parts do not count.
    """
    progress: dict[int, float] = {}
    for step in STEPS:
        specs = [spec for spec in parts_of_step(step) if spec.key in PROGRESS_PARTS]
        filled = sum(1 for spec in specs if brief.is_filled(spec.key))
        progress[step] = filled / len(specs) if specs else 0.0
    return progress


def started_steps(brief: Brief) -> set[int]:
    """The steps in which anything is filled in, a theme module's or the collegenota's too."""
    return {step for step in STEPS if any(brief.is_filled(s.key) for s in parts_of_step(step))}


def fullest(briefs: Sequence[Brief]) -> Brief | None:
    """Return the brief with the most parts filled in (the first of equals), or None.

    A sample of a house style needs text to judge the style by: an empty brief shows little.
    """
    best: Brief | None = None
    best_filled = -1
    for brief in briefs:
        filled = sum(1 for key in PARTS if brief.is_filled(key))
        if filled > best_filled:
            best, best_filled = brief, filled
    return best
