"""Who may see and change what: the one set of access rules, free of storage and UI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from briefs.cohort import StepStatus
from briefs.programme import BriefRef, Trajectory
from briefs.steps import STEP_SPECS

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


def managed_trajectories(
    principal: Principal, trajectories: Iterable[Trajectory]
) -> list[Trajectory]:
    """The trajectories among these that the person coaches (all of them for an admin)."""
    return [tr for tr in trajectories if can_manage_trajectory(principal, tr.id)]


def can_comment(principal: Principal, ref: BriefRef) -> bool:
    """Write in a step's feedback thread and resolve it: the municipality and its coaches."""
    return can_edit_brief(principal, ref) or can_manage_trajectory(principal, ref.trajectory_id)


def can_mark_step(principal: Principal, ref: BriefRef, status: StepStatus | None) -> bool:
    """Participants mark their step ready (or take that back); coaches mark it reviewed."""
    if status is StepStatus.REVIEWED or principal.role is not Role.PARTICIPANT:
        return can_manage_trajectory(principal, ref.trajectory_id)
    return can_edit_brief(principal, ref)


def can_keep_notes(principal: Principal, trajectory_id: int) -> bool:
    """The private notes on a municipality are read and written by its coaches only."""
    return can_manage_trajectory(principal, trajectory_id)


def may_sign_in(demo_account: bool, demo_mode: bool) -> bool:
    """A demo account's password is public: it signs in only while the app runs as a demo."""
    return demo_mode or not demo_account


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


# The pages each role is offered, by name; the first is its home. A visitor only signs in.
ROLE_PAGES: dict[Role | None, tuple[str, ...]] = {
    None: ("login",),
    Role.PARTICIPANT: ("overview", *(step.key for step in STEP_SPECS), "export", "account"),
    Role.COACH: ("coach", "account"),
    Role.ADMIN: ("programme", "coach", "people", "audit", "account"),
}


def pages_of(principal: Principal | None) -> tuple[str, ...]:
    """Return the names of the pages a person may open.

    A role added later and not listed here gets its account page only, never another
    role's pages.
    """
    role = principal.role if principal is not None else None
    return ROLE_PAGES.get(role, ("account",))


def may_open(principal: Principal | None, page: str) -> bool:
    return page in pages_of(principal)
