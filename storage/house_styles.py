"""The Word templates of the house style: admins upload and remove them, exports read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, insert, select

from briefs.access import Principal, can_administer
from storage.audit import AuditLog
from storage.db import Database
from storage.people import Clock, system_clock
from storage.repository import NotFound, utc
from storage.tables import HouseStyleRow

FILE_NAME_CHARS = 255


@dataclass(frozen=True)
class HouseStyle:
    """One active template, without its bytes; ``municipality`` None is the programme's.

    ``id`` is new with every upload: a screen keys its widgets by it, not by position.
    """

    id: int
    municipality: str | None
    file_name: str
    uploaded_by: str
    uploaded_at: datetime
    size: int


def _scope(municipality: str | None) -> ColumnElement[bool]:
    column = HouseStyleRow.municipality
    return column.is_(None) if municipality is None else column == municipality


class HouseStyles:
    """The programme's template and each municipality's, one at most per scope."""

    def __init__(self, db: Database, clock: Clock = system_clock):
        self.db = db
        self.clock = clock

    def _admin(self, actor: Principal) -> None:
        # As the audit log: a page that forgets its check still reaches nothing.
        if not can_administer(actor):
            raise NotFound("house style")

    def upload(
        self, actor: Principal, municipality: str | None, file_name: str, data: bytes
    ) -> HouseStyle:
        """Store a template for the programme (None) or a municipality, replacing the old one.

        Raises TemplateRefused, storing nothing, for a file that cannot be a house style.
        """
        self._admin(actor)
        # python-docx is loaded when a template arrives, not by every page that lists them.
        from briefs.export.style import TemplateRefused, check_template

        problem = check_template(data)
        if problem is not None:
            raise TemplateRefused(problem)
        name = file_name.strip()[:FILE_NAME_CHARS] or "template.dotx"
        now = self.clock()
        with self.db.begin() as connection:
            connection.execute(delete(HouseStyleRow).where(_scope(municipality)))
            style_id = connection.execute(
                insert(HouseStyleRow)
                .values(
                    municipality=municipality,
                    file_name=name,
                    data=data,
                    uploaded_by=actor.name[:200],
                    uploaded_at=now,
                )
                .returning(HouseStyleRow.id)
            ).scalar_one()
        AuditLog(self.db, self.clock).record(
            actor.email, "house_style_set", f"{municipality or '*'}: {name}"
        )
        return HouseStyle(style_id, municipality, name, actor.name[:200], now, len(data))

    def remove(self, actor: Principal, municipality: str | None) -> bool:
        """Remove the template of this scope; return whether there was one."""
        self._admin(actor)
        with self.db.begin() as connection:
            removed = connection.execute(delete(HouseStyleRow).where(_scope(municipality)))
        if removed.rowcount:
            AuditLog(self.db, self.clock).record(
                actor.email, "house_style_removed", municipality or "*"
            )
        return bool(removed.rowcount)

    def active(self, actor: Principal) -> list[HouseStyle]:
        """The templates in use, the programme's first, then by municipality."""
        self._admin(actor)
        with self.db.connect() as connection:
            rows = connection.execute(
                select(
                    HouseStyleRow.id,
                    HouseStyleRow.municipality,
                    HouseStyleRow.file_name,
                    HouseStyleRow.uploaded_by,
                    HouseStyleRow.uploaded_at,
                    func.length(HouseStyleRow.data).label("size"),
                )
            ).all()
        styles = [
            HouseStyle(r.id, r.municipality, r.file_name, r.uploaded_by, utc(r.uploaded_at), r.size)
            for r in rows
        ]
        return sorted(styles, key=lambda s: (s.municipality is not None, s.municipality or ""))

    def data(self, actor: Principal, municipality: str | None) -> bytes | None:
        """The bytes of one scope's template, for an admin to download."""
        self._admin(actor)
        return self._read(municipality)

    def for_export(self, municipality: str | None) -> bytes | None:
        """The template an export uses: the municipality's, else the programme's, else None.

        Called by SecureBriefStore after its own access check on the brief.
        """
        if municipality is not None:
            own = self._read(municipality)
            if own is not None:
                return own
        return self._read(None)

    def _read(self, municipality: str | None) -> bytes | None:
        with self.db.connect() as connection:
            data = connection.execute(
                select(HouseStyleRow.data).where(_scope(municipality))
            ).scalar_one_or_none()
        return bytes(data) if data is not None else None
