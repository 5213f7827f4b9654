"""Plotly charts: progress, stakeholder grid, impact/effort matrix and roadmap timeline."""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from briefs.i18n import TIMEZONE, Translator
from briefs.links import short
from briefs.model import ActionStatus
from briefs.present import day
from components.text import safe_table

if TYPE_CHECKING:
    import plotly.graph_objects as go

# Each builder imports plotly's figures itself: a page without a chart (the login page, most
# of the account and coach pages) never loads them. (Streamlit's own import already loads
# plotly's base classes for its chart theme; the figures and traces are the rest.)

STEP_COLOURS = ("#1f5f8b", "#2f8f6b", "#c77d1a", "#8b3a62")
CONFIG = {"displayModeBar": False}
# An action's bar by its status. Each colour has at least 3:1 contrast against the white
# plot (WCAG 1.4.11, non-text contrast), and the hues stay apart for colour-blind readers.
STATUS_COLOURS: dict[str, str] = {
    ActionStatus.IDEA: "#767676",
    ActionStatus.PLANNED: "#0072b2",
    ActionStatus.RUNNING: "#b35900",
    ActionStatus.DONE: "#007a5e",
    ActionStatus.ON_HOLD: "#a3367a",
}
WARNING_COLOUR = "#c0161b"
MILESTONE_COLOUR = "#333333"
QUADRANT_COLOUR = "#595959"
DAY_MS = 86_400_000
# The today line is drawn when today lies within the dates shown or this close to them.
TODAY_NEAR = dt.timedelta(days=62)
MIN_SPAN = dt.timedelta(days=90)
YEAR = dt.timedelta(days=365)


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


def cached(
    builder: Callable[..., go.Figure | None], t: Translator, *data: Any, **options: Any
) -> go.Figure | None:
    """Return the figure for ``data`` (and ``options``), built once per content and language.

    Building a plotly figure costs some 20 ms of validation on every rerun; the figure only
    changes when its data does, and plotly_chart never modifies the figure it is given.
    Whatever the figure depends on is passed in, never read inside: today's date too.
    """
    payload = json.dumps([data, options], default=str, sort_keys=True)
    return _build(builder.__name__, t.language, payload)


@functools.cache
def _shared_figure() -> type[go.Figure]:
    """A figure shared from the cache and never changed: plotly_chart asks for its dict on
    every rerun, which is then made once rather than deep-copied each time. (Made on first
    use: plotly's figures are imported only by a page with a chart.)"""
    import plotly.graph_objects as go

    class SharedFigure(go.Figure):
        def to_dict(self) -> dict[str, Any]:
            made: dict[str, Any] | None = self.__dict__.get("_made")
            if made is None:
                made = super().to_dict()
                self._made = made
            return made

    return SharedFigure


@st.cache_resource(max_entries=512, show_spinner=False)
def _build(builder_name: str, language: str, payload: str) -> go.Figure | None:
    builder: Callable[..., go.Figure | None] = globals()[builder_name]
    data, options = json.loads(payload)
    figure = builder(*data, Translator(language), **options)
    # Already validated by its builder: copied as it is.
    return None if figure is None else _shared_figure()(figure, _validate=False)


def draw(
    builder: Callable[..., go.Figure | None],
    t: Translator,
    *data: list[dict[str, Any]],
    key: str,
    today: dt.date | None = None,
) -> None:
    """Draw a chart of ``data`` with what it takes to read it, as one element on the page.

    A grid chart numbers its points and lists the numbers in a table under it; the roadmap
    marks today (``today``, by default the date in Belgium). Without data: a caption.
    """
    options: dict[str, Any] = {}
    if builder.__name__ in DATED:
        options["today"] = (today or dt.datetime.now(TIMEZONE).date()).isoformat()
    with st.container():
        figure = cached(builder, t, *data, **options)
        if figure is None:
            st.caption(t(EMPTY_CAPTIONS.get(builder.__name__, "chart.no_data")))
            return
        show(figure, key)
        grid = GRIDS.get(builder.__name__)
        if grid is not None:
            headers, lines = grid_legend(grid, data[0], t)
            st.dataframe(safe_table(lines, headers), hide_index=True)


