"""ASGI middleware: sketches and downloads under /media/ only for someone signed in right now.

Streamlit serves what st.image and st.download_button show at /media/<id>.<ext>, to anyone
who asks, for as long as some session shows it. The id is no secret worth the name: a
128-bit BLAKE2b of the bytes, their type and file name (streamlit/runtime/
memory_media_file_storage.py, ``_calculate_file_id``), unkeyed. It cannot be guessed without
the image, but it is the same for everyone who has the same file, and a URL travels: browser
history, a forwarded link, a proxy's log. So every /media/ request must carry a live login:
the same check the pages make (the signed login cookie of a login session that has not
ended and was not idle too long), or Streamlit's identity cookie of a single sign-on whose
login session is live.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from core.security import unsign
from core.settings import settings

MEDIA_PREFIX = "/media/"
# The login-session token of a single sign-on, from Streamlit's identity cookie (web/server.py).
SingleSignOn = Callable[[HTTPConnection], str | None]


def signed_in(request: HTTPConnection, single_sign_on: SingleSignOn | None = None) -> bool:
    """Tell whether a request carries a live login; runs in a worker thread (database).

    A login cookie, or a single sign-on: both are login sessions, live until logout, idle
    time, their lifetime or a password reset ends them, checked as the pages check them.
    """
    # The database layers are imported on the first request, not with the module: the server
    # imports this before it listens (web/warm_up.py imports them once it is up).
    from storage.accounts import AccountStore
    from storage.db import app_engine

    configured = settings()
    store = AccountStore(app_engine())
    tokens = [
        unsign(request.cookies.get(configured.login_cookie), configured.signing_key()),
        single_sign_on(request) if single_sign_on is not None else None,
    ]
    return any(
        token and store.resolve_login_session(token, configured.idle, configured.session_lifetime)
        for token in tokens
    )


class SignedInMedia:
    """Answer /media/ requests without a live login with an empty 404: nothing to see, not
    even whether the file exists."""

    def __init__(
        self, app: Callable[..., Awaitable[None]], single_sign_on: SingleSignOn | None = None
    ):
        self.app = app
        self.single_sign_on = single_sign_on

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(MEDIA_PREFIX):
            await self.app(scope, receive, send)
            return
        from storage.db import DATABASE_ERRORS

        try:
            allowed = await run_in_threadpool(signed_in, HTTPConnection(scope), self.single_sign_on)
        except DATABASE_ERRORS:
            allowed = False  # a login that cannot be checked is no login
        if allowed:
            await self.app(scope, receive, send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 404,
                "headers": [(b"content-length", b"0"), (b"cache-control", b"no-store")],
            }
        )
        await send({"type": "http.response.body", "body": b""})
