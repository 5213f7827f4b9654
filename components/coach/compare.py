"""One part side by side for every municipality, to prepare the workshop's discussion."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from briefs.brief import Brief
from briefs.checks import SWOT_PARTS
from briefs.i18n import TIMEZONE, Translator
from briefs.links import root_cause
from briefs.parts import PARTS, Kind, PartSpec
from briefs.present import Reader, row_fields
from briefs.theme_cohort import (
    chart_cells,
    cohort_vacancy,
    module_rows,
    municipality_table,
    showing,
    zone_table,
)
from components.cohort_chart import show_vacancy_chart
from components.text import safe_table

# Every part a person types or chooses; sketches are images, compared in the document.
COMPARABLE = tuple(kind for kind in Kind if kind is not Kind.SKETCHES)
# Two views that are not a single part: the last why of each chain, and the four quadrants.
ROOT_CAUSE = "root_cause"
SWOT = "swot"
# The vacancy module's inventories summed per zone and category, beside its parts' tables.
VACANCY = "vacancy"
VIEWS = (ROOT_CAUSE, SWOT, VACANCY)


def _label(key: str, t: Translator) -> str:
    if key in VIEWS:
        return t(f"compare.{key}")
    spec = PARTS[key]
    if spec.theme is not None:
        return f"{spec.step} · {t(f'enum.{spec.theme}')} · {t(f'part.{key}.title')}"
    return f"{spec.step} · {t(f'part.{key}.title')}"


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
    """The states to show, e.g. the actions that are stuck; [] shows all.

    Any part with a choice named ``status`` offers its own states (a module's too).
    """
    status = next((f for f in row_fields(key) if f.name == "status" and f.options), None)
    if status is None or status.options is None:
        return []
    return st.multiselect(
        t("compare.status_filter"),
        [option.value for option in status.options],
        format_func=lambda s: t(f"enum.{s}"),
        key="compare_status",
    )


def _row_lines(key: str, briefs: list[Brief], t: Translator) -> tuple[list[list[str]], list[str]]:
    """Every municipality's rows of ``key`` (as the status filter chooses), and the headers."""
    headers, lines = module_rows(key, briefs, t, _status_filter(key, t))
    return lines, headers


def _module_count(spec: PartSpec, briefs: list[Brief], t: Translator) -> None:
    """How many municipalities show the part's module, and how many filled the part in."""
    if spec.theme is None:
        return
    shown = showing(briefs, spec.theme)
    filled = sum(1 for brief in shown if brief.is_filled(spec.key))
    module = t(f"enum.{spec.theme}")
    st.caption(
        t("compare.module_count", shown=len(shown), total=len(briefs), filled=filled, module=module)
    )


def _vacancy(briefs: list[Brief], t: Translator) -> None:
    """All inventories summed per zone and category, then each municipality's own figures."""
    cohort = cohort_vacancy(briefs, dt.datetime.now(TIMEZONE).date())
    st.caption(
        t(
            "compare.vacancy.count",
            shown=len(cohort.inventories),
            total=len(briefs),
            filled=cohort.with_data,
        )
    )
    if not cohort.total:
        st.caption(t("compare.empty"))
        return
    st.caption(t("compare.vacancy.on_own_day"))
    headers, lines = zone_table(cohort, t)
    st.dataframe(safe_table(lines, headers), hide_index=True, width="stretch")
    show_vacancy_chart(chart_cells(cohort), t)
    st.subheader(t("compare.vacancy.per_municipality"))
    headers, lines = municipality_table(cohort, t)
    st.dataframe(safe_table(lines, headers), hide_index=True, width="stretch")


def _part_table(spec: PartSpec, briefs: list[Brief], t: Translator) -> None:
    _module_count(spec, briefs, t)
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
    keys = [*VIEWS, *(spec.key for spec in PARTS.values() if spec.kind in COMPARABLE)]
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
    elif key == VACANCY:
        _vacancy(ordered, t)
    else:
        _part_table(PARTS[key], ordered, t)
