"""Edit tokens: let a signed-in person's browser save parts over HTTP, and nothing more.

The part editor saves through a plain HTTP request instead of a Streamlit rerun, so that a
save never races a page change and still leaves when a tab closes. The request carries an
edit token that the page handed to the browser: an HMAC over who may edit and which login
it belongs to. It is checked against the database on every save, so logging out, an idle
login or a deactivated account stops it at once. It is not a cookie, so another site cannot
make the browser send it.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select, update

from briefs.access import Principal
from core.security import digest, new_token
from storage.login_sessions import LOGIN_SESSION_TOUCH
from storage.people import PeopleStore
from storage.repository import utc
from storage.tables import AuthSessionRow


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


def verify(token: str, key: bytes, engine: Engine, idle: timedelta) -> EditGrant | None:
    """Return whom the token speaks for, or None when it is forged, expired or logged out."""
    parts = token.split(".")
    if len(parts) != 4:
        return None
    person, reference, expires, mac = parts
    payload = f"{person}.{reference}.{expires}"
    if not hmac.compare_digest(mac, _mac(payload, key)) or not person.isdigit():
        return None
    with engine.connect() as connection:
        login = connection.execute(
            select(AuthSessionRow.person_id, AuthSessionRow.last_seen_at).where(
                AuthSessionRow.token_hash == reference
            )
        ).first()
    if login is None or login.person_id != int(person):
        return None
    now = datetime.now(UTC)
    if utc(login.last_seen_at) < now - idle:
        return None
    if utc(login.last_seen_at) < now - LOGIN_SESSION_TOUCH:
        # Typing is activity: a person who only types must not be logged out as idle.
        with engine.begin() as connection:
            connection.execute(
                update(AuthSessionRow)
                .where(AuthSessionRow.token_hash == reference)
                .values(last_seen_at=now)
            )
    principal = PeopleStore(engine).principal(int(person))
    return EditGrant(principal) if principal is not None else None
