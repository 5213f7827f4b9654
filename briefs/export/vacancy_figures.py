"""The vacancy module's charts as PNG images for the Word document, drawn with matplotlib.

Matplotlib draws on the server with its Agg backend, without a browser: plotly's own image
export (the screen's charts) needs kaleido and a Chrome to run. It is imported only when a
document with a vacancy chart is made, so that no page pays for loading it.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from typing import TYPE_CHECKING

from briefs.themes import vacancy

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from briefs.brief import Brief
    from briefs.i18n import Translator

# The screen's colours (components/charts.py), so both tell the same story.
CATEGORY_COLOURS: dict[vacancy.VacancyCategory | None, str] = {
    vacancy.VacancyCategory.RENOVATION: "#0072b2",
    vacancy.VacancyCategory.STARTING: "#007a5e",
    vacancy.VacancyCategory.LONG_TERM: "#b35900",
    vacancy.VacancyCategory.STRUCTURAL: "#a3367a",
    None: "#767676",
}
LINE_COLOUR = "#1f5f8b"
WIDTH_INCHES = 7.0
DPI = 150
LABEL_LIMIT = 40
# The least share of the tallest bar (all buildings) a segment needs to carry its number.
LABEL_SHARE = 0.04


def _plain(text: str) -> str:
    """User text as matplotlib shows it literally: one line, cut short, no mathtext ($)."""
    line = " ".join("".join(c for c in text if c.isprintable()).split())
    if len(line) > LABEL_LIMIT:
        line = line[: LABEL_LIMIT - 1] + "…"
    return line.replace("$", r"\$")


def _figure(
    height: float, left: float = 0.8, top: float = 0.15, bottom: float = 0.45, right: float = 0.15
) -> tuple[Figure, Axes]:
    """A figure whose margins (in inches) are set, not solved: matplotlib's layout engines
    draw the figure once more to measure it, which doubled the time of every chart."""
    # The object-oriented API with the Agg canvas: no pyplot, no global state, no window.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    FigureCanvasAgg(figure)
    figure.subplots_adjust(
        left=left / WIDTH_INCHES,
        right=1 - right / WIDTH_INCHES,
        top=1 - top / height,
        bottom=bottom / height,
    )
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_axisbelow(True)
    return figure, axes


def png(figure: Figure, tight: bool = False) -> bytes:
    """The figure as a PNG; ``tight`` trims it to what is drawn (for a figure without set
    margins)."""
    buffer = io.BytesIO()
    # A character its font lacks (a street name in another script) is drawn as a box: the
    # table beside the chart has the name right, so that is no reason to warn in the log.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        # Light compression: a chart's flat colours pack well, and zlib's default level
        # spends more time than the smaller file saves.
        figure.savefig(
            buffer,
            format="png",
            pil_kwargs={"compress_level": 1},
            bbox_inches="tight" if tight else None,
        )
    return buffer.getvalue()


def _zone_name(zone: vacancy.Zone | None, t: Translator) -> str:
    return t(f"enum.{zone.value}") if zone else t("chart.vacancy.no_zone")


def _category_name(category: vacancy.VacancyCategory | None, t: Translator) -> str:
    return t(f"enum.{category.value}") if category else t("chart.vacancy.no_category")


def vacancy_by_zone(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """All zones, then each zone, stacked by category, on the latest count's day."""
    from matplotlib.ticker import MaxNLocator

    figures = vacancy.figures_of(brief, dt.date.today())
    if not figures.buildings:
        return []
    table = figures.table
    zones = [zone for zone in vacancy.ZONES if zone or any(z is None for z, _ in table)]
    columns = [t("chart.vacancy.all_zones"), *(_zone_name(zone, t) for zone in zones)]
    figure, axes = _figure(3.6, top=0.45)  # the legend stands above the bars
    bottoms = [0] * len(columns)
    for category in vacancy.CATEGORIES:
        per_zone = [table[(zone, category)] for zone in zones]
        if category is None and not any(per_zone):
            continue
        heights = [sum(per_zone), *per_zone]
        bars = axes.bar(
            columns,
            heights,
            bottom=bottoms,
            color=CATEGORY_COLOURS[category],
            label=_category_name(category, t),
        )
        axes.bar_label(
            bars,
            # A number only where its segment is tall enough to hold it.
            labels=[str(h) if h >= len(figures.buildings) * LABEL_SHARE else "" for h in heights],
            label_type="center",
            color="white",
            fontsize=8,
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))  # buildings come whole
    axes.set_ylabel(t("chart.vacancy.buildings"))
    axes.yaxis.grid(color="#e5e5e5")
    axes.legend(ncols=5, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8)
    caption = t("chart.vacancy.caption_zone", day=t.day(figures.day))
    return [(png(figure), caption)]


