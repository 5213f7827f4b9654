"""Database trouble shown in Dutch, never as a traceback: for page sections and callbacks."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from briefs.i18n import Translator
from components.state import pop_notice
from storage.db import DATABASE_ERRORS
from storage.repository import NotFound

__all__ = ["DATABASE_ERRORS", "database_section", "guarded", "show_notice", "show_page_notice"]
NOTICE_KEY = "database_notice"


def guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a widget callback: a database error becomes a notice on the next run.

    A login that ended meanwhile (in another tab, or by idle time) makes the store refuse
    with NotFound: nothing is done, and the run that follows finds no login and says so.
    """

    @functools.wraps(callback)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except DATABASE_ERRORS:
            st.session_state[NOTICE_KEY] = True
            return None
        except NotFound:
            return None

    return wrapper


@contextmanager
def database_section(t: Translator, message: str = "db.section") -> Iterator[None]:
    """Draw a part of a page; if the database fails, say so there and draw the rest."""
    try:
        yield
    except DATABASE_ERRORS:
        st.error(t(message))


def show_notice(t: Translator) -> None:
    """Tell about an action that could not reach the database in the last run."""
    if st.session_state.pop(NOTICE_KEY, False):
        st.error(t("db.action"))


def show_page_notice(t: Translator) -> None:
    """Show the message an action left for this run (e.g. after a restore)."""
    notice = pop_notice()
    if notice is None:
        return
    kind, key, params = notice
    show = {"success": st.success, "info": st.info}.get(kind, st.error)
    show(t(key, **params))
