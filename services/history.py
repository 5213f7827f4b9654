"""Restoring history: an earlier version of a part, or of a whole step, saved as the newest."""

from __future__ import annotations

from datetime import datetime

from briefs.brief import Brief, StoredPart
from briefs.history import step_at
from briefs.parts import parts_of_step
from storage.repository import NotFound
from storage.secure import SecureBriefStore


def restore_version(
    store: SecureBriefStore, brief_id: int, key: str, version: int, base_version: int, author: str
) -> StoredPart:
    """Save version ``version`` of a part as its newest; history is never rewritten.

    ``base_version`` is the version the person saw as current: when the part moved on since,
    StaleWrite is raised and nothing is saved.
    """
    revision = store.revision(brief_id, key, version)
    if revision is None:
        raise NotFound(version)
    return store.save_part(brief_id, key, revision.value, base_version, author)


def restore_step(
    store: SecureBriefStore, seen: Brief, step: int, moment: datetime, author: str
) -> list[str]:
    """Put every part of a step back as it was at ``moment``, in one transaction.

    ``seen`` is the brief as the person saw it: a part that changed since raises StaleWrite
    and nothing is saved. Returns the keys of the parts that changed.
    """
    target = step_at(store.history(seen.id), step, moment)
    changes = [
        (spec.key, target[spec.key], seen.part(spec.key).version)
        for spec in parts_of_step(step)
        if target[spec.key] != seen.part(spec.key).value
    ]
    if changes:
        store.save_parts(seen.id, changes, author)
    return [key for key, _value, _base in changes]
