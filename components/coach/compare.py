"""One part side by side for every municipality, to prepare the workshop's discussion."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefs.brief import Brief
from briefs.checks import SWOT_PARTS
from briefs.export.cohort import root_cause
from briefs.i18n import Translator
from briefs.model import ActionStatus, Row
from briefs.parts import PARTS, Kind, PartSpec
from components.columns import rows_to_frame, visible_fields

COMPARABLE = (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.ROWS)
# Two views that are not a single part: the last why of each chain, and the four quadrants.
ROOT_CAUSE = "root_cause"
SWOT = "swot"


def _label(key: str, t: Translator) -> str:
    if key in (SWOT, ROOT_CAUSE):
        return t(f"compare.{key}")
    return f"{PARTS[key].step} · {t(f'part.{key}.title')}"


def _root_causes(briefs: list[Brief], t: Translator) -> None:
    municipality, label = t("dashboard.municipality"), t("link.root_cause")
    causes = ((b.municipality, root_cause(b)) for b in briefs)
    found = [{municipality: name, label: cause} for name, cause in causes if cause]
    st.dataframe(pd.DataFrame(found), hide_index=True, width="stretch")


def _swot(briefs: list[Brief], t: Translator) -> None:
    municipality, text = t("dashboard.municipality"), t("col.text")
    columns = st.columns(2) + st.columns(2)
    for column, quadrant in zip(columns, SWOT_PARTS, strict=True):
        items = [
            {municipality: b.municipality, text: row["text"]}
            for b in briefs
            for row in b.part(quadrant).value or []
        ]
        column.markdown(f"**{t(f'part.{quadrant}.title')}**")
        column.dataframe(pd.DataFrame(items, columns=[municipality, text]), hide_index=True)


def _text_frame(key: str, briefs: list[Brief], t: Translator) -> pd.DataFrame:
    municipality, title = t("dashboard.municipality"), t(f"part.{key}.title")
    return pd.DataFrame(
        [{municipality: b.municipality, title: b.text(key)} for b in briefs if b.text(key)]
    )


def _status_filter(frame: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """Actions only in the chosen states, e.g. to talk about what is stuck."""
    chosen = st.multiselect(
        t("compare.status_filter"),
        [status.value for status in ActionStatus],
        format_func=lambda s: t(f"enum.{s}"),
        key="compare_status",
    )
    return frame[frame["status"].isin(chosen)] if chosen else frame


def _rows_frame(key: str, row_model: type[Row], briefs: list[Brief], t: Translator) -> pd.DataFrame:
    pieces = []
    for b in briefs:
        rows = b.part(key).value or []
        if rows:
            piece = rows_to_frame(row_model, rows)[visible_fields(row_model)]
            piece.insert(0, t("dashboard.municipality"), b.municipality)
            pieces.append(piece)
    frame = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()
    if "status" in frame.columns:
        frame = _status_filter(frame, t)
    return frame.rename(columns={c: t(f"col.{c}") for c in frame.columns if t.has(f"col.{c}")})


def _part_table(spec: PartSpec, briefs: list[Brief], t: Translator) -> None:
    if spec.row_model is None:
        frame = _text_frame(spec.key, briefs, t)
    else:
        frame = _rows_frame(spec.key, spec.row_model, briefs, t)
    if frame.empty:
        st.caption(t("compare.empty"))
    else:
        st.dataframe(frame, hide_index=True, width="stretch")


def compare_section(briefs: list[Brief], t: Translator) -> None:
    st.subheader(t("compare.title"))
    keys = [ROOT_CAUSE, SWOT, *(spec.key for spec in PARTS.values() if spec.kind in COMPARABLE)]
    key = st.selectbox(
        t("compare.part"), keys, format_func=lambda k: _label(k, t), key="compare_part"
    )
    if key is None:
        return
    ordered = sorted(briefs, key=lambda b: b.municipality)
    if key == ROOT_CAUSE:
        _root_causes(ordered, t)
    elif key == SWOT:
        _swot(ordered, t)
    else:
        _part_table(PARTS[key], ordered, t)
