"""Login sessions, the server side of the login cookie: ended by logout, idle time, age, reset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update

from core.security import digest, new_token
from core.settings import DEFAULT_SESSION_HOURS
from storage.db import Database
from storage.people import Clock, system_clock
from storage.repository import utc
from storage.tables import USER_AGENT_CHARS, AuthSessionRow

# Activity moves a login session's last-seen time at most this often: one write a minute.
LOGIN_SESSION_TOUCH = timedelta(seconds=60)
# What a caller that names no lifetime gets: never a login without an end.
DEFAULT_LIFETIME = timedelta(hours=DEFAULT_SESSION_HOURS)


@dataclass(frozen=True)
class LoginSession:
    """One login of a person that has not ended, as their account page lists it."""

    started: datetime
    last_seen: datetime
    # As the browser described itself at login: text from the client, never markup.
    user_agent: str
    # The login this list was asked from ("deze login").
    current: bool


def clean_user_agent(user_agent: str | None) -> str:
    """The User-Agent header as stored: printable characters on one line, cut short."""
    printable = "".join(c if c.isprintable() else " " for c in user_agent or "")
    return " ".join(printable.split())[:USER_AGENT_CHARS]


class LoginSessionStore:
    """Login sessions by token; only the token's digest is stored."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def start(self, person_id: int, token: str | None = None, user_agent: str = "") -> str:
        """Start a login session; return its token (for the signed cookie).

        A single sign-on passes its own token, derived from its identity cookie, so that
        every tab carrying that cookie finds the same session.
        """
        token = token or new_token(32)
        now = self.clock()
        with self.db.begin() as connection:
            connection.execute(
                insert(AuthSessionRow).values(
                    token_hash=digest(token),
                    person_id=person_id,
                    created_at=now,
                    last_seen_at=now,
                    user_agent=clean_user_agent(user_agent),
                )
            )
        return token

    def person_of(
        self, token: str | None, idle: timedelta, lifetime: timedelta = DEFAULT_LIFETIME
    ) -> int | None:
        """Return whose login session this is, or None once it ended, was idle or grew old."""
        if not token:
            return None
        return self.person_of_digest(digest(token), idle, lifetime)

    def person_of_digest(
        self, token_hash: str, idle: timedelta, lifetime: timedelta = DEFAULT_LIFETIME
    ) -> int | None:
        """As person_of, for a token known by its digest (an edit token carries only that)."""
        now = self.clock()
        with self.db.connect() as connection:
            row = connection.execute(
                select(
                    AuthSessionRow.id,
                    AuthSessionRow.person_id,
                    AuthSessionRow.created_at,
                    AuthSessionRow.last_seen_at,
                ).where(AuthSessionRow.token_hash == token_hash)
            ).first()
        if row is None:
            return None
        if _over(row.created_at, row.last_seen_at, now, idle, lifetime):
            self._delete(row.id)
            return None
        if utc(row.last_seen_at) < now - LOGIN_SESSION_TOUCH:
            with self.db.begin() as connection:
                connection.execute(
                    update(AuthSessionRow)
                    .where(AuthSessionRow.id == row.id)
                    .values(last_seen_at=now)
                )
        return int(row.person_id)

    def active(
        self,
        person_id: int,
        idle: timedelta,
        lifetime: timedelta = DEFAULT_LIFETIME,
        current_token: str | None = None,
    ) -> list[LoginSession]:
        """The person's logins that have not ended, the most recently active first.

        Logins found over their idle time or lifetime are ended on the way.
        """
        now = self.clock()
        current = digest(current_token) if current_token else None
        with self.db.connect() as connection:
            found = connection.execute(
                select(
                    AuthSessionRow.id,
                    AuthSessionRow.token_hash,
                    AuthSessionRow.created_at,
                    AuthSessionRow.last_seen_at,
                    AuthSessionRow.user_agent,
                )
                .where(AuthSessionRow.person_id == person_id)
                .order_by(AuthSessionRow.last_seen_at.desc(), AuthSessionRow.id.desc())
            ).all()
        sessions = []
        for row in found:
            if _over(row.created_at, row.last_seen_at, now, idle, lifetime):
                self._delete(row.id)
                continue
            sessions.append(
                LoginSession(
                    utc(row.created_at),
                    utc(row.last_seen_at),
                    row.user_agent,
                    row.token_hash == current,
                )
            )
        return sessions

    def end(self, token: str) -> int | None:
        """End one login session; return whose it was, or None if it had already ended."""
        with self.db.begin() as connection:
            ended = connection.execute(
                delete(AuthSessionRow)
                .where(AuthSessionRow.token_hash == digest(token))
                .returning(AuthSessionRow.person_id)
            ).first()
        return None if ended is None else int(ended.person_id)

    def end_all(self, person_id: int, keep: str | None = None) -> None:
        """End every login session of a person, in every browser, but ``keep`` if given.

        After a reset every login ends; after a password change all but the one it was
        changed from.
        """
        statement = delete(AuthSessionRow).where(AuthSessionRow.person_id == person_id)
        if keep:
            statement = statement.where(AuthSessionRow.token_hash != digest(keep))
        with self.db.begin() as connection:
            connection.execute(statement)

    def _delete(self, session_id: int) -> None:
        with self.db.begin() as connection:
            connection.execute(delete(AuthSessionRow).where(AuthSessionRow.id == session_id))


def _over(
    created_at: datetime, last_seen_at: datetime, now: datetime, idle: timedelta, life: timedelta
) -> bool:
    """Whether a login is over: idle too long, or started longer ago than its lifetime."""
    return utc(last_seen_at) < now - idle or utc(created_at) <= now - life
