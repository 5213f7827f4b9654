"""The web server: Streamlit's app.py plus the login routes; `make run` starts this file."""

import streamlit as st
from starlette.middleware import Middleware

from components.web import PrivatePages, auth_routes
from storage.config import secret_key
from storage.db import PROJECT_ROOT

# Refuse to start without a cookie-signing key outside demo mode: the message says what to set.
secret_key()

app = st.App(
    str(PROJECT_ROOT / "app.py"),
    routes=auth_routes(),
    middleware=[Middleware(PrivatePages)],
)
