"""Logging in: password checks, and throttling of repeated failures per account and client."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, insert, select, update

from briefs.access import Principal
from core.security import password_matches
from storage.audit import AuditLog
from storage.db import Database
from storage.people import Clock, PeopleStore, normalise_email, system_clock
from storage.repository import utc
from storage.tables import LoginThrottleRow

THROTTLE_WINDOW = timedelta(minutes=15)
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
SLOW_AFTER = 2
MAX_DELAY_SECONDS = 8.0


class LoginRefused(Exception):
    """Wrong e-mail, wrong password or a locked account: deliberately one and the same."""


def throttle_keys(email: str, client: str) -> tuple[str, str]:
    """Failures count per account and per client, so that neither can be guessed at freely."""
    return f"account:{normalise_email(email)}", f"client:{client}"


class LoginThrottle:
    """Failed logins per key: a growing delay after a few, a lock after more."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def delay_for(self, email: str, client: str) -> float:
        """Seconds to wait before answering a login attempt, growing with recent failures."""
        failures = max(self._failures(key) for key in throttle_keys(email, client))
        if failures <= SLOW_AFTER:
            return 0.0
        return min(2.0 ** (failures - SLOW_AFTER - 1), MAX_DELAY_SECONDS)

    def locked(self, key: str) -> bool:
        row = self._row(key)
        return bool(row is not None and row.locked_until and utc(row.locked_until) > self.clock())

    def fail(self, key: str) -> None:
        now = self.clock()
        row = self._row(key)
        with self.db.begin() as connection:
            if row is None:
                connection.execute(
                    insert(LoginThrottleRow).values(key=key, failures=1, first_failure_at=now)
                )
                return
            fresh = utc(row.first_failure_at) < now - THROTTLE_WINDOW
            failures = 1 if fresh else row.failures + 1
            locked = now + LOCK_FOR if failures >= LOCK_AFTER else None
            connection.execute(
                update(LoginThrottleRow)
                .where(LoginThrottleRow.key == key)
                .values(
                    failures=failures,
                    first_failure_at=now if fresh else row.first_failure_at,
                    locked_until=locked,
                )
            )

    def clear(self, key: str) -> None:
        with self.db.begin() as connection:
            connection.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == key))

    def _row(self, key: str) -> LoginThrottleRow | None:
        with self.db.connect() as connection:
            row = connection.execute(
                select(LoginThrottleRow).where(LoginThrottleRow.key == key)
            ).first()
        return row  # type: ignore[return-value]

    def _failures(self, key: str) -> int:
        row = self._row(key)
        if row is None or utc(row.first_failure_at) < self.clock() - THROTTLE_WINDOW:
            return 0
        return int(row.failures)


class Logins:
    """Password logins, throttled and written to the audit log."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.people = PeopleStore(db)
        self.throttle = LoginThrottle(db, clock)
        self.audit = AuditLog(db, clock)

    def authenticate(self, email: str, password: str, client: str) -> Principal:
        """Return who logged in, or raise LoginRefused without saying why."""
        email = normalise_email(email)
        keys = throttle_keys(email, client)
        if any(self.throttle.locked(key) for key in keys):
            self.audit.record(email, "login_refused_locked", email, client)
            raise LoginRefused
        account = self.people.password_hash(email)
        # An unknown e-mail is still checked (against a dummy hash): it answers as slowly.
        if not password_matches(account[1] if account else None, password) or account is None:
            for key in keys:
                self.throttle.fail(key)
            self.audit.record(email, "login_failed", email, client)
            raise LoginRefused
        for key in keys:
            self.throttle.clear(key)
        # None for a deactivated account, or a demo account outside demo mode.
        principal = self.people.principal(account[0])
        if principal is None:
            self.audit.record(email, "login_refused_account", email, client)
            raise LoginRefused
        self.audit.record(email, "login", email, client)
        return principal
