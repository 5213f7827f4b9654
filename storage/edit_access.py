"""Edit tokens: let a signed-in person's browser save parts over HTTP, and nothing more.

The part editor saves through a plain HTTP request instead of a Streamlit rerun, so that a
save never races a page change and still leaves when a tab closes. The request carries an
edit token that the page handed to the browser: an HMAC over who may edit and which login
it belongs to. It is checked against the database on every save, so logging out, an idle
login, a login past its lifetime or a deactivated account stops it at once. It is not a
cookie, so another site cannot make the browser send it.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine

from briefs.access import Principal
from core.security import digest, new_token
from storage.login_sessions import DEFAULT_LIFETIME, LoginSessionStore
from storage.people import PeopleStore


@dataclass(frozen=True)
class EditGrant:
    """Who a valid edit token speaks for."""

    principal: Principal


def _mac(payload: str, key: bytes) -> str:
    return hmac.new(key, b"edit|" + payload.encode(), hashlib.sha256).hexdigest()


def issue(principal: Principal, login_token: str | None, key: bytes) -> str:
    """Return an edit token for this person and login session.

    Single sign-on has a login session too (services.single_sign_on); without one (None) the
    token refers to no session and never saves.
    """
    reference = digest(login_token or new_token())
    payload = f"{principal.person_id}.{reference}.0"
    return f"{payload}.{_mac(payload, key)}"


def verify(
    token: str,
    key: bytes,
    engine: Engine,
    idle: timedelta,
    lifetime: timedelta = DEFAULT_LIFETIME,
) -> EditGrant | None:
    """Return whom the token speaks for, or None when it is forged, expired or logged out."""
    parts = token.split(".")
    if len(parts) != 4:
        return None
    person, reference, expires, mac = parts
    payload = f"{person}.{reference}.{expires}"
    if not hmac.compare_digest(mac, _mac(payload, key)) or not person.isdigit():
        return None
    # The same rules as for the login cookie: over its idle time or lifetime, or ended, it
    # saves nothing. Typing is activity: a person who only types is not logged out as idle.
    if LoginSessionStore(engine).person_of_digest(reference, idle, lifetime) != int(person):
        return None
    principal = PeopleStore(engine).principal(int(person))
    return EditGrant(principal) if principal is not None else None
