"""Login sessions: the server side of the login cookie, ended by logout, idle time or a reset."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, insert, select, update

from core.security import digest, new_token
from storage.db import Database
from storage.people import Clock, system_clock
from storage.repository import utc
from storage.tables import AuthSessionRow

# Activity moves a login session's last-seen time at most this often: one write a minute.
LOGIN_SESSION_TOUCH = timedelta(seconds=60)


class LoginSessionStore:
    """Login sessions by token; only the token's digest is stored."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def start(self, person_id: int, token: str | None = None) -> str:
        """Start a login session; return its token (for the signed cookie).

        A single sign-on passes its own token, derived from its identity cookie, so that
        every tab carrying that cookie finds the same session.
        """
        token = token or new_token(32)
        now = self.clock()
        with self.db.begin() as connection:
            connection.execute(
                insert(AuthSessionRow).values(
                    token_hash=digest(token), person_id=person_id, created_at=now, last_seen_at=now
                )
            )
        return token

    def person_of(self, token: str | None, idle: timedelta) -> int | None:
        """Return whose login session this is, or None once it ended or was idle too long."""
        if not token:
            return None
        now = self.clock()
        with self.db.connect() as connection:
            row = connection.execute(
                select(
                    AuthSessionRow.id, AuthSessionRow.person_id, AuthSessionRow.last_seen_at
                ).where(AuthSessionRow.token_hash == digest(token))
            ).first()
        if row is None:
            return None
        if utc(row.last_seen_at) < now - idle:
            self.end(token)
            return None
        if utc(row.last_seen_at) < now - LOGIN_SESSION_TOUCH:
            with self.db.begin() as connection:
                connection.execute(
                    update(AuthSessionRow)
                    .where(AuthSessionRow.id == row.id)
                    .values(last_seen_at=now)
                )
        return int(row.person_id)

    def end(self, token: str) -> int | None:
        """End one login session; return whose it was, or None if it had already ended."""
        with self.db.begin() as connection:
            ended = connection.execute(
                delete(AuthSessionRow)
                .where(AuthSessionRow.token_hash == digest(token))
                .returning(AuthSessionRow.person_id)
            ).first()
        return None if ended is None else int(ended.person_id)

    def end_all(self, person_id: int) -> None:
        """End every login session of a person, in every browser (after a password reset)."""
        with self.db.begin() as connection:
            connection.execute(delete(AuthSessionRow).where(AuthSessionRow.person_id == person_id))
