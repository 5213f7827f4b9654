"""Theme module: smart local distribution."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.DISTRIBUTION, parts=(), sections=())
