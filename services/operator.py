"""The command line's identity: operators act with full rights, as an admin would."""

from __future__ import annotations

from sqlalchemy import Engine

from briefs.access import Principal, Role
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.secure import SecureBriefStore

OPERATOR = Principal(0, "operator", "operator", Role.ADMIN, "")


def operator_store(engine: Engine) -> SecureBriefStore:
    """The briefs as the command line sees them."""
    return SecureBriefStore(SqlBriefStore(engine), SqlProgrammeStore(engine), OPERATOR)
