"""The vacancy module's charts as PNG images for the Word document (chart_canvas, Pillow)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefs.export.chart_canvas import Chart, pixels, plain, text_width
from briefs.themes import vacancy
from briefs.themes.instrument_matrix import Matrix

if TYPE_CHECKING:
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
# The least share of the tallest bar (all buildings) a segment needs to carry its number.
LABEL_SHARE = 0.04
# A bar fills this share of its column (zones) or row (streets).
BAR_SHARE = 0.8


def _zone_name(zone: vacancy.Zone | None, t: Translator) -> str:
    return t(f"enum.{zone.value}") if zone else t("chart.vacancy.no_zone")


def _category_name(category: vacancy.VacancyCategory | None, t: Translator) -> str:
    return t(f"enum.{category.value}") if category else t("chart.vacancy.no_category")


def vacancy_by_zone(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """All zones, then each zone, stacked by category, on the latest count's day."""
    figures = vacancy.figures_of(brief, dt.date.today())
    if not figures.buildings:
        return []
    table = figures.table
    zones, categories = _shown(figures)
    columns = [t("chart.vacancy.all_zones"), *(_zone_name(zone, t) for zone in zones)]
    per_category = {c: [table[(zone, c)] for zone in zones] for c in categories}
    stacks = [(c, [sum(per_zone), *per_zone]) for c, per_zone in per_category.items()]
    chart = Chart(3.6, top=0.45, number=t.number)  # the legend stands above the bars
    steps = chart.fitting_steps(len(figures.buildings), across=False, whole=True)
    chart.value_axis_y(steps, t("chart.vacancy.buildings"))
    colours = [CATEGORY_COLOURS[category] for category, _ in stacks]
    chart.stacked_columns(
        columns,
        [(colour, heights) for colour, (_, heights) in zip(colours, stacks, strict=True)],
        BAR_SHARE,
        # A number only where its segment is tall enough to hold it.
        labelled_from=len(figures.buildings) * LABEL_SHARE,
    )
    chart.base_line()
    chart.legend(
        [
            (_category_name(category, t), colour)
            for (category, _), colour in zip(stacks, colours, strict=True)
        ]
    )
    caption = t("chart.vacancy.caption_zone", day=t.day(figures.day))
    return [(chart.png(), caption)]


def _shown(
    figures: vacancy.VacancyFigures,
) -> tuple[list[vacancy.Zone | None], list[vacancy.VacancyCategory | None]]:
    """The zones and categories the zone chart and its table show: 'unknown' only when some
    building has no zone or category."""
    table = figures.table
    zones = [zone for zone in vacancy.ZONES if zone or any(z is None for z, _ in table)]
    categories = [c for c in vacancy.CATEGORIES if c or any(table[(z, None)] for z in zones)]
    return zones, categories


def zone_table(brief: Brief, t: Translator) -> Matrix | None:
    """The zone chart's numbers as a table under it, a row per zone and one for all zones:
    a segment of one or two buildings is too small on the chart to carry its number."""
    figures = vacancy.figures_of(brief, dt.date.today())
    if not figures.buildings:
        return None
    zones, categories = _shown(figures)
    table = figures.table
    per_zone = [[table[(zone, category)] for category in categories] for zone in zones]
    names = [*(_zone_name(zone, t) for zone in zones), t("chart.vacancy.all_zones")]
    all_zones = [sum(column) for column in zip(*per_zone, strict=True)]
    rows = [
        [name, *(t.number(count) for count in counts), t.number(sum(counts))]
        for name, counts in zip(names, [*per_zone, all_zones], strict=True)
    ]
    header = [t("col.zone"), *(_category_name(c, t) for c in categories), t("doc.total")]
    return Matrix(header, rows, [[None] * len(header) for _ in rows])


def vacancy_rate(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """The vacancy rate per count, from two counts on."""
    rates = vacancy.vacancy_rates(brief.rows("vacancy.counts", vacancy.VacancyCount))
    if len(rates) < 2:
        return []
    chart = Chart(3.0, number=t.number)
    days = [rate.day for rate in rates]
    percentages = [rate.rate * 100 for rate in rates]
    steps = chart.fitting_steps(max(percentages) * 1.15 + 1, across=False)
    chart.value_axis_y(steps, t("chart.vacancy.rate_axis"))
    # Days placed by their distance in time, with room at both ends for their dates.
    first, last = days[0].toordinal(), days[-1].toordinal()
    margin = max(last - first, 1) * 0.05
    chart.x_range = (first - margin, last + margin)
    points = [
        (chart.x(when.toordinal()), chart.y(percentage))
        for when, percentage in zip(days, percentages, strict=True)
    ]
    chart.draw.line(points, fill=LINE_COLOUR, width=4, joint="curve")
    radius = pixels(0.045)
    for x, y in points:
        chart.draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=LINE_COLOUR)
        chart.draw.line((x, chart.y1, x, chart.y1 + 7), fill="#333333", width=2)
    # Counts close in time would write over each other: the first and the last count are
    # labelled, then the others where there is room (the table above has every figure).
    taken: list[tuple[float, float, float, float]] = []
    for k in (0, len(points) - 1, *range(1, len(points) - 1)):
        (x, y), percentage = points[k], percentages[k]
        chart.text_with_room(
            (x, y - radius - 6), f"{t.number(round(percentage, 1))} %", taken, anchor="mb"
        )
        chart.text_with_room((x, chart.y1 + 12), days[k].strftime("%d/%m/%Y"), taken, anchor="mt")
    chart.base_line()
    caption = t("chart.vacancy.caption_rate", first=t.day(days[0]), last=t.day(days[-1]))
    return [(chart.png(), caption)]


def street_rents(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """Each street's rent as a bar from low to high, a tick where there is one figure."""
    ranges = vacancy.street_rents(brief.rows("vacancy.rents", vacancy.StreetRent))
    if not ranges:
        return []
    names = [plain(r.street) or t("chart.vacancy.no_street") for r in ranges]
    amounts = [vacancy.rent_amount(r, t) for r in ranges]
    # Room on the left for the longest street name, on the right for the longest amount.
    left = (max(text_width(name) for name in names) + 36) / pixels(1)
    right = (max(text_width(amount, 8) for amount in amounts) + 24) / pixels(1)
    chart = Chart(1.0 + 0.35 * len(ranges), left=left, bottom=0.6, right=right, number=t.number)
    highs = [float(r.high) for r in ranges]
    steps = chart.fitting_steps(max(highs), across=True)
    chart.value_axis_x(steps, t("chart.vacancy.rent_axis"), limit=max(steps[-1], max(highs) * 1.05))
    slot = (chart.y1 - chart.y0) / len(ranges)
    for row, (r, name, amount) in enumerate(zip(ranges, names, amounts, strict=True)):
        middle = chart.y0 + slot * (row + 0.5)
        low, high = chart.x(float(r.low)), chart.x(float(r.high))
        half = slot * BAR_SHARE * 0.3
        chart.box(low, middle - half, max(high, low + 3), middle + half, LINE_COLOUR)
        for end in (low, high):  # a tick at both figures, seen even when they are one
            chart.draw.line(
                (end, middle - half * 1.4, end, middle + half * 1.4), fill=LINE_COLOUR, width=3
            )
        chart.text((chart.x0 - 12, middle), name, anchor="rm")
        chart.text((high + 14, middle), amount, 8, anchor="lm", backdrop=True)
    chart.base_line()
    return [(chart.png(), t("chart.vacancy.caption_rents"))]
