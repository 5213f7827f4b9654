"""The one place that touches st.session_state: language, demo user, stores and save state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import streamlit as st

from briefs.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator
from briefs.parts import Problem
from briefs.programme import BriefRef, Person
from storage.db import default_url, engine_for
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore

# Chosen values live under plain keys; widgets get their own keys. Streamlit drops a widget's
# state when a run is interrupted before the widget is drawn (a quick page change), and the
# choice must survive that.
LANGUAGE_KEY = "ui_language"
LANGUAGE_WIDGET = "language"
BRIEF_WIDGET = "brief_pick"
USER_KEY = "demo_user"
BRIEF_KEY = "brief_id"
USER_PARAM = "deelnemer"
LANGUAGE_PARAM = "taal"


@st.cache_resource
def _stores(url: str) -> tuple[SqlBriefStore, SqlProgrammeStore]:
    engine = engine_for(url)
    return SqlBriefStore(engine), SqlProgrammeStore(engine)


def brief_store() -> SqlBriefStore:
    return _stores(default_url())[0]


def programme_store() -> SqlProgrammeStore:
    return _stores(default_url())[1]


def language() -> str:
    state = st.session_state
    if LANGUAGE_KEY not in state:
        wanted = st.query_params.get(LANGUAGE_PARAM, DEFAULT_LANGUAGE)
        state[LANGUAGE_KEY] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return str(state[LANGUAGE_KEY])


def translator() -> Translator:
    return Translator(language())


def language_picker() -> None:
    """Offer the language switch; the choice survives a refresh through the address bar."""
    t = translator()
    st.session_state[LANGUAGE_WIDGET] = language()
    st.sidebar.selectbox(
        t("app.language"),
        LANGUAGES,
        key=LANGUAGE_WIDGET,
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        on_change=_copy_choice,
        args=(LANGUAGE_WIDGET, LANGUAGE_KEY),
    )
    _keep_param(LANGUAGE_PARAM, language(), DEFAULT_LANGUAGE)


def _copy_choice(widget_key: str, state_key: str) -> None:
    st.session_state[state_key] = st.session_state[widget_key]


def _keep_param(name: str, value: str, default: str | None = None) -> None:
    if value == default:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def current_user() -> Person | None:
    """Return who is working; the seam that the accounts issue replaces.

    Until accounts exist, the demo participant is picked on the start page and kept in the
    address so that a refresh lands in the same brief.
    """
    state = st.session_state
    if USER_KEY not in state:
        raw = st.query_params.get(USER_PARAM, "")
        state[USER_KEY] = int(raw) if raw.isdigit() else None
    person_id = state[USER_KEY]
    if person_id is None:
        return None
    try:
        person = programme_store().person(int(person_id))
    except NotFound:
        state[USER_KEY] = None
        return None
    _keep_param(USER_PARAM, str(person.id))
    return person


def sign_in_demo(person_id: int) -> None:
    st.session_state[USER_KEY] = person_id
    st.session_state.pop(BRIEF_KEY, None)
    st.query_params[USER_PARAM] = str(person_id)


def sign_out_demo() -> None:
    st.session_state[USER_KEY] = None
    st.session_state.pop(BRIEF_KEY, None)
    if USER_PARAM in st.query_params:
        del st.query_params[USER_PARAM]


def brief_picker(refs: list[BriefRef], titles: dict[int, str], label: str) -> None:
    """Let a municipality that takes part in several trajectories choose the brief."""
    st.session_state[BRIEF_WIDGET] = st.session_state.get(BRIEF_KEY)
    st.sidebar.selectbox(
        label,
        [ref.id for ref in refs],
        key=BRIEF_WIDGET,
        format_func=lambda brief_id: titles[brief_id],
        on_change=_copy_choice,
        args=(BRIEF_WIDGET, BRIEF_KEY),
    )


def current_brief_ref(person: Person) -> BriefRef | None:
    """Return the brief the person works on: theirs, never another municipality's."""
    own = programme_store().briefs_of(person.municipality)
    if not own:
        return None
    chosen = st.session_state.get(BRIEF_KEY)
    for ref in own:
        if ref.id == chosen:
            return ref
    st.session_state[BRIEF_KEY] = own[0].id
    return own[0]


@dataclass
class PartProblem:
    """Why the last save of a part did not go through, and what the user had typed."""

    kind: str  # "invalid", "conflict" or "database"
    mine: Any
    theirs: Any = None
    theirs_version: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PartState:
    """What this session shows of one part: the version it is based on and any problem."""

    base_version: int
    shown_value: Any
    problem: PartProblem | None = None
    saved_now: datetime | None = None
    editor_generation: int = 0


def part_state(brief_id: int, key: str) -> PartState | None:
    value = st.session_state.get(f"part_state:{brief_id}:{key}")
    return value if isinstance(value, PartState) else None


def set_part_state(brief_id: int, key: str, state: PartState) -> None:
    st.session_state[f"part_state:{brief_id}:{key}"] = state


def widget_value(widget_key: str) -> Any:
    return st.session_state.get(widget_key)


def set_widget_value(widget_key: str, value: Any) -> None:
    st.session_state[widget_key] = value


def has_widget(widget_key: str) -> bool:
    return widget_key in st.session_state


def export_result(brief_id: int) -> Any:
    """Return the last document built in this session for the brief, with its options."""
    return st.session_state.get(f"export:{brief_id}")


def set_export_result(brief_id: int, result: Any) -> None:
    st.session_state[f"export:{brief_id}"] = result
