"""The login page for visitors, and the account page for everyone signed in."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal
from briefs.devices import device_words
from briefs.i18n import Translator
from components.resilience import database_section, guarded, show_page_notice
from components.state import (
    change_my_password,
    end_my_logins,
    my_logins,
    programme_store,
    sso_configured,
    sso_email,
    sso_outcome,
    translator,
    wanted_page,
)
from components.text import literal_table, md_literal, safe_table
from components.workspace import database_unreachable
from core.settings import settings
from services import single_sign_on
from storage.accounts import AccountRefused
from storage.db import DATABASE_ERRORS


def login_page() -> None:
    """Visitors see what Kernbrief is, the programme, and the way in.

    A single-sign-on identity that is not linked to an account sees one message and a way
    out, nothing of the programme: the message does not say whether an account exists.
    """
    t = translator()
    st.title(t("start.title"))
    outcome = sso_outcome()
    if outcome == single_sign_on.REFUSED:
        st.warning(t("auth.sso_unknown", email=md_literal(sso_email() or "–")))
        st.button(t("auth.logout"), key="sso_logout", on_click=st.logout)
        return
    # Why this page shows instead of the one the person was on: a login that ended, or
    # "Overal afmelden".
    show_page_notice(t)
    st.write(t("start.intro"))
    st.write(t("auth.intro"))
    wanted = wanted_page()
    after = f"&volgende={wanted}" if wanted else ""
    # Opens in this tab: components/chrome.js sets the target of links to /auth/.
    st.link_button(t("auth.login"), f"/auth/login?taal={t.language}{after}", type="primary")
    if sso_configured():
        if outcome == single_sign_on.ENDED:
            st.info(t("auth.sso_ended"))
        st.button(t("auth.sso"), key="sso_login", on_click=st.login)
    try:
        trajectories = programme_store().trajectories()
    except DATABASE_ERRORS:
        database_unreachable(t)
        return
    st.header(t("start.trajectories"))
    st.caption(t("start.uncertain"))
    st.markdown(
        literal_table(
            ("#", t("col.title"), t("col.municipality"), t("col.edition")),
            (
                (
                    trajectory.number,
                    trajectory.title,
                    ", ".join(m.label for m in trajectory.members),
                    trajectory.edition,
                )
                for trajectory in trajectories
            ),
        )
    )


def account_page(principal: Principal) -> None:
    t = translator()
    st.title(t("account.title"))
    show_page_notice(t)
    st.text(f"{principal.name} · {principal.email}")
    st.text(t("account.role", role=t(f"role.{principal.role}")))
    st.header(t("account.change_password"))
    with st.form("change_password", clear_on_submit=True):
        current = st.text_input(t("auth.current_password"), type="password", key="pw_current")
        new = st.text_input(t("auth.new_password"), type="password", key="pw_new")
        st.caption(t("auth.password_rule"))
        again = st.text_input(t("auth.password_again"), type="password", key="pw_again")
        submitted = st.form_submit_button(t("auth.save_password"))
    if submitted:
        _change_password(principal, current, new, again, t)
    with database_section(t):
        _logins(principal, t)


def _change_password(
    principal: Principal, current: str, new: str, again: str, t: Translator
) -> None:
    if new != again:
        st.error(t("auth.passwords_differ"))
        return
    try:
        change_my_password(principal, current, new)
    except AccountRefused as refused:
        st.error(t(f"auth.account_{refused.reason}"))
    except DATABASE_ERRORS:
        st.error(t("db.action"))
    else:
        st.success(t("account.password_changed"))


def _logins(principal: Principal, t: Translator) -> None:
    """The person's logins that have not ended, and the buttons that end them."""
    configured = settings()
    st.header(t("account.logins"))
    st.caption(
        t("account.logins_help", minutes=configured.idle_minutes, hours=configured.session_hours)
    )
    logins = my_logins(principal)
    if not logins:
        st.info(t("account.no_logins"))
    else:
        # A table shows every cell as text: the browser's words came from the browser.
        rows = [
            {
                t("account.login_device"): device_words(login.user_agent, t),
                t("account.login_started"): t.moment(login.started),
                t("account.login_last_seen"): t.moment(login.last_seen),
                t("account.login_this"): t("account.this_login") if login.current else "",
            }
            for login in logins
        ]
        st.dataframe(safe_table(rows), hide_index=True, width="stretch")
    others = [login for login in logins if not login.current]
    left, right = st.columns(2)
    left.button(
        t("account.end_others"),
        key="end_other_logins",
        disabled=not others,
        on_click=guarded(end_my_logins),
        args=(principal, False),
    )
    right.button(
        t("account.end_everywhere"),
        key="end_all_logins",
        type="primary",
        on_click=guarded(end_my_logins),
        args=(principal, True),
    )
