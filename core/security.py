"""Security primitives: the login cookie, signed values, token digests and password hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# The name of the HttpOnly cookie that carries a signed login-session token ...
LOGIN_COOKIE = "kernbrief_login"
# ... and its name with secure cookies on. A browser keeps a "__Host-" cookie only when it
# was set over HTTPS with Secure, Path=/ and no Domain, so no other subdomain and no plain
# HTTP answer can plant or overwrite it.
SECURE_LOGIN_COOKIE = "__Host-" + LOGIN_COOKIE

# Argon2 with the library's defaults; one hasher for the whole process.
_HASHER = PasswordHasher()


def login_cookie_name(secure: bool) -> str:
    """Return the login cookie's name: every writer and reader of the cookie asks here."""
    return SECURE_LOGIN_COOKIE if secure else LOGIN_COOKIE


def digest(secret: str) -> str:
    """Store only a hash of tokens and codes: a copy of the database logs no one in."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token(length: int = 32) -> str:
    """Return a fresh random token for a login session (32) or a one-time code (24)."""
    return secrets.token_urlsafe(length)


def sign(token: str, key: bytes) -> str:
    """Return ``token`` with its HMAC, as a cookie value."""
    mac = hmac.new(key, token.encode(), hashlib.sha256).hexdigest()
    return f"{token}.{mac}"


def unsign(cookie: str | None, key: bytes) -> str | None:
    """Return the token of a signed cookie value, or None when the signature does not match."""
    if not cookie or "." not in cookie:
        return None
    token, mac = cookie.rsplit(".", 1)
    expected = hmac.new(key, token.encode(), hashlib.sha256).hexdigest()
    return token if hmac.compare_digest(mac, expected) else None


def hash_password(password: str) -> str:
    """Return the Argon2 hash to store for ``password``."""
    return _HASHER.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    """Tell whether ``password`` matches the stored hash; None (no password) never matches.

    Without a stored hash the password is checked against a dummy one, so that an unknown
    e-mail is answered as slowly as a known one and reveals nothing.
    """
    try:
        _HASHER.verify(stored or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


@cache
def _dummy_hash() -> str:
    # Hashed once per process: hashing costs tens of milliseconds.
    return _HASHER.hash(secrets.token_urlsafe(16))
