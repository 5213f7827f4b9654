"""Who may see and change what: the one set of access rules, free of storage and UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from briefs.programme import BriefRef


class Role(StrEnum):
    PARTICIPANT = "participant"
    COACH = "coach"
    ADMIN = "admin"


@dataclass(frozen=True)
class Principal:
    """The signed-in person with what their access depends on."""

    person_id: int
    name: str
    email: str
    role: Role
    municipality: str
    trajectory_ids: frozenset[int] = field(default_factory=frozenset)


def can_read_brief(principal: Principal, ref: BriefRef) -> bool:
    """Participants read their own municipality's briefs; coaches those of their trajectories."""
    if principal.role is Role.ADMIN:
        return True
    if principal.role is Role.COACH:
        return ref.trajectory_id in principal.trajectory_ids
    own_municipality = ref.municipality == principal.municipality
    return own_municipality and ref.trajectory_id in principal.trajectory_ids


def can_edit_brief(principal: Principal, ref: BriefRef) -> bool:
    """Only the municipality's own participants (and admins) change a brief; coaches comment."""
    if principal.role is Role.ADMIN:
        return True
    return principal.role is Role.PARTICIPANT and can_read_brief(principal, ref)


def can_manage_trajectory(principal: Principal, trajectory_id: int) -> bool:
    """Invite participants, reset their passwords, export the cohort."""
    if principal.role is Role.ADMIN:
        return True
    return principal.role is Role.COACH and trajectory_id in principal.trajectory_ids


def can_administer(principal: Principal) -> bool:
    """Change roles and read the audit log."""
    return principal.role is Role.ADMIN
