"""The theme of each trajectory, which decides the module its briefs show; set by admins."""

from __future__ import annotations

from sqlalchemy import update

from briefs.access import Principal, can_administer
from briefs.model import Theme
from storage.audit import AuditLog
from storage.db import Database
from storage.people import Clock, system_clock
from storage.repository import NotFound
from storage.tables import TrajectoryRow


class TrajectoryThemes:
    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def set_theme(self, actor: Principal, trajectory_id: int, theme: Theme) -> None:
        """Give a trajectory its theme, and so its briefs their module.

        Nothing in the briefs changes: a module that holds data stays shown in its brief.
        """
        # As the audit log: a page that forgets its check still reaches nothing.
        if not can_administer(actor):
            raise NotFound("trajectory")
        with self.db.begin() as connection:
            changed = connection.execute(
                update(TrajectoryRow)
                .where(TrajectoryRow.id == trajectory_id)
                .values(theme=theme.value)
            ).rowcount
        if not changed:
            raise NotFound(trajectory_id)
        AuditLog(self.db, self.clock).record(
            actor.email, "trajectory_theme_set", f"{trajectory_id}: {theme.value}"
        )
