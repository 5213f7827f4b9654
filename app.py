"""Kernbrief: page set-up, who is working, and the navigation."""

import streamlit as st

from components.state import language_picker, translator
from components.workspace import signed_in_or_stop

st.set_page_config(page_title="Kernbrief", page_icon="📘", layout="wide")

t = translator()
signed_in = signed_in_or_stop(t)
pages = [
    st.Page("pages/overview.py", title=t("nav.overview"), url_path="overzicht", default=signed_in),
    st.Page("pages/step_1_challenge.py", title=t("nav.step1"), url_path="uitdaging"),
    st.Page("pages/step_2_explore.py", title=t("nav.step2"), url_path="verkennen"),
    st.Page("pages/step_3_prototype.py", title=t("nav.step3"), url_path="testen"),
    st.Page("pages/step_4_roadmap.py", title=t("nav.step4"), url_path="stappenplan"),
    st.Page("pages/export.py", title=t("nav.export"), url_path="exporteren"),
    st.Page("pages/start.py", title=t("nav.start"), url_path="start", default=not signed_in),
]
# The language switch lives here, not in a page, so that it keeps its value across pages.
language_picker()
# Without a participant only the start page is reachable; the others send you back to it.
st.navigation(pages, position="sidebar" if signed_in else "hidden").run()
