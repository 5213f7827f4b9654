"""Theme module: real estate and negotiating with developers."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.REAL_ESTATE, parts=(), sections=())
