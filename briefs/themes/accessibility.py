"""Theme module: accessible centres for active road users."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.ACCESSIBILITY, parts=(), sections=())
