"""Addresses that are not a page of the signed-in role: answered in Dutch, not in a dialog."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import streamlit as st

from briefs.access import Principal
from briefs.i18n import Translator
from components.state import account_store, client_address

# What st.Page accepts as an address: one path segment of plain characters.
_ADDRESS = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


def requested_path() -> str:
    """Return the page address the browser asked for ("" for the home page or an odd one)."""
    url = st.context.url or ""
    path = urlparse(url).path.strip("/")
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :].strip("/")
    return path if _ADDRESS.match(path) else ""


def unknown_page_message(t: Translator, message_key: str, home: st.Page) -> None:
    """Say that this address is not a page here, and offer the way home."""
    title = (
        "app.not_available_title"
        if message_key == "app.not_available"
        else "app.page_missing_title"
    )
    st.title(t(title))
    st.info(t(message_key))
    st.page_link(home, label=t("app.page_home"), icon=":material/home:")


def not_for_role(principal: Principal, page: str, t: Translator, home: st.Page) -> None:
    """Refuse a page this role may not open (typed or old address), and log the attempt."""
    account_store().audit(principal.email, "access_refused", page, client_address())
    unknown_page_message(t, "app.not_available", home)
