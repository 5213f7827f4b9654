"""Kernbrief: page set-up, who is signed in, and the navigation each role gets."""

import logging
import secrets
from collections.abc import Callable
from typing import Literal

import streamlit as st

from briefs.access import Principal, pages_of
from briefs.steps import STEP_SPECS
from components.chrome import chrome_in_language
from components.navigation import not_for_role, requested_path, unknown_page_message
from components.reconnect import redraw_after_reconnect
from components.resilience import DATABASE_ERRORS, show_notice
from components.state import language_picker, remember_wanted_page, translator
from components.workspace import principal_or_stop, signed_in_sidebar
from web.warm_up import first_page_drawn

st.set_page_config(page_title="Kernbrief", page_icon="📘", layout="wide")

t = translator()
principal = principal_or_stop(t)
# The language switch lives here, not in a page, so that it keeps its value across pages.
language_picker()
show_notice(t)
redraw_after_reconnect()

# Every address of every role: (file, title, address). The first of a role is its home.
PAGES = {
    "login": ("pages/login.py", "nav.login", "aanmelden"),
    "overview": ("pages/overview.py", "nav.overview", "overzicht"),
    **{step.key: (step.page_file, f"nav.step{step.number}", step.address) for step in STEP_SPECS},
    "export": ("pages/export.py", "nav.export", "exporteren"),
    "coach": ("pages/coach.py", "nav.coach", "begeleiding"),
    "programme": ("pages/programme.py", "nav.programme", "programma"),
    "people": ("pages/people.py", "nav.people", "mensen"),
    "audit": ("pages/audit.py", "nav.audit", "logboek"),
    "account": ("pages/account.py", "nav.account", "account"),
}
HOME_ADDRESS = "start"


def page(
    name: str, default: bool = False, visibility: Literal["visible", "hidden"] = "visible"
) -> st.Page:
    path, title_key, url = PAGES[name]
    # Streamlit serves the default page at "/" only and reserves its address without ever
    # answering it ("Page not found"); the home page's own address is a hidden twin below.
    return st.Page(
        path,
        title=t(title_key),
        url_path=HOME_ADDRESS if default else url,
        default=default,
        visibility="visible" if default else visibility,
    )


def hidden(url: str, body: Callable[[], None], title_key: str = "app.title") -> st.Page:
    return st.Page(body, title=t(title_key), url_path=url, visibility="hidden")


def to_login(url: str) -> Callable[[], None]:
    """A visitor's way from a page address to the start page, keeping where they wanted to go."""

    def go() -> None:
        remember_wanted_page(url)
        st.switch_page(home)

    return go


def refused(signed: Principal, name: str) -> Callable[[], None]:
    return lambda: not_for_role(signed, name, t, home)


names = pages_of(principal)
pages = [page(name, default=index == 0) for index, name in enumerate(names)]
home = pages[0]

# Every address that exists for some role is answered: the home page's own address by its
# twin, others with the login page for visitors and a Dutch "not for your role" otherwise.
extra = [page(names[0], visibility="hidden")]
for name, (_path, _title, url) in PAGES.items():
    if name in names:
        continue
    if principal is None:
        extra.append(hidden(url, to_login(url), "nav.login"))
    elif name == "login":
        extra.append(hidden(url, lambda: st.switch_page(home)))
    else:
        extra.append(hidden(url, refused(principal, name), "app.not_available_title"))
known = {HOME_ADDRESS} | {url for _path, _title, url in PAGES.values()}
wanted = requested_path()
if wanted and wanted not in known:
    extra.append(
        hidden(
            wanted,
            lambda: unknown_page_message(t, "app.page_unknown", home),
            "app.page_missing_title",
        )
    )

if principal is not None:
    signed_in_sidebar(principal, t)
try:
    current = st.navigation([*pages, *extra], position="sidebar" if principal else "hidden")
    # Each tab and bookmark named after its page, and the app after it.
    name = current.title
    st.set_page_config(page_title=name if "Kernbrief" in name else f"{name} · Kernbrief")
    current.run()
except DATABASE_ERRORS:
    # The last line of defence: whatever a page forgot to catch is said in Dutch, no trace.
    st.error(t("db.page"))
except Exception:
    # Any other failure: a short message with a code to quote, the trace in the server log.
    # (Streamlit's rerun and stop signals are BaseExceptions and pass through.)
    code = secrets.token_hex(4)
    logging.getLogger("kernbrief").exception("page failed, code %s", code)
    st.error(t("app.error", code=code))
finally:
    # After the page, not before: the browser loads the component's JavaScript (0.4 s on a
    # first visit) while the page's own elements are already on screen. In a finally, as a
    # page may end with st.stop().
    chrome_in_language(t)
    # Even when the page stops or reruns: the server's warm-up waits for a first page.
    first_page_drawn()
