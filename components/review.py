"""Feedback threads and step marks, for participants on their steps and for coaches."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from briefs.access import Principal, Role, managed_trajectories
from briefs.brief import Brief
from briefs.calendar import workshops_ics
from briefs.changes import changes_since
from briefs.checks import SWOT_PARTS as SWOT_KEYS
from briefs.cohort import CohortRow, StepStatus, cohort_rows, readiness, step_statuses
from briefs.export.brief_doc import ExportOptions
from briefs.export.cohort import root_cause
from briefs.feedback import unread_per_step as unread_counts
from briefs.i18n import TIMEZONE, Translator, format_day, format_moment
from briefs.model import ActionStatus
from briefs.parts import PARTS, Kind, parts_of_step
from briefs.programme import next_workshop
from components import charts
from components.columns import rows_to_frame, visible_fields
from components.history import history_button, show_value, step_history_button
from components.resilience import DATABASE_ERRORS, guarded
from components.state import brief_store, programme_store, translator
from storage.exports import trajectory_export
from storage.feedback import FeedbackRefused, FeedbackStore

COMPARABLE = (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.ROWS)
STATUS_LEVEL = {
    StepStatus.NOT_STARTED: 0,
    StepStatus.IN_PROGRESS: 1,
    StepStatus.READY: 2,
    StepStatus.REVIEWED: 3,
}


def review_store() -> FeedbackStore:
    return FeedbackStore(programme_store(), brief_store().principal)


def _send(brief_id: int, step: int, widget_key: str) -> None:
    body = str(st.session_state.get(widget_key) or "")
    try:
        review_store().add_feedback(brief_id, step, body)
    except FeedbackRefused as refused:
        st.session_state[f"feedback_problem:{brief_id}:{step}"] = refused.reason
    else:
        st.session_state[widget_key] = ""
        st.session_state.pop(f"feedback_problem:{brief_id}:{step}", None)


def feedback_thread(brief_id: int, step: int, principal: Principal, t: Translator) -> None:
    """The step's messages as plain text, a reply box, and 'resolved'."""
    store = review_store()
    messages = [item for item in store.feedback([brief_id]) if item.step == step]
    if not messages:
        st.caption(t("review.none"))
    for item in messages:
        who = t(
            "review.by",
            name=item.author_name,
            role=t(f"role.{item.author_role}"),
            moment=format_moment(item.created_at),
        )
        st.text(who + (" " + t("review.resolved") if item.resolved else ""))
        st.text(item.body)
    # Only the unread count depends on it; if the database fails it is marked next time.
    with contextlib.suppress(*DATABASE_ERRORS):
        store.mark_read(brief_id)
    widget_key = f"feedback_text:{brief_id}:{step}"
    label = t("review.write") if principal.role is not Role.PARTICIPANT else t("review.reply")
    st.text_area(label, key=widget_key, height=100)
    problem = st.session_state.get(f"feedback_problem:{brief_id}:{step}")
    if problem:
        st.error(t(f"review.{problem}"))
    send, resolve = st.columns(2)
    send.button(
        t("review.send"),
        key=f"feedback_send:{brief_id}:{step}",
        on_click=guarded(_send),
        args=(brief_id, step, widget_key),
    )
    if any(not item.resolved for item in messages):
        resolve.button(
            t("review.resolve"),
            key=f"feedback_resolve:{brief_id}:{step}",
            on_click=guarded(lambda: review_store().resolve(brief_id, step)),
        )


def participant_review(brief: Brief, step: int, principal: Principal, t: Translator) -> None:
    """On a step page: the step's status, 'ready for review', and the coaches' feedback."""
    store = review_store()
    marks = store.marks([brief.id]).get(brief.id, {})
    status = step_statuses(brief, marks)[step]
    feedback = [item for item in store.feedback([brief.id]) if item.step == step]
    open_count = sum(1 for item in feedback if not item.resolved)
    title = t("review.feedback") + (f" ({open_count})" if open_count else "")
    with st.expander(title, expanded=bool(open_count)):
        st.text(t("review.status", status=t(f"status.{status}")))
        if status is StepStatus.READY:
            st.button(
                t("review.unmark_ready"),
                key=f"unready:{step}",
                on_click=guarded(lambda: review_store().mark(brief.id, step, None)),
            )
        elif status is not StepStatus.REVIEWED:
            st.button(
                t("review.mark_ready"),
                key=f"ready:{step}",
                on_click=guarded(lambda: review_store().mark(brief.id, step, StepStatus.READY)),
            )
        feedback_thread(brief.id, step, principal, t)


def unread_per_step(brief: Brief, principal: Principal) -> dict[int, int]:
    store = review_store()
    read_at = store.read_times([brief.id]).get(brief.id)
    return unread_counts(store.feedback([brief.id]), principal.person_id, read_at)


