"""Accounts: passwords, login sessions, invitations, password resets, throttling and audit."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, insert, select, update

from briefs.access import Principal, Role, can_administer, can_manage_trajectory
from briefs.model import one_line_name
from storage.repository import NotFound, SqlProgrammeStore, utc
from storage.tables import (
    AssignmentRow,
    AuditRow,
    AuthSessionRow,
    LoginThrottleRow,
    MembershipRow,
    OneTimeCodeRow,
    PersonRow,
)

MAX_MUNICIPALITIES = 10
MIN_PASSWORD = 10
INVITATION_DAYS = 14
RESET_HOURS = 48
THROTTLE_WINDOW = timedelta(minutes=15)
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
SLOW_AFTER = 2
MAX_DELAY_SECONDS = 8.0
SESSION_TOUCH = timedelta(seconds=60)


class LoginRefused(Exception):
    """Wrong e-mail, wrong password or a locked account: deliberately one and the same."""


class CodeRefused(Exception):
    """An invitation or reset code that cannot be used; ``reason`` is for the message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class AccountRefused(ValueError):
    """An account change that breaks a rule; ``reason`` is for the message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    target: str
    client: str


def digest(secret: str) -> str:
    """Store only a hash of tokens and codes: a copy of the database logs no one in."""
    return hashlib.sha256(secret.encode()).hexdigest()


def sign(token: str, key: bytes) -> str:
    mac = hmac.new(key, token.encode(), hashlib.sha256).hexdigest()
    return f"{token}.{mac}"


def unsign(cookie: str | None, key: bytes) -> str | None:
    """Return the token of a signed cookie value, or None when the signature does not match."""
    if not cookie or "." not in cookie:
        return None
    token, mac = cookie.rsplit(".", 1)
    expected = hmac.new(key, token.encode(), hashlib.sha256).hexdigest()
    return token if hmac.compare_digest(mac, expected) else None


class AccountStore:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None):
        self.engine = engine
        self.clock = clock or (lambda: datetime.now(UTC))
        self.hasher = PasswordHasher()
        # Verifying against this for unknown e-mails keeps their answer as slow as a real one.
        self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))

    # --- people ---------------------------------------------------------------------------
    def create_user(
        self,
        name: str,
        email: str,
        role: Role,
        municipality: str = "",
        password: str | None = None,
        trajectory_ids: tuple[int, ...] = (),
    ) -> int:
        email = normalise_email(email)
        if password is not None:
            check_password(password)
        with self.engine.begin() as connection:
            taken = connection.execute(select(PersonRow.id).where(PersonRow.email == email)).first()
            if taken:
                raise AccountRefused("email_taken")
            person_id = int(
                connection.execute(
                    insert(PersonRow)
                    .values(
                        # Names end up in documents, file names and headers: one clean line.
                        name=one_line_name(name),
                        email=email,
                        municipality=one_line_name(municipality),
                        role=role.value,
                        password_hash=self.hasher.hash(password) if password else None,
                        active=True,
                    )
                    .returning(PersonRow.id)
                ).scalar_one()
            )
            for trajectory_id in trajectory_ids:
                connection.execute(
                    insert(AssignmentRow).values(person_id=person_id, trajectory_id=trajectory_id)
                )
        return person_id

    def principal(self, person_id: int) -> Principal | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(PersonRow).where(PersonRow.id == person_id, PersonRow.active.is_(True))
            ).first()
            if row is None:
                return None
            trajectories = connection.execute(
                select(AssignmentRow.trajectory_id).where(AssignmentRow.person_id == person_id)
            ).scalars()
            return Principal(
                row.id,
                row.name,
                row.email,
                Role(row.role),
                row.municipality,
                frozenset(trajectories),
            )

    def principal_by_email(self, email: str) -> Principal | None:
        with self.engine.connect() as connection:
            person_id = connection.execute(
                select(PersonRow.id).where(PersonRow.email == normalise_email(email))
            ).scalar_one_or_none()
        return self.principal(person_id) if person_id is not None else None

    def principal_for_identity(self, email: str, name: str, client: str = "") -> Principal | None:
        """Match a single-sign-on identity to an account by e-mail, or by an invitation to it."""
        principal = self.principal_by_email(email)
        if principal is not None:
            return principal
        email = normalise_email(email)
        if not email:
            return None
        now = self.clock()
        with self.engine.connect() as connection:
            row = connection.execute(
                select(OneTimeCodeRow).where(
                    OneTimeCodeRow.purpose == "invitation",
                    OneTimeCodeRow.email == email,
                    OneTimeCodeRow.used_at.is_(None),
                    OneTimeCodeRow.expires_at > now,
                )
            ).first()
        if row is None or row.trajectory_id is None:
            return None
        municipality = one_line_name(row.municipality)
        if not self._room_for(row.trajectory_id, municipality):
            return None
        with self.engine.begin() as connection:
            connection.execute(
                update(OneTimeCodeRow).where(OneTimeCodeRow.id == row.id).values(used_at=now)
            )
        person_id = self.create_user(
            one_line_name(name) or email,
            email,
            Role.PARTICIPANT,
            municipality,
            None,
            (row.trajectory_id,),
        )
        SqlProgrammeStore(self.engine).ensure_member(row.trajectory_id, municipality)
        self.audit(
            email, "invitation_accepted_sso", f"{municipality} ({row.trajectory_id})", client
        )
        return self.principal(person_id)

    def set_role(self, actor: Principal, email: str, role: Role, client: str = "") -> None:
        if not can_administer(actor):
            raise NotFound(email)
        with self.engine.begin() as connection:
            changed = connection.execute(
                update(PersonRow)
                .where(PersonRow.email == normalise_email(email))
                .values(role=role.value)
            ).rowcount
        if not changed:
            raise NotFound(email)
        self.audit(actor.email, "role_changed", f"{email} → {role.value}", client)

    # --- passwords and login --------------------------------------------------------------
    def delay_for(self, email: str, client: str) -> float:
        """Seconds to wait before answering a login attempt, growing with recent failures."""
        failures = max(
            self._failures(f"account:{normalise_email(email)}"), self._failures(f"client:{client}")
        )
        if failures <= SLOW_AFTER:
            return 0.0
        return min(2.0 ** (failures - SLOW_AFTER - 1), MAX_DELAY_SECONDS)

    def authenticate(self, email: str, password: str, client: str) -> Principal:
        """Return who logged in, or raise LoginRefused without saying why."""
        email = normalise_email(email)
        keys = (f"account:{email}", f"client:{client}")
        if any(self._locked(key) for key in keys):
            self.audit(email, "login_refused_locked", email, client)
            raise LoginRefused
        with self.engine.connect() as connection:
            row = connection.execute(
                select(PersonRow.id, PersonRow.password_hash, PersonRow.active).where(
                    PersonRow.email == email
                )
            ).first()
        stored = row.password_hash if row is not None and row.active and row.password_hash else None
        try:
            self.hasher.verify(stored or self._dummy_hash, password)
            ok = stored is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None:
            for key in keys:
                self._fail(key)
            self.audit(email, "login_failed", email, client)
            raise LoginRefused
        for key in keys:
            self._clear(key)
        self.audit(email, "login", email, client)
        principal = self.principal(row.id)
        if principal is None:
            raise LoginRefused
        return principal

    def change_password(
        self, principal: Principal, current: str, new: str, client: str = ""
    ) -> None:
        with self.engine.connect() as connection:
            stored = connection.execute(
                select(PersonRow.password_hash).where(PersonRow.id == principal.person_id)
            ).scalar_one_or_none()
        try:
            self.hasher.verify(stored or self._dummy_hash, current)
        except (VerificationError, InvalidHashError):
            raise AccountRefused("wrong_password") from None
        if stored is None:
            raise AccountRefused("wrong_password")
        self._set_password(principal.person_id, new)
        self.audit(principal.email, "password_changed", principal.email, client)

    def _set_password(self, person_id: int, password: str) -> None:
        check_password(password)
        with self.engine.begin() as connection:
            connection.execute(
                update(PersonRow)
                .where(PersonRow.id == person_id)
                .values(password_hash=self.hasher.hash(password))
            )

    def _throttle(self, key: str) -> LoginThrottleRow | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(LoginThrottleRow).where(LoginThrottleRow.key == key)
            ).first()
        return row  # type: ignore[return-value]

    def _failures(self, key: str) -> int:
        row = self._throttle(key)
        if row is None or utc(row.first_failure_at) < self.clock() - THROTTLE_WINDOW:
            return 0
        return int(row.failures)

    def _locked(self, key: str) -> bool:
        row = self._throttle(key)
        return bool(row is not None and row.locked_until and utc(row.locked_until) > self.clock())

    def _fail(self, key: str) -> None:
        now = self.clock()
        row = self._throttle(key)
        with self.engine.begin() as connection:
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

    def _clear(self, key: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == key))

    # --- sessions -------------------------------------------------------------------------
    def start_session(self, person_id: int) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self.engine.begin() as connection:
            connection.execute(
                insert(AuthSessionRow).values(
                    token_hash=digest(token), person_id=person_id, created_at=now, last_seen_at=now
                )
            )
        return token

    def resolve_session(self, token: str | None, idle: timedelta) -> Principal | None:
        """Return who holds this login, or None once it ended or was idle too long."""
        if not token:
            return None
        now = self.clock()
        with self.engine.connect() as connection:
            row = connection.execute(
                select(
                    AuthSessionRow.id, AuthSessionRow.person_id, AuthSessionRow.last_seen_at
                ).where(AuthSessionRow.token_hash == digest(token))
            ).first()
        if row is None:
            return None
        if utc(row.last_seen_at) < now - idle:
            self.end_session(token)
            return None
        if utc(row.last_seen_at) < now - SESSION_TOUCH:
            with self.engine.begin() as connection:
                connection.execute(
                    update(AuthSessionRow)
                    .where(AuthSessionRow.id == row.id)
                    .values(last_seen_at=now)
                )
        return self.principal(row.person_id)

    def end_session(self, token: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                delete(AuthSessionRow).where(AuthSessionRow.token_hash == digest(token))
            )

    def end_all_sessions(self, person_id: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(AuthSessionRow).where(AuthSessionRow.person_id == person_id))

    # --- invitations and resets -----------------------------------------------------------
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
        if not self._room_for(trajectory_id, municipality):
            raise AccountRefused("trajectory_full")
        code = self._new_code(
            "invitation",
            actor,
            timedelta(days=INVITATION_DAYS),
            trajectory_id=trajectory_id,
            municipality=municipality,
            email=normalise_email(email) if email else "",
        )
        self.audit(
            actor.email, "invitation", f"{municipality} ({trajectory_id}) {email}".strip(), client
        )
        return code

    def _new_code(self, purpose: str, actor: Principal, valid: timedelta, **fields: object) -> str:
        """Store a new one-time code (only its hash) and return the code itself."""
        code = secrets.token_urlsafe(24)
        now = self.clock()
        with self.engine.begin() as connection:
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

    def _room_for(self, trajectory_id: int, municipality: str) -> bool:
        with self.engine.connect() as connection:
            members = set(
                connection.execute(
                    select(MembershipRow.municipality).where(
                        MembershipRow.trajectory_id == trajectory_id
                    )
                ).scalars()
            )
        return municipality in members or len(members) < MAX_MUNICIPALITIES

    def _usable_code(self, code: str, purpose: str) -> OneTimeCodeRow:
        with self.engine.connect() as connection:
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

    def invitation(self, code: str) -> tuple[int, str, str]:
        """Return the trajectory id, municipality and e-mail an unused invitation is for."""
        row = self._usable_code(code, "invitation")
        assert row.trajectory_id is not None
        return row.trajectory_id, one_line_name(row.municipality), row.email

    def accept_invitation(
        self, code: str, name: str, email: str, password: str, client: str = ""
    ) -> int:
        """Create (or enrol) the invitee's account; return the person id."""
        row = self._usable_code(code, "invitation")
        trajectory_id = row.trajectory_id
        assert trajectory_id is not None
        email = normalise_email(row.email or email)
        name, municipality = one_line_name(name), one_line_name(row.municipality)
        if not name:
            raise AccountRefused("name_missing")
        check_password(password)
        if not self._room_for(trajectory_id, municipality):
            raise CodeRefused("full")
        if self.principal_by_email(email) is not None:
            raise AccountRefused("email_taken")
        now = self.clock()
        with self.engine.begin() as connection:
            claimed = connection.execute(
                update(OneTimeCodeRow)
                .where(OneTimeCodeRow.id == row.id, OneTimeCodeRow.used_at.is_(None))
                .values(used_at=now)
            ).rowcount
        if not claimed:
            raise CodeRefused("used")
        person_id = self.create_user(
            name, email, Role.PARTICIPANT, municipality, password, (trajectory_id,)
        )
        programme = SqlProgrammeStore(self.engine)
        programme.ensure_member(trajectory_id, municipality)
        self.audit(email, "invitation_accepted", f"{municipality} ({trajectory_id})", client)
        return person_id

    def request_reset(self, actor: Principal, email: str, client: str = "") -> str:
        """Return a one-time link code to set a new password; admins, or the person's coach."""
        target = self.principal_by_email(email)
        allowed = target is not None and (
            can_administer(actor)
            or (
                actor.role is Role.COACH
                and target.role is Role.PARTICIPANT
                and bool(target.trajectory_ids & actor.trajectory_ids)
            )
        )
        if not allowed or target is None:
            raise NotFound(email)
        code = self._new_code(
            "reset",
            actor,
            timedelta(hours=RESET_HOURS),
            person_id=target.person_id,
            municipality="",
            email=target.email,
        )
        self.audit(actor.email, "password_reset_requested", target.email, client)
        return code

    def reset_password(self, code: str, password: str, client: str = "") -> int:
        row = self._usable_code(code, "reset")
        check_password(password)
        with self.engine.begin() as connection:
            claimed = connection.execute(
                update(OneTimeCodeRow)
                .where(OneTimeCodeRow.id == row.id, OneTimeCodeRow.used_at.is_(None))
                .values(used_at=self.clock())
            ).rowcount
        if not claimed or row.person_id is None:
            raise CodeRefused("used")
        self._set_password(row.person_id, password)
        self.end_all_sessions(row.person_id)
        self.audit(row.email, "password_reset", row.email, client)
        return int(row.person_id)

    # --- audit ----------------------------------------------------------------------------
    def audit(self, actor: str, action: str, target: str = "", client: str = "") -> None:
        with self.engine.begin() as connection:
            connection.execute(
                insert(AuditRow).values(
                    at=self.clock(),
                    actor=actor[:320],
                    action=action,
                    target=target[:320],
                    client=client[:100],
                )
            )

    def audit_log(self, actor: Principal, limit: int = 500) -> list[AuditEntry]:
        if not can_administer(actor):
            raise NotFound("audit")
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            ).all()
        return [AuditEntry(utc(r.at), r.actor, r.action, r.target, r.client) for r in rows]

    def people(self, actor: Principal) -> list[tuple[str, str, str, str]]:
        """Name, e-mail, role and municipality of everyone; for admins."""
        if not can_administer(actor):
            raise NotFound("people")
        with self.engine.connect() as connection:
            rows = connection.execute(select(PersonRow).order_by(PersonRow.name)).all()
        return [(r.name, r.email, r.role, r.municipality) for r in rows]

    def count_sessions(self, person_id: int) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(
                    select(func.count())
                    .select_from(AuthSessionRow)
                    .where(AuthSessionRow.person_id == person_id)
                ).scalar_one()
            )


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountRefused("password_short")
