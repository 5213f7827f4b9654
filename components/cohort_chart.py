"""The cohort's vacant buildings as one bar chart: per category, stacked by zone."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from briefs.i18n import Translator
from components.charts import STEP_COLOURS, _label, _layout, show

if TYPE_CHECKING:
    import plotly.graph_objects as go

# A zone's colour: each has at least 3:1 contrast on the white plot; grey for "not known".
ZONE_COLOURS = {
    "core_shopping_area": STEP_COLOURS[0],
    "approach_street": STEP_COLOURS[1],
    "elsewhere": STEP_COLOURS[2],
    "": "#767676",
}


def vacancy_chart(cells: list[dict[str, str | int]], t: Translator) -> go.Figure | None:
    """Buildings per category, one stacked bar per zone; None without buildings.

    ``cells`` are ``briefs.theme_cohort.chart_cells``: only the catalogue's words reach the
    labels, and they are escaped all the same, as every label in this app's charts.
    """
    if not cells:
        return None
    import plotly.graph_objects as go

    categories = list(dict.fromkeys(str(cell["category"]) for cell in cells))
    names = [_label(t(f"enum.{c}") if c else t("compare.vacancy.no_category")) for c in categories]
    figure = go.Figure()
    for zone, colour in ZONE_COLOURS.items():
        counts = {str(c["category"]): c["count"] for c in cells if c["zone"] == zone}
        if not counts:
            continue
        figure.add_bar(
            x=names,
            y=[counts.get(category, 0) for category in categories],
            name=_label(t(f"enum.{zone}") if zone else t("compare.vacancy.no_zone")),
            marker_color=colour,
            hovertemplate="%{x} · %{fullData.name}: %{y}<extra></extra>",
        )
    figure.update_layout(barmode="stack", yaxis_title=_label(t("compare.vacancy.buildings")))
    _layout(figure)
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15})
    return figure


@st.cache_resource(max_entries=64, show_spinner=False)
def _built(language: str, payload: str) -> go.Figure | None:
    # Building a plotly figure costs some 20 ms of validation: once per content and language.
    return vacancy_chart(json.loads(payload), Translator(language))


def show_vacancy_chart(cells: list[dict[str, str | int]], t: Translator) -> None:
    figure = _built(t.language, json.dumps(cells, sort_keys=True))
    if figure is not None:
        show(figure, "compare_vacancy_chart")
