"""Page: the programme."""

from briefs.access import Role
from components.admin import programme_page
from components.gate import signed_in

programme_page(signed_in(Role.ADMIN))
