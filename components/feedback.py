"""A step's feedback thread, on the participant's step page and in the coach's review."""

from __future__ import annotations

import contextlib

import streamlit as st

from briefs.access import Principal, Role
from briefs.brief import Brief
from briefs.cohort import StepStatus, step_statuses
from briefs.feedback import Feedback, unread_per_step
from briefs.i18n import Translator
from components.resilience import DATABASE_ERRORS, guarded
from components.state import (
    clear_typed_text,
    feedback_problem,
    feedback_store,
    mark_step,
    open_when_asked,
    set_feedback_problem,
    typed_text,
)
from storage.feedback import FeedbackRefused


def _send(brief_id: int, step: int, widget_key: str) -> None:
    try:
        feedback_store().add_feedback(brief_id, step, typed_text(widget_key))
    except FeedbackRefused as refused:
        set_feedback_problem(brief_id, step, refused.reason)
    else:
        clear_typed_text(widget_key)
        set_feedback_problem(brief_id, step, None)


def _show_message(item: Feedback, t: Translator) -> None:
    who = t(
        "review.by",
        name=item.author_name,
        role=t(f"role.{item.author_role}"),
        moment=t.moment(item.created_at),
    )
    st.text(who + (" " + t("review.resolved") if item.resolved else ""))
    st.text(item.body)


def _reply(brief_id: int, step: int, open_thread: bool, label: str, t: Translator) -> None:
    """A box to write in, 'send', and 'resolved' while the thread is open."""
    widget_key = f"feedback_text:{brief_id}:{step}"
    st.text_area(label, key=widget_key, height=100)
    problem = feedback_problem(brief_id, step)
    if problem:
        st.error(t(f"review.{problem}"))
    send, resolve = st.columns(2)
    send.button(
        t("review.send"),
        key=f"feedback_send:{brief_id}:{step}",
        on_click=guarded(_send),
        args=(brief_id, step, widget_key),
    )
    if open_thread:
        resolve.button(
            t("review.resolve"),
            key=f"feedback_resolve:{brief_id}:{step}",
            on_click=guarded(lambda: feedback_store().resolve(brief_id, step)),
        )


def feedback_thread(brief_id: int, step: int, principal: Principal, t: Translator) -> None:
    """The step's messages as plain text, a reply box, and 'resolved'."""
    store = feedback_store()
    messages = [item for item in store.feedback([brief_id]) if item.step == step]
    if not messages:
        st.caption(t("review.none"))
    for item in messages:
        _show_message(item, t)
    # Only the unread count depends on it; if the database fails it is marked next time.
    with contextlib.suppress(*DATABASE_ERRORS):
        store.mark_read(brief_id)
    label = t("review.write") if principal.role is not Role.PARTICIPANT else t("review.reply")
    _reply(brief_id, step, any(not item.resolved for item in messages), label, t)


# The address parameter a link adds to open a step's feedback (the overview's "1 nieuw").
FEEDBACK_PARAM = "feedback"


def _mark_button(brief_id: int, step: int, status: StepStatus, t: Translator) -> None:
    """'Ready for review', or taking that back; nothing before anything is filled in, nor once
    a coach reviewed the step."""
    if status is StepStatus.NOT_STARTED:
        return
    if status is StepStatus.READY:
        st.button(
            t("review.unmark_ready"),
            key=f"unready:{step}",
            on_click=guarded(lambda: mark_step(brief_id, step, None)),
        )
    elif status is not StepStatus.REVIEWED:
        st.button(
            t("review.mark_ready"),
            key=f"ready:{step}",
            on_click=guarded(lambda: mark_step(brief_id, step, StepStatus.READY)),
        )


def participant_review(brief: Brief, step: int, principal: Principal, t: Translator) -> None:
    """On a step page: the step's status, 'ready for review', and the coaches' feedback.

    The status and the button stay in view; the messages fold. They are drawn, and marked
    read, only while the panel is open: a step opened is not a message read.
    """
    store = feedback_store()
    marks = store.marks([brief.id]).get(brief.id, {})
    status = step_statuses(brief, marks)[step]
    feedback = [item for item in store.feedback([brief.id]) if item.step == step]
    open_count = sum(1 for item in feedback if not item.resolved)
    unread = unread_feedback(brief, principal).get(step, 0)
    said, button = st.columns([3, 1], vertical_alignment="center")
    with said:
        line = t("review.status", status=t(f"status.{status}"))
        if feedback:
            line += " · " + t("review.messages", count=len(feedback), open=open_count)
        if unread:
            line += " · " + t("review.unread", count=unread)
        st.text(line)
    with button:
        _mark_button(brief.id, step, status, t)
    # A fixed label and opening state: Streamlit forgets an expander's state when either changes.
    panel_key = f"feedback_panel:{step}"
    open_when_asked(panel_key, FEEDBACK_PARAM)
    panel = st.expander(t("review.feedback"), key=panel_key, on_change="rerun")
    if panel.open:
        with panel:
            feedback_thread(brief.id, step, principal, t)


def unread_feedback(brief: Brief, principal: Principal) -> dict[int, int]:
    """Per step of the brief: messages this person has not read yet."""
    store = feedback_store()
    read_at = store.read_times([brief.id]).get(brief.id)
    return unread_per_step(store.feedback([brief.id]), principal.person_id, read_at)
