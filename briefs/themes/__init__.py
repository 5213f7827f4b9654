"""The theme modules: each trajectory's own instruments, declared as parts of the brief.

A module is one file here: its row models, its parts (``PartSpec`` like the brief's own,
with ``theme`` set and the step named), the sections they open on the step pages, their words
(Dutch and English) and their points of attention. ``briefs/parts.py`` adds every module's
parts and sections to the brief's shape, so screens, export, checks and compare follow.
Which modules a brief shows is decided in ``briefs/theme_choice.py``.
"""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.accessibility import MODULE as ACCESSIBILITY
from briefs.themes.centre_management import MODULE as CENTRE_MANAGEMENT
from briefs.themes.distribution import MODULE as DISTRIBUTION
from briefs.themes.dna import MODULE as DNA
from briefs.themes.mixed_use import MODULE as MIXED_USE
from briefs.themes.module import Finding, ThemeModule
from briefs.themes.real_estate import MODULE as REAL_ESTATE
from briefs.themes.vacancy import MODULE as VACANCY
from briefs.themes.vacancy_import import WORDS as IMPORT_WORDS
from briefs.themes.wayfinding import MODULE as WAYFINDING

MODULES: dict[Theme, ThemeModule] = {
    module.theme: module
    for module in (
        DNA,
        VACANCY,
        WAYFINDING,
        MIXED_USE,
        ACCESSIBILITY,
        DISTRIBUTION,
        CENTRE_MANAGEMENT,
        REAL_ESTATE,
    )
}
assert list(MODULES) == list(Theme), "every theme has its module, in the theme's order"

THEME_PARTS = tuple(spec for module in MODULES.values() for spec in module.parts)
THEME_SECTIONS = tuple(section for module in MODULES.values() for section in module.sections)


def _words() -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    for module in MODULES.values():
        twice = set(words) & set(module.words)
        assert not twice, f"{module.theme}: words declared by another module too: {twice}"
        words.update(module.words)
    # The spreadsheet import of the vacancy inventory (vacancy_import.py) has words of its own.
    twice = set(words) & set(IMPORT_WORDS)
    assert not twice, f"vacancy import: words declared by a module too: {twice}"
    return {**words, **IMPORT_WORDS}


THEME_WORDS = _words()

__all__ = ["MODULES", "THEME_PARTS", "THEME_SECTIONS", "THEME_WORDS", "Finding", "ThemeModule"]
