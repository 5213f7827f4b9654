"""Repositories of briefs and the programme in SQL, and their errors."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from briefs.brief import Brief, StoredPart
from briefs.images import CleanImage
from briefs.parts import PARTS, validate_part
from briefs.programme import BriefRef, Member, Person, Trajectory, Workshop
from storage.db import Database
from storage.tables import (
    AssignmentRow,
    AuthSessionRow,
    BriefPartRow,
    BriefRow,
    ImageRow,
    LoginThrottleRow,
    MembershipRow,
    OneTimeCodeRow,
    PersonRow,
    RevisionRow,
    SessionRow,
    TrajectoryRow,
)


class NotFound(LookupError):
    """The brief, person or image does not exist."""


class StaleWrite(Exception):
    """A save was based on an older version than the one stored; nothing was written."""

    def __init__(self, key: str, current: StoredPart):
        super().__init__(f"{key} is at version {current.version}")
        self.key = key
        self.current = current


def utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we write is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class SqlBriefStore:
    """Briefs in a SQL database; every save carries the version it was based on."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def load(self, brief_id: int) -> Brief:
        found = self.load_many([brief_id])
        if not found:
            raise NotFound(brief_id)
        return found[0]

    def load_many(self, brief_ids: list[int]) -> list[Brief]:
        """Load several briefs in two queries, for the coach's overview."""
        with self.engine.connect() as connection:
            refs = connection.execute(
                select(
                    BriefRow.id, BriefRow.trajectory_id, BriefRow.municipality, TrajectoryRow.theme
                )
                .join(TrajectoryRow, TrajectoryRow.id == BriefRow.trajectory_id)
                .where(BriefRow.id.in_(brief_ids))
            ).all()
            rows = connection.execute(
                select(
                    BriefPartRow.brief_id,
                    BriefPartRow.key,
                    BriefPartRow.value,
                    BriefPartRow.version,
                    BriefPartRow.saved_at,
                    BriefPartRow.saved_by,
                ).where(BriefPartRow.brief_id.in_(brief_ids))
            ).all()
        briefs = {r.id: Brief(r.id, r.trajectory_id, r.municipality, theme=r.theme) for r in refs}
        for row in rows:
            briefs[row.brief_id].parts[row.key] = StoredPart(
                row.value, row.version, utc(row.saved_at), row.saved_by
            )
        return [briefs[brief_id] for brief_id in brief_ids if brief_id in briefs]

    def current(self, brief_id: int, key: str) -> StoredPart:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(
                    BriefPartRow.value,
                    BriefPartRow.version,
                    BriefPartRow.saved_at,
                    BriefPartRow.saved_by,
                ).where(BriefPartRow.brief_id == brief_id, BriefPartRow.key == key)
            ).first()
        if row is None:
            return StoredPart(None, 0)
        return StoredPart(row.value, row.version, utc(row.saved_at), row.saved_by)

    def save_part(
        self, brief_id: int, key: str, value: Any, base_version: int, author: str
    ) -> StoredPart:
        """Store ``value`` as the next version of one part, or raise StaleWrite."""
        return self.save_parts(brief_id, [(key, value, base_version)], author)[key]

    def save_parts(
        self, brief_id: int, changes: list[tuple[str, Any, int]], author: str
    ) -> dict[str, StoredPart]:
        """Store several parts at once, each on its base version: all of them or none.

        Restoring a step writes every part in one transaction, so a failure half-way never
        leaves a step half restored. Raises StaleWrite for the first part that moved on.
        """
        cleaned = [(key, validate_part(key, value), base) for key, value, base in changes]
        now = datetime.now(UTC)
        current_key = ""
        saved: dict[str, StoredPart] = {}
        try:
            with self.engine.begin() as connection:
                stored = self._stored(connection, brief_id, [key for key, _v, _b in cleaned])
                for key, clean, base_version in cleaned:
                    current_key = key
                    # The value that is already there is no change: no version, no revision.
                    unchanged = stored.get(key, StoredPart(PARTS[key].empty, 0))
                    if unchanged.version == base_version and unchanged.value == clean:
                        saved[key] = unchanged
                        continue
                    self._write(connection, brief_id, key, clean, base_version, now, author)
                    saved[key] = StoredPart(clean, base_version + 1, now, author)
        except (IntegrityError, _Conflict):
            current = self.current(brief_id, current_key)
            if current.version == 0 and dict((k, b) for k, _v, b in cleaned)[current_key] == 0:
                raise NotFound(brief_id) from None
            raise StaleWrite(current_key, current) from None
        return saved

    @staticmethod
    def _stored(connection: Any, brief_id: int, keys: list[str]) -> dict[str, StoredPart]:
        rows = connection.execute(
            select(
                BriefPartRow.key,
                BriefPartRow.value,
                BriefPartRow.version,
                BriefPartRow.saved_at,
                BriefPartRow.saved_by,
            ).where(BriefPartRow.brief_id == brief_id, BriefPartRow.key.in_(keys))
        ).all()
        return {r.key: StoredPart(r.value, r.version, utc(r.saved_at), r.saved_by) for r in rows}

    @staticmethod
    def _write(
        connection: Any,
        brief_id: int,
        key: str,
        clean: Any,
        base_version: int,
        now: datetime,
        author: str,
    ) -> None:
        version = base_version + 1
        values = {"value": clean, "version": version, "saved_at": now, "saved_by": author}
        if base_version == 0:
            connection.execute(insert(BriefPartRow).values(brief_id=brief_id, key=key, **values))
        else:
            result = connection.execute(
                update(BriefPartRow)
                .where(
                    BriefPartRow.brief_id == brief_id,
                    BriefPartRow.key == key,
                    BriefPartRow.version == base_version,
                )
                .values(**values)
            )
            if result.rowcount != 1:
                raise _Conflict
        connection.execute(insert(RevisionRow).values(brief_id=brief_id, key=key, **values))

    def revision(self, brief_id: int, key: str, version: int) -> StoredPart | None:
        """Return one saved version of a part, or None if there is no such version."""
        with self.engine.connect() as connection:
            row = connection.execute(
                select(RevisionRow).where(
                    RevisionRow.brief_id == brief_id,
                    RevisionRow.key == key,
                    RevisionRow.version == version,
                )
            ).first()
        if row is None:
            return None
        return StoredPart(row.value, row.version, utc(row.saved_at), row.saved_by)

    def revisions(self, brief_id: int, key: str) -> list[StoredPart]:
        """Return every saved version of one part, oldest first."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(RevisionRow)
                .where(RevisionRow.brief_id == brief_id, RevisionRow.key == key)
                .order_by(RevisionRow.version)
            )
            return [StoredPart(r.value, r.version, utc(r.saved_at), r.saved_by) for r in rows]

    def history(self, brief_id: int) -> dict[str, list[StoredPart]]:
        """Every saved version of every part of a brief, oldest first, in one query."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(
                    RevisionRow.key,
                    RevisionRow.value,
                    RevisionRow.version,
                    RevisionRow.saved_at,
                    RevisionRow.saved_by,
                )
                .where(RevisionRow.brief_id == brief_id)
                .order_by(RevisionRow.key, RevisionRow.version)
            ).all()
        found: dict[str, list[StoredPart]] = {}
        for r in rows:
            found.setdefault(r.key, []).append(
                StoredPart(r.value, r.version, utc(r.saved_at), r.saved_by)
            )
        return found

    def add_image(self, brief_id: int, image: CleanImage) -> int:
        with self.engine.begin() as connection:
            image_id = connection.execute(
                insert(ImageRow)
                .values(
                    brief_id=brief_id,
                    mime=image.mime,
                    width=image.width,
                    height=image.height,
                    data=image.data,
                    created_at=datetime.now(UTC),
                )
                .returning(ImageRow.id)
            ).scalar_one()
        return int(image_id)

    def image(self, brief_id: int, image_id: int) -> bytes | None:
        with self.engine.connect() as connection:
            data = connection.execute(
                select(ImageRow.data).where(ImageRow.id == image_id, ImageRow.brief_id == brief_id)
            ).scalar_one_or_none()
        return bytes(data) if data is not None else None


