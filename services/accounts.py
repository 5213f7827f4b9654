"""Account use cases that change several tables at once: invitations, resets, password changes."""

from __future__ import annotations

from sqlalchemy import Engine

from briefs.access import Principal, Role
from briefs.model import one_line_name
from core.security import password_matches
from services.unit_of_work import unit_of_work
from storage.audit import AuditLog
from storage.email_checks import EmailChecks, EmailCodeRefused
from storage.invitations import CodeRefused, InvitationStore
from storage.people import (
    AccountRefused,
    Clock,
    PeopleStore,
    check_password,
    normalise_email,
    system_clock,
)


def accept_invitation(
    engine: Engine,
    code: str,
    name: str,
    email: str,
    password: str,
    client: str = "",
    clock: Clock = system_clock,
    email_code: str = "",
    language: str = "",
) -> int:
    """Create (or enrol) the invitee's account; return the person id.

    An invitation made for an address creates the account for that address (its link went
    there by mail). Without one, the address typed counts only with the code that was mailed
    to it (``email_code``), checked first in a transaction of its own so that a wrong guess
    stays counted. The rest is one transaction: if anything fails after the code was
    claimed, the claim is undone too and the invitation still works.
    """
    invitation = InvitationStore(engine, clock).usable(code, "invitation")
    check_id = None
    if not invitation.email:
        try:
            check_id = EmailChecks(engine, clock).verify(invitation.id, email, email_code)
        except EmailCodeRefused as refused:
            target = f"{invitation.municipality} ({invitation.trajectory_id}): {refused.reason}"
            AuditLog(engine, clock).record(
                normalise_email(email), "email_code_refused", target, client
            )
            raise
    with unit_of_work(engine, clock) as work:
        row = work.invitations.usable(code, "invitation")
        trajectory_id = row.trajectory_id
        assert trajectory_id is not None
        email = normalise_email(row.email or email)
        name, municipality = one_line_name(name), one_line_name(row.municipality)
        if not name:
            raise AccountRefused("name_missing")
        check_password(password, name, email, municipality)
        if not work.invitations.room_for(trajectory_id, municipality):
            raise CodeRefused("full")
        if work.people.principal_by_email(email) is not None:
            raise AccountRefused("email_taken")
        # The account first: its password is hashed before this transaction writes anything,
        # so the database is not held while Argon2 works.
        # The address is verified when the coach fixed it in the invitation (its link went
        # there) or when the invitee proved it with the code mailed to it; see
        # services.single_sign_on, which links an identity by e-mail only to such an address.
        person_id = work.people.create_user(
            name,
            email,
            Role.PARTICIPANT,
            municipality,
            password,
            (trajectory_id,),
            email_verified=bool(row.email) or check_id is not None,
        )
        work.invitations.claim(row.id)
        if check_id is not None:
            work.email_checks.use(check_id)
        if language:
            work.people.remember_language(person_id, language)
        work.programme.ensure_member(trajectory_id, municipality)
        work.audit.record(email, "invitation_accepted", f"{municipality} ({trajectory_id})", client)
    return person_id


def reset_password(
    engine: Engine, code: str, password: str, client: str = "", clock: Clock = system_clock
) -> int:
    """Set a new password with a reset code and end every login session of that person."""
    with unit_of_work(engine, clock) as work:
        row = work.invitations.usable(code, "reset")
        if row.person_id is None:
            raise CodeRefused("used")
        person_id = int(row.person_id)
        # Checked there against the rule and this person's name, e-mail and municipality.
        work.people.set_password(person_id, password)
        work.invitations.claim(row.id)
        work.login_sessions.end_all(person_id)
        work.audit.record(row.email, "password_reset", row.email, client)
        work.audit.record(row.email, "logins_ended", row.email, client)
    return person_id


def change_password(
    engine: Engine,
    principal: Principal,
    current: str,
    new: str,
    keep_token: str | None,
    client: str = "",
    clock: Clock = system_clock,
) -> None:
    """Change one's own password and end every other login of that person.

    Whoever knew the old password may be logged in elsewhere; only the login the change was
    made from (``keep_token``) stays. The current password is checked before the
    transaction, so the database is not held while Argon2 works.
    """
    if not password_matches(PeopleStore(engine).password_hash_of(principal.person_id), current):
        raise AccountRefused("wrong_password")
    check_password(new, principal.name, principal.email, principal.municipality)
    with unit_of_work(engine, clock) as work:
        work.people.set_password(principal.person_id, new)
        work.login_sessions.end_all(principal.person_id, keep=keep_token)
        work.audit.record(principal.email, "password_changed", principal.email, client)
        work.audit.record(principal.email, "other_logins_ended", principal.email, client)
