"""People and their roles: accounts, who a person is as a Principal, and the admin's list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import insert, or_, select, update

from briefs.access import Principal, Role, can_administer, may_sign_in
from briefs.model import one_line_name
from core.passwords import password_problem
from core.security import hash_password
from core.settings import settings
from storage.db import Database
from storage.repository import NotFound
from storage.tables import AssignmentRow, PersonRow

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class AccountRefused(ValueError):
    """An account change that breaks a rule; ``reason`` is for the message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str, name: str = "", email: str = "", municipality: str = "") -> None:
    """Refuse a password that breaks the rule of core.passwords, saying why (never echoing it)."""
    problem = password_problem(password, name, email, municipality)
    if problem is not None:
        raise AccountRefused(problem)


class PeopleStore:
    """Accounts and roles; who a person is, with the trajectories they are assigned to."""

    def __init__(self, db: Database):
        self.db = db

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
        """Create an account; ``email_verified`` says the address was not chosen by its holder.

        True only where the operator typed the address or an invitation fixed it; see
        services.single_sign_on for what it allows.
        """
        email = normalise_email(email)
        if password is not None:
            check_password(password, name, email, municipality)
        with self.db.begin() as connection:
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
                        password_hash=hash_password(password) if password else None,
                        active=True,
                        demo=demo,
                        email_verified=email_verified and not demo,
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
        with self.db.connect() as connection:
            row = connection.execute(
                select(PersonRow).where(PersonRow.id == person_id, PersonRow.active.is_(True))
            ).first()
            if row is None or not may_sign_in(row.demo, settings().demo):
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
        with self.db.connect() as connection:
            person_id = connection.execute(
                select(PersonRow.id).where(PersonRow.email == normalise_email(email))
            ).scalar_one_or_none()
        return self.principal(person_id) if person_id is not None else None

    def account_for_email(self, email: str) -> tuple[int, bool] | None:
        """The account with this e-mail, if any, and whether a sign-on may be linked to it.

        Linkable is an active, non-demo account whose e-mail is verified.
        """
        with self.db.connect() as connection:
            row = connection.execute(
                select(
                    PersonRow.id, PersonRow.email_verified, PersonRow.active, PersonRow.demo
                ).where(PersonRow.email == normalise_email(email))
            ).first()
        if row is None:
            return None
        return int(row.id), bool(row.email_verified and row.active and not row.demo)

    def password_hash(self, email: str) -> tuple[int, str | None] | None:
        """Return the person id and stored hash of an active account, or None."""
        with self.db.connect() as connection:
            row = connection.execute(
                select(PersonRow.id, PersonRow.password_hash, PersonRow.active).where(
                    PersonRow.email == normalise_email(email)
                )
            ).first()
        if row is None or not row.active:
            return None
        return int(row.id), row.password_hash

    def password_hash_of(self, person_id: int) -> str | None:
        with self.db.connect() as connection:
            return connection.execute(
                select(PersonRow.password_hash).where(PersonRow.id == person_id)
            ).scalar_one_or_none()

    def set_password(self, person_id: int, password: str) -> None:
        """Set a new password, checked against the rule and against this person's own details."""
        check_password(password, *self._identity(person_id))
        with self.db.begin() as connection:
            connection.execute(
                update(PersonRow)
                .where(PersonRow.id == person_id)
                .values(password_hash=hash_password(password))
            )

    def language_of(self, person_id: int) -> str | None:
        """The language the person last signed in with, or None when it is not known."""
        with self.db.connect() as connection:
            return connection.execute(
                select(PersonRow.language).where(PersonRow.id == person_id)
            ).scalar_one_or_none()

    def remember_language(self, person_id: int, language: str) -> None:
        """Keep the language the person signs in with, for the mails they get."""
        with self.db.begin() as connection:
            connection.execute(
                update(PersonRow)
                .where(
                    PersonRow.id == person_id,
                    # Written only when it changes: a login in the same language writes nothing.
                    or_(PersonRow.language.is_(None), PersonRow.language != language),
                )
                .values(language=language)
            )

    def _identity(self, person_id: int) -> tuple[str, str, str]:
        """Name, e-mail and municipality: what a person's password must not contain."""
        with self.db.connect() as connection:
            row = connection.execute(
                select(PersonRow.name, PersonRow.email, PersonRow.municipality).where(
                    PersonRow.id == person_id
                )
            ).first()
        if row is None:
            raise NotFound(str(person_id))
        return row.name, row.email, row.municipality

    def set_role(self, actor: Principal, email: str, role: Role) -> None:
        if not can_administer(actor):
            raise NotFound(email)
        with self.db.begin() as connection:
            changed = connection.execute(
                update(PersonRow)
                .where(PersonRow.email == normalise_email(email))
                .values(role=role.value)
            ).rowcount
        if not changed:
            raise NotFound(email)

    def people(self, actor: Principal) -> list[tuple[str, str, str, str]]:
        """Name, e-mail, role and municipality of everyone; for admins."""
        if not can_administer(actor):
            raise NotFound("people")
        with self.db.connect() as connection:
            rows = connection.execute(select(PersonRow).order_by(PersonRow.name)).all()
        return [(r.name, r.email, r.role, r.municipality) for r in rows]