def _status_chart(rows: list[CohortRow], t: Translator) -> go.Figure:
    municipalities = [row.municipality for row in rows]
    steps = [t("dashboard.step", step=step) for step in (1, 2, 3, 4)]
    levels = [[STATUS_LEVEL[row.statuses[step]] for step in (1, 2, 3, 4)] for row in rows]
    labels = [[t(f"status.{row.statuses[step]}") for step in (1, 2, 3, 4)] for row in rows]
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


def _cell(row: CohortRow, step: int, t: Translator) -> str:
    return f"{t(f'status.{row.statuses[step]}')} · {round(row.progress[step] * 100)} %"


def coach_dashboard(principal: Principal) -> None:
    """The matrix, readiness for the next session, sessions, review and the cohort export."""
    t = translator()
    trajectories = managed_trajectories(principal, programme_store().trajectories())
    if not trajectories:
        return
    labels = {tr.id: f"{tr.number}. {tr.title}" for tr in trajectories}
    chosen = st.selectbox(
        t("dashboard.pick"),
        list(labels),
        format_func=lambda i: labels[i],
        key="dashboard_trajectory",
    )
    trajectory = next(tr for tr in trajectories if tr.id == chosen)
    refs = programme_store().briefs_in(trajectory.id)
    briefs = brief_store().load_many([ref.id for ref in refs])
    store = review_store()
    ids = [brief.id for brief in briefs]
    rows = cohort_rows(
        briefs, store.marks(ids), store.feedback(ids), store.read_times(ids), principal.person_id
    )
    st.subheader(t("dashboard.matrix"))
    sessions = programme_store().workshops(trajectory.id)
    upcoming = next_workshop(sessions, datetime.now(UTC))
    if upcoming is None:
        st.caption(t("dashboard.no_session"))
    elif rows:
        ready, total = readiness(rows, upcoming.step)
        st.info(
            t(
                "dashboard.readiness",
                step=upcoming.step,
                day=format_day(upcoming.starts_at.date()),
                ready=ready,
                total=total,
            )
        )
    if rows:
        charts.show(_status_chart(rows, t), "status_matrix")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("dashboard.municipality"): row.municipality,
                        **{
                            t("dashboard.step", step=step): _cell(row, step, t)
                            for step in (1, 2, 3, 4)
                        },
                        t("dashboard.open_checks"): row.open_checks,
                        t("dashboard.unread"): row.unread,
                        t("dashboard.last_change"): format_moment(row.last_change) or "—",
                    }
                    for row in rows
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    st.subheader(t("sessions.title"))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("sessions.number"): session.number,
                    t("sessions.when"): format_moment(session.starts_at),
                    t("sessions.mode"): t(f"mode.{session.mode}"),
                    t("sessions.place"): session.place,
                    t("sessions.step"): session.step,
                }
                for session in sessions
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.download_button(
        t("sessions.download"),
        data=workshops_ics(trajectory, sessions, t),
        file_name=f"werksessies-leertraject-{trajectory.number}.ics",
        mime="text/calendar",
        key="sessions_ics",
    )
    if rows:
        _review(rows, briefs, principal, t)
        compare_section(briefs, t)
    if st.button(t("dashboard.export"), key="cohort_export"):
        name, data = trajectory_export(brief_store(), trajectory.number, ExportOptions(), t)
        st.download_button(
            t("dashboard.export_ready", name=name),
            data=data,
            file_name=name,
            mime="application/zip",
            key="cohort_download",
        )


def _review(
    rows: list[CohortRow], briefs: list[Brief], principal: Principal, t: Translator
) -> None:
    st.subheader(t("dashboard.review"))
    by_id = {brief.id: brief for brief in briefs}
    names = {row.brief_id: row.municipality for row in rows}
    brief_id = st.selectbox(
        t("dashboard.municipality"), list(names), format_func=lambda i: names[i], key="review_brief"
    )
    step = st.radio(
        t("dashboard.review_step"),
        [1, 2, 3, 4],
        format_func=lambda s: t(f"step.{s}.title"),
        horizontal=True,
        key="review_step",
    )
    if brief_id is None or step is None:
        return
    brief = by_id[int(brief_id)]
    step_history_button(brief, int(step), t, None)
    for spec in parts_of_step(int(step)):
        value = brief.part(spec.key).value
        if not value:
            continue
        st.markdown(f"**{t(f'part.{spec.key}.title')}**")
        history_button(brief, spec.key, t, None)
        show_value(brief, spec.key, value, t)
    status = next(row for row in rows if row.brief_id == brief.id).statuses[int(step)]
    st.text(t("review.status", status=t(f"status.{status}")))
    if status is not StepStatus.REVIEWED:
        st.button(
            t("review.mark_reviewed"),
            key="mark_reviewed",
            on_click=guarded(lambda: review_store().mark(brief.id, int(step), StepStatus.REVIEWED)),
        )
    st.markdown(f"**{t('review.feedback_coach')}**")
    feedback_thread(brief.id, int(step), principal, t)
    _changes(brief, t)
    _notes(brief, t)


