"""Page: start."""

from components.start import start_page

start_page()
