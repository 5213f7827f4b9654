"""What counts as filled in: blank rows, empty parts, and values cleaned of blank rows."""

from __future__ import annotations

from typing import Any

from briefs import model as m
from briefs.parts import PARTS, Kind


def _blank_field(value: Any, default: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip() or value == default
    if isinstance(value, list | dict):
        return not value
    return bool(value == default)


def is_blank_row(row_model: type[m.Row], row: dict[str, Any]) -> bool:
    """Return whether a row holds nothing a person typed: every field empty or at its default.

    An action whose only value is the default status "idea" is blank: the status was never
    chosen by anyone.
    """
    for name, info in row_model.model_fields.items():
        if name == "id":
            continue
        default = None if info.is_required() else info.get_default(call_default_factory=False)
        if not _blank_field(row.get(name), default):
            return False
    return True


def without_blank_rows(key: str, value: Any) -> Any:
    """Return a table part's value without its blank rows; other values unchanged.

    A blank row is never stored: an empty line in a table is a place to type, not content,
    and it must not make a part look filled in.
    """
    spec = PARTS[key]
    if spec.kind is not Kind.ROWS or spec.row_model is None or not isinstance(value, list):
        return value
    row_model = spec.row_model
    return [row for row in value if not (isinstance(row, dict) and is_blank_row(row_model, row))]


def has_content(key: str, value: Any) -> bool:
    """Return whether a stored part value holds something: text, a choice or a non-blank row."""
    spec = PARTS[key]
    if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return bool(str(value or "").strip())
    if spec.kind is Kind.ROWS:
        return bool(without_blank_rows(key, value or []))
    return bool(value)


def root_cause_row(whys: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the root cause among the five whys: the last one with text, or None.

    Asking "why?" until there is no deeper answer ends at the root cause; a why left blank
    at the end is not an answer.
    """
    return next((why for why in reversed(whys) if str(why.get("text") or "").strip()), None)