class _Conflict(Exception):
    pass


class SqlProgrammeStore:
    """Trajectories, sessions, people and which brief is whose."""

    def __init__(self, engine: Database):
        self.engine = engine

    def trajectories(self) -> list[Trajectory]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(TrajectoryRow).order_by(TrajectoryRow.number)).all()
            members = connection.execute(select(MembershipRow).order_by(MembershipRow.id)).all()
        by_trajectory: dict[int, list[Member]] = {}
        for member in members:
            by_trajectory.setdefault(member.trajectory_id, []).append(
                Member(member.municipality, member.uncertain)
            )
        return [
            Trajectory(
                id=row.id,
                number=row.number,
                title=row.title,
                theme=row.theme,
                edition=row.edition,
                description=row.description,
                period=row.period,
                conditions=row.conditions,
                coaches=tuple(row.coaches),
                members=tuple(by_trajectory.get(row.id, [])),
            )
            for row in rows
        ]

    def trajectory(self, trajectory_id: int) -> Trajectory:
        for trajectory in self.trajectories():
            if trajectory.id == trajectory_id:
                return trajectory
        raise NotFound(trajectory_id)

    def workshops(self, trajectory_id: int) -> list[Workshop]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(SessionRow)
                .where(SessionRow.trajectory_id == trajectory_id)
                .order_by(SessionRow.number)
            )
            return [
                Workshop(r.trajectory_id, r.number, utc(r.starts_at), r.mode, r.place, r.step)
                for r in rows
            ]

    def people(self) -> list[Person]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(PersonRow).order_by(PersonRow.name))
            return [Person(r.id, r.name, r.email, r.municipality, r.role) for r in rows]

    def person(self, person_id: int) -> Person:
        with self.engine.connect() as connection:
            row = connection.execute(select(PersonRow).where(PersonRow.id == person_id)).first()
        if row is None:
            raise NotFound(person_id)
        return Person(row.id, row.name, row.email, row.municipality, row.role)

    def brief_ref(self, brief_id: int) -> BriefRef:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(BriefRow.id, BriefRow.trajectory_id, BriefRow.municipality).where(
                    BriefRow.id == brief_id
                )
            ).first()
        if row is None:
            raise NotFound(brief_id)
        return BriefRef(row.id, row.trajectory_id, row.municipality)

    def ensure_member(self, trajectory_id: int, municipality: str) -> int:
        """Make the municipality a member of the trajectory with a brief; return the brief id."""
        with self.engine.begin() as connection:
            member = connection.execute(
                select(MembershipRow.id).where(
                    MembershipRow.trajectory_id == trajectory_id,
                    MembershipRow.municipality == municipality,
                )
            ).first()
            if member is None:
                connection.execute(
                    insert(MembershipRow).values(
                        trajectory_id=trajectory_id, municipality=municipality, uncertain=False
                    )
                )
            brief_id = connection.execute(
                select(BriefRow.id).where(
                    BriefRow.trajectory_id == trajectory_id, BriefRow.municipality == municipality
                )
            ).scalar_one_or_none()
            if brief_id is None:
                brief_id = connection.execute(
                    insert(BriefRow)
                    .values(
                        trajectory_id=trajectory_id,
                        municipality=municipality,
                        created_at=datetime.now(UTC),
                    )
                    .returning(BriefRow.id)
                ).scalar_one()
        return int(brief_id)

    def people_of(self, municipality: str) -> list[Person]:
        return [person for person in self.people() if person.municipality == municipality]

    def _brief_refs(self, *conditions: Any) -> list[BriefRef]:
        query = select(BriefRow.id, BriefRow.trajectory_id, BriefRow.municipality).where(
            *conditions
        )
        with self.engine.connect() as connection:
            rows = connection.execute(
                query.order_by(BriefRow.trajectory_id, BriefRow.municipality)
            ).all()
        return [BriefRef(r.id, r.trajectory_id, r.municipality) for r in rows]

    def all_briefs(self) -> list[BriefRef]:
        return self._brief_refs()

    def briefs_in(self, trajectory_id: int) -> list[BriefRef]:
        return self._brief_refs(BriefRow.trajectory_id == trajectory_id)

    def briefs_of(self, municipality: str) -> list[BriefRef]:
        return self._brief_refs(BriefRow.municipality == municipality)

    def add_trajectory(self, trajectory: Trajectory, workshops: Iterable[Workshop]) -> int:
        with self.engine.begin() as connection:
            trajectory_id = connection.execute(
                insert(TrajectoryRow)
                .values(
                    number=trajectory.number,
                    title=trajectory.title,
                    theme=trajectory.theme,
                    edition=trajectory.edition,
                    description=trajectory.description,
                    period=trajectory.period,
                    conditions=trajectory.conditions,
                    coaches=list(trajectory.coaches),
                )
                .returning(TrajectoryRow.id)
            ).scalar_one()
            for member in trajectory.members:
                connection.execute(
                    insert(MembershipRow).values(
                        trajectory_id=trajectory_id,
                        municipality=member.municipality,
                        uncertain=member.uncertain,
                    )
                )
            for workshop in workshops:
                connection.execute(
                    insert(SessionRow).values(
                        trajectory_id=trajectory_id,
                        number=workshop.number,
                        starts_at=workshop.starts_at,
                        mode=workshop.mode,
                        place=workshop.place,
                        step=workshop.step,
                    )
                )
        return int(trajectory_id)

    def add_brief(self, trajectory_id: int, municipality: str) -> int:
        with self.engine.begin() as connection:
            return int(
                connection.execute(
                    insert(BriefRow)
                    .values(
                        trajectory_id=trajectory_id,
                        municipality=municipality,
                        created_at=datetime.now(UTC),
                    )
                    .returning(BriefRow.id)
                ).scalar_one()
            )

    def is_empty(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(select(TrajectoryRow.id).limit(1)).first() is None

    def clear(self) -> None:
        """Remove all programme content and briefs (used before re-seeding the demo).

        The audit log stays: it is only ever shortened by the logged retention command.
        """
        with self.engine.begin() as connection:
            for table in (
                LoginThrottleRow,
                OneTimeCodeRow,
                AuthSessionRow,
                AssignmentRow,
                ImageRow,
                RevisionRow,
                BriefPartRow,
                BriefRow,
                SessionRow,
                MembershipRow,
                PersonRow,
                TrajectoryRow,
            ):
                connection.execute(delete(table))
