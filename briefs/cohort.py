"""Where each municipality of a cohort stands: step statuses, the coach's matrix, progress."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from briefs.brief import Brief
from briefs.checks import run_checks
from briefs.feedback import Feedback, unread_per_step
from briefs.progress import started_steps, step_progress
from briefs.steps import STEPS


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    READY = "ready"
    REVIEWED = "reviewed"


MARKS = (StepStatus.READY, StepStatus.REVIEWED)


def step_statuses(brief: Brief, marks: dict[int, str]) -> dict[int, StepStatus]:
    """A mark wins; otherwise a step is in progress as soon as any part holds something
    (a theme module's too, though the progress does not count those)."""
    started = started_steps(brief)
    statuses = {}
    for step in STEPS:
        mark = marks.get(step, "")
        if mark in {status.value for status in MARKS}:
            statuses[step] = StepStatus(mark)
        else:
            statuses[step] = StepStatus.IN_PROGRESS if step in started else StepStatus.NOT_STARTED
    return statuses


@dataclass(frozen=True)
class CohortRow:
    """One municipality in the coach's matrix."""

    brief_id: int
    municipality: str
    statuses: dict[int, StepStatus]
    progress: dict[int, float]
    open_checks: int
    unread: int
    last_change: datetime | None


def cohort_rows(
    briefs: Sequence[Brief],
    marks: dict[int, dict[int, str]],
    feedback: Sequence[Feedback],
    reads: dict[int, datetime],
    reader_id: int,
) -> list[CohortRow]:
    """Build the matrix from data read in bulk: no query per cell."""
    rows = []
    for brief in sorted(briefs, key=lambda b: b.municipality):
        own = [item for item in feedback if item.brief_id == brief.id]
        rows.append(
            CohortRow(
                brief.id,
                brief.municipality,
                step_statuses(brief, marks.get(brief.id, {})),
                step_progress(brief),
                len(run_checks(brief)),
                sum(unread_per_step(own, reader_id, reads.get(brief.id)).values()),
                brief.last_saved(),
            )
        )
    return rows


def readiness(rows: Sequence[CohortRow], step: int) -> tuple[int, int]:
    """How many municipalities have the step ready (or reviewed), out of all."""
    ready = sum(1 for row in rows if row.statuses[step] in MARKS)
    return ready, len(rows)


# Half of a step filled in: below that, and not marked ready, a municipality is behind.
BEHIND_BELOW = 0.5


def behind(row: CohortRow, step: int) -> bool:
    """Whether a municipality is behind for a workshop on ``step``.

    Behind: that step is neither marked ready (or reviewed) nor half filled in, or an earlier
    step was never started.
    """
    if row.statuses[step] in MARKS:
        return False
    earlier_untouched = any(
        row.statuses[earlier] is StepStatus.NOT_STARTED for earlier in STEPS if earlier < step
    )
    return row.progress[step] < BEHIND_BELOW or earlier_untouched


@dataclass(frozen=True)
class CohortProgress:
    count: int
    averages: dict[int, float]


def programme_progress(briefs: Sequence[Brief]) -> dict[int, CohortProgress]:
    """Per trajectory id: how many briefs, and their average progress per step."""
    totals: dict[int, list[dict[int, float]]] = {}
    for brief in briefs:
        totals.setdefault(brief.trajectory_id, []).append(step_progress(brief))
    return {
        trajectory_id: CohortProgress(
            len(shares),
            {step: sum(share[step] for share in shares) / len(shares) for step in STEPS},
        )
        for trajectory_id, shares in totals.items()
    }
