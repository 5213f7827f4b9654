"""The login page for visitors, and the account page for everyone signed in."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefs.access import Principal
from components.state import (
    account_store,
    programme_store,
    sso_configured,
    sso_email,
    sso_outcome,
    translator,
)
from components.text import md_literal, spreadsheet_safe
from components.workspace import database_unreachable
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
    st.write(t("start.intro"))
    st.write(t("auth.intro"))
    st.link_button(t("auth.login"), f"/auth/login?taal={t.language}", type="primary")
    if sso_configured():
        if outcome == single_sign_on.ENDED:
            st.info(t("auth.sso_ended"))
        st.button(t("auth.sso"), key="sso_login", on_click=st.login)
    try:
        trajectories = programme_store().trajectories()
    except DATABASE_ERRORS:
        database_unreachable(t)
        return
    st.subheader(t("start.trajectories"))
    st.caption(t("start.uncertain"))
    st.dataframe(
        spreadsheet_safe(
            pd.DataFrame(
                [
                    {
                        "#": trajectory.number,
                        t("col.title"): trajectory.title,
                        t("col.municipality"): ", ".join(m.label for m in trajectory.members),
                        "": trajectory.edition,
                    }
                    for trajectory in trajectories
                ]
            )
        ),
        hide_index=True,
        width="stretch",
    )


def account_page(principal: Principal) -> None:
    t = translator()
    st.title(t("account.title"))
    st.text(f"{principal.name} · {principal.email}")
    st.text(t("account.role", role=t(f"role.{principal.role}")))
    st.subheader(t("account.change_password"))
    with st.form("change_password", clear_on_submit=True):
        current = st.text_input(t("auth.current_password"), type="password", key="pw_current")
        new = st.text_input(t("auth.new_password"), type="password", key="pw_new")
        again = st.text_input(t("auth.password_again"), type="password", key="pw_again")
        submitted = st.form_submit_button(t("auth.save_password"))
    if submitted:
        if new != again:
            st.error(t("auth.passwords_differ"))
            return
        try:
            account_store().change_password(principal, current, new)
        except AccountRefused as refused:
            st.error(t(f"auth.account_{refused.reason}"))
        else:
            st.success(t("account.password_changed"))
