"""The web server: Streamlit's app.py plus the login routes; `make run` starts this file."""

import os

import streamlit as st
import uvicorn.config
from starlette.middleware import Middleware
from streamlit import config as streamlit_config
from streamlit.runtime.pages_manager import PagesManager

from core.settings import PROJECT_ROOT, settings
from web.auth import PrivatePages, UnknownAddresses, auth_routes
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
        Middleware(PrivatePages),
        Middleware(UnknownAddresses),
    ],
)
