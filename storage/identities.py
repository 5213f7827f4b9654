"""Single-sign-on identities linked to people, and the sign-ins that started a login session."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, insert, select

from core.security import digest
from storage.db import Database
from storage.people import Clock, system_clock
from storage.tables import SsoIdentityRow, SsoSignInRow

# Streamlit's identity cookie lives 30 days; a sign-in older than that cannot come back.
KEEP_SIGN_INS = timedelta(days=31)


class IdentityStore:
    """Links (issuer, subject) → person, and the sign-ins already turned into a login session."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def linked_person(self, issuer: str, subject: str) -> int | None:
        with self.db.connect() as connection:
            person_id = connection.execute(
                select(SsoIdentityRow.person_id).where(
                    SsoIdentityRow.issuer == issuer, SsoIdentityRow.subject == subject
                )
            ).scalar_one_or_none()
        return int(person_id) if person_id is not None else None

    def has_link(self, person_id: int, issuer: str) -> bool:
        """Whether the person already has an identity of this provider."""
        with self.db.connect() as connection:
            found = connection.execute(
                select(SsoIdentityRow.id).where(
                    SsoIdentityRow.person_id == person_id, SsoIdentityRow.issuer == issuer
                )
            ).first()
        return found is not None

    def link(self, person_id: int, issuer: str, subject: str) -> None:
        with self.db.begin() as connection:
            connection.execute(
                insert(SsoIdentityRow).values(
                    person_id=person_id, issuer=issuer, subject=subject, linked_at=self.clock()
                )
            )

    def links(self, person_id: int) -> list[tuple[str, str]]:
        """The (issuer, subject) pairs linked to a person."""
        with self.db.connect() as connection:
            rows = connection.execute(
                select(SsoIdentityRow.issuer, SsoIdentityRow.subject)
                .where(SsoIdentityRow.person_id == person_id)
                .order_by(SsoIdentityRow.id)
            ).all()
        return [(row.issuer, row.subject) for row in rows]

    def started(self, token: str) -> bool:
        """Whether this sign-in already started a login session (which may have ended since)."""
        with self.db.connect() as connection:
            found = connection.execute(
                select(SsoSignInRow.token_hash).where(SsoSignInRow.token_hash == digest(token))
            ).first()
        return found is not None

    def record_sign_in(self, token: str, person_id: int) -> None:
        """Remember the sign-in; raises IntegrityError when another tab recorded it first."""
        now = self.clock()
        with self.db.begin() as connection:
            connection.execute(
                delete(SsoSignInRow).where(SsoSignInRow.started_at < now - KEEP_SIGN_INS)
            )
            connection.execute(
                insert(SsoSignInRow).values(
                    token_hash=digest(token), person_id=person_id, started_at=now
                )
            )
