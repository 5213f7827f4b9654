"""Which theme modules a brief shows: its trajectory's, the ones added, and any holding data."""

from __future__ import annotations

from briefs.brief import Brief
from briefs.model import Theme
from briefs.parts import PART_SPECS, THEMES_PART, PartSpec
from briefs.themes import MODULES


def trajectory_theme(brief: Brief) -> Theme | None:
    """The theme of the brief's trajectory, when it is one of the modules' themes."""
    return Theme(brief.theme) if brief.theme in set(Theme) else None


def themes_with_data(brief: Brief) -> set[Theme]:
    return {
        theme
        for theme, module in MODULES.items()
        if any(brief.is_filled(spec.key) for spec in module.parts)
    }


def shown_themes(brief: Brief) -> tuple[Theme, ...]:
    """The modules the brief shows, in the programme's order of themes.

    The trajectory decides the first; a participant may add others (``challenge.themes``).
    A module that holds data stays shown whatever changes, until it is emptied: changing a
    trajectory's theme or taking a module off the list never hides what was written.
    """
    chosen = {Theme(value) for value in brief.values(THEMES_PART) if value in set(Theme)}
    own = trajectory_theme(brief)
    wanted = chosen | themes_with_data(brief) | ({own} if own else set())
    return tuple(theme for theme in Theme if theme in wanted)


def shows_part(brief: Brief, spec: PartSpec, themes: tuple[Theme, ...] | None = None) -> bool:
    """Whether the brief shows the part: every part of its own, a module's when shown."""
    if spec.theme is None:
        return True
    return spec.theme in (shown_themes(brief) if themes is None else themes)


def shown_parts(brief: Brief) -> list[PartSpec]:
    themes = shown_themes(brief)
    return [spec for spec in PART_SPECS if shows_part(brief, spec, themes)]
