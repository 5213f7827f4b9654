"""The check at the door of every page: who is signed in, with which role, or away."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal, may_open
from components.state import account_store, client_address, current_principal, translator


def signed_in(page: str) -> Principal:
    """Return the signed-in person who may open ``page``; send visitors to the login page.

    The navigation offers each role only its pages (briefs/access.py's ROLE_PAGES); this
    check, by the same rule, makes a page reached another way (an old link, a test harness)
    refuse too.
    """
    principal = current_principal()
    if principal is None:
        st.switch_page("pages/login.py")
        st.stop()
    assert principal is not None
    if not may_open(principal, page):
        account_store().audit(principal.email, "access_refused", page, client_address())
        not_available()
    return principal


def not_available() -> None:
    st.error(translator()("app.not_available"))
    st.stop()
