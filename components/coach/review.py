"""One municipality's step under review: its parts read-only, *Stap gereviewd* and feedback."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal
from briefs.brief import Brief
from briefs.cohort import CohortRow, StepStatus
from briefs.i18n import Translator
from briefs.parts import parts_of_step
from briefs.steps import STEPS
from components.coach.changes import changes_section
from components.coach.notes import notes_section
from components.feedback import feedback_thread
from components.history import history_button, step_history_button
from components.part_view import show_part
from components.resilience import guarded
from components.state import mark_step


def _pick(rows: list[CohortRow], t: Translator) -> tuple[CohortRow, int] | None:
    """The municipality and the step the coach chose to review."""
    names = {row.brief_id: row.municipality for row in rows}
    brief_id = st.selectbox(
        t("dashboard.municipality"), list(names), format_func=lambda i: names[i], key="review_brief"
    )
    step = st.radio(
        t("dashboard.review_step"),
        list(STEPS),
        format_func=lambda s: t(f"step.{s}.title"),
        horizontal=True,
        key="review_step",
    )
    if brief_id is None or step is None:
        return None
    return next(row for row in rows if row.brief_id == int(brief_id)), int(step)


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
    st.text(t("review.status", status=t(f"status.{status}")))
    if status is not StepStatus.REVIEWED:
        st.button(
            t("review.mark_reviewed"),
            key="mark_reviewed",
            on_click=guarded(lambda: mark_step(brief_id, step, StepStatus.REVIEWED)),
        )


def review_section(
    rows: list[CohortRow], briefs: list[Brief], principal: Principal, t: Translator
) -> None:
    st.header(t("dashboard.review"))
    picked = _pick(rows, t)
    if picked is None:
        return
    row, step = picked
    brief = next(brief for brief in briefs if brief.id == row.brief_id)
    _parts(brief, step, t)
    _mark_reviewed(brief.id, step, row.statuses[step], t)
    st.markdown(f"**{t('review.feedback_coach')}**")
    feedback_thread(brief.id, step, principal, t)
    changes_section(brief, t)
    notes_section(brief, t)
