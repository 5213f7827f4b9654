"""Theme module: mixing economic activity into the centre."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.MIXED_USE, parts=(), sections=())
