"""ASGI middleware: only the app's own pages open its websocket or send it changes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from briefs.catalogue import CATALOGUE
from core.origins import SAFE_METHODS, origin_allowed
from core.settings import settings

# Both languages at once: a page of another site says nothing about the visitor's choice.
REFUSED = " / ".join(CATALOGUE["app.foreign_origin"]).encode()


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class OwnOriginOnly:
    """Refuse a websocket, and any request that changes something, from another site's page.

    The websocket carries everything a signed-in person does in Streamlit, and Streamlit's
    own check admits a page on any port of the same host, and a request without an Origin.
    Browsers always send Origin when they open a websocket and on every POST, PUT and DELETE,
    so: a websocket without our origin is refused, and so is a changing request with another
    origin. A changing request without any Origin comes from a program, not from a page in a
    browser, and is left to the route's own checks (the save API's edit token, the forms'
    CSRF value). Our origin is KERNBRIEF_PUBLIC_URL when set, else the address the browser
    asked for (core/origins.py).
    """

    def __init__(self, app: Callable[..., Awaitable[None]]):
        self.app = app

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        checked = kind == "websocket" or (
            origin is not None and scope.get("method", "GET") not in SAFE_METHODS
        )
        allowed = origin_allowed(origin, _header(scope, b"host") or "", settings().public_origin)
        if not checked or allowed:
            await self.app(scope, receive, send)
            return
        if kind == "websocket":
            # Closing before accepting makes the server answer the handshake with 403.
            await send({"type": "websocket.close", "code": 1008})
            return
        await send(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(REFUSED)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": REFUSED})
