"""What changed in a brief since a moment: per part, the value then and now, as readable lines."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefs.brief import StoredPart
from briefs.history import value_at
from briefs.links import row_name
from briefs.parts import PARTS, Kind
from briefs.present import EMPTY_CELL, Reader


@dataclass(frozen=True)
class Change:
    """One part that changed: its step, key and the differences, one line each."""

    step: int
    key: str
    lines: tuple[str, ...]


def _text_lines(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line for line in diff if line.startswith(("+ ", "- "))]


def _row_lines(
    key: str, before: list[dict[str, Any]], after: list[dict[str, Any]], reader: Reader | None
) -> list[str]:
    row_model = PARTS[key].row_model
    assert row_model is not None
    old = {row["id"]: row for row in before}
    new = {row["id"]: row for row in after}

    def name(row: dict[str, Any]) -> str:
        named = row_name(row_model.model_validate(row))
        if not named and reader is not None:
            # A row of choices only (e.g. a decision step) reads as its first filled cell.
            named = next((cell for cell in reader.rows(key, [row])[0] if cell), "")
        return named or EMPTY_CELL

    lines = [f"+ {name(row)}" for row_id, row in new.items() if row_id not in old]
    lines += [f"- {name(row)}" for row_id, row in old.items() if row_id not in new]
    for row_id, row in new.items():
        if row_id in old and row != old[row_id]:
            fields = [field for field in row if row.get(field) != old[row_id].get(field)]
            if reader is not None:
                fields = [reader.t(f"col.{field}") for field in fields]
            lines.append(f"~ {name(row)}: {', '.join(fields)}")
    return lines


def changes_since(
    history: Mapping[str, Sequence[StoredPart]], moment: datetime, reader: Reader | None = None
) -> list[Change]:
    """Every part whose value now differs from its value at ``moment``, in step order.

    With a ``reader``, choices and links read in words and columns by their titles.
    """
    found = []
    for key, versions in history.items():
        if key not in PARTS or not versions:
            continue
        before, after = value_at(list(versions), moment, key).value, versions[-1].value
        if before == after:
            continue
        spec = PARTS[key]
        if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
            lines = _text_lines(str(before or ""), str(after or ""))
        elif spec.row_model is not None:
            lines = _row_lines(key, list(before or []), list(after or []), reader)
        elif reader is not None:
            lines = [
                f"- {reader.scalar(key, before) or EMPTY_CELL}",
                f"+ {reader.scalar(key, after) or EMPTY_CELL}",
            ]
        else:
            lines = [f"- {before}", f"+ {after}"]
        if lines:
            found.append(Change(spec.step, key, tuple(lines)))
    order = list(PARTS)
    return sorted(found, key=lambda change: order.index(change.key))
