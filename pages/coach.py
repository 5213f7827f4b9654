"""Page: coaching."""

from components.coaching import coach_page
from components.gate import signed_in

coach_page(signed_in("coach"))