def vacancy_rate(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """The vacancy rate per count, from two counts on."""
    rates = vacancy.vacancy_rates(brief.rows("vacancy.counts", vacancy.VacancyCount))
    if len(rates) < 2:
        return []
    figure, axes = _figure(3.0)
    days = [rate.day for rate in rates]
    # Days as numbers, ticked with their own dates: no date converter, no month names.
    places = [when.toordinal() for when in days]
    percentages = [rate.rate * 100 for rate in rates]
    axes.plot(places, percentages, marker="o", color=LINE_COLOUR)
    for when, percentage in zip(places, percentages, strict=True):
        axes.annotate(
            f"{t.number(round(percentage, 1))} %",
            (when, percentage),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=8,
        )
    axes.set_xticks(places, [when.strftime("%d/%m/%Y") for when in days], fontsize=8)
    axes.set_ylim(0, max(percentages) * 1.25 + 1)
    axes.set_ylabel(t("chart.vacancy.rate_axis"))
    axes.yaxis.grid(color="#e5e5e5")
    caption = t("chart.vacancy.caption_rate", first=t.day(days[0]), last=t.day(days[-1]))
    return [(png(figure), caption)]


def street_rents(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """Each street's rent as a bar from low to high, a tick where there is one figure."""
    ranges = vacancy.street_rents(brief.rows("vacancy.rents", vacancy.StreetRent))
    if not ranges:
        return []
    names = [_plain(r.street) or t("chart.vacancy.no_street") for r in ranges]
    # Room on the left for the longest street name (about 0.075 inch a character at 10 pt).
    left = 0.3 + 0.075 * max(len(name) for name in names)
    amounts = [vacancy.rent_amount(r, t) for r in ranges]
    # The amounts stand right of their bars, in a margin wide enough for the longest (8 pt).
    right = 0.2 + 0.06 * max(len(amount) for amount in amounts)
    figure, axes = _figure(1.0 + 0.35 * len(ranges), left=left, bottom=0.6, right=right)
    rows = list(range(len(ranges)))
    lows = [float(r.low) for r in ranges]
    highs = [float(r.high) for r in ranges]
    axes.barh(
        rows,
        [h - lo for lo, h in zip(lows, highs, strict=True)],
        left=lows,
        color=LINE_COLOUR,
        height=0.5,
    )
    axes.scatter(lows + highs, rows + rows, marker="|", s=120, color=LINE_COLOUR)
    axes.set_yticks(rows, names)
    axes.invert_yaxis()
    for row, r, amount in zip(rows, ranges, amounts, strict=True):
        axes.annotate(
            amount,
            (float(r.high), row),
            textcoords="offset points",
            xytext=(8, 0),
            va="center",
            fontsize=8,
            annotation_clip=False,
        )
    axes.set_xlim(0, max(highs) * 1.05)
    axes.set_xlabel(t("chart.vacancy.rent_axis"))
    axes.xaxis.grid(color="#e5e5e5")
    return [(png(figure), t("chart.vacancy.caption_rents"))]
