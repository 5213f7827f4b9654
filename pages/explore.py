"""Page: step 2, explore."""

from components.steps import step_page

step_page(2)
