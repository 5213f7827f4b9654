"""The programme around the briefs: trajectories, their sessions, municipalities and people."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Member:
    """A municipality taking part in a trajectory; ``uncertain`` where the source doubted it."""

    municipality: str
    uncertain: bool = False

    @property
    def label(self) -> str:
        return f"{self.municipality}?" if self.uncertain else self.municipality


@dataclass(frozen=True)
class Trajectory:
    id: int
    number: int
    title: str
    theme: str
    edition: str
    description: str = ""
    period: str = ""
    conditions: str = ""
    coaches: tuple[str, ...] = ()
    members: tuple[Member, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Session:
    trajectory_id: int
    number: int
    starts_at: datetime
    mode: str
    place: str
    step: int


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    email: str
    municipality: str
    role: str = "participant"


@dataclass(frozen=True)
class BriefRef:
    """Which brief belongs to which municipality in which trajectory."""

    id: int
    trajectory_id: int
    municipality: str


def next_session(sessions: list[Session], now: datetime) -> Session | None:
    """Return the first session that has not started yet."""
    upcoming = sorted((s for s in sessions if s.starts_at >= now), key=lambda s: s.starts_at)
    return upcoming[0] if upcoming else None
