"""Logging in: password checks, and throttling of failures per account, client and both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, insert, or_, select, update

from briefs.access import Principal
from core.security import digest, password_matches
from storage.audit import AuditLog
from storage.db import Database
from storage.people import Clock, PeopleStore, normalise_email, system_clock
from storage.repository import utc
from storage.tables import LoginThrottleRow

THROTTLE_WINDOW = timedelta(minutes=15)
# One account from one client: after this many failures that pair is locked for LOCK_FOR.
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
# Failures before the answer is slowed down, per kind of key. Only a pair is ever locked:
# a lock per account let anyone who knows an e-mail lock its owner out, and a lock per client
# locked a whole office behind one NAT or proxy after a few typos by anyone there.
PAIR_SLOW_AFTER = 2
ACCOUNT_SLOW_AFTER = 5  # failures from any clients: guessing from many addresses is slowed
CLIENT_SLOW_AFTER = 10  # failures for any accounts: an office shares one address
MAX_DELAY_SECONDS = 8.0


class LoginRefused(Exception):
    """Wrong e-mail, wrong password or a locked account: deliberately one and the same."""


@dataclass(frozen=True)
class ThrottleKeys:
    """The three counters one login attempt is counted under."""

    pair: str
    account: str
    client: str


def throttle_keys(email: str, client: str) -> ThrottleKeys:
    """Failures count per account and client together, per account, and per client.

    Stored as digests: of fixed length, however long a typed e-mail, and no list of e-mails.
    """
    account = normalise_email(email)
    return ThrottleKeys(
        pair=f"pair:{digest(account + chr(10) + client)}",
        account=f"account:{digest(account)}",
        client=f"client:{digest(client)}",
    )


def _delay(failures: int, slow_after: int) -> float:
    if failures <= slow_after:
        return 0.0
    return min(2.0 ** (failures - slow_after - 1), MAX_DELAY_SECONDS)


class LoginThrottle:
    """Failed logins per key: a growing delay after a few, a lock of one account and client."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def delay_for(self, email: str, client: str) -> float:
        """Seconds to wait before answering a login attempt, growing with recent failures.

        The wait is capped, so the right password still gets in, however many failures an
        attacker piled up on the account or on a shared address.
        """
        keys = throttle_keys(email, client)
        return max(
            _delay(self._failures(keys.pair), PAIR_SLOW_AFTER),
            _delay(self._failures(keys.account), ACCOUNT_SLOW_AFTER),
            _delay(self._failures(keys.client), CLIENT_SLOW_AFTER),
        )

    def locked(self, keys: ThrottleKeys) -> bool:
        """Whether this account is locked for this client (and only for this client)."""
        row = self._row(keys.pair)
        return bool(row is not None and row.locked_until and utc(row.locked_until) > self.clock())

    def fail(self, keys: ThrottleKeys) -> None:
        for key in (keys.pair, keys.account, keys.client):
            self._count(key, lock=key == keys.pair)
        self._forget_old()

    def succeed(self, keys: ThrottleKeys) -> None:
        """The right password: this account starts afresh, here and elsewhere.

        The client's count stays: colleagues behind the same address logging in must not wipe
        out failures of someone there trying many accounts.
        """
        with self.db.begin() as connection:
            connection.execute(
                delete(LoginThrottleRow).where(LoginThrottleRow.key.in_((keys.pair, keys.account)))
            )

    def _count(self, key: str, lock: bool) -> None:
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
            locked = now + LOCK_FOR if lock and failures >= LOCK_AFTER else None
            connection.execute(
                update(LoginThrottleRow)
                .where(LoginThrottleRow.key == key)
                .values(
                    failures=failures,
                    first_failure_at=now if fresh else row.first_failure_at,
                    locked_until=locked,
                )
            )

    def _forget_old(self) -> None:
        """Drop counters past their window and lock: guesses at many e-mails leave no heap."""
        now = self.clock()
        with self.db.begin() as connection:
            connection.execute(
                delete(LoginThrottleRow).where(
                    LoginThrottleRow.first_failure_at < now - THROTTLE_WINDOW - LOCK_FOR,
                    or_(
                        LoginThrottleRow.locked_until.is_(None),
                        LoginThrottleRow.locked_until < now,
                    ),
                )
            )

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
        if self.throttle.locked(keys):
            self.audit.record(email, "login_refused_locked", email, client)
            raise LoginRefused
        account = self.people.password_hash(email)
        # An unknown e-mail is still checked (against a dummy hash): it answers as slowly.
        if not password_matches(account[1] if account else None, password) or account is None:
            self.throttle.fail(keys)
            self.audit.record(email, "login_failed", email, client)
            raise LoginRefused
        self.throttle.succeed(keys)
        # None for a deactivated account, or a demo account outside demo mode.
        principal = self.people.principal(account[0])
        if principal is None:
            self.audit.record(email, "login_refused_account", email, client)
            raise LoginRefused
        self.audit.record(email, "login", email, client)
        return principal
