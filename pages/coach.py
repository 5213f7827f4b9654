"""Page: coaching."""

from briefs.access import Role
from components.coaching import coach_page
from components.gate import signed_in

coach_page(signed_in(Role.COACH, Role.ADMIN))
