"""Page: the audit log."""

from briefs.access import Role
from components.admin import audit_page
from components.gate import signed_in

audit_page(signed_in(Role.ADMIN))
