"""Kernbrief: page set-up, who is signed in, and the navigation each role gets."""

import streamlit as st

from briefs.access import Role
from components.state import language_picker, translator
from components.workspace import principal_or_stop, signed_in_sidebar

st.set_page_config(page_title="Kernbrief", page_icon="📘", layout="wide")

t = translator()
principal = principal_or_stop(t)
# The language switch lives here, not in a page, so that it keeps its value across pages.
language_picker()


def page(path: str, title_key: str, url: str, default: bool = False) -> st.Page:
    return st.Page(path, title=t(title_key), url_path=url, default=default)


account = page("pages/account.py", "nav.account", "account")
if principal is None:
    pages = [page("pages/login.py", "nav.login", "aanmelden", default=True)]
elif principal.role is Role.PARTICIPANT:
    pages = [
        page("pages/overview.py", "nav.overview", "overzicht", default=True),
        page("pages/step_1_challenge.py", "nav.step1", "uitdaging"),
        page("pages/step_2_explore.py", "nav.step2", "verkennen"),
        page("pages/step_3_prototype.py", "nav.step3", "testen"),
        page("pages/step_4_roadmap.py", "nav.step4", "stappenplan"),
        page("pages/export.py", "nav.export", "exporteren"),
        account,
    ]
elif principal.role is Role.FACILITATOR:
    pages = [page("pages/coach.py", "nav.coach", "begeleiding", default=True), account]
else:
    pages = [
        page("pages/programme.py", "nav.programme", "programma", default=True),
        page("pages/coach.py", "nav.coach", "begeleiding"),
        page("pages/people.py", "nav.people", "mensen"),
        page("pages/audit.py", "nav.audit", "logboek"),
        account,
    ]
if principal is not None:
    signed_in_sidebar(principal, t)
st.navigation(pages, position="sidebar" if principal else "hidden").run()
