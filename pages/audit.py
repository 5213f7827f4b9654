"""Page: the audit log."""

from components.admin import audit_page
from components.gate import signed_in

audit_page(signed_in("audit"))
