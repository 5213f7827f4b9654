"""The check at the door of every page: who is signed in, with which role, or away."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal, Role
from components.state import current_principal, translator


def signed_in(*roles: Role) -> Principal:
    """Return the signed-in person; send visitors to the login page and stop other roles.

    The navigation already offers each role only its pages; this check makes a page that is
    reached another way (an old link, a test harness) refuse too.
    """
    principal = current_principal()
    if principal is None:
        st.switch_page("pages/login.py")
        st.stop()
    assert principal is not None
    if roles and principal.role not in roles:
        not_available()
    return principal


def not_available() -> None:
    st.error(translator()("app.not_available"))
    st.stop()
