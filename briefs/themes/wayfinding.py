"""Theme module: wayfinding and centres along main roads."""

from __future__ import annotations

from briefs.model import Theme
from briefs.themes.module import ThemeModule

MODULE = ThemeModule(theme=Theme.WAYFINDING, parts=(), sections=())
