"""Page: my account."""

from components.account import account_page
from components.gate import signed_in

account_page(signed_in("account"))
