"""Page: step 4, roadmap."""

from components.steps import step_page

step_page(4)
