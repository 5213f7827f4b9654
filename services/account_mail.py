"""Links and codes that reach only their owner: reset links, invitations and e-mail codes by mail.

Whoever asks for a reset link or makes an invitation for an address never gets the link
itself: it goes by mail to that address, and the caller learns only where it went.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from briefs.access import INVITATION_VALIDITY, RESET_VALIDITY, Principal
from briefs.i18n import DEFAULT_LANGUAGE, Translator
from core.mail import Mail, MailFailed, MailNotConfigured, link_base, send
from core.mail import problem as mail_problem
from storage.accounts import AccountStore
from storage.email_checks import EMAIL_CODE_VALIDITY, EmailChecks
from storage.invitations import InvitationStore
from storage.people import AccountRefused, Clock, normalise_email, system_clock
from storage.repository import NotFound, SqlProgrammeStore

MAX_EMAIL_LENGTH = 320


@dataclass(frozen=True)
class Invited:
    """A new invitation: mailed to ``sent_to``, or, without an address, a ``link`` to pass on."""

    sent_to: str = ""
    link: str = ""


def _asker(actor: Principal) -> str:
    return f"{actor.name} ({actor.email})" if actor.person_id else "Kernbrief"


def _send_or_withdraw(
    accounts: AccountStore, actor: Principal, code: str, mail: Mail, client: str
) -> None:
    """Send the mail; when it cannot go, make its code unusable and say so in the audit log."""
    try:
        send(mail)
    except MailFailed:
        accounts.withdraw(code)
        accounts.audit(actor.email, "mail_failed", mail.to, client)
        raise


def mail_reset(
    engine: Engine,
    actor: Principal,
    email: str,
    request_base: str,
    client: str = "",
    clock: Clock = system_clock,
) -> str:
    """Mail a one-time link to set a new password to the person with ``email``.

    Return the address it went to. Raise MailNotConfigured before any code exists, NotFound
    when ``actor`` may not reset this person's password, MailFailed when it could not go.
    """
    base = link_base(request_base)
    accounts = AccountStore(engine, clock)
    target = accounts.principal_by_email(email)
    code = accounts.request_reset(actor, email, client)
    assert target is not None  # request_reset refuses anyone else
    language = accounts.language_of(target.person_id) or DEFAULT_LANGUAGE
    t = Translator(language)
    hours = int(RESET_VALIDITY.total_seconds() // 3600)
    body = t(
        "mail.reset.body",
        name=target.name,
        actor=_asker(actor),
        link=f"{base}/auth/reset?code={code}&taal={t.language}",
        hours=hours,
    )
    mail = Mail(target.email, t("mail.reset.subject"), body)
    _send_or_withdraw(accounts, actor, code, mail, client)
    return target.email


def mail_invitation(
    engine: Engine,
    actor: Principal,
    trajectory_id: int,
    municipality: str,
    email: str,
    request_base: str,
    client: str = "",
    clock: Clock = system_clock,
) -> Invited:
    """Make an invitation; mail it when it is for an address, else return its link.

    Whoever holds the link of an invitation for an address creates the account for that
    address, so that link is only mailed, never returned. A link without an address may be
    passed on: the invitee proves an address with a mailed code (``mail_email_code``).
    """
    base = link_base(request_base)
    email = normalise_email(email)
    if email and not _plausible(email):
        raise AccountRefused("email_invalid")
    accounts = AccountStore(engine, clock)
    code = accounts.invite(actor, trajectory_id, municipality, email, client)
    link = f"{base}/auth/invite?code={code}"
    if not email:
        return Invited(link=link)
    # Nobody has this address's account yet, so its language is not known: Dutch.
    t = Translator(DEFAULT_LANGUAGE)
    trajectory = next(
        (
            f"{tr.number}: {tr.title}"
            for tr in SqlProgrammeStore(engine).trajectories()
            if tr.id == trajectory_id
        ),
        str(trajectory_id),
    )
    _trajectory_id, stored_municipality, _email = accounts.invitation(code)
    body = t(
        "mail.invitation.body",
        actor=_asker(actor),
        municipality=stored_municipality,
        trajectory=trajectory,
        link=link,
        days=INVITATION_VALIDITY.days,
    )
    subject = t("mail.invitation.subject", municipality=stored_municipality)
    _send_or_withdraw(accounts, actor, code, Mail(email, subject, body), client)
    return Invited(sent_to=email)


def _plausible(email: str) -> bool:
    """One address on one line with something on both sides of its @; the code proves it."""
    local, _at, domain = email.rpartition("@")
    return (
        bool(local)
        and "." in domain
        and len(email) <= MAX_EMAIL_LENGTH
        and not any(character.isspace() or ord(character) < 32 for character in email)
        and "," not in email
    )


def mail_email_code(
    engine: Engine,
    invitation_code: str,
    email: str,
    language: str,
    client: str = "",
    clock: Clock = system_clock,
) -> str:
    """Mail a code to the address an invitee typed; return the address it went to.

    Raise MailNotConfigured, CodeRefused (the invitation cannot be used, or it is for a
    fixed address, or too many codes were asked), AccountRefused (not an address, or it
    has an account already) or MailFailed.
    """
    reason = mail_problem()
    if reason:
        raise MailNotConfigured(reason)
    invitation = InvitationStore(engine, clock).usable(invitation_code, "invitation")
    if invitation.email:
        raise NotFound("this invitation is for a fixed address")
    email = normalise_email(email)
    if not _plausible(email):
        raise AccountRefused("email_invalid")
    accounts = AccountStore(engine, clock)
    if accounts.principal_by_email(email) is not None:
        raise AccountRefused("email_taken")
    code = EmailChecks(engine, clock).issue(invitation.id, email)
    t = Translator(language)
    body = t(
        "mail.code.body",
        municipality=invitation.municipality,
        code=f"{code[:4]} {code[4:]}",
        minutes=int(EMAIL_CODE_VALIDITY.total_seconds() // 60),
    )
    target = f"{invitation.municipality} ({invitation.trajectory_id})"
    try:
        send(Mail(email, t("mail.code.subject"), body))
    except MailFailed:
        accounts.audit(email, "mail_failed", target, client)
        raise
    accounts.audit(email, "email_code_sent", target, client)
    return email
