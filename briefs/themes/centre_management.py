"""Theme module: centre management."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.CENTRE_MANAGEMENT, parts=(), sections=())
