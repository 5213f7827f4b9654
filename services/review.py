"""Step marks as a use case: who may mark a step is decided by briefs/access.py before storing."""

from __future__ import annotations

from briefs.access import Principal, can_mark_step
from briefs.cohort import StepStatus
from storage.feedback import FeedbackStore
from storage.repository import NotFound, SqlProgrammeStore


def mark_step(
    programme: SqlProgrammeStore,
    principal: Principal,
    brief_id: int,
    step: int,
    status: StepStatus | None,
) -> None:
    """Mark a step ready or reviewed, or clear its mark (``None``); NotFound when not allowed."""
    ref = programme.brief_ref(brief_id)
    if not can_mark_step(principal, ref, status):
        raise NotFound(brief_id)
    FeedbackStore(programme, principal).mark(brief_id, step, status)
