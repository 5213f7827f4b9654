"""Feedback threads on the steps of a brief, and what a reader has not read yet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Feedback:
    """One message in a step's thread."""

    id: int
    brief_id: int
    step: int
    author_id: int
    author_name: str
    author_role: str
    body: str
    created_at: datetime
    resolved: bool


def unread_per_step(
    feedback: Iterable[Feedback], reader_id: int, read_at: datetime | None
) -> dict[int, int]:
    """Per step: open messages by others that arrived after the reader last looked."""
    counts: dict[int, int] = {}
    for item in feedback:
        fresh = read_at is None or item.created_at > read_at
        if item.author_id != reader_id and not item.resolved and fresh:
            counts[item.step] = counts.get(item.step, 0) + 1
    return counts
