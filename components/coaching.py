"""The coaches' page for now: their trajectories, invitations and password resets."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefs.access import (
    INVITATION_VALIDITY,
    RESET_VALIDITY,
    Principal,
    managed_trajectories,
)
from components.coach.dashboard import coach_dashboard
from components.state import account_store, programme_store, translator
from components.text import spreadsheet_safe
from storage.accounts import AccountRefused
from storage.repository import NotFound


def base_url() -> str:
    url = st.context.url or ""
    return url.split("/", 3)[0] + "//" + url.split("/", 3)[2] if url.count("/") >= 2 else ""


def coach_page(principal: Principal) -> None:
    t = translator()
    st.title(t("coach.title"))
    trajectories = managed_trajectories(principal, programme_store().trajectories())
    st.subheader(t("coach.trajectories"))
    st.dataframe(
        spreadsheet_safe(
            pd.DataFrame(
                [
                    {
                        "#": tr.number,
                        t("col.title"): tr.title,
                        t("col.municipality"): ", ".join(m.label for m in tr.members),
                    }
                    for tr in trajectories
                ]
            )
        ),
        hide_index=True,
        width="stretch",
    )
    if not trajectories:
        return
    coach_dashboard(principal, trajectories)
    st.subheader(t("coach.invite"))
    st.caption(t("coach.invite_help", days=INVITATION_VALIDITY.days))
    labels = {tr.id: f"{tr.number}. {tr.title}" for tr in trajectories}
    with st.form("invite"):
        trajectory_id = st.selectbox(
            t("coach.trajectory"),
            list(labels),
            format_func=lambda i: labels[i],
            key="invite_trajectory",
        )
        municipality = st.text_input(t("coach.municipality"), key="invite_municipality")
        email = st.text_input(t("coach.email"), key="invite_email")
        invite = st.form_submit_button(t("coach.make_invitation"))
    if invite and trajectory_id is not None:
        try:
            code = account_store().invite(principal, int(trajectory_id), municipality, email)
        except AccountRefused as refused:
            st.error(t(f"auth.account_{refused.reason}"))
        else:
            st.write(t("coach.invitation_link", days=INVITATION_VALIDITY.days))
            st.code(f"{base_url()}/auth/invite?code={code}", language=None)
    st.subheader(t("coach.reset"))
    with st.form("reset"):
        reset_email = st.text_input(t("coach.reset_email"), key="reset_email")
        reset = st.form_submit_button(t("coach.make_reset"))
    if reset:
        try:
            code = account_store().request_reset(principal, reset_email)
        except NotFound:
            st.error(t("coach.reset_unknown"))
        else:
            st.write(t("coach.reset_link", hours=int(RESET_VALIDITY.total_seconds() // 3600)))
            st.code(f"{base_url()}/auth/reset?code={code}", language=None)
