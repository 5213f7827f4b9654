"""A brief as loaded from storage: its parts with their versions, read through typed views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from briefs import model as m
from briefs.content import has_content, without_blank_rows
from briefs.parts import PARTS, parse_rows

RowT = TypeVar("RowT", bound=m.Row)


def author_of(name: str, email: str) -> str:
    """Return how a save records who made it: "Name <e-mail>"."""
    return f"{name} <{email}>"


def saved_by_name(saved_by: str | None) -> str:
    """Return the person's name from a stored author, without the e-mail address."""
    return (saved_by or "").split(" <", 1)[0]


@dataclass(frozen=True)
class StoredPart:
    """The current value of one part and the version a next write must be based on."""

    value: Any
    version: int
    saved_at: datetime | None = None
    saved_by: str | None = None


@dataclass
class Brief:
    """The whole brief of one municipality in one trajectory."""

    id: int
    trajectory_id: int
    municipality: str
    parts: dict[str, StoredPart] = field(default_factory=dict)
    # The theme of the brief's trajectory (a ``Theme`` value), which decides its module.
    theme: str = ""
    # Rows read once per stored value: a page's checks, charts and editors each read the
    # same part (300 buildings validated a few times over cost a rerun some milliseconds).
    _read: dict[str, tuple[StoredPart, list[Any]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def part(self, key: str) -> StoredPart:
        """Return the stored part, or an empty one at version 0 when nothing was saved yet."""
        stored = self.parts.get(key)
        if stored is None:
            return StoredPart(value=PARTS[key].empty, version=0)
        return stored

    def is_filled(self, key: str) -> bool:
        """Return whether the part holds something: text, a choice or a non-blank row."""
        return has_content(key, self.part(key).value)

    def text(self, key: str) -> str:
        value = self.part(key).value
        return value if isinstance(value, str) else ""

    def rows(self, key: str, row_model: type[RowT]) -> list[RowT]:
        """Return the rows of a list part as model objects, leaving out blank rows."""
        assert PARTS[key].row_model is row_model, key
        stored = self.part(key)
        read = self._read.get(key)
        if read is None or read[0] is not stored:
            read = (stored, list(parse_rows(key, without_blank_rows(key, stored.value))))
            self._read[key] = read
        return list(read[1])

    def values(self, key: str) -> list[str]:
        value = self.part(key).value
        return [str(v) for v in value] if isinstance(value, list) else []

    def choice(self, key: str) -> str | None:
        value = self.part(key).value
        return value if isinstance(value, str) else None

    def last_saved(self) -> datetime | None:
        stamps = [p.saved_at for p in self.parts.values() if p.saved_at is not None]
        return max(stamps) if stamps else None
