"""The trajectory's workshops as a table and as an .ics calendar to download."""

from __future__ import annotations

import streamlit as st

from briefs.calendar import workshops_ics
from briefs.i18n import Translator
from briefs.programme import Trajectory, Workshop
from components.text import safe_table


def _row(workshop: Workshop, t: Translator) -> dict[str, object]:
    return {
        t("sessions.number"): workshop.number,
        t("sessions.when"): t.moment(workshop.starts_at),
        t("sessions.mode"): t(f"mode.{workshop.mode}"),
        t("sessions.place"): workshop.place,
        t("sessions.step"): workshop.step,
    }


def workshops_section(trajectory: Trajectory, workshops: list[Workshop], t: Translator) -> None:
    st.header(t("sessions.title"))
    st.dataframe(
        safe_table([_row(workshop, t) for workshop in workshops]),
        hide_index=True,
        width="stretch",
    )
    st.download_button(
        t("sessions.download"),
        data=workshops_ics(trajectory, workshops, t),
        file_name=f"werksessies-leertraject-{trajectory.number}.ics",
        mime="text/calendar",
        key="workshops_ics",
    )
