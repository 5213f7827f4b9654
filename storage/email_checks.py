"""Codes mailed to the address an invitee typed, so that an account only gets a checked address."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from sqlalchemy import func, insert, select, update

from core.security import digest
from storage.db import Database
from storage.invitations import CodeRefused
from storage.people import Clock, normalise_email, system_clock
from storage.repository import utc
from storage.tables import EmailCheckRow

EMAIL_CODE_DIGITS = 8
EMAIL_CODE_VALIDITY = timedelta(minutes=15)
# Wrong guesses one code survives; a new code starts again.
EMAIL_CODE_ATTEMPTS = 5
# Codes one invitation may have mailed per hour: the link cannot be used to flood an inbox,
# and at most 25 guesses an hour at 10^8 codes leave guessing hopeless.
EMAIL_CODES_PER_HOUR = 5


class EmailCodeRefused(CodeRefused):
    """The mailed code cannot confirm the address; ``reason`` is for the message.

    ``wrong`` (not this code), ``missing`` (no live code for the address: none asked, or it
    expired), ``attempts`` (too many wrong guesses), ``too_many`` (too many codes asked).
    """


def _hash(invitation_id: int, email: str, code: str) -> str:
    # The invitation and address are part of what is hashed: equal codes differ in the table.
    return digest(f"{invitation_id}:{email}:{code}")


def clean_code(typed: str) -> str:
    """The digits of what was typed: "1234 5678" and "1234-5678" are the same code."""
    return "".join(character for character in typed if character.isdigit())


class EmailChecks:
    """Issue, check and use e-mail codes; only a code's digest is stored."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def issue(self, invitation_id: int, email: str) -> str:
        """Return a new code for ``email`` on this invitation, unless too many were asked."""
        email, now = normalise_email(email), self.clock()
        with self.db.begin() as connection:
            recent = connection.execute(
                select(func.count())
                .select_from(EmailCheckRow)
                .where(
                    EmailCheckRow.invitation_id == invitation_id,
                    EmailCheckRow.created_at > now - timedelta(hours=1),
                )
            ).scalar_one()
            if recent >= EMAIL_CODES_PER_HOUR:
                raise EmailCodeRefused("too_many")
            code = f"{secrets.randbelow(10**EMAIL_CODE_DIGITS):0{EMAIL_CODE_DIGITS}d}"
            connection.execute(
                insert(EmailCheckRow).values(
                    invitation_id=invitation_id,
                    email=email,
                    code_hash=_hash(invitation_id, email, code),
                    attempts=0,
                    created_at=now,
                    expires_at=now + EMAIL_CODE_VALIDITY,
                )
            )
        return code

    def verify(self, invitation_id: int, email: str, typed: str) -> int:
        """Return the id of the live check ``typed`` matches; count a wrong guess and refuse.

        Its own transaction, so that a wrong guess stays counted whatever the caller does next.
        """
        email, now = normalise_email(email), self.clock()
        refused = ""
        with self.db.begin() as connection:
            row = connection.execute(
                select(EmailCheckRow)
                .where(
                    EmailCheckRow.invitation_id == invitation_id,
                    EmailCheckRow.email == email,
                    EmailCheckRow.used_at.is_(None),
                )
                .order_by(EmailCheckRow.id.desc())
                .limit(1)
            ).first()
            if row is None or utc(row.expires_at) < now:
                refused = "missing"
            elif row.attempts >= EMAIL_CODE_ATTEMPTS:
                refused = "attempts"
            elif not hmac.compare_digest(
                row.code_hash, _hash(invitation_id, email, clean_code(typed))
            ):
                connection.execute(
                    update(EmailCheckRow)
                    .where(EmailCheckRow.id == row.id)
                    .values(attempts=EmailCheckRow.attempts + 1)
                )
                refused = "wrong" if row.attempts + 1 < EMAIL_CODE_ATTEMPTS else "attempts"
        # Raised after the transaction: the counted guess is committed first.
        if refused or row is None:
            raise EmailCodeRefused(refused or "missing")
        return int(row.id)

    def use(self, check_id: int) -> None:
        """Mark a check used; raise EmailCodeRefused when someone used it first."""
        with self.db.begin() as connection:
            used = connection.execute(
                update(EmailCheckRow)
                .where(EmailCheckRow.id == check_id, EmailCheckRow.used_at.is_(None))
                .values(used_at=self.clock())
            ).rowcount
        if not used:
            raise EmailCodeRefused("missing")
