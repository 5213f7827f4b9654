"""The web server: Streamlit's app.py plus the login routes; `make run` starts this file."""

import json
import os
from collections.abc import Mapping

import streamlit as st
import uvicorn.config
from starlette.middleware import Middleware
from streamlit import config as streamlit_config
from streamlit.auth_util import get_cookie_with_chunks
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.server.server_util import get_cookie_secret
from streamlit.web.server.starlette.starlette_app_utils import decode_signed_value
from streamlit.web.server.starlette.starlette_server_config import USER_COOKIE_NAME

from core.settings import PROJECT_ROOT, settings
from web.auth import PrivatePages, UnknownAddresses, auth_routes
from web.media import SignedInMedia
from web.origins import OwnOriginOnly
from web.save_api import save_routes

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


def single_sign_on_email(cookies: Mapping[str, str]) -> str | None:
    """The e-mail of a Streamlit single-sign-on login, read from its signed cookie as Streamlit
    reads it for the websocket; None without one (or without single sign-on configured)."""
    secret = get_cookie_secret()

    def one_cookie(name: str) -> bytes | None:
        value = cookies.get(name)
        return decode_signed_value(secret, name, value.encode("latin-1")) if value else None

    signed = get_cookie_with_chunks(one_cookie, USER_COOKIE_NAME)
    try:
        user = json.loads(signed) if signed else {}
    except ValueError:
        return None
    email = user.get("email") if isinstance(user, dict) and user.get("is_logged_in") else None
    return email if isinstance(email, str) and email else None


# The pages live in pages/ (the project's layout), and Streamlit takes a pages/ folder beside
# the main script for its old file-based navigation on the very first run of a fresh server:
# a deep link then shows "Page not found" (streamlit/streamlit#9992). app.py always calls
# st.navigation, so that old mode is never wanted; a test opens a fresh server by a deep link.
PagesManager.uses_pages_directory = False

app = st.App(
    str(PROJECT_ROOT / "app.py"),
    routes=[*auth_routes(), *save_routes()],
    # The origin check first: a refused websocket or change reaches nothing else.
    middleware=[
        Middleware(OwnOriginOnly),
        Middleware(SignedInMedia, single_sign_on=single_sign_on_email),
        Middleware(PrivatePages),
        Middleware(UnknownAddresses),
    ],
)
