"""The coaches' private notes on a municipality, which its participants never see."""

from __future__ import annotations

import streamlit as st

from briefs.brief import Brief
from briefs.i18n import Translator
from components.resilience import guarded
from components.state import clear_typed_text, feedback_store, typed_text
from components.text import md_literal
from storage.feedback import FeedbackRefused


def _save_note(brief: Brief, widget_key: str) -> None:
    try:
        feedback_store().add_note(brief.trajectory_id, brief.municipality, typed_text(widget_key))
    except FeedbackRefused:
        return
    clear_typed_text(widget_key)


def notes_section(brief: Brief, t: Translator) -> None:
    # A heading of its own, not a label: a municipality's name is user text (no markdown there).
    st.header(t("notes.title", municipality=md_literal(brief.municipality)))
    notes = feedback_store().notes(brief.trajectory_id, brief.municipality)
    if not notes:
        st.caption(t("notes.none"))
    for when, who, body in notes:
        st.text(f"{who}, {t.moment(when)}")
        st.text(body)
    widget_key = f"note_text:{brief.id}"
    st.text_area(t("notes.new"), key=widget_key, height=80)
    st.button(
        t("notes.save"),
        key=f"note_save:{brief.id}",
        on_click=guarded(_save_note),
        args=(brief, widget_key),
    )
