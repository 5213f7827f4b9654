"""How far a brief is filled in, per step."""

from __future__ import annotations

from briefs.brief import Brief
from briefs.parts import parts_of_step
from briefs.steps import STEPS


def step_progress(brief: Brief) -> dict[int, float]:
    """Return, per step, the share of its parts that hold something (0.0 – 1.0)."""
    progress: dict[int, float] = {}
    for step in STEPS:
        specs = parts_of_step(step)
        filled = sum(1 for spec in specs if brief.is_filled(spec.key))
        progress[step] = filled / len(specs) if specs else 0.0
    return progress
