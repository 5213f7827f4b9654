"""Page: step 3, prototype."""

from components.steps import step_page

step_page(3)
