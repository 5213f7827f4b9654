"""The coach's workspace for one trajectory, in tabs: overview, review, what changed, compare,
sessions, notes and participants. Only the open tab is drawn (and its address kept in the URL)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import streamlit as st

from briefs.access import Principal
from briefs.brief import Brief
from briefs.cohort import CohortRow, StepStatus, behind, cohort_rows, readiness
from briefs.export.options import ExportOptions
from briefs.i18n import Translator
from briefs.programme import Trajectory, Workshop, next_workshop
from briefs.steps import STEPS
from components import charts
from components.coach.changes import changes_section
from components.coach.compare import compare_section
from components.coach.notes import notes_section
from components.coach.review import pick_municipality, review_section
from components.coach.workshops import workshops_section
from components.state import (
    brief_store,
    feedback_store,
    named_tabs,
    programme_store,
    translator,
)
from components.text import md_literal, safe_table
from services.exports import export_cohort

if TYPE_CHECKING:
    import plotly.graph_objects as go

STATUS_LEVEL = {
    StepStatus.NOT_STARTED: 0,
    StepStatus.IN_PROGRESS: 1,
    StepStatus.READY: 2,
    StepStatus.REVIEWED: 3,
}


@dataclass(frozen=True)
class Cohort:
    """The briefs of a trajectory and their rows in the matrix."""

    briefs: list[Brief]
    rows: list[CohortRow]


def load_cohort(trajectory_id: int, principal: Principal) -> Cohort:
    """Read every brief, mark and message of the trajectory in bulk: no query per cell."""
    refs = programme_store().briefs_in(trajectory_id)
    briefs = brief_store().load_many([ref.id for ref in refs])
    store = feedback_store()
    ids = [brief.id for brief in briefs]
    marks, feedback, reads = store.marks(ids), store.feedback(ids), store.read_times(ids)
    return Cohort(briefs, cohort_rows(briefs, marks, feedback, reads, principal.person_id))


def _pick_trajectory(trajectories: list[Trajectory], t: Translator) -> Trajectory:
    labels = {tr.id: f"{tr.number}. {tr.title}" for tr in trajectories}
    chosen = st.selectbox(
        t("dashboard.pick"),
        list(labels),
        format_func=lambda i: labels[i],
        key="dashboard_trajectory",
    )
    return next(tr for tr in trajectories if tr.id == chosen)


def readiness_note(rows: list[CohortRow], upcoming: Workshop | None, t: Translator) -> None:
    """How many municipalities have the step of the next workshop ready, and who is behind."""
    if upcoming is None:
        st.caption(t("dashboard.no_session"))
        return
    if not rows:
        return
    ready, total = readiness(rows, upcoming.step)
    day = t.day(upcoming.starts_at.date())
    st.info(t("dashboard.readiness", step=upcoming.step, day=day, ready=ready, total=total))
    late = [row.municipality for row in rows if behind(row, upcoming.step)]
    if late:
        names = md_literal(", ".join(late))
        st.warning(
            t("dashboard.behind_list", number=upcoming.number, step=upcoming.step, names=names)
        )


def _status_chart(rows: list[CohortRow], t: Translator) -> go.Figure:
    import plotly.graph_objects as go  # when drawn: see components/charts.py

    # Plotly reads HTML in axis labels and hover text: a typed name must stay text.
    municipalities = [html.escape(row.municipality) for row in rows]
    steps = [t("dashboard.step", step=step) for step in STEPS]
    levels = [[STATUS_LEVEL[row.statuses[step]] for step in STEPS] for row in rows]
    labels = [[t(f"status.{row.statuses[step]}") for step in STEPS] for row in rows]
    figure = go.Figure(
        go.Heatmap(
            z=levels,
            x=steps,
            y=municipalities,
            text=labels,
            texttemplate="%{text}",
            zmin=0,
            zmax=3,
            showscale=False,
            colorscale=[[0, "#eeeeee"], [0.34, "#fde9b4"], [0.67, "#b9dcc2"], [1, "#2f8f6b"]],
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(height=80 + 36 * len(rows), margin={"l": 10, "r": 10, "t": 10, "b": 10})
    return figure


def _next_session_cell(row: CohortRow, upcoming: Workshop, t: Translator) -> str:
    if row.statuses[upcoming.step] in (StepStatus.READY, StepStatus.REVIEWED):
        return t("dashboard.ready")
    return t("dashboard.behind") if behind(row, upcoming.step) else t("dashboard.on_track")


def _matrix_row(row: CohortRow, upcoming: Workshop | None, t: Translator) -> dict[str, object]:
    first: dict[str, object] = {t("dashboard.municipality"): row.municipality}
    if upcoming is not None:
        label = t("dashboard.next", number=upcoming.number)
        first[label] = _next_session_cell(row, upcoming, t)
    cells = {
        t("dashboard.step", step=step): (
            f"{t(f'status.{row.statuses[step]}')} · {round(row.progress[step] * 100)} %"
        )
        for step in STEPS
    }
    return {
        **first,
        **cells,
        t("dashboard.open_checks"): row.open_checks,
        t("dashboard.unread"): row.unread,
        t("dashboard.last_change"): t.moment(row.last_change) or "—",
    }


def matrix(rows: list[CohortRow], upcoming: Workshop | None, t: Translator) -> None:
    """Status and completeness per municipality and step, as a sortable table and a heatmap.

    The table first: it is what a coach reads, and it draws before the chart's JavaScript.
    """
    if not rows:
        return
    st.dataframe(
        safe_table([_matrix_row(row, upcoming, t) for row in rows]),
        hide_index=True,
        width="stretch",
    )
    charts.show(_status_chart(rows, t), "status_matrix")


def _cohort_export(trajectory: Trajectory, t: Translator) -> None:
    if st.button(t("dashboard.export"), key="cohort_export"):
        name, data = export_cohort(brief_store(), trajectory.number, ExportOptions(), t)
        st.download_button(
            t("dashboard.export_ready", name=name),
            data=data,
            file_name=name,
            mime="application/zip",
            key="cohort_download",
        )


# Each tab by its name in the address (``?tab=notities``), in the users' language like the
# pages' own addresses, and the same in both languages of the screen.
TABS = {
    "overview": "overzicht",
    "review": "review",
    "changes": "wijzigingen",
    "compare": "vergelijken",
    "sessions": "sessies",
    "notes": "notities",
    "people": "deelnemers",
}
TAB_PARAM = "tab"


def coach_dashboard(
    principal: Principal,
    trajectories: list[Trajectory],
    trajectories_table: Callable[[], None],
    participants: Callable[[Trajectory], None],
) -> None:
    """One of the coach's trajectories, in tabs; only the open one is drawn."""
    if not trajectories:
        return
    t = translator()
    trajectory = _pick_trajectory(trajectories, t)
    cohort = load_cohort(trajectory.id, principal)
    workshops = programme_store().workshops(trajectory.id)
    upcoming = next_workshop(workshops, datetime.now(UTC))
    readiness_note(cohort.rows, upcoming, t)
    shown, tab = named_tabs(
        TAB_PARAM, list(TABS.values()), [t(f"coach.tab.{name}") for name in TABS]
    )
    rows, briefs = cohort.rows, cohort.briefs

    def one_municipality(section: Callable[[Brief, Translator], None]) -> None:
        brief = pick_municipality(rows, briefs, t)
        if brief is not None:
            section(brief, t)

    def overview() -> None:
        st.header(t("dashboard.matrix"))
        matrix(rows, upcoming, t)
        _cohort_export(trajectory, t)
        trajectories_table()

    # What each tab draws; those about municipalities only once the trajectory has some.
    draw: dict[str, Callable[[], None]] = {
        "overview": overview,
        "sessions": lambda: workshops_section(trajectory, workshops, t),
        "people": lambda: participants(trajectory),
    }
    if rows:
        draw["review"] = lambda: review_section(rows, briefs, principal, t)
        draw["changes"] = lambda: one_municipality(changes_section)
        draw["compare"] = lambda: compare_section(briefs, t)
        draw["notes"] = lambda: one_municipality(notes_section)
    name = next(name for name, address in TABS.items() if address == shown)
    if name in draw:
        with tab:
            draw[name]()
