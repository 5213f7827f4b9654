"""Page: the programme."""

from components.admin import programme_page
from components.gate import signed_in

programme_page(signed_in("programme"))
