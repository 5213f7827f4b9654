"""Theme module: the centre's DNA."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.DNA, parts=(), sections=())
