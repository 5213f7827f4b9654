"""Charts of the theme modules as images for the Word document, by insight name.

Each maker returns (PNG bytes, caption) pairs drawn from the brief's rows; none when the rows
give nothing to draw. The images are made on the server, without a browser.
"""

from __future__ import annotations

from collections.abc import Callable

from briefs.brief import Brief
from briefs.export import vacancy_figures
from briefs.i18n import Translator

FigureMaker = Callable[[Brief, Translator], list[tuple[bytes, str]]]

FIGURES: dict[str, FigureMaker] = {
    "vacancy_chart": vacancy_figures.vacancy_by_zone,
    "vacancy_rate_chart": vacancy_figures.vacancy_rate,
    "rents_chart": vacancy_figures.street_rents,
}
