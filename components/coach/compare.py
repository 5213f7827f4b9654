"""One part side by side for every municipality, to prepare the workshop's discussion."""

from __future__ import annotations

import streamlit as st

from briefs.brief import Brief
from briefs.checks import SWOT_PARTS
from briefs.i18n import Translator
from briefs.links import root_cause
from briefs.model import ActionStatus
from briefs.parts import PARTS, Kind, PartSpec
from briefs.present import Reader, row_fields
from components.text import safe_table

# Every part a person types or chooses; sketches are images, compared in the document.
COMPARABLE = tuple(kind for kind in Kind if kind is not Kind.SKETCHES)
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
    st.dataframe(safe_table(found), hide_index=True, width="stretch")


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
        column.dataframe(safe_table(items, [municipality, text]), hide_index=True)


def _scalar_rows(key: str, briefs: list[Brief], t: Translator) -> list[dict[str, str]]:
    municipality, title = t("dashboard.municipality"), t(f"part.{key}.title")
    shown = ((b.municipality, Reader(b, t).scalar(key, b.part(key).value)) for b in briefs)
    return [{municipality: name, title: text} for name, text in shown if text]


def _status_filter(key: str, t: Translator) -> list[str]:
    """The action states to show, e.g. to talk about what is stuck; [] shows all."""
    if "status" not in {field.name for field in row_fields(key)}:
        return []
    return st.multiselect(
        t("compare.status_filter"),
        [status.value for status in ActionStatus],
        format_func=lambda s: t(f"enum.{s}"),
        key="compare_status",
    )


def _row_lines(key: str, briefs: list[Brief], t: Translator) -> tuple[list[list[str]], list[str]]:
    """Every municipality's rows of ``key`` (as the status filter chooses), and the headers."""
    chosen = _status_filter(key, t)
    municipality = t("dashboard.municipality")
    lines = []
    for b in briefs:
        rows = [row for row in b.part(key).value or [] if not chosen or row["status"] in chosen]
        lines += [[b.municipality, *cells] for cells in Reader(b, t).rows(key, rows)]
    headers = [municipality, *(t(f"col.{field.name}") for field in row_fields(key))]
    return lines, headers


def _part_table(spec: PartSpec, briefs: list[Brief], t: Translator) -> None:
    lines: list[list[str]] | list[dict[str, str]]
    headers: list[str] | None = None
    if spec.kind is Kind.ROWS:
        lines, headers = _row_lines(spec.key, briefs, t)
    else:
        lines = _scalar_rows(spec.key, briefs, t)
    if not lines:
        st.caption(t("compare.empty"))
    else:
        st.dataframe(safe_table(lines, headers), hide_index=True, width="stretch")


def compare_section(briefs: list[Brief], t: Translator) -> None:
    st.header(t("compare.title"))
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
