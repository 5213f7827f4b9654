"""The programme around the briefs: trajectories, their workshops, municipalities and people."""

from __future__ import annotations

from collections.abc import Sequence
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
class Workshop:
    """One of a trajectory's meetings ("werksessie"), where a step of the brief is due."""

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


def next_workshop(workshops: Sequence[Workshop], now: datetime) -> Workshop | None:
    """Return the first workshop that has not started yet."""
    upcoming = [w for w in workshops if w.starts_at >= now]
    return min(upcoming, key=lambda w: w.starts_at) if upcoming else None


def last_workshop(workshops: Sequence[Workshop], now: datetime) -> Workshop | None:
    """Return the workshop that started most recently."""
    past = [w for w in workshops if w.starts_at <= now]
    return max(past, key=lambda w: w.starts_at) if past else None
