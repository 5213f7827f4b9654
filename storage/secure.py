"""The briefs as one signed-in person may reach them: every read and write checks access here."""

from __future__ import annotations

from typing import Any

from briefs.access import Principal, can_edit_brief, can_manage_trajectory, can_read_brief
from briefs.brief import Brief, StoredPart
from briefs.images import CleanImage
from briefs.programme import BriefRef, Trajectory
from storage.house_styles import HouseStyles
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore


class SecureBriefStore:
    """SqlBriefStore behind the access rules.

    "Not yours" and "does not exist" raise the same NotFound, so an id that is guessed or
    edited in the address learns nothing.
    """

    def __init__(self, briefs: SqlBriefStore, programme: SqlProgrammeStore, principal: Principal):
        self._briefs = briefs
        self._programme = programme
        self.principal = principal
        # Which brief belongs where does not change within one page run.
        self._refs: dict[int, BriefRef] = {}

    def _ref(self, brief_id: int, edit: bool) -> BriefRef:
        ref = self._refs.get(brief_id)
        if ref is None:
            ref = self._programme.brief_ref(brief_id)
            self._refs[brief_id] = ref
        allowed = can_edit_brief if edit else can_read_brief
        if not allowed(self.principal, ref):
            raise NotFound(brief_id)
        return ref

    def readable(self) -> list[BriefRef]:
        """Every brief this person may read, in trajectory order."""
        refs = [ref for ref in self._programme.all_briefs() if can_read_brief(self.principal, ref)]
        self._refs.update({ref.id: ref for ref in refs})
        return refs

    def editable(self) -> list[BriefRef]:
        """Every brief this person may change."""
        return [ref for ref in self.readable() if can_edit_brief(self.principal, ref)]

    def can_edit(self, brief_id: int) -> bool:
        try:
            self._ref(brief_id, edit=True)
        except NotFound:
            return False
        return True

    def load(self, brief_id: int) -> Brief:
        self._ref(brief_id, edit=False)
        return self._briefs.load(brief_id)

    def load_many(self, brief_ids: list[int]) -> list[Brief]:
        for brief_id in brief_ids:
            self._ref(brief_id, edit=False)
        return self._briefs.load_many(brief_ids)

    def save_part(
        self, brief_id: int, key: str, value: Any, base_version: int, author: str
    ) -> StoredPart:
        self._ref(brief_id, edit=True)
        return self._briefs.save_part(brief_id, key, value, base_version, author)

    def save_parts(
        self, brief_id: int, changes: list[tuple[str, Any, int]], author: str
    ) -> dict[str, StoredPart]:
        self._ref(brief_id, edit=True)
        return self._briefs.save_parts(brief_id, changes, author)

    def revision(self, brief_id: int, key: str, version: int) -> StoredPart | None:
        self._ref(brief_id, edit=False)
        return self._briefs.revision(brief_id, key, version)

    def revisions(self, brief_id: int, key: str) -> list[StoredPart]:
        self._ref(brief_id, edit=False)
        return self._briefs.revisions(brief_id, key)

    def history(self, brief_id: int) -> dict[str, list[StoredPart]]:
        self._ref(brief_id, edit=False)
        return self._briefs.history(brief_id)

    def add_image(self, brief_id: int, image: CleanImage) -> int:
        self._ref(brief_id, edit=True)
        return self._briefs.add_image(brief_id, image)

    def image(self, brief_id: int, image_id: int) -> bytes | None:
        self._ref(brief_id, edit=False)
        return self._briefs.image(brief_id, image_id)

    def trajectory_of(self, brief_id: int) -> Trajectory:
        """The trajectory a readable brief belongs to."""
        return self._programme.trajectory(self._ref(brief_id, edit=False).trajectory_id)

    def authors_of(self, brief_id: int) -> tuple[str, ...]:
        """The names of the people of a readable brief's municipality: its authors."""
        municipality = self._ref(brief_id, edit=False).municipality
        return tuple(person.name for person in self._programme.people_of(municipality))

    def house_style(self, brief_id: int | None) -> bytes | None:
        """The Word template of a readable brief's municipality, else the programme's (None).

        ``brief_id`` None asks for the programme's, which every signed-in person's export uses.
        """
        municipality = None if brief_id is None else self._ref(brief_id, edit=False).municipality
        return HouseStyles(self._programme.engine).for_export(municipality)

    def cohort(self, number: int) -> tuple[Trajectory, list[BriefRef]]:
        """Trajectory ``number`` and its briefs, for the people who manage it."""
        trajectory = next((t for t in self._programme.trajectories() if t.number == number), None)
        if trajectory is None or not can_manage_trajectory(self.principal, trajectory.id):
            raise NotFound(number)
        refs = self._programme.briefs_in(trajectory.id)
        self._refs.update({ref.id: ref for ref in refs})
        return trajectory, refs
