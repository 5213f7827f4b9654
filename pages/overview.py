"""Page: overview."""

from components.overview import overview_page

overview_page()
