"""Page: export the brief to Word."""

from components.export import export_page

export_page()
