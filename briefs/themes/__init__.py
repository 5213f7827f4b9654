"""The theme modules: each trajectory's own instruments, declared as parts of the brief.

A module is one file here: its row models, its parts (``PartSpec`` like the brief's own,
with ``theme`` set and the step named), the sections they open on the step pages, their words
(Dutch and English) and their points of attention. ``briefs/parts.py`` adds every module's
parts and sections to the brief's shape, so screens, export, checks and compare follow.
Which modules a brief shows is decided in ``briefs/theme_choice.py``.
"""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes import (
    accessibility,
    centre_management,
    distribution,
    dna,
    mixed_use,
    real_estate,
    vacancy,
    vacancy_import,
    wayfinding,
)
from briefs.themes.module import Finding, ThemeModule

MODULES: dict[Theme, ThemeModule] = {
    module.theme: module
    for module in (
        dna.MODULE,
        vacancy.MODULE,
        wayfinding.MODULE,
        mixed_use.MODULE,
        accessibility.MODULE,
        distribution.MODULE,
        centre_management.MODULE,
        real_estate.MODULE,
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
    twice = set(words) & set(vacancy_import.WORDS)
    assert not twice, f"vacancy import: words declared by a module too: {twice}"
    return {**words, **vacancy_import.WORDS}


THEME_WORDS = _words()

__all__ = ["MODULES", "THEME_PARTS", "THEME_SECTIONS", "THEME_WORDS", "Finding", "ThemeModule"]
