"""Store choice values in English (code language) in current parts and in their history"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from storage.old_values import DUTCH, ENGLISH, PARTS_WITH_CHOICES, renamed

revision = "0006_english_enum_values"
down_revision = "0005_coach_role"
branch_labels = None
depends_on = None

# JSON text in SQLite, JSONB in PostgreSQL, as in storage/tables.py: read and written as
# Python values either way, so one conversion in Python serves both.
_VALUE = sa.JSON().with_variant(JSONB(), "postgresql")
_PARTS = sa.table(
    "brief_parts",
    sa.column("brief_id", sa.Integer),
    sa.column("key", sa.String),
    sa.column("value", _VALUE),
)
_REVISIONS = sa.table(
    "revisions",
    sa.column("id", sa.Integer),
    sa.column("key", sa.String),
    sa.column("value", _VALUE),
)


def _rename(table: dict[tuple[str, str], dict[str, str]]) -> None:
    connection = op.get_bind()
    for stored, identity in ((_PARTS, ("brief_id", "key")), (_REVISIONS, ("id", "key"))):
        rows = connection.execute(
            sa.select(*(stored.c[name] for name in identity), stored.c.value).where(
                stored.c.key.in_(sorted(PARTS_WITH_CHOICES))
            )
        ).all()
        for row in rows:
            value: Any = row.value
            new = renamed(row.key, value, table)
            if new != value:
                where = sa.and_(*(stored.c[name] == getattr(row, name) for name in identity))
                connection.execute(sa.update(stored).where(where).values(value=new))


def upgrade() -> None:
    _rename(ENGLISH)


def downgrade() -> None:
    _rename(DUTCH)
