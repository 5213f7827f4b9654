"""Feedback threads, step marks, read times and coaches' notes, behind briefs/access.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select, update

from briefs.access import (
    Principal,
    can_comment,
    can_keep_notes,
    can_mark_step,
    can_read_brief,
)
from briefs.cohort import StepStatus
from briefs.feedback import Feedback
from briefs.model import LONG_TEXT_MAX
from briefs.programme import BriefRef
from storage.repository import NotFound, SqlProgrammeStore, utc
from storage.tables import CoachNoteRow, FeedbackReadRow, FeedbackRow, StepMarkRow


class FeedbackRefused(ValueError):
    """Feedback that is empty or too long; ``reason`` is for the message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _check_body(body: str) -> None:
    if not body.strip():
        raise FeedbackRefused("empty")
    if len(body) > LONG_TEXT_MAX:
        raise FeedbackRefused("too_long")


class FeedbackStore:
    """What coaches and participants say about a brief, for one signed-in person."""

    def __init__(self, programme: SqlProgrammeStore, principal: Principal):
        self.programme = programme
        self.engine = programme.engine
        self.principal = principal

    def _check(
        self, brief_id: int, allowed: Callable[[Principal, BriefRef], bool] = can_read_brief
    ) -> None:
        # "Not yours" and "does not exist" give the same answer.
        if not allowed(self.principal, self.programme.brief_ref(brief_id)):
            raise NotFound(brief_id)

    def _readable(self, brief_ids: Sequence[int]) -> list[int]:
        for brief_id in brief_ids:
            self._check(brief_id)
        return list(brief_ids)

    # --- marks ----------------------------------------------------------------------------
    def marks(self, brief_ids: Sequence[int]) -> dict[int, dict[int, str]]:
        ids = self._readable(brief_ids)
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(StepMarkRow.brief_id, StepMarkRow.step, StepMarkRow.status).where(
                    StepMarkRow.brief_id.in_(ids)
                )
            ).all()
        found: dict[int, dict[int, str]] = {}
        for row in rows:
            found.setdefault(row.brief_id, {})[row.step] = row.status
        return found

    def mark(self, brief_id: int, step: int, status: StepStatus | None) -> None:
        """Participants mark a step ready (or take that back); coaches mark it reviewed."""
        self._check(brief_id, lambda principal, ref: can_mark_step(principal, ref, status))
        with self.engine.begin() as connection:
            connection.execute(
                delete(StepMarkRow).where(
                    StepMarkRow.brief_id == brief_id, StepMarkRow.step == step
                )
            )
            if status in (StepStatus.READY, StepStatus.REVIEWED):
                connection.execute(
                    insert(StepMarkRow).values(
                        brief_id=brief_id,
                        step=step,
                        status=status.value,
                        marked_by=self.principal.email,
                        marked_at=datetime.now(UTC),
                    )
                )

    # --- feedback -------------------------------------------------------------------------
    def feedback(self, brief_ids: Sequence[int]) -> list[Feedback]:
        ids = self._readable(brief_ids)
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(FeedbackRow).where(FeedbackRow.brief_id.in_(ids)).order_by(FeedbackRow.id)
            ).all()
        return [
            Feedback(
                r.id,
                r.brief_id,
                r.step,
                r.author_id,
                r.author_name,
                r.author_role,
                r.body,
                utc(r.created_at),
                r.resolved_at is not None,
            )
            for r in rows
        ]

    def add_feedback(self, brief_id: int, step: int, body: str) -> int:
        self._check(brief_id, can_comment)
        _check_body(body)
        with self.engine.begin() as connection:
            return int(
                connection.execute(
                    insert(FeedbackRow)
                    .values(
                        brief_id=brief_id,
                        step=step,
                        author_id=self.principal.person_id,
                        author_name=self.principal.name,
                        author_role=self.principal.role.value,
                        body=body,
                        created_at=datetime.now(UTC),
                    )
                    .returning(FeedbackRow.id)
                ).scalar_one()
            )

    def resolve(self, brief_id: int, step: int) -> None:
        """Mark the step's thread resolved; either side may do so."""
        self._check(brief_id, can_comment)
        with self.engine.begin() as connection:
            connection.execute(
                update(FeedbackRow)
                .where(
                    FeedbackRow.brief_id == brief_id,
                    FeedbackRow.step == step,
                    FeedbackRow.resolved_at.is_(None),
                )
                .values(resolved_at=datetime.now(UTC))
            )

    def mark_read(self, brief_id: int) -> None:
        self._check(brief_id)
        now = datetime.now(UTC)
        with self.engine.begin() as connection:
            updated = connection.execute(
                update(FeedbackReadRow)
                .where(
                    FeedbackReadRow.person_id == self.principal.person_id,
                    FeedbackReadRow.brief_id == brief_id,
                )
                .values(read_at=now)
            ).rowcount
            if not updated:
                connection.execute(
                    insert(FeedbackReadRow).values(
                        person_id=self.principal.person_id, brief_id=brief_id, read_at=now
                    )
                )

    def read_times(self, brief_ids: Sequence[int]) -> dict[int, datetime]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(FeedbackReadRow.brief_id, FeedbackReadRow.read_at).where(
                    FeedbackReadRow.person_id == self.principal.person_id,
                    FeedbackReadRow.brief_id.in_(list(brief_ids)),
                )
            ).all()
        return {row.brief_id: utc(row.read_at) for row in rows}

    # --- private notes --------------------------------------------------------------------
    def notes(self, trajectory_id: int, municipality: str) -> list[tuple[datetime, str, str]]:
        """The coaches' private notes on a municipality: (when, who, text); coaches only."""
        if not can_keep_notes(self.principal, trajectory_id):
            raise NotFound(trajectory_id)
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(CoachNoteRow)
                .where(
                    CoachNoteRow.trajectory_id == trajectory_id,
                    CoachNoteRow.municipality == municipality,
                )
                .order_by(CoachNoteRow.id)
            ).all()
        return [(utc(r.created_at), r.author_name, r.body) for r in rows]

    def add_note(self, trajectory_id: int, municipality: str, body: str) -> None:
        if not can_keep_notes(self.principal, trajectory_id):
            raise NotFound(trajectory_id)
        _check_body(body)
        with self.engine.begin() as connection:
            connection.execute(
                insert(CoachNoteRow).values(
                    trajectory_id=trajectory_id,
                    municipality=municipality,
                    author_name=self.principal.name,
                    body=body,
                    created_at=datetime.now(UTC),
                )
            )
