"""The audit log: who did what to which account, from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from briefs.access import Principal, can_administer
from storage.db import Database
from storage.people import Clock, system_clock
from storage.repository import NotFound, utc
from storage.tables import AuditRow


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    target: str
    client: str


class AuditLog:
    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def record(self, actor: str, action: str, target: str = "", client: str = "") -> None:
        with self.db.begin() as connection:
            connection.execute(
                insert(AuditRow).values(
                    at=self.clock(),
                    actor=actor[:320],
                    action=action,
                    target=target[:320],
                    client=client[:100],
                )
            )

    def entries(self, actor: Principal, limit: int = 500) -> list[AuditEntry]:
        """The newest entries first; for admins."""
        if not can_administer(actor):
            raise NotFound("audit")
        with self.db.connect() as connection:
            rows = connection.execute(
                select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            ).all()
        return [AuditEntry(utc(r.at), r.actor, r.action, r.target, r.client) for r in rows]
