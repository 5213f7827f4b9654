"""How far a brief is filled in, per step."""

from __future__ import annotations

from briefs.brief import Brief
from briefs.content import has_content
from briefs.parts import PartSpec, parts_of_step
from briefs.steps import STEPS


def is_filled(brief: Brief, spec: PartSpec) -> bool:
    return has_content(spec.key, brief.part(spec.key).value)


def step_progress(brief: Brief) -> dict[int, float]:
    """Return, per step, the share of its parts that hold something (0.0 – 1.0)."""
    progress: dict[int, float] = {}
    for step in STEPS:
        specs = parts_of_step(step)
        filled = sum(1 for spec in specs if is_filled(brief, spec))
        progress[step] = filled / len(specs) if specs else 0.0
    return progress
