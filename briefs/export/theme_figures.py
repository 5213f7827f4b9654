"""What the theme modules' insights write in the Word document, by insight name.

A figure maker returns (PNG bytes, caption) pairs drawn from the brief's rows; none when the
rows give nothing to draw (the images are made on the server, without a browser). A table
maker returns a table with shaded cells, e.g. the instrument matrix.
"""

from __future__ import annotations

from collections.abc import Callable

from briefs.brief import Brief
from briefs.export import accessibility_figures, vacancy_figures
from briefs.i18n import Translator
from briefs.themes.instrument_matrix import Matrix, instrument_matrix

FigureMaker = Callable[[Brief, Translator], list[tuple[bytes, str]]]


FIGURES: dict[str, FigureMaker] = {
    "vacancy_chart": vacancy_figures.vacancy_by_zone,
    "vacancy_rate_chart": vacancy_figures.vacancy_rate,
    "rents_chart": vacancy_figures.street_rents,
    "stop_chart": accessibility_figures.stop_figure,
}

TableMaker = Callable[[Brief, Translator], Matrix | None]

# An insight in both: its table stands under its figures, without a title of its own.
TABLES: dict[str, TableMaker] = {
    "instrument_matrix": instrument_matrix,
    "vacancy_chart": vacancy_figures.zone_table,
}