def _changes(brief: Brief, t: Translator) -> None:
    """What the municipality changed since a date; by default since the last session."""
    st.subheader(t("changes.title"))
    sessions = programme_store().workshops(brief.trajectory_id)
    now = datetime.now(UTC)
    past = [s.starts_at for s in sessions if s.starts_at <= now]
    default = (max(past) if past else now - timedelta(days=14)).astimezone(TIMEZONE).date()
    since_day = st.date_input(
        t("changes.since"), value=default, key=f"changes_since:{brief.id}", format="DD/MM/YYYY"
    )
    if not isinstance(since_day, date):
        return
    since = datetime.combine(since_day, time.min, tzinfo=TIMEZONE)
    changes = changes_since(brief_store().history(brief.id), since)
    if not changes:
        st.caption(t("changes.none"))
    for change in changes:
        st.markdown(f"**{t(f'step.{change.step}.title')} · {t(f'part.{change.key}.title')}**")
        st.text("\n".join(change.lines))


def _notes(brief: Brief, t: Translator) -> None:
    store = review_store()
    with st.expander(t("notes.title", municipality=brief.municipality)):
        notes = store.notes(brief.trajectory_id, brief.municipality)
        if not notes:
            st.caption(t("notes.none"))
        for when, who, body in notes:
            st.text(f"{who}, {format_moment(when)}")
            st.text(body)
        widget_key = f"note_text:{brief.id}"
        st.text_area(t("notes.new"), key=widget_key, height=80)
        st.button(
            t("notes.save"),
            key=f"note_save:{brief.id}",
            on_click=guarded(_save_note),
            args=(brief, widget_key),
        )


def _save_note(brief: Brief, widget_key: str) -> None:
    try:
        review_store().add_note(
            brief.trajectory_id, brief.municipality, str(st.session_state.get(widget_key) or "")
        )
    except FeedbackRefused:
        return
    st.session_state[widget_key] = ""


def compare_section(briefs: list[Brief], t: Translator) -> None:
    """One part side by side for every municipality, to prepare the session's discussion."""
    st.subheader(t("compare.title"))
    keys = ["root_cause", "swot", *(spec.key for spec in PARTS.values() if spec.kind in COMPARABLE)]
    key = st.selectbox(
        t("compare.part"),
        keys,
        format_func=lambda k: (
            t(f"compare.{k}")
            if k in ("swot", "root_cause")
            else f"{PARTS[k].step} · {t(f'part.{k}.title')}"
        ),
        key="compare_part",
    )
    if key is None:
        return
    ordered = sorted(briefs, key=lambda b: b.municipality)
    municipality = t("dashboard.municipality")
    if key == "root_cause":
        causes = [
            {municipality: b.municipality, t("link.root_cause"): root_cause(b)} for b in ordered
        ]
        found = [cause for cause in causes if cause[t("link.root_cause")]]
        st.dataframe(pd.DataFrame(found), hide_index=True, width="stretch")
        return
    if key == "swot":
        columns = st.columns(2) + st.columns(2)
        for column, quadrant in zip(columns, SWOT_KEYS, strict=True):
            items = [
                {municipality: b.municipality, t("col.text"): row["text"]}
                for b in ordered
                for row in b.part(quadrant).value or []
            ]
            column.markdown(f"**{t(f'part.{quadrant}.title')}**")
            column.dataframe(
                pd.DataFrame(items, columns=[municipality, t("col.text")]), hide_index=True
            )
        return
    spec = PARTS[key]
    if spec.row_model is None:
        frame = pd.DataFrame(
            [
                {municipality: b.municipality, t(f"part.{key}.title"): b.text(key)}
                for b in ordered
                if b.text(key)
            ]
        )
    else:
        pieces = []
        for b in ordered:
            rows = b.part(key).value or []
            if rows:
                piece = rows_to_frame(spec.row_model, rows)[visible_fields(spec.row_model)]
                piece.insert(0, municipality, b.municipality)
                pieces.append(piece)
        frame = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()
        if "status" in frame.columns:
            chosen = st.multiselect(
                t("compare.status_filter"),
                [status.value for status in ActionStatus],
                format_func=lambda s: t(f"enum.{s}"),
                key="compare_status",
            )
            if chosen:
                frame = frame[frame["status"].isin(chosen)]
        frame = frame.rename(columns={c: t(f"col.{c}") for c in frame.columns if t.has(f"col.{c}")})
    if frame.empty:
        st.caption(t("compare.empty"))
    else:
        st.dataframe(frame, hide_index=True, width="stretch")
