"""Single sign-on: turn the claims of the organisation's identity provider into a login session.

Who an identity is, in this order:

1. An identity is its issuer and subject (``iss`` + ``sub``), which a provider never gives to
   someone else; once linked to a person it signs in as that person, whatever its e-mail
   claim says now (addresses get renamed, and the claim is not proof of anything).
2. Not linked yet: only when the provider asserts ``email_verified``, and only to an account
   whose own e-mail counts as verified (below), that has no other identity of this provider
   yet. The link is made and audited; from then on rule 1 applies.
3. Neither: an unused invitation addressed to that e-mail (again only with ``email_verified``)
   makes the participant account, with a verified e-mail, and links it.
4. Otherwise the sign-on is refused, audited with the reason, and the person sees one message
   that does not say whether an account exists.

A person's e-mail counts as verified when someone other than the account holder chose it, or
its owner proved it: the operator typed it (``manage.py create-user``), a coach fixed it in the
invitation the account was made from (its link went there), or the invitee of an open
invitation entered the code mailed to it. A demo account's address is never verified. "Has
signed in with a password" is deliberately not a reason: anyone who registered another
person's address can do that. An operator can link an identity by hand
(``manage.py link-identity``), e.g. for a provider that sends no ``email_verified``.

A sign-in is the one identity cookie Streamlit set after one round trip to the provider. It
starts one login session of our own, whose token is derived from that cookie, so every tab
that carries the cookie shares it, and logging out, idle time or a password reset ends it as
it ends a password login. An ended sign-in never starts a new session: that takes a new
round trip to the provider.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from briefs.access import Principal, Role
from briefs.model import one_line_name
from services.unit_of_work import UnitOfWork, unit_of_work
from storage.invitations import CodeRefused
from storage.login_sessions import DEFAULT_LIFETIME, LoginSessionStore
from storage.people import AccountRefused, Clock, PeopleStore, normalise_email, system_clock

SIGNED_IN = "signed_in"
ENDED = "ended"
REFUSED = "refused"


@dataclass(frozen=True)
class Identity:
    """What of the provider's claims decides who someone is."""

    issuer: str
    subject: str
    email: str = ""
    email_verified: bool = False
    name: str = ""

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Identity | None:
        """Read the claims; None without an issuer and a subject."""
        issuer, subject = claims.get("iss"), claims.get("sub")
        if not isinstance(issuer, str) or not isinstance(subject, str):
            return None
        if not issuer.strip() or not subject.strip():
            return None
        verified = claims.get("email_verified")
        # Some providers send the JSON string "true" instead of the boolean.
        asserted = verified is True or (isinstance(verified, str) and verified.lower() == "true")
        return cls(
            issuer,
            subject,
            normalise_email(str(claims.get("email") or "")),
            asserted,
            str(claims.get("name") or ""),
        )

    def target(self, reason: str = "") -> str:
        """How the audit log names this identity (and why it was refused)."""
        return f"{self.issuer} {self.subject}" + (f" · {reason}" if reason else "")


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-on: SIGNED_IN with the person, ENDED, or REFUSED."""

    outcome: str
    token: str
    principal: Principal | None = None


def sign_in_token(claims: Mapping[str, Any], key: bytes) -> str:
    """The login-session token of one sign-in: the same for every tab carrying its cookie.

    The claims include the ID token's issue time and nonce, so each round trip to the
    provider gives a new token. The key keeps it from being computed from the claims alone.
    """
    canonical = json.dumps(dict(claims), sort_keys=True, default=str, separators=(",", ":"))
    return hmac.new(key, b"sso|" + canonical.encode(), hashlib.sha256).hexdigest()


def sign_in(
    engine: Engine,
    claims: Mapping[str, Any],
    key: bytes,
    idle: timedelta,
    client: str = "",
    clock: Clock = system_clock,
    lifetime: timedelta = DEFAULT_LIFETIME,
    user_agent: str = "",
) -> SignIn:
    """Return who this sign-on is, starting its login session the first time it is seen."""
    token = sign_in_token(claims, key)
    for _attempt in range(2):
        person_id = LoginSessionStore(engine, clock).person_of(token, idle, lifetime)
        principal = PeopleStore(engine).principal(person_id) if person_id is not None else None
        if principal is not None:
            return SignIn(SIGNED_IN, token, principal)
        try:
            return _start(engine, claims, token, client, clock, user_agent)
        except (IntegrityError, CodeRefused):
            # Another tab or browser linked or started this sign-on a moment ago: look again.
            continue
    return SignIn(REFUSED, token)


def _start(
    engine: Engine,
    claims: Mapping[str, Any],
    token: str,
    client: str,
    clock: Clock,
    user_agent: str = "",
) -> SignIn:
    identity = Identity.from_claims(claims)
    with unit_of_work(engine, clock) as work:
        if work.identities.started(token):
            return SignIn(ENDED, token)
        if identity is None:
            email = str(claims.get("email") or "")
            work.audit.record(email, "sso_refused", "no iss/sub", client)
            return SignIn(REFUSED, token)
        person_id, reason = _person_for(work, identity, client)
        principal = work.people.principal(person_id) if person_id is not None else None
        if principal is None:
            work.audit.record(
                identity.email, "sso_refused", identity.target(reason or "inactive"), client
            )
            return SignIn(REFUSED, token)
        work.identities.record_sign_in(token, principal.person_id)
        work.login_sessions.start(principal.person_id, token, user_agent)
        work.audit.record(principal.email, "sso_login", identity.target(), client)
    return SignIn(SIGNED_IN, token, principal)


def _person_for(work: UnitOfWork, identity: Identity, client: str) -> tuple[int | None, str]:
    """The person this identity is (linking it if the rules allow), or None and why not."""
    linked = work.identities.linked_person(identity.issuer, identity.subject)
    if linked is not None:
        return linked, ""
    if not identity.email_verified or not identity.email:
        return None, "email_not_verified_by_provider"
    account = work.people.account_for_email(identity.email)
    if account is None:
        return _from_invitation(work, identity, client)
    person_id, linkable = account
    if not linkable:
        return None, "account_email_not_verified"
    if work.identities.has_link(person_id, identity.issuer):
        return None, "other_identity_linked"
    _link(work, person_id, identity, client)
    return person_id, ""


def _from_invitation(work: UnitOfWork, identity: Identity, client: str) -> tuple[int | None, str]:
    """Create the participant account an invitation addressed to this e-mail offers."""
    row = work.invitations.pending_invitation(identity.email)
    if row is None or row.trajectory_id is None:
        return None, "no_account"
    municipality = one_line_name(row.municipality)
    if not work.invitations.room_for(row.trajectory_id, municipality):
        return None, "trajectory_full"
    try:
        person_id = work.people.create_user(
            one_line_name(identity.name) or identity.email,
            identity.email,
            Role.PARTICIPANT,
            municipality,
            None,
            (row.trajectory_id,),
            email_verified=True,
        )
    except AccountRefused:
        return None, "no_account"
    work.invitations.claim(row.id)
    work.programme.ensure_member(row.trajectory_id, municipality)
    work.audit.record(
        identity.email, "invitation_accepted_sso", f"{municipality} ({row.trajectory_id})", client
    )
    _link(work, person_id, identity, client)
    return person_id, ""


def _link(work: UnitOfWork, person_id: int, identity: Identity, client: str) -> None:
    work.identities.link(person_id, identity.issuer, identity.subject)
    work.audit.record(identity.email, "sso_linked", identity.target(), client)


def end_sign_in(engine: Engine, token: str, email: str, client: str = "") -> None:
    """Log a single sign-on out: its login session ends, and its cookie cannot start another."""
    with unit_of_work(engine) as work:
        work.login_sessions.end(token)
        work.audit.record(email, "sso_logout", "", client)


def link_identity(
    engine: Engine, email: str, issuer: str, subject: str, actor: str = "operator"
) -> None:
    """Link an identity to an account by hand (the operator); raises AccountRefused."""
    with unit_of_work(engine) as work:
        account = work.people.account_for_email(email)
        if account is None:
            raise AccountRefused("unknown_account")
        if work.identities.linked_person(issuer, subject) is not None:
            raise AccountRefused("identity_linked")
        if work.identities.has_link(account[0], issuer):
            raise AccountRefused("other_identity_linked")
        work.identities.link(account[0], issuer, subject)
        work.audit.record(actor, "sso_linked", f"{issuer} {subject} → {normalise_email(email)}")
