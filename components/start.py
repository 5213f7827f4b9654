"""The start page: what Kernbrief is, the trajectories, and the demo participant picker."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy.exc import DBAPIError, OperationalError

from components.state import (
    current_user,
    programme_store,
    sign_in_demo,
    sign_out_demo,
    translator,
)
from components.workspace import database_unreachable


def start_page() -> None:
    t = translator()
    st.title(t("start.title"))
    st.write(t("start.intro"))
    try:
        people = programme_store().people()
        trajectories = programme_store().trajectories()
        signed_in = current_user()
    except (OperationalError, DBAPIError):
        database_unreachable(t)
        return
    if not people:
        st.warning(t("start.no_users"))
        return
    st.info(t("start.demo_notice"))
    labels = {p.id: f"{p.name} — {p.municipality}" for p in people}
    choice = st.selectbox(
        t("start.pick"),
        list(labels),
        format_func=lambda person_id: labels[person_id],
        index=list(labels).index(signed_in.id) if signed_in else 0,
        key="demo_pick",
    )
    if signed_in is not None:
        st.button(t("app.switch_user"), key="sign_out", on_click=sign_out_demo)
    if st.button(t("start.go"), key="go", type="primary"):
        sign_in_demo(int(choice))
        st.switch_page("pages/overview.py")
    st.subheader(t("start.trajectories"))
    st.caption(t("start.uncertain"))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "#": trajectory.number,
                    t("col.title"): trajectory.title,
                    t("overview.coaches"): ", ".join(trajectory.coaches),
                    t("col.municipality"): ", ".join(m.label for m in trajectory.members),
                    "": trajectory.edition,
                }
                for trajectory in trajectories
            ]
        ),
        hide_index=True,
        width="stretch",
    )
