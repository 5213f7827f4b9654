"""Step marks as a use case: who may mark a step is decided by briefs/access.py before storing."""

from __future__ import annotations

from briefs.access import Principal, can_mark_step
from briefs.review import StepStatus
from storage.repository import NotFound, SqlProgrammeStore
from storage.review import ReviewStore


def mark_step(
    programme: SqlProgrammeStore,
    principal: Principal,
    brief_id: int,
    step: int,
    status: StepStatus | None,
) -> None:
    """Mark a step ready or reviewed, or clear its mark (``None``); NotFound when not allowed."""
    ref = programme.brief_ref(brief_id)
    if not can_mark_step(principal, ref, reviewing=status is StepStatus.REVIEWED):
        raise NotFound(brief_id)
    ReviewStore(programme, principal).mark(brief_id, step, status)
