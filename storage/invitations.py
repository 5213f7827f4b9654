"""One-time codes: invitations to join a trajectory and links to set a new password."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select, update

from briefs.access import (
    INVITATION_VALIDITY,
    RESET_VALIDITY,
    Principal,
    can_manage_trajectory,
    can_reset_password,
)
from briefs.model import one_line_name
from core.security import digest, new_token
from storage.audit import AuditLog
from storage.db import Database
from storage.people import AccountRefused, Clock, normalise_email, system_clock
from storage.repository import NotFound, utc
from storage.tables import MembershipRow, OneTimeCodeRow

MAX_MUNICIPALITIES = 10


class CodeRefused(Exception):
    """An invitation or reset code that cannot be used; ``reason`` is for the message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class InvitationStore:
    """Invitations and password-reset codes; only a code's digest is stored."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock
        self.audit = AuditLog(db, clock)

    def invite(
        self,
        actor: Principal,
        trajectory_id: int,
        municipality: str,
        email: str = "",
        client: str = "",
    ) -> str:
        """Return a one-time invitation code for a participant of ``municipality``."""
        if not can_manage_trajectory(actor, trajectory_id):
            raise NotFound(trajectory_id)
        municipality = one_line_name(municipality)
        if not municipality:
            raise AccountRefused("municipality_missing")
        if not self.room_for(trajectory_id, municipality):
            raise AccountRefused("trajectory_full")
        code = self._new_code(
            "invitation",
            actor,
            INVITATION_VALIDITY,
            trajectory_id=trajectory_id,
            municipality=municipality,
            email=normalise_email(email) if email else "",
        )
        self.audit.record(
            actor.email, "invitation", f"{municipality} ({trajectory_id}) {email}".strip(), client
        )
        return code

    def request_reset(
        self, actor: Principal, target: Principal | None, email: str, client: str = ""
    ) -> str:
        """Return a one-time code to set ``target``'s password, if ``actor`` may reset it."""
        if target is None or not can_reset_password(actor, target):
            raise NotFound(email)
        code = self._new_code(
            "reset",
            actor,
            RESET_VALIDITY,
            person_id=target.person_id,
            municipality="",
            email=target.email,
        )
        self.audit.record(actor.email, "password_reset_requested", target.email, client)
        return code

    def invitation(self, code: str) -> tuple[int, str, str]:
        """Return the trajectory id, municipality and e-mail an unused invitation is for."""
        row = self.usable(code, "invitation")
        assert row.trajectory_id is not None
        return row.trajectory_id, one_line_name(row.municipality), row.email

    def usable(self, code: str, purpose: str) -> OneTimeCodeRow:
        """Return the code's row, or raise CodeRefused saying why it cannot be used."""
        with self.db.connect() as connection:
            row = connection.execute(
                select(OneTimeCodeRow).where(
                    OneTimeCodeRow.code_hash == digest(code), OneTimeCodeRow.purpose == purpose
                )
            ).first()
        if row is None:
            raise CodeRefused("unknown")
        if row.used_at is not None:
            raise CodeRefused("used")
        if utc(row.expires_at) < self.clock():
            raise CodeRefused("expired")
        return row  # type: ignore[return-value]

    def pending_invitation(self, email: str) -> OneTimeCodeRow | None:
        """An unused, unexpired invitation addressed to ``email`` (for single sign-on)."""
        with self.db.connect() as connection:
            row = connection.execute(
                select(OneTimeCodeRow).where(
                    OneTimeCodeRow.purpose == "invitation",
                    OneTimeCodeRow.email == normalise_email(email),
                    OneTimeCodeRow.used_at.is_(None),
                    OneTimeCodeRow.expires_at > self.clock(),
                )
            ).first()
        return row  # type: ignore[return-value]

    def claim(self, row_id: int) -> None:
        """Mark a code used; raise CodeRefused when someone used it first."""
        with self.db.begin() as connection:
            claimed = connection.execute(
                update(OneTimeCodeRow)
                .where(OneTimeCodeRow.id == row_id, OneTimeCodeRow.used_at.is_(None))
                .values(used_at=self.clock())
            ).rowcount
        if not claimed:
            raise CodeRefused("used")

    def withdraw(self, code: str) -> None:
        """Make a code unusable, for one whose mail could not be sent."""
        with self.db.begin() as connection:
            connection.execute(
                update(OneTimeCodeRow)
                .where(OneTimeCodeRow.code_hash == digest(code), OneTimeCodeRow.used_at.is_(None))
                .values(used_at=self.clock())
            )

    def room_for(self, trajectory_id: int, municipality: str) -> bool:
        """A trajectory takes at most ten municipalities; colleagues of a member always fit."""
        with self.db.connect() as connection:
            members = set(
                connection.execute(
                    select(MembershipRow.municipality).where(
                        MembershipRow.trajectory_id == trajectory_id
                    )
                ).scalars()
            )
        return municipality in members or len(members) < MAX_MUNICIPALITIES

    def _new_code(self, purpose: str, actor: Principal, valid: timedelta, **fields: object) -> str:
        """Store a new one-time code (only its digest) and return the code itself."""
        code = new_token(24)
        now = self.clock()
        with self.db.begin() as connection:
            connection.execute(
                insert(OneTimeCodeRow).values(
                    code_hash=digest(code),
                    purpose=purpose,
                    created_by=actor.person_id or None,
                    created_at=now,
                    expires_at=now + valid,
                    **fields,
                )
            )
        return code
