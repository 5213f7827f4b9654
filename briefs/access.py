"""Who may see and change what: the one set of access rules, free of storage and UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from briefs.programme import BriefRef

# How long a one-time link works; the screens and the command line say so from these.
INVITATION_VALIDITY = timedelta(days=14)
RESET_VALIDITY = timedelta(hours=48)


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


def can_see_trajectory(principal: Principal, trajectory_id: int) -> bool:
    return principal.role is Role.ADMIN or trajectory_id in principal.trajectory_ids


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


def can_reset_password(actor: Principal, target: Principal) -> bool:
    """Admins reset anyone's password; a coach only a participant of one of their trajectories."""
    if can_administer(actor):
        return True
    return (
        actor.role is Role.COACH
        and target.role is Role.PARTICIPANT
        and bool(target.trajectory_ids & actor.trajectory_ids)
    )


def can_mark_step(principal: Principal, ref: BriefRef, reviewing: bool) -> bool:
    """A participant marks their own step ready (or takes that back); only the trajectory's
    coaches (and admins) mark a step reviewed, or change a mark on someone else's brief."""
    if reviewing or principal.role is not Role.PARTICIPANT:
        return can_manage_trajectory(principal, ref.trajectory_id)
    return can_edit_brief(principal, ref)
