"""Page: step 1, challenge."""

from components.steps import step_page

step_page(1)
