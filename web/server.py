"""The web server: Streamlit's app.py plus the login routes; `make run` starts this file."""

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from core.settings import PROJECT_ROOT, settings
from web.auth import PrivatePages, UnknownAddresses, auth_routes
from web.save_api import save_routes

# Refuse to start without a cookie-signing key outside demo mode: the message says what to set.
settings().signing_key()

# The pages live in pages/ (the project's layout), and Streamlit takes a pages/ folder beside
# the main script for its old file-based navigation on the very first run of a fresh server:
# a deep link then shows "Page not found" (streamlit/streamlit#9992). app.py always calls
# st.navigation, so that old mode is never wanted; a test opens a fresh server by a deep link.
PagesManager.uses_pages_directory = False

app = st.App(
    str(PROJECT_ROOT / "app.py"),
    routes=[*auth_routes(), *save_routes()],
    middleware=[Middleware(PrivatePages), Middleware(UnknownAddresses)],
)
