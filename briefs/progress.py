"""How far a brief is filled in, per step."""

from __future__ import annotations

from briefs.brief import Brief
from briefs.parts import NOTA_PARTS, parts_of_step
from briefs.steps import STEPS


def step_progress(brief: Brief) -> dict[int, float]:
    """Return, per step, the share of its parts that hold something (0.0 – 1.0).

    The collegenota is optional: a brief without one is complete, so its parts do not count.
    """
    progress: dict[int, float] = {}
    for step in STEPS:
        specs = [spec for spec in parts_of_step(step) if spec.key not in NOTA_PARTS]
        filled = sum(1 for spec in specs if brief.is_filled(spec.key))
        progress[step] = filled / len(specs) if specs else 0.0
    return progress
