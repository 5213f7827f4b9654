"""The check at the door of every page: who is signed in, or back to the login page."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal
from components.state import current_principal


def signed_in() -> Principal:
    principal = current_principal()
    if principal is None:
        st.switch_page("pages/login.py")
        st.stop()
    assert principal is not None
    return principal
