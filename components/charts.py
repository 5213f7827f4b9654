"""Plotly charts: progress, stakeholder grid, impact/effort matrix and roadmap timeline."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

from briefs.i18n import Translator
from briefs.links import short
from briefs.present import day

if TYPE_CHECKING:
    import plotly.graph_objects as go

# Each builder imports plotly's figures itself: a page without a chart (the login page, most
# of the account and coach pages) never loads them. (Streamlit's own import already loads
# plotly's base classes for its chart theme; the figures and traces are the rest.)

STEP_COLOURS = ("#1f5f8b", "#2f8f6b", "#c77d1a", "#8b3a62")
CONFIG = {"displayModeBar": False}


def _label(text: str, limit: int = 40) -> str:
    # Plotly reads a subset of HTML in labels (links included): user text must stay text.
    return html.escape(short(text, limit))


def _layout(figure: go.Figure, height: int = 360) -> go.Figure:
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        plot_bgcolor="white",
        showlegend=False,
        separators=",.",
    )
    return figure


def show(figure: go.Figure, key: str) -> None:
    st.plotly_chart(figure, width="stretch", config=CONFIG, key=key)


def cached(builder: Callable[..., go.Figure | None], t: Translator, *data: Any) -> go.Figure | None:
    """Return the figure for ``data``, built once per content and language.

    Building a plotly figure costs some 20 ms of validation on every rerun; the figure only
    changes when its data does, and plotly_chart never modifies the figure it is given.
    """
    return _build(builder.__name__, t.language, json.dumps(data, default=str, sort_keys=True))


@st.cache_resource(max_entries=512, show_spinner=False)
def _build(builder_name: str, language: str, payload: str) -> go.Figure | None:
    builder: Callable[..., go.Figure | None] = globals()[builder_name]
    return builder(*json.loads(payload), Translator(language))


def _grid_chart(
    rows: list[dict[str, Any]], x: str, y: str, name: str, colour: str
) -> go.Figure | None:
    """A 1–5 × 1–5 grid; rows on the same spot share one label instead of overprinting."""
    import plotly.graph_objects as go

    spots: dict[tuple[int, int], list[str]] = {}
    for row in rows:
        if row.get(x) and row.get(y):
            spots.setdefault((row[x], row[y]), []).append(_label(row.get(name, ""), 30))
    if not spots:
        return None
    figure = go.Figure(
        go.Scatter(
            x=[spot[0] for spot in spots],
            y=[spot[1] for spot in spots],
            mode="markers+text",
            text=["<br>".join(names) for names in spots.values()],
            textposition="top center",
            marker={"size": 16, "color": colour},
        )
    )
    figure.add_hline(y=3, line_dash="dot", line_color="#999")
    figure.add_vline(x=3, line_dash="dot", line_color="#999")
    figure.update_xaxes(range=[0.2, 5.8], dtick=1)
    figure.update_yaxes(range=[0.5, 5.9], dtick=1)
    return _layout(figure)


def stakeholder_chart(rows: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    figure = _grid_chart(rows, "interest", "influence", "name", STEP_COLOURS[0])
    if figure is not None:
        figure.update_xaxes(title=t("chart.interest"))
        figure.update_yaxes(title=t("chart.influence"))
    return figure


def impact_effort_chart(rows: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    figure = _grid_chart(rows, "effort", "impact", "title", STEP_COLOURS[1])
    if figure is not None:
        figure.update_xaxes(title=t("chart.effort"))
        figure.update_yaxes(title=t("chart.impact"))
    return figure


def _action_bars(actions: list[dict[str, Any]]) -> list[tuple[str, dt.date, dt.date, Any]]:
    """Actions with a start and a deadline not before it: (label, start, deadline, status)."""
    bars = []
    for action in actions:
        start, deadline = day(action.get("start")), day(action.get("deadline"))
        if start and deadline and deadline >= start:
            label = _label(action.get("title", ""), 50)
            bars.append((label, start, deadline, action.get("status")))
    return bars


def _bar_trace(bars: list[tuple[str, dt.date, dt.date, Any]], t: Translator) -> go.Bar:
    import plotly.graph_objects as go

    return go.Bar(
        y=[bar[0] for bar in bars],
        x=[(bar[2] - bar[1]).days * 86_400_000 for bar in bars],
        base=[bar[1].isoformat() for bar in bars],
        orientation="h",
        marker_color=STEP_COLOURS[3],
        hovertext=[t(f"enum.{bar[3]}") if bar[3] else "" for bar in bars],
    )


def _milestone_trace(points: list[tuple[str, dt.date]], t: Translator) -> go.Scatter:
    import plotly.graph_objects as go

    return go.Scatter(
        y=[f"◆ {point[0]}" for point in points],
        x=[point[1].isoformat() for point in points],
        mode="markers",
        marker={"symbol": "diamond", "size": 14, "color": STEP_COLOURS[2]},
        name=t("chart.milestone"),
    )


def roadmap_chart(
    actions: list[dict[str, Any]], milestones: list[dict[str, Any]], t: Translator
) -> go.Figure | None:
    """A Gantt chart of the actions with a start and a later deadline, and the milestones."""
    import plotly.graph_objects as go

    bars = _action_bars(actions)
    points = [
        (_label(m.get("title", ""), 50), when) for m in milestones if (when := day(m.get("date")))
    ]
    if not bars and not points:
        return None
    figure = go.Figure()
    if bars:
        figure.add_trace(_bar_trace(bars, t))
    if points:
        figure.add_trace(_milestone_trace(points, t))
    # Numeric months read the same in Dutch and English; plotly ships English month names only.
    figure.update_xaxes(type="date", tickformat="%m/%Y")
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, 120 + 28 * (len(bars) + len(points)))
