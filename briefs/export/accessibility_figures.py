"""The accessibility module's STOP chart as a PNG image for the Word document (Pillow)."""

from __future__ import annotations

from briefs.brief import Brief
from briefs.export.chart_canvas import Chart, pixels, text_width
from briefs.i18n import Translator

BAR_COLOUR = "#1f5f8b"
# The scores run from 1 to 5; the axis goes a little further to leave room for the number.
SCORE_STEPS = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
SCORE_LIMIT = 5.6


def stop_figure(brief: Brief, t: Translator) -> list[tuple[bytes, str]]:
    """The STOP checklist's score per mode as a bar chart, walkers on top. Only the app's own
    words are drawn (the modes and the scores), never typed text."""
    from briefs.themes.accessibility import STOP, stop_scores

    scores = stop_scores(brief.part(STOP).value or [])
    if all(score is None for _, score in scores):
        return []
    labels = [t(f"enum.{mode.value}") for mode, _ in scores]
    left = (max(text_width(label) for label in labels) + 36) / pixels(1)
    chart = Chart(2.6, left=left, bottom=0.65, right=0.3, number=t.number)
    chart.value_axis_x(SCORE_STEPS, t("col.score"), limit=SCORE_LIMIT)
    slot = (chart.y1 - chart.y0) / len(scores)
    for row, (label, (_, score)) in enumerate(zip(labels, scores, strict=True)):
        middle = chart.y0 + slot * (row + 0.5)
        half = slot * 0.4
        end = chart.x(score or 0)
        if score:
            chart.box(chart.x0, middle - half, end, middle + half, BAR_COLOUR)
        words = t.number(round(score, 1)) if score is not None else t("chart.stop_unscored")
        chart.text((end + 8, middle), words, anchor="lm", backdrop=True)
        chart.text((chart.x0 - 12, middle), label, anchor="rm")
    chart.base_line()
    return [(chart.png(), t("chart.stop"))]