# --- the 1–5 × 1–5 grids ------------------------------------------------------------------------
@dataclass(frozen=True)
class Grid:
    """A 1–5 × 1–5 grid of rows: the columns it reads, its colour and its quadrants' names."""

    x: str
    y: str
    name: str
    colour: str
    # Catalogue keys of the quadrants: low x/high y, high x/high y, low x/low y, high x/low y.
    quadrants: tuple[str, str, str, str]


STAKEHOLDERS = Grid(
    "interest",
    "influence",
    "name",
    STEP_COLOURS[0],
    (
        "chart.quadrant.keep_satisfied",
        "chart.quadrant.manage_closely",
        "chart.quadrant.monitor",
        "chart.quadrant.keep_informed",
    ),
)
DIRECTIONS = Grid(
    "effort",
    "impact",
    "title",
    STEP_COLOURS[1],
    (
        "chart.quadrant.quick_wins",
        "chart.quadrant.major_projects",
        "chart.quadrant.fill_ins",
        "chart.quadrant.thankless",
    ),
)
# Where each quadrant's name sits: in the outer corner, clear of the points on 1…5.
QUADRANT_PLACES = (
    (0.25, 5.85, "left", "top"),
    (5.75, 5.85, "right", "top"),
    (0.25, 0.55, "left", "bottom"),
    (5.75, 0.55, "right", "bottom"),
)
NUMBERS_PER_LINE = 4


