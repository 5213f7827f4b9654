"""An in-memory brief store with the same behaviour as the SQL one, for fast unit tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from briefs.brief import Brief, StoredPart
from briefs.images import CleanImage
from briefs.parts import validate_part
from storage.repository import NotFound, StaleWrite


class InMemoryBriefStore:
    def __init__(self) -> None:
        self.briefs: dict[int, Brief] = {}
        self.revisions: list[tuple[int, str, StoredPart]] = []
        self.images: dict[int, tuple[int, CleanImage]] = {}

    def add_brief(self, trajectory_id: int, municipality: str) -> int:
        brief_id = len(self.briefs) + 1
        self.briefs[brief_id] = Brief(brief_id, trajectory_id, municipality)
        return brief_id

    def load(self, brief_id: int) -> Brief:
        if brief_id not in self.briefs:
            raise NotFound(brief_id)
        stored = self.briefs[brief_id]
        return Brief(stored.id, stored.trajectory_id, stored.municipality, dict(stored.parts))

    def save_part(
        self, brief_id: int, key: str, value: Any, base_version: int, author: str
    ) -> StoredPart:
        clean = validate_part(key, value)
        brief = self.briefs.get(brief_id)
        if brief is None:
            raise NotFound(brief_id)
        current = brief.part(key)
        if current.version != base_version:
            raise StaleWrite(key, current)
        saved = StoredPart(clean, base_version + 1, datetime.now(UTC), author)
        brief.parts[key] = saved
        self.revisions.append((brief_id, key, saved))
        return saved

    def add_image(self, brief_id: int, image: CleanImage) -> int:
        image_id = len(self.images) + 1
        self.images[image_id] = (brief_id, image)
        return image_id

    def image(self, brief_id: int, image_id: int) -> bytes | None:
        owner, image = self.images.get(image_id, (None, None))
        return image.data if image is not None and owner == brief_id else None
