"""One municipality's step under review: its parts read-only, *Stap gereviewd* and feedback.

The municipality picker is shared by the coach's tabs that show one municipality (review,
what changed, notes): the choice made in one stays in the others.
"""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal
from briefs.brief import Brief
from briefs.cohort import CohortRow, StepStatus
from briefs.i18n import Translator
from briefs.parts import parts_of_step
from briefs.steps import STEPS
from components.feedback import feedback_thread
from components.history import history_button, step_history_button
from components.part_view import show_part
from components.resilience import guarded
from components.state import keep_choice, mark_step, remember_choice

# The address keeps the coach's choices, so a refresh or a shared link shows the same brief.
MUNICIPALITY_PARAM = "brief"
STEP_PARAM = "stap"


def pick_municipality(rows: list[CohortRow], briefs: list[Brief], t: Translator) -> Brief | None:
    """The municipality the coach looks at, the same in every tab that shows one."""
    names = {row.brief_id: row.municipality for row in rows}
    keep_choice("review_brief", list(names), param=MUNICIPALITY_PARAM)
    brief_id = st.selectbox(
        t("dashboard.municipality"),
        list(names),
        format_func=lambda i: names[i],
        key="review_brief",
        on_change=remember_choice,
        args=("review_brief", MUNICIPALITY_PARAM),
    )
    return next((brief for brief in briefs if brief.id == brief_id), None)


def _pick_step(t: Translator) -> int | None:
    keep_choice("review_step", list(STEPS), param=STEP_PARAM)
    step = st.radio(
        t("dashboard.review_step"),
        list(STEPS),
        format_func=lambda s: t(f"step.{s}.title"),
        horizontal=True,
        key="review_step",
        on_change=remember_choice,
        args=("review_step", STEP_PARAM),
    )
    return None if step is None else int(step)


def _parts(brief: Brief, step: int, t: Translator) -> None:
    """The step's filled-in parts, read-only, each with its history."""
    step_history_button(brief, step, t, None)
    for spec in parts_of_step(step):
        value = brief.part(spec.key).value
        if not value:
            continue
        st.markdown(f"**{t(f'part.{spec.key}.title')}**")
        history_button(brief, spec.key, t, None)
        show_part(brief, spec.key, value, t)


def _mark_reviewed(brief_id: int, step: int, status: StepStatus, t: Translator) -> None:
    """'Reviewed' once there is something to review, and a way back from it."""
    st.text(t("review.status", status=t(f"status.{status}")))
    if status is StepStatus.NOT_STARTED:
        st.caption(t("review.nothing_to_review"))
    elif status is StepStatus.REVIEWED:
        st.button(
            t("review.unmark_reviewed"),
            key="unmark_reviewed",
            on_click=guarded(lambda: mark_step(brief_id, step, None)),
        )
    else:
        st.button(
            t("review.mark_reviewed"),
            key="mark_reviewed",
            on_click=guarded(lambda: mark_step(brief_id, step, StepStatus.REVIEWED)),
        )


def review_section(
    rows: list[CohortRow], briefs: list[Brief], principal: Principal, t: Translator
) -> None:
    st.header(t("dashboard.review"))
    brief = pick_municipality(rows, briefs, t)
    step = _pick_step(t)
    if brief is None or step is None:
        return
    row = next(row for row in rows if row.brief_id == brief.id)
    _parts(brief, step, t)
    _mark_reviewed(brief.id, step, row.statuses[step], t)
    st.subheader(t("review.feedback_coach"))
    feedback_thread(brief.id, step, principal, t)