def _numbered(grid: Grid, rows: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """The rows worth naming (a name or a score), numbered from 1 in the table's order."""
    named = [row for row in rows if row.get(grid.name) or row.get(grid.x) or row.get(grid.y)]
    return list(enumerate(named, start=1))


def _spots(grid: Grid, rows: list[dict[str, Any]]) -> dict[tuple[int, int], list[int]]:
    """The numbers of the rows on each spot of the grid: one point per spot, never two."""
    spots: dict[tuple[int, int], list[int]] = {}
    for number, row in _numbered(grid, rows):
        if row.get(grid.x) and row.get(grid.y):
            spots.setdefault((row[grid.x], row[grid.y]), []).append(number)
    return spots


def _numbers_text(numbers: list[int]) -> str:
    lines = [numbers[i : i + NUMBERS_PER_LINE] for i in range(0, len(numbers), NUMBERS_PER_LINE)]
    return "<br>".join(", ".join(str(n) for n in line) for line in lines)


def _grid_chart(rows: list[dict[str, Any]], grid: Grid, t: Translator) -> go.Figure | None:
    """A 1–5 × 1–5 grid: each spot one point, numbered with the rows on it; names in the legend
    table under the chart (``grid_legend``) and on hover."""
    import plotly.graph_objects as go

    spots = _spots(grid, rows)
    if not spots:
        return None
    names = {number: row.get(grid.name, "") for number, row in _numbered(grid, rows)}
    figure = go.Figure(
        go.Scatter(
            x=[spot[0] for spot in spots],
            y=[spot[1] for spot in spots],
            mode="markers+text",
            text=[_numbers_text(numbers) for numbers in spots.values()],
            textposition="middle right",
            textfont={"size": 13, "color": "#1a1a1a"},
            hovertext=[
                "<br>".join(f"{n} — {_label(names[n], 60)}" for n in numbers)
                for numbers in spots.values()
            ],
            hoverinfo="text",
            marker={"size": 14, "color": grid.colour},
            cliponaxis=False,
        )
    )
    figure.add_hline(y=3, line_dash="dot", line_color="#999", layer="below")
    figure.add_vline(x=3, line_dash="dot", line_color="#999", layer="below")
    for key, (x, y, xanchor, yanchor) in zip(grid.quadrants, QUADRANT_PLACES, strict=True):
        figure.add_annotation(
            x=x,
            y=y,
            text=html.escape(t(key)),
            showarrow=False,
            xanchor=xanchor,
            yanchor=yanchor,
            font={"size": 12, "color": QUADRANT_COLOUR},
        )
    figure.update_xaxes(range=[0.2, 5.8], dtick=1, title=t(f"chart.{grid.x}"), automargin=True)
    figure.update_yaxes(range=[0.5, 5.9], dtick=1, title=t(f"chart.{grid.y}"), automargin=True)
    return _layout(figure)


def grid_legend(
    grid: Grid, rows: list[dict[str, Any]], t: Translator
) -> tuple[list[str], list[list[str]]]:
    """The table under a grid chart: each number on the chart, the row's name and its scores,
    as plain text (a row without both scores is listed too, with a dash)."""
    headers = [t("chart.number"), t(f"col.{grid.name}"), t(f"col.{grid.x}"), t(f"col.{grid.y}")]
    lines = [
        [
            str(number),
            str(row.get(grid.name) or ""),
            str(row.get(grid.x) or "—"),
            str(row.get(grid.y) or "—"),
        ]
        for number, row in _numbered(grid, rows)
    ]
    return headers, lines


def stakeholder_chart(rows: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    return _grid_chart(rows, STAKEHOLDERS, t)


def impact_effort_chart(rows: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    return _grid_chart(rows, DIRECTIONS, t)


GRIDS = {"stakeholder_chart": STAKEHOLDERS, "impact_effort_chart": DIRECTIONS}
# The builders that draw today's date: draw() passes it in.
DATED = {"roadmap_chart", "vacancy_chart"}
# What a chart without data says, where "fill in the table" is not enough.
EMPTY_CAPTIONS = {"vacancy_rate_chart": "chart.vacancy.rate_needs_two"}


# --- the roadmap ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActionRow:
    """One action's row on the timeline: a bar, or markers and what is wrong with its dates."""

    title: str
    start: dt.date | None
    deadline: dt.date | None
    status: str
    # Catalogue key of what keeps it from being a bar; None for a bar.
    problem: str | None

    @property
    def days(self) -> list[dt.date]:
        return [d for d in (self.start, self.deadline) if d is not None]

    @property
    def bar(self) -> tuple[str, int]:
        """Where its bar starts (ISO) and how long it is in ms: the deadline is its last day."""
        assert self.start is not None and self.deadline is not None
        return self.start.isoformat(), ((self.deadline - self.start).days + 1) * DAY_MS


def action_rows(actions: list[dict[str, Any]]) -> list[ActionRow]:
    """Every action in the table's order, each with its dates and what is wrong with them."""
    rows = []
    for action in actions:
        start, deadline = day(action.get("start")), day(action.get("deadline"))
        if start and deadline:
            problem = None if deadline >= start else "chart.deadline_before_start"
        elif start or deadline:
            problem = "chart.no_deadline" if start else "chart.no_start"
        else:
            problem = "chart.no_dates"
        status = action.get("status")
        status = status if status in STATUS_COLOURS else ActionStatus.IDEA.value
        rows.append(ActionRow(action.get("title") or "", start, deadline, status, problem))
    return rows


def _tick(row: ActionRow, t: Translator) -> str:
    label = _label(row.title, 50) or html.escape(t("chart.untitled"))
    if row.problem is None:
        return label
    return f"{label} <span style='color:{WARNING_COLOUR}'>{html.escape(t(row.problem))}</span>"


def _period(row: ActionRow, t: Translator) -> str:
    return " – ".join(t.day(d) for d in (row.start, row.deadline) if d is not None)


def _bar_traces(rows: list[ActionRow], t: Translator) -> list[go.Bar]:
    """One trace of bars per status, so that the legend names each status's colour."""
    import plotly.graph_objects as go

    traces = []
    for status, colour in STATUS_COLOURS.items():
        bars = [(y, r) for y, r in enumerate(rows) if r.problem is None and r.status == status]
        if not bars:
            continue
        name = t(f"enum.{status}")
        traces.append(
            go.Bar(
                y=[y for y, _ in bars],
                x=[r.bar[1] for _, r in bars],
                base=[r.bar[0] for _, r in bars],
                orientation="h",
                marker_color=colour,
                name=name,
                hovertext=[f"{_label(r.title, 80)}<br>{name} · {_period(r, t)}" for _, r in bars],
                hoverinfo="text",
                width=0.6,
            )
        )
    return traces


def _problem_trace(rows: list[ActionRow], t: Translator) -> go.Scatter | None:
    """A ✕ at each date an action without a bar has."""
    import plotly.graph_objects as go

    marks = [(y, d, r) for y, r in enumerate(rows) if r.problem is not None for d in r.days]
    if not marks:
        return None
    return go.Scatter(
        y=[y for y, _, _ in marks],
        x=[d.isoformat() for _, d, _ in marks],
        mode="markers",
        marker={"symbol": "x", "size": 13, "color": WARNING_COLOUR},
        name=t("chart.dates_to_check"),
        hovertext=[
            f"{_label(r.title, 80)}<br>{html.escape(t(r.problem or ''))} {t.day(d)}"
            for _, d, r in marks
        ],
        hoverinfo="text",
    )


def _milestone_trace(points: list[tuple[str, dt.date]], first: int, t: Translator) -> go.Scatter:
    import plotly.graph_objects as go

    return go.Scatter(
        y=list(range(first, first + len(points))),
        x=[point[1].isoformat() for point in points],
        mode="markers",
        marker={"symbol": "diamond", "size": 14, "color": MILESTONE_COLOUR},
        name=t("chart.milestone"),
        hovertext=[f"{point[0]}<br>{t.day(point[1])}" for point in points],
        hoverinfo="text",
    )


def x_range(days: list[dt.date], today: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The dates the timeline shows: all of ``days``, with today when it is near them, padded
    and at least MIN_SPAN wide; the year around today without any date; None without both."""
    if not days:
        return None if today is None else (today - dt.timedelta(days=31), today + YEAR)
    first, last = min(days), max(days) + dt.timedelta(days=1)
    if today is not None and first - TODAY_NEAR <= today <= last + TODAY_NEAR:
        first, last = min(first, today), max(last, today)
    pad = max((last - first) / 30, dt.timedelta(days=10))
    pad += max(MIN_SPAN - (last - first), dt.timedelta(0)) / 2
    return first - pad, last + pad


def _today_line(
    figure: go.Figure, today: dt.date, shown: tuple[dt.date, dt.date], t: Translator
) -> None:
    """A vertical line at today, labelled in the band above the first row, on the side of
    the line with the more room (a label past the right edge would be cut off)."""
    when = today.isoformat()
    left = today - shown[0] > shown[1] - today
    figure.add_shape(
        type="line",
        x0=when,
        x1=when,
        xref="x",
        y0=0,
        y1=1,
        yref="paper",
        line={"color": "#1a1a1a", "width": 2, "dash": "dash"},
    )
    figure.add_annotation(
        x=when,
        y=-0.9,
        text=html.escape(t("chart.today")),
        showarrow=False,
        xanchor="right" if left else "left",
        xshift=-4 if left else 4,
        font={"size": 12, "color": "#1a1a1a"},
    )


def roadmap_chart(
    actions: list[dict[str, Any]],
    milestones: list[dict[str, Any]],
    t: Translator,
    today: dt.date | str | None = None,
) -> go.Figure | None:
    """A Gantt chart of every action, coloured by status, and the dated milestones.

    An action with a start and a deadline not before it is a bar; any other action keeps its
    row, named with what is wrong with its dates, and a ✕ at each date it has. ``today`` (a
    date or ISO text, passed in so that a cached figure follows the calendar) draws a line.
    """
    import plotly.graph_objects as go

    rows = action_rows(actions)
    points = [
        (_label(m.get("title", ""), 50), when) for m in milestones if (when := day(m.get("date")))
    ]
    if not rows and not points:
        return None
    figure = go.Figure([*_bar_traces(rows, t)])
    problems = _problem_trace(rows, t)
    if problems is not None:
        figure.add_trace(problems)
    if points:
        figure.add_trace(_milestone_trace(points, len(rows), t))
    days = [d for row in rows for d in row.days] + [when for _, when in points]
    _dates_shown(figure, days, day(today), t)
    ticks = [_tick(row, t) for row in rows] + [f"◆ {point[0]}" for point in points]
    return _roadmap_axes(_layout(figure, 150 + 28 * len(ticks)), ticks)


def _dates_shown(
    figure: go.Figure, days: list[dt.date], today: dt.date | None, t: Translator
) -> None:
    """Set the timeline's range (``x_range``) and draw today's line when it is in it."""
    shown = x_range(days, today)
    if shown is not None:
        figure.update_xaxes(range=[d.isoformat() for d in shown])
        if today is not None and shown[0] <= today <= shown[1]:
            _today_line(figure, today, shown, t)


def _roadmap_axes(figure: go.Figure, ticks: list[str]) -> go.Figure:
    # Numeric dates read the same in Dutch and English; plotly ships English month names only.
    # Months, or days when the ticks are closer than a month (a short plan).
    stops = [
        {"dtickrange": [None, "M1"], "value": "%d/%m/%Y"},
        {"dtickrange": ["M1", None], "value": "%m/%Y"},
    ]
    figure.update_xaxes(type="date", tickformatstops=stops, hoverformat="%d/%m/%Y", showgrid=True)
    figure.update_xaxes(gridcolor="#e5e5e5", automargin=True)
    # Rows by number, named by their ticks: two actions with one title keep two rows, and an
    # action without a date keeps its row. Reversed, with a band above the first row for the
    # today label.
    figure.update_yaxes(
        tickmode="array",
        tickvals=list(range(len(ticks))),
        ticktext=ticks,
        range=[len(ticks) - 0.5, -1.3],
        autorange=False,
        showgrid=False,
        zeroline=False,
        automargin=True,
    )
    figure.update_layout(
        barmode="overlay",
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "xanchor": "left"},
    )
    return figure


# --- the vacancy module ---------------------------------------------------------------------------
# A colour per vacancy category, from short to long (renovation apart), distinct for
# colour-blind readers and at least 3:1 against white; grey for a category not known.
CATEGORY_COLOURS: dict[str | None, str] = {
    "renovation": "#0072b2",
    "starting": "#007a5e",
    "long_term": "#b35900",
    "structural": "#a3367a",
    None: "#767676",
}
RENT_COLOUR = "#1f5f8b"
# Up to this many buildings the inventory chart's axis counts in ones.
SMALL_COUNT = 10


def _category_name(category: Any, t: Translator) -> str:
    return t(f"enum.{category.value}") if category else t("chart.vacancy.no_category")


def _zone_name(zone: Any, t: Translator) -> str:
    return t(f"enum.{zone.value}") if zone else t("chart.vacancy.no_zone")


def vacancy_chart(
    counts: list[dict[str, Any]],
    buildings: list[dict[str, Any]],
    t: Translator,
    today: dt.date | str | None = None,
) -> go.Figure | None:
    """The inventory on the latest count's day: a bar for all zones, then one per zone, each
    stacked by category (the figures come from the buildings, not typed in twice)."""
    import plotly.graph_objects as go

    from briefs.themes import vacancy

    figures = vacancy.figures_of_rows(counts, buildings, [], day(today) or dt.date.today())
    if not figures.buildings:
        return None
    table = figures.table
    zones = [zone for zone in vacancy.ZONES if zone or any(z is None for z, _ in table)]
    columns = [t("chart.vacancy.all_zones"), *(_zone_name(zone, t) for zone in zones)]
    traces = []
    for category in vacancy.CATEGORIES:
        per_zone = [table[(zone, category)] for zone in zones]
        if category is None and not any(per_zone):
            continue
        name = _category_name(category, t)
        traces.append(
            go.Bar(
                x=columns,
                y=[sum(per_zone), *per_zone],
                name=name,
                marker_color=CATEGORY_COLOURS[category.value if category else None],
                texttemplate="%{y}",
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                hovertemplate=f"%{{x}} · {html.escape(name)}: %{{y}}<extra></extra>",
            )
        )
    figure = go.Figure(traces)
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(
        title=t("chart.vacancy.buildings"),
        gridcolor="#e5e5e5",
        rangemode="tozero",
        automargin=True,
        # Buildings come whole: a step of 1 where the bars are low, else plotly's own.
        dtick=1 if len(figures.buildings) <= SMALL_COUNT else None,
    )
    figure.update_layout(
        barmode="stack",
        uniformtext={"minsize": 10, "mode": "hide"},
        legend={
            "orientation": "h",
            "traceorder": "normal",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "xanchor": "left",
        },
    )
    return _layout(figure).update_layout(showlegend=True)


def vacancy_rate_chart(counts: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    """The vacancy rate (vacant / premises) of each count, over time; from two counts on."""
    import plotly.graph_objects as go

    from briefs.themes import vacancy

    rates = vacancy.vacancy_rates([vacancy.VacancyCount.model_validate(row) for row in counts])
    if len(rates) < 2:
        return None
    figure = go.Figure(
        go.Scatter(
            x=[rate.day.isoformat() for rate in rates],
            y=[round(rate.rate * 100, 1) for rate in rates],
            mode="lines+markers+text",
            text=[f"{t.number(round(rate.rate * 100, 1))} %" for rate in rates],
            textposition="top center",
            hovertext=[f"{t.day(rate.day)}: {rate.vacant} / {rate.premises}" for rate in rates],
            hoverinfo="text",
            marker={"size": 10, "color": STEP_COLOURS[0]},
            line={"color": STEP_COLOURS[0]},
            cliponaxis=False,
        )
    )
    top = max(rate.rate * 100 for rate in rates)
    # A tick at each count, named by its date: counts are a few, months apart.
    figure.update_xaxes(
        type="date",
        tickmode="array",
        tickvals=[rate.day.isoformat() for rate in rates],
        ticktext=[rate.day.strftime("%d/%m/%Y") for rate in rates],
        showgrid=False,
        automargin=True,
    )
    figure.update_yaxes(
        title=t("chart.vacancy.rate_axis"),
        range=[0, top * 1.25 + 1],
        gridcolor="#e5e5e5",
        automargin=True,
    )
    return _layout(figure, 320)


def _rent_traces(
    ranges: list[Any], spans: list[str], amounts: list[str]
) -> list[go.Bar | go.Scatter]:
    """A bar from each street's low to its high rent, a tick at both ends, the amounts beside."""
    import plotly.graph_objects as go

    rows = list(range(len(ranges)))
    lows, highs = [float(r.low) for r in ranges], [float(r.high) for r in ranges]
    return [
        go.Bar(
            y=rows,
            x=[high - low for low, high in zip(lows, highs, strict=True)],
            base=lows,
            orientation="h",
            marker_color=RENT_COLOUR,
            width=0.5,
            hovertext=spans,
            hoverinfo="text",
        ),
        go.Scatter(
            y=rows + rows,
            x=lows + highs,
            mode="markers",
            marker={"size": 11, "color": RENT_COLOUR, "symbol": "line-ns-open"},
            hovertext=spans + spans,
            hoverinfo="text",
        ),
        # The amounts beside each bar, as the document's chart writes them.
        go.Scatter(
            y=rows,
            x=highs,
            mode="text",
            text=[f"  {amount}" for amount in amounts],
            textposition="middle right",
            textfont={"size": 12, "color": "#1a1a1a"},
            hoverinfo="skip",
            cliponaxis=False,
        ),
    ]


def rents_chart(rents: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    """Each street's rent as a bar from its lowest to its highest figure (a tick for one)."""
    import plotly.graph_objects as go

    from briefs.themes import vacancy

    ranges = vacancy.street_rents([vacancy.StreetRent.model_validate(row) for row in rents])
    if not ranges:
        return None
    streets = [_label(r.street, 60) or html.escape(t("chart.vacancy.no_street")) for r in ranges]
    amounts = [vacancy.rent_amount(r, t) for r in ranges]
    spans = [f"{street}: {amount}" for street, amount in zip(streets, amounts, strict=True)]
    figure = go.Figure(_rent_traces(ranges, spans, amounts))
    ticks = [_label(r.street, 40) or html.escape(t("chart.vacancy.no_street")) for r in ranges]
    figure.update_yaxes(
        tickmode="array",
        tickvals=list(range(len(ranges))),
        ticktext=ticks,
        range=[len(ranges) - 0.5, -0.5],
        autorange=False,
        automargin=True,
    )
    highest = max(float(r.high) for r in ranges)
    figure.update_xaxes(
        title=t("chart.vacancy.rent_axis"),
        gridcolor="#e5e5e5",
        range=[0, highest * 1.4 + 1],
        automargin=True,
    )
    return _layout(figure, 120 + 34 * len(ranges))


# --- theme modules ----------------------------------------------------------------------------
def stop_chart(rows: list[dict[str, Any]], t: Translator) -> go.Figure | None:
    """The STOP checklist's score per mode, walkers on top as the principle ranks them.

    Only the app's own words are drawn (the modes' names and the scores), never typed text.
    """
    import plotly.graph_objects as go

    from briefs.themes.accessibility import stop_scores

    scores = stop_scores(rows)
    if all(score is None for _, score in scores):
        return None
    labels = [html.escape(t(f"enum.{mode.value}")) for mode, _ in scores]
    texts = [
        t.number(round(score, 1)) if score is not None else t("chart.stop_unscored")
        for _, score in scores
    ]
    bar = go.Bar(
        x=[score or 0 for _, score in scores],
        y=labels,
        orientation="h",
        text=texts,
        textposition="outside",
        marker_color=STEP_COLOURS[0],
        hoverinfo="skip",
        cliponaxis=False,
    )
    figure = go.Figure(bar)
    figure.update_xaxes(range=[0, 5.6], tickvals=[1, 2, 3, 4, 5], title_text=t("col.score"))
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, height=260)
