"""The charts on the step pages, read from the figures as a user would read the drawn chart:
the roadmap's rows, bars, warnings and today line; the grids' quadrants and numbered points."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from typing import Any

import pytest

from briefs.demo import AVELGEM
from briefs.i18n import Translator
from briefs.model import ActionStatus
from components import charts
from tests.test_pages import STEP_FILES, avelgem, open_page, stores

NL, EN = Translator("nl"), Translator("en")
TODAY = date(2025, 3, 15)


def roadmap(
    actions: list[dict[str, Any]],
    milestones: list[dict[str, Any]] | None = None,
    t: Translator = NL,
    today: date | None = TODAY,
) -> Any:
    figure = charts.roadmap_chart(actions, milestones or [], t, today=today)
    assert figure is not None
    return figure


def rows_shown(figure: Any) -> list[str]:
    """The row names on the timeline's y axis, as the browser shows them (entities decoded,
    our own colour markup taken off)."""
    ticks = figure.layout.yaxis.ticktext
    return [html.unescape(re.sub(r"</?span[^>]*>", "", tick)) for tick in ticks]


def row_of(figure: Any, title: str) -> int:
    found = [y for y, name in enumerate(rows_shown(figure)) if name.startswith(title)]
    assert len(found) == 1, (title, rows_shown(figure))
    return found[0]


def bars(figure: Any) -> list[Any]:
    return [trace for trace in figure.data if trace.type == "bar"]


def trace_named(figure: Any, name: str) -> Any:
    return next(trace for trace in figure.data if trace.name == name)


def today_lines(figure: Any) -> list[str]:
    return [shape.x0 for shape in figure.layout.shapes if shape.x0 == shape.x1]


def labels_of(figure: Any) -> dict[str, Any]:
    return {html.unescape(a.text): a for a in figure.layout.annotations}


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of ``#rrggbb`` against white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


# --- the roadmap ------------------------------------------------------------------------------
def test_every_demo_action_has_a_row_and_those_without_a_bar_say_why() -> None:
    actions, milestones = AVELGEM["roadmap.actions"], AVELGEM["roadmap.milestones"]
    figure = roadmap(actions, milestones)
    shown = rows_shown(figure)
    assert len(shown) == len(actions) + len(milestones) == 12
    for action in actions:
        row_of(figure, action["title"][:40])
    assert sum(len(trace.y) for trace in bars(figure)) == 8
    backwards = row_of(figure, "Extra fietsparkeerplaatsen")
    assert shown[backwards].endswith("(deadline vóór start)")
    open_ended = row_of(figure, "Zone 30 in het centrum")
    assert shown[open_ended] == "Zone 30 in het centrum (geen deadline)"
    assert not any("(geen" in shown[y] for trace in bars(figure) for y in trace.y)
    crosses = trace_named(figure, "Datums nakijken")
    assert crosses.marker.symbol == "x"
    assert sorted(zip(crosses.y, crosses.x, strict=True)) == sorted(
        [
            (backwards, "2025-03-01"),
            (backwards, "2025-02-01"),
            (open_ended, "2025-01-01"),
        ]
    )
    assert shown[-2:] == ["◆ Eerste doorsteek open", "◆ RUP voorlopig vastgesteld"]


def test_an_action_without_any_date_or_title_keeps_its_row_and_is_named() -> None:
    actions = [
        {"title": "Alleen een titel", "status": "idea"},
        {"title": "", "start": "2025-02-01", "status": "planned"},
        {"title": "Enkel een deadline", "deadline": "2025-05-01"},
        {"title": "Alleen een titel", "start": "2025-01-01", "deadline": "2025-02-01"},
    ]
    figure = roadmap(actions)
    assert rows_shown(figure) == [
        "Alleen een titel (geen datums)",
        "(zonder titel) (geen deadline)",
        "Enkel een deadline (geen startdatum)",
        "Alleen een titel",
    ]
    # Every row is inside the axis range, the first under the band for the today label.
    low, high = sorted(figure.layout.yaxis.range)
    assert low < 0 and high > len(actions) - 1
    english = rows_shown(roadmap(actions, t=EN))
    assert english[:3] == [
        "Alleen een titel (no dates)",
        "(untitled) (no deadline)",
        "Enkel een deadline (no start date)",
    ]


def test_with_no_date_at_all_the_rows_show_on_the_year_around_today() -> None:
    figure = roadmap([{"title": "Nog te plannen"}])
    assert rows_shown(figure) == ["Nog te plannen (geen datums)"]
    assert today_lines(figure) == ["2025-03-15"]
    first, last = figure.layout.xaxis.range
    assert first < "2025-03-15" < last


def test_bars_take_their_colour_and_legend_name_from_the_status() -> None:
    actions = [
        {"title": f"Actie {status.value}", "status": status.value, **_DATES}
        for status in ActionStatus
    ]
    figure = roadmap(actions)
    shown = bars(figure)
    assert [trace.name for trace in shown] == [
        "Idee",
        "Gepland",
        "Lopend",
        "Afgerond",
        "Gepauzeerd",
    ]
    assert all(trace.showlegend is not False for trace in shown)
    assert figure.layout.showlegend is True
    colours = [trace.marker.color for trace in shown]
    assert len(set(colours)) == len(ActionStatus)
    for colour in (*colours, charts.WARNING_COLOUR, charts.MILESTONE_COLOUR):
        assert contrast_with_white(colour) >= 3, colour
    for trace in shown:
        (y,) = trace.y
        assert rows_shown(figure)[y] == f"Actie {ActionStatus(actions[y]['status']).value}"
    english = [trace.name for trace in bars(roadmap(actions, t=EN))]
    assert english == ["Idea", "Planned", "Under way", "Done", "On hold"]


_DATES = {"start": "2025-01-01", "deadline": "2025-06-30"}


def test_a_bar_runs_from_the_start_to_the_end_of_the_deadline_day() -> None:
    figure = roadmap([{"title": "Eén dag", "start": "2025-04-01", "deadline": "2025-04-01"}])
    (bar,) = bars(figure)
    assert bar.base == ("2025-04-01",)
    assert bar.x == (86_400_000,)


@pytest.mark.parametrize(
    ("today", "line", "side"),
    [
        (date(2025, 3, 15), "2025-03-15", "left"),  # within the plan
        (date(2025, 8, 20), "2025-08-20", "right"),  # some weeks after the last deadline
        (date(2024, 11, 15), "2024-11-15", "left"),  # some weeks before the first start
        (date(2030, 1, 1), None, None),  # far away: the plan is not squeezed to show it
        (None, None, None),
    ],
)
def test_the_today_line_stands_at_today_when_today_is_near(
    today: date | None, line: str | None, side: str | None
) -> None:
    figure = roadmap([{"title": "Actie", **_DATES}], today=today)
    assert today_lines(figure) == ([line] if line else [])
    labels = labels_of(figure)
    first, last = figure.layout.xaxis.range
    if line:
        assert labels["vandaag"].x == line
        assert first <= line <= last
        # The label reads on the side of the line with room for it, inside the chart.
        assert labels["vandaag"].xanchor == side
    else:
        assert "vandaag" not in labels
        assert last < "2025-09-01"
    english = labels_of(roadmap([{"title": "Actie", **_DATES}], t=EN, today=today))
    assert ("today" in english) == bool(line)


def test_a_cached_timeline_follows_the_calendar() -> None:
    """The figure is cached by content: today is part of that content."""
    actions = [{"title": "Actie", **_DATES}]
    one = charts.cached(charts.roadmap_chart, NL, actions, [], today="2025-03-15")
    other = charts.cached(charts.roadmap_chart, NL, actions, [], today="2025-03-16")
    assert one is not None and other is not None
    assert today_lines(one) == ["2025-03-15"]
    assert today_lines(other) == ["2025-03-16"]


def test_hover_dates_and_axis_dates_read_in_the_users_language() -> None:
    actions = [
        {"title": "Actie", "start": "2024-09-01", "deadline": "2025-06-30", "status": "running"},
        {"title": "Te laat", "start": "2025-03-01", "deadline": "2025-02-01"},
    ]
    milestones = [{"title": "Mijlpaal een", "date": "2025-10-15"}]
    dutch = roadmap(actions, milestones)
    hover = " ".join(text for trace in dutch.data for text in trace.hovertext)
    assert "1 september 2024 – 30 juni 2025" in hover
    assert "(deadline vóór start) 1 maart 2025" in hover
    assert "15 oktober 2025" in hover
    assert not re.search(r"\b(Sep|Oct|Jun|Mar|Feb|September|October|June)\b", hover)
    assert all(trace.hoverinfo == "text" for trace in dutch.data)
    english = roadmap(actions, milestones, t=EN)
    assert "1 September 2024 – 30 June 2025" in " ".join(english.data[0].hovertext)
    for figure in (dutch, english):
        assert figure.layout.xaxis.hoverformat == "%d/%m/%Y"
        assert {stop.value for stop in figure.layout.xaxis.tickformatstops} == {
            "%m/%Y",
            "%d/%m/%Y",
        }


def test_typed_text_stays_text_on_the_timeline() -> None:
    actions = [{"title": "<b>x</b>", **_DATES}, {"title": "<a href='javascript:1'>y</a>"}]
    figure = roadmap(actions, [{"title": "<i>m</i>", "date": "2025-02-01"}])
    ticks = figure.layout.yaxis.ticktext
    assert ticks[0] == "&lt;b&gt;x&lt;/b&gt;"
    assert ticks[1].startswith("&lt;a href=&#x27;javascript:1&#x27;&gt;y&lt;/a&gt; <span")
    assert ticks[2] == "◆ &lt;i&gt;m&lt;/i&gt;"
    hover = " ".join(text for trace in figure.data for text in trace.hovertext)
    assert "<b>x" not in hover and "&lt;b&gt;x&lt;/b&gt;" in hover
    assert "<i>" not in hover


# --- the grids --------------------------------------------------------------------------------
def points(figure: Any) -> list[tuple[int, int, str]]:
    (trace,) = figure.data
    return list(zip(trace.x, trace.y, trace.text, strict=True))


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


QUADRANTS = {
    charts.stakeholder_chart: {
        # name: (high on x, high on y)
        "Nauw betrekken": (True, True),
        "Tevreden houden": (False, True),
        "Informeren": (True, False),
        "Monitoren": (False, False),
    },
    charts.impact_effort_chart: {
        "Snelle winst": (False, True),
        "Grote projecten": (True, True),
        "Kleine klussen": (False, False),
        "Niet doen": (True, False),
    },
}
ROWS = {
    charts.stakeholder_chart: [{"name": "Handelaars", "interest": 5, "influence": 2}],
    charts.impact_effort_chart: [{"title": "Zone 30", "impact": 4, "effort": 2}],
}


@pytest.mark.parametrize("builder", list(QUADRANTS))
def test_each_quadrant_is_named_in_its_corner(builder: Any) -> None:
    figure = builder(ROWS[builder], NL)
    labels = labels_of(figure)
    assert set(labels) == set(QUADRANTS[builder])
    for name, (high_x, high_y) in QUADRANTS[builder].items():
        assert (labels[name].x > 3) == high_x, name
        assert (labels[name].y > 3) == high_y, name
        # In the outer corner, clear of the points on 1…5.
        assert not 1 <= labels[name].x <= 5 and not 1 <= labels[name].y <= 5, name
    english = set(labels_of(builder(ROWS[builder], EN)))
    assert english & {"Manage closely", "Quick wins"}
    assert not english & set(QUADRANTS[builder])


def test_the_axes_say_which_score_they_show() -> None:
    stakeholders = charts.stakeholder_chart(ROWS[charts.stakeholder_chart], NL)
    assert stakeholders is not None
    assert stakeholders.layout.xaxis.title.text == "Belang"
    assert stakeholders.layout.yaxis.title.text == "Invloed"
    directions = charts.impact_effort_chart(ROWS[charts.impact_effort_chart], EN)
    assert directions is not None
    assert directions.layout.xaxis.title.text == "Effort"
    assert directions.layout.yaxis.title.text == "Impact"


def test_points_never_share_a_place_and_each_row_has_one_number() -> None:
    rows = [{"name": f"Partner {i}", "interest": 5, "influence": 5} for i in range(1, 10)]
    rows += [
        {"name": "Alleen", "interest": 1, "influence": 1},
        {"name": "", "interest": None, "influence": None},  # an empty row: not counted
        {"name": "Nog te scoren", "interest": 4, "influence": None},
        {"name": "Buur", "interest": 1, "influence": 2},
    ]
    figure = charts.stakeholder_chart(rows, NL)
    assert figure is not None
    shown = points(figure)
    assert len({(x, y) for x, y, _ in shown}) == len(shown) == 3
    assert (figure.data[0].mode or "").endswith("text")
    placed = sorted(n for _, _, text in shown for n in numbers(text))
    assert placed == [*range(1, 11), 12]
    crowded = next(text for x, y, text in shown if (x, y) == (5, 5))
    assert numbers(crowded) == list(range(1, 10))
    # A long list wraps instead of running out of the chart.
    assert crowded.count("<br>") == 2
    # Names are not written on the chart (they would overlap): the table under it names them.
    assert not any("Partner" in text for _, _, text in shown)
    headers, lines = charts.grid_legend(charts.STAKEHOLDERS, rows, NL)
    assert headers == ["Nr.", "Naam", "Belang (1–5)", "Invloed (1–5)"]
    assert lines[0] == ["1", "Partner 1", "5", "5"]
    assert lines[10] == ["11", "Nog te scoren", "4", "—"]
    assert lines[11] == ["12", "Buur", "1", "2"]
    assert [line[0] for line in lines] == [str(n) for n in range(1, 13)]


def test_the_legend_names_the_points_of_the_impact_effort_matrix() -> None:
    rows = [
        {"title": "Zone 30", "impact": 4, "effort": 2},
        {"title": "Fietsparkeren", "impact": 4, "effort": 2},
    ]
    figure = charts.impact_effort_chart(rows, EN)
    assert figure is not None
    assert [(x, y, numbers(text)) for x, y, text in points(figure)] == [(2, 4, [1, 2])]
    headers, lines = charts.grid_legend(charts.DIRECTIONS, rows, EN)
    assert headers == ["No.", "Title", "Effort (1–5)", "Impact (1–5)"]
    assert lines == [["1", "Zone 30", "2", "4"], ["2", "Fietsparkeren", "2", "4"]]


def test_typed_names_stay_text_in_the_grid_and_in_its_legend() -> None:
    rows = [{"name": "<b>x</b> & co", "interest": 2, "influence": 4}]
    figure = charts.stakeholder_chart(rows, NL)
    assert figure is not None
    assert figure.data[0].hovertext == ("1 — &lt;b&gt;x&lt;/b&gt; &amp; co",)
    # The legend is a table of plain text cells (st.dataframe): the name exactly as typed.
    _, lines = charts.grid_legend(charts.STAKEHOLDERS, rows, NL)
    assert lines == [["1", "<b>x</b> & co", "2", "4"]]


def test_an_empty_grid_draws_nothing() -> None:
    assert charts.stakeholder_chart([{"name": "Nog geen scores"}], NL) is None
    assert charts.impact_effort_chart([], NL) is None
    assert charts.roadmap_chart([], [{"title": "Zonder datum"}], NL, today=TODAY) is None


# --- on the step pages ------------------------------------------------------------------------
def drawn_together(at: Any) -> list[list[Any]]:
    """For each chart on the page, the elements of the block it is drawn in, in order."""
    found: list[list[Any]] = []

    def walk(node: Any) -> None:
        children = getattr(node, "children", None)
        if not isinstance(children, dict):
            return
        shown = list(children.values())
        if any(getattr(child, "type", None) == "plotly_chart" for child in shown):
            found.append(shown)
        for child in shown:
            walk(child)

    walk(at._tree)
    return found


def test_the_stakeholders_are_numbered_on_the_chart_and_named_in_a_table_under_it(
    demo_url: str,
) -> None:
    at = open_page(STEP_FILES[1], section="betrokkenen")
    ((chart, table),) = drawn_together(at)
    assert (chart.type, table.type) == ("plotly_chart", "dataframe")
    legend = table.value
    assert list(legend.columns) == ["Nr.", "Naam", "Belang (1–5)", "Invloed (1–5)"]
    stakeholders = AVELGEM["challenge.stakeholders"]
    assert list(legend["Naam"]) == [row["name"] for row in stakeholders]
    assert list(legend["Nr."]) == ["1", "2", "3", "4", "5"]
    figure = json.loads(chart.proto.spec)
    on_chart = {
        (x, y): numbers(text)
        for x, y, text in zip(*(figure["data"][0][k] for k in ("x", "y", "text")), strict=True)
    }
    for number, row in enumerate(stakeholders, start=1):
        assert number in on_chart[row["interest"], row["influence"]], row["name"]
    quadrants = {note["text"] for note in figure["layout"]["annotations"]}
    assert quadrants == set(QUADRANTS[charts.stakeholder_chart])


def test_the_roadmap_page_shows_every_action_and_says_which_dates_to_check(demo_url: str) -> None:
    at = open_page(STEP_FILES[4], language="en", section="planning")
    ((chart,),) = drawn_together(at)
    figure = json.loads(chart.proto.spec)
    ticks = [html.unescape(tick) for tick in figure["layout"]["yaxis"]["ticktext"]]
    stored = stores(demo_url)[0].load(avelgem(demo_url)).part("roadmap.actions").value
    assert len(stored) == 10
    for y, action in enumerate(stored):
        assert ticks[y].startswith(action["title"][:40]), (y, ticks[y])
    assert sum("(deadline before start)" in tick for tick in ticks) == 1
    assert sum("(no deadline)" in tick for tick in ticks) == 1
    legend = {trace["name"] for trace in figure["data"] if trace.get("showlegend", True)}
    assert {"Planned", "Under way", "Done", "Idea", "Dates to check", "Milestone"} <= legend
