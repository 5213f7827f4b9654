"""A part's value shown read-only, as people read it: the one display for history and review."""

from __future__ import annotations

from typing import Any

import streamlit as st

from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.parts import PARTS, Kind
from briefs.present import EMPTY_CELL, Reader
from components.state import brief_store
from components.text import literal_table


def sketch_image(brief_id: int, sketch: dict[str, Any], index: int, t: Translator) -> None:
    """One sketch, its caption as the text screen readers hear, and the caption under it."""
    data = brief_store().image(brief_id, int(sketch["image_id"]))
    caption = str(sketch.get("caption") or "")
    if data is None:
        st.text(t("upload.missing_image"))
    else:
        st.image(data, width="stretch", alt=caption or t("upload.alt_untitled", n=index + 1))
    st.text(caption)


def _sketches(brief: Brief, value: Any, t: Translator) -> None:
    sketches = list(value or [])
    if not sketches:
        st.text(EMPTY_CELL)
    columns = st.columns(3)
    for index, sketch in enumerate(sketches):
        with columns[index % 3]:
            sketch_image(brief.id, sketch, index, t)


def show_part(brief: Brief, key: str, value: Any, t: Translator) -> None:
    """Show one value of a part as plain text or a table of text, never as markup.

    Choices read in words, links as the rows they point to, dates and amounts as in nl_BE;
    a table's columns carry their titles, and an empty cell stays empty.
    """
    reader = Reader(brief, t)
    if PARTS[key].kind is Kind.SKETCHES:
        _sketches(brief, value, t)
    elif PARTS[key].kind is Kind.ROWS:
        # A plain table whose text wraps, not a grid that scrolls sideways: a coach reads the
        # whole row at once, on any screen (cells escaped by literal_table).
        st.markdown(literal_table(reader.headers(key), reader.rows(key, value)))
    else:
        st.text(reader.scalar(key, value) or EMPTY_CELL)
