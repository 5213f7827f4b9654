"""Page: log in."""

from components.account import login_page

login_page()
