"""The web server: Streamlit's app.py plus the login routes; `make run` starts this file."""

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st
import uvicorn.config
from starlette.middleware import Middleware
from starlette.requests import HTTPConnection
from streamlit import config as streamlit_config
from streamlit import delta_generator
from streamlit.auth_util import get_cookie_with_chunks, get_expose_tokens_config
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.server.server_util import get_cookie_secret
from streamlit.web.server.starlette.starlette_app_utils import decode_signed_value
from streamlit.web.server.starlette.starlette_server_config import (
    TOKENS_COOKIE_NAME,
    USER_COOKIE_NAME,
)
from streamlit.web.server.starlette.starlette_websocket import gather_user_info

from core.settings import PROJECT_ROOT, settings
from web.auth import PrivatePages, UnknownAddresses, auth_routes
from web.media import SignedInMedia
from web.origins import OwnOriginOnly
from web.save_api import save_routes
from web.warm_up import start_warm_up

# uvicorn, which serves st.App, believes X-Forwarded-For from any loopback peer by default and
# rewrites the client address before the app sees it: a proxy on the same host that passes the
# header through unchanged would let anyone choose their address. The app decides alone, from
# the real peer, by KERNBRIEF_TRUSTED_PROXIES (core/clients.py). uvicorn read its setting
# before it imported this module, but wraps the app in its proxy middleware only after: put
# the app in unwrapped. tests/test_client_address.py checks this against the real server.
os.environ["FORWARDED_ALLOW_IPS"] = ""
setattr(uvicorn.config, "ProxyHeadersMiddleware", lambda app, trusted_hosts="": app)  # noqa: B010

# Refuse to start without a cookie-signing key outside demo mode: the message says what to set.
settings().signing_key()

# Streamlit checks a websocket's origin too, after web/origins.py: same host, or a host listed
# here. Behind a proxy that rewrites the Host header, the public URL must be listed for it.
if settings().public_origin:
    streamlit_config.set_option(
        "server.corsAllowedOrigins", [settings().public_origin], "KERNBRIEF_PUBLIC_URL"
    )


def single_sign_on_token(request: HTTPConnection) -> str | None:
    """The login-session token of the single sign-on this request's cookies carry, or None.

    The pages derive it from st.user's claims (services.single_sign_on.sign_in_token); the
    claims are rebuilt here as Streamlit builds st.user when the websocket opens
    (streamlit/web/server/starlette/starlette_websocket.py): its signed identity cookie, the
    exposed tokens, the trusted user headers. tests/test_media.py checks this against a
    real sign-on, so a Streamlit upgrade that builds them otherwise is caught there.
    """
    # Imported when first asked, not at the top: `streamlit run` imports this module before
    # it listens, and the database layers it pulls in are for requests (web/warm_up.py
    # imports them in the background as soon as the server is up).
    from services.single_sign_on import sign_in_token

    secret = get_cookie_secret()

    def one_cookie(name: str) -> bytes | None:
        value = request.cookies.get(name)
        return decode_signed_value(secret, name, value.encode("latin-1")) if value else None

    signed = get_cookie_with_chunks(one_cookie, USER_COOKIE_NAME)
    try:
        payload = json.loads(signed) if signed else None
        signed_tokens = get_cookie_with_chunks(one_cookie, TOKENS_COOKIE_NAME)
        tokens = json.loads(signed_tokens) if signed_tokens else None
    except ValueError:
        return None
    if not isinstance(payload, dict) or not payload.get("is_logged_in"):
        return None
    claims: dict[str, Any] = {"is_logged_in": payload["is_logged_in"]}
    claims.update((k, v) for k, v in payload.items() if k not in ("origin", "is_logged_in"))
    if isinstance(tokens, dict):
        exposed = (kind for kind in get_expose_tokens_config() if f"{kind}_token" in tokens)
        claims["tokens"] = {kind: tokens[f"{kind}_token"] for kind in exposed}
    claims.update(gather_user_info(request.headers))
    return sign_in_token(claims, settings().signing_key())


# The pages live in pages/ (the project's layout), and Streamlit takes a pages/ folder beside
# the main script for its old file-based navigation on the very first run of a fresh server:
# a deep link then shows "Page not found" (streamlit/streamlit#9992). app.py always calls
# st.navigation, so that old mode is never wanted; a test opens a fresh server by a deep link.
PagesManager.uses_pages_directory = False


# Before its first element in a process Streamlit checks whether it runs under `streamlit
# run` and, to word its warning, whether it runs in a REPL: that walks the stack with inspect,
# which indexes the file of every loaded module, 0.1–0.2 s of the first page. This server
# always runs under Streamlit: the check is marked as done. (Should Streamlit rename the flag,
# the check merely costs its time again.)
delta_generator._use_warning_has_been_displayed = True


# Before it listens, Streamlit reads the metadata of every installed distribution (0.15–0.2 s
# of a cold start) to find components that packages declare in their pyproject.toml. The
# app's one component is declared in code (components/part_editor.py) and no installed
# package declares any (tests/test_startup.py checks, so that adding one is noticed): the
# scan is skipped.
setattr(BidiComponentManager, "discover_and_register_components", lambda _self, **_: None)  # noqa: B010


@asynccontextmanager
async def warm_up_when_started(_app: st.App) -> AsyncIterator[None]:
    """Warm the pages' imports in the background once the server starts (web/warm_up.py)."""
    start_warm_up(PROJECT_ROOT, settings().database_url)
    yield


app = st.App(
    str(PROJECT_ROOT / "app.py"),
    lifespan=warm_up_when_started,
    routes=[*auth_routes(), *save_routes()],
    # The origin check first: a refused websocket or change reaches nothing else.
    middleware=[
        Middleware(OwnOriginOnly),
        Middleware(SignedInMedia, single_sign_on=single_sign_on_token),
        Middleware(PrivatePages),
        Middleware(UnknownAddresses),
    ],
)
