"""A part's value shown read-only, as people read it: the one display for history and review."""

from __future__ import annotations

from typing import Any

import streamlit as st

from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.parts import PARTS, Kind
from briefs.present import EMPTY_CELL, Reader
from components.text import safe_table


def show_part(brief: Brief, key: str, value: Any, t: Translator) -> None:
    """Show one value of a part as plain text or a table of text, never as markup.

    Choices read in words, links as the rows they point to, dates and amounts as in nl_BE;
    a table's columns carry their titles, and an empty cell stays empty.
    """
    reader = Reader(brief, t)
    if PARTS[key].kind is Kind.ROWS:
        st.dataframe(safe_table(reader.rows(key, value), reader.headers(key)), hide_index=True)
    else:
        st.text(reader.scalar(key, value) or EMPTY_CELL)
