"""Page: people and roles."""

from components.admin import people_page
from components.gate import signed_in

people_page(signed_in("people"))
