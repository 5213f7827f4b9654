"""What the theme modules' insights write in the Word document, by insight name.

A figure maker returns (PNG bytes, caption) pairs drawn from the brief's rows; none when the
rows give nothing to draw (the images are made on the server, without a browser). A table
maker returns a table with shaded cells, e.g. the instrument matrix.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from briefs.brief import Brief
from briefs.export import vacancy_figures
from briefs.i18n import Translator
from briefs.themes.instrument_matrix import Matrix, instrument_matrix

FigureMaker = Callable[[Brief, Translator], list[tuple[bytes, str]]]


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def stop_figure(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """The STOP checklist's score per mode as a bar chart, walkers on top.

    Matplotlib draws it on the server; its ``Figure`` without pyplot keeps no global state,
    so exports running side by side do not share a drawing. Only the app's own words are
    drawn (the modes and the scores), never typed text.
    """
    from matplotlib.figure import Figure

    from briefs.themes.accessibility import STOP, stop_scores

    scores = stop_scores(brief.part(STOP).value or [])
    if all(score is None for _, score in scores):
        return []
    figure = Figure(figsize=(6.0, 2.4), dpi=150)
    axes = figure.subplots()
    labels = [t(f"enum.{mode.value}") for mode, _ in scores]
    bars = axes.barh(labels, [score or 0 for _, score in scores], color="#1f5f8b")
    texts = [
        t.number(round(score, 1)) if score is not None else t("chart.stop_unscored")
        for _, score in scores
    ]
    axes.bar_label(bars, labels=texts, padding=3)
    axes.set_xlim(0, 5.6)
    axes.set_xticks([1, 2, 3, 4, 5])
    axes.set_xlabel(t("col.score"))
    axes.invert_yaxis()
    axes.spines[["top", "right"]].set_visible(False)
    return [(_png(figure), t("chart.stop"))]


FIGURES: dict[str, FigureMaker] = {
    "vacancy_chart": vacancy_figures.vacancy_by_zone,
    "vacancy_rate_chart": vacancy_figures.vacancy_rate,
    "rents_chart": vacancy_figures.street_rents,
    "stop_chart": stop_figure,
}

TableMaker = Callable[[Brief, Translator], Matrix | None]

TABLES: dict[str, TableMaker] = {"instrument_matrix": instrument_matrix}
