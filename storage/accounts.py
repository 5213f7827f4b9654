"""The accounts as one object for pages, the command line and tests; each concern has a module.

People and roles live in ``storage.people``, password logins and throttling in
``storage.logins``, login sessions in ``storage.login_sessions``, invitations and reset codes
in ``storage.invitations``, the audit log in ``storage.audit``. Use cases that change several
of them at once (accepting an invitation, resetting a password) are in ``services.accounts``.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from briefs.access import Principal, Role
from storage.audit import AuditEntry, AuditLog
from storage.db import SharedConnection
from storage.invitations import CodeRefused, InvitationStore
from storage.login_sessions import DEFAULT_LIFETIME, LoginSession, LoginSessionStore
from storage.logins import LOCK_AFTER, LOCK_FOR, LoginRefused, Logins
from storage.people import AccountRefused, Clock, PeopleStore, system_clock

__all__ = [
    "LOCK_AFTER",
    "LOCK_FOR",
    "AccountRefused",
    "AccountStore",
    "AuditEntry",
    "CodeRefused",
    "LoginRefused",
    "LoginSession",
]


class AccountStore:
    """People, logins, login sessions, invitations and the audit log behind one name."""

    def __init__(self, engine: Engine, clock: Clock = system_clock):
        self.engine = engine
        self.clock = clock
        self._people = PeopleStore(engine)
        self._logins = Logins(engine, clock)
        self._sessions = LoginSessionStore(engine, clock)
        self._invitations = InvitationStore(engine, clock)
        self._audit = AuditLog(engine, clock)

    # --- people ---------------------------------------------------------------------------
    def create_user(
        self,
        name: str,
        email: str,
        role: Role,
        municipality: str = "",
        password: str | None = None,
        trajectory_ids: tuple[int, ...] = (),
        demo: bool = False,
        email_verified: bool = False,
    ) -> int:
        return self._people.create_user(
            name, email, role, municipality, password, trajectory_ids, demo, email_verified
        )

    def principal(self, person_id: int) -> Principal | None:
        return self._people.principal(person_id)

    def principal_by_email(self, email: str) -> Principal | None:
        return self._people.principal_by_email(email)

    def language_of(self, person_id: int) -> str | None:
        """The language the person last signed in with; None when not known."""
        return self._people.language_of(person_id)

    def remember_language(self, person_id: int, language: str) -> None:
        self._people.remember_language(person_id, language)

    def set_role(self, actor: Principal, email: str, role: Role, client: str = "") -> None:
        self._people.set_role(actor, email, role)
        self._audit.record(actor.email, "role_changed", f"{email} → {role.value}", client)

    def people(self, actor: Principal) -> list[tuple[str, str, str, str]]:
        """Name, e-mail, role and municipality of everyone; for admins."""
        return self._people.people(actor)

    # --- logins ---------------------------------------------------------------------------
    def delay_for(self, email: str, client: str) -> float:
        """Seconds to wait before answering a login attempt, growing with recent failures."""
        return self._logins.throttle.delay_for(email, client)

    def authenticate(self, email: str, password: str, client: str) -> Principal:
        """Return who logged in, or raise LoginRefused without saying why."""
        return self._logins.authenticate(email, password, client)

    # --- login sessions -------------------------------------------------------------------
    def start_login_session(self, person_id: int, user_agent: str = "") -> str:
        """Start a login session; return its token, for the signed login cookie."""
        return self._sessions.start(person_id, user_agent=user_agent)

    def resolve_login_session(
        self, token: str | None, idle: timedelta, lifetime: timedelta = DEFAULT_LIFETIME
    ) -> Principal | None:
        """Return who holds this login session, or None once it ended, was idle or grew old."""
        person_id = self._sessions.person_of(token, idle, lifetime)
        return self._people.principal(person_id) if person_id is not None else None

    def end_login_session(self, token: str, client: str = "") -> None:
        """Log out: end this login session and write who logged out to the audit log."""
        person_id = self._sessions.end(token)
        person = None if person_id is None else self._people.principal(person_id)
        if person is not None:
            self._audit.record(person.email, "logout", person.email, client)

    def login_sessions(
        self,
        principal: Principal,
        idle: timedelta,
        lifetime: timedelta = DEFAULT_LIFETIME,
        current_token: str | None = None,
    ) -> list[LoginSession]:
        """The person's own logins that have not ended, ``current_token``'s one marked."""
        return self._sessions.active(principal.person_id, idle, lifetime, current_token)

    def end_login_sessions(
        self, principal: Principal, keep_token: str | None = None, client: str = ""
    ) -> None:
        """End the person's own logins everywhere ("Overal afmelden"), or all but ``keep_token``."""
        with self.engine.begin() as connection:
            shared = SharedConnection(connection)
            LoginSessionStore(shared, self.clock).end_all(principal.person_id, keep=keep_token)
            audit = AuditLog(shared, self.clock)
            if keep_token:
                audit.record(principal.email, "other_logins_ended", principal.email, client)
            else:
                audit.record(principal.email, "logins_ended", principal.email, client)

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
        return self._invitations.invite(actor, trajectory_id, municipality, email, client)

    def invitation(self, code: str) -> tuple[int, str, str]:
        """Return the trajectory id, municipality and e-mail an unused invitation is for."""
        return self._invitations.invitation(code)

    def request_reset(self, actor: Principal, email: str, client: str = "") -> str:
        """Return a one-time code to set a new password; see briefs.access.can_reset_password."""
        target = self._people.principal_by_email(email)
        return self._invitations.request_reset(actor, target, email, client)

    def withdraw(self, code: str) -> None:
        """Make an invitation or reset code unusable (its mail could not be sent)."""
        self._invitations.withdraw(code)

    # --- audit ----------------------------------------------------------------------------
    def audit(self, actor: str, action: str, target: str = "", client: str = "") -> None:
        self._audit.record(actor, action, target, client)

    def audit_log(self, actor: Principal, limit: int = 500) -> list[AuditEntry]:
        return self._audit.entries(actor, limit)
