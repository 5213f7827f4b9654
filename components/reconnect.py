"""A page reconnected to another app server is drawn again there before the user acts."""

from datetime import timedelta

import streamlit as st

# Streamlit's page asks for a new run when its websocket reconnects only if it holds a
# fragment that reruns on a timer (App.handleConnectionStateChanged in Streamlit 1.67's
# frontend); otherwise it expects its old session back. Behind the proxy that session may have
# been on a server that died: the new server starts a new session that knows no widget of the
# page yet, so the first button click or upload after the reconnect ran no callback and was
# lost (tests/test_cluster.py). This fragment draws nothing and reruns once an hour.
TIMER = timedelta(hours=1)


@st.fragment(run_every=TIMER)
def redraw_after_reconnect() -> None:
    """Draw nothing: being on the page makes Streamlit run it again after a reconnect."""
