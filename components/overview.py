"""The participant's overview: trajectory, next session, progress, to-do list and links."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from briefs.checks import run_checks
from briefs.i18n import Translator
from briefs.links import chains
from briefs.parts import PARTS, THEMES_PART, section_of, sections_of_step
from briefs.programme import Trajectory, next_workshop
from briefs.progress import started_steps, step_progress
from briefs.steps import STEPS
from briefs.theme_choice import shown_themes, trajectory_theme
from components.feedback import FEEDBACK_PARAM, unread_feedback
from components.state import programme_store
from components.text import literal_table, md_literal
from components.workspace import (
    SECTION_PARAM,
    Workspace,
    open_workspace,
    show_checks,
    step_page_target,
)


def _start_here(t: Translator) -> None:
    """For a brief with nothing in it yet: one clear first thing to do."""
    first = sections_of_step(STEPS[0])[0]
    with st.container(border=True):
        st.subheader(t("overview.start_title"))
        st.write(t("overview.start"))
        st.page_link(
            step_page_target(first.step),
            label=t("overview.start_link"),
            icon=":material/arrow_forward:",
            query_params={SECTION_PARAM: first.key},
        )


def _next_session(trajectory: Trajectory, t: Translator) -> None:
    st.markdown(f"**{t('overview.next_session')}**")
    upcoming = next_workshop(programme_store().workshops(trajectory.id), datetime.now(UTC))
    if upcoming is None:
        st.write(t("overview.no_next_session"))
        return
    place = f", {upcoming.place}" if upcoming.place else ""
    st.write(
        t(
            "overview.next_session_value",
            number=upcoming.number,
            day=t.day(upcoming.starts_at.date()),
            mode=t(f"mode.{upcoming.mode}"),
            place=place,
            step=upcoming.step,
        )
    )


def _themes(workspace: Workspace) -> None:
    """Which theme modules the brief holds, and where to add one."""
    t, brief = workspace.t, workspace.brief
    own = trajectory_theme(brief)
    others = [t(f"enum.{theme.value}") for theme in shown_themes(brief) if theme is not own]
    lines = [t("overview.theme_own", theme=t(f"enum.{own.value}"))] if own else []
    if others:
        lines.append(t("overview.themes_added", themes=", ".join(others)))
    st.markdown(f"**{t('overview.themes')}**")
    st.write("; ".join(lines) if lines else t("overview.themes_none"))
    st.page_link(
        step_page_target(PARTS[THEMES_PART].step),
        label=t("overview.themes_add"),
        query_params={SECTION_PARAM: section_of(THEMES_PART).key},
    )


def _unread(workspace: Workspace) -> None:
    t = workspace.t
    unread = unread_feedback(workspace.brief, workspace.principal)
    if not unread:
        return
    st.warning(t("review.unread_overview", count=sum(unread.values())))
    for step, count in sorted(unread.items()):
        st.page_link(
            step_page_target(step),
            label=f"{t(f'nav.step{step}')}: {t('review.unread', count=count)}",
            query_params={FEEDBACK_PARAM: "open"},
        )


def _progress(progress: dict[int, float], t: Translator) -> None:
    st.header(t("overview.progress"))
    if not any(progress.values()):
        st.caption(t("overview.progress_empty"))
    # Streamlit's own bars, not a plotly chart: a browser opening its first page then need not
    # load and compile plotly's 4.7 MB of JavaScript, and a screen reader reads them.
    for step, share in progress.items():
        percent = round(share * 100)
        label = t("overview.progress_step", step=t(f"nav.step{step}"), percent=percent)
        st.progress(percent, text=label)


def overview_page() -> None:
    workspace = open_workspace("overview")
    if workspace is None:
        return
    t, brief, trajectory = workspace.t, workspace.brief, workspace.trajectory
    st.title(t("overview.title"))
    st.header(t("overview.trajectory", number=trajectory.number, title=trajectory.title))
    facts = st.columns(3)
    last = brief.last_saved()
    for column, label, value in (
        (facts[0], t("overview.municipality"), brief.municipality),
        (facts[1], t("overview.coaches"), ", ".join(trajectory.coaches)),
        (facts[2], t("overview.last_saved", moment="").strip(": "), t.moment(last) or "—"),
    ):
        column.caption(label)
        column.markdown(f"**{md_literal(value)}**")
    _next_session(trajectory, t)
    _themes(workspace)
    _unread(workspace)
    progress = step_progress(brief)
    if not started_steps(brief):
        _start_here(t)
    left, right = st.columns([2, 3])
    with left:
        _progress(progress, t)
    with right:
        checks = run_checks(brief)
        st.header(f"{t('overview.todo')} ({len(checks)})")
        show_checks(checks, t)
    st.header(t("overview.trace"))
    st.caption(t("overview.trace_help"))
    lines = chains(brief, t)
    if not lines:
        st.info(t("overview.trace_none"))
    else:
        header = [
            t("link.root_cause"),
            t("col.direction"),
            t("col.test"),
            t("link.roadmap.actions", n="").strip(),
            t("col.objective"),
        ]
        rows = [
            [
                line.origin or "—",
                line.direction,
                line.test or "—",
                line.action or "—",
                line.objective or "—",
            ]
            for line in lines
        ]
        # A plain table whose text wraps: every link of the chain in view on any screen.
        st.markdown(literal_table(header, rows))
