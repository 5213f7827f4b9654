"""The audit log: who did what to which account, from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select

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

    def prune(self, before: datetime, actor: str, client: str = "") -> int:
        """Delete the entries older than ``before`` and log that it happened; return how many.

        The only way entries leave the log: an operator's explicit retention command.
        """
        with self.db.begin() as connection:
            count = connection.execute(
                select(func.count()).select_from(AuditRow).where(AuditRow.at < before)
            ).scalar_one()
            connection.execute(delete(AuditRow).where(AuditRow.at < before))
            connection.execute(
                insert(AuditRow).values(
                    at=self.clock(),
                    actor=actor[:320],
                    action="audit_pruned",
                    target=f"{before.date().isoformat()} ({count})",
                    client=client[:100],
                )
            )
        return int(count)

    def entries(self, actor: Principal, limit: int = 500) -> list[AuditEntry]:
        """The newest entries first; for admins."""
        if not can_administer(actor):
            raise NotFound("audit")
        with self.db.connect() as connection:
            rows = connection.execute(
                select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            ).all()
        return [AuditEntry(utc(r.at), r.actor, r.action, r.target, r.client) for r in rows]
