"""The accessibility module's STOP chart as a PNG image for the Word document (matplotlib)."""

from __future__ import annotations

from briefs.brief import Brief
from briefs.export.vacancy_figures import png
from briefs.i18n import Translator


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
    return [(png(figure, tight=True), t("chart.stop"))]
