"""The four steps of a brief: one declaration of each step's number, name and address."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepSpec:
    """One step: its number, its one name in code and files, and its Dutch web address.

    The address is the Dutch word for the same name (DESIGN.md's word list): a participant
    reads and shares it, so it is in the users' language; everything else uses ``key``.
    """

    number: int
    key: str
    address: str

    @property
    def page_file(self) -> str:
        return f"pages/{self.key}.py"

    @property
    def title_key(self) -> str:
        return f"step.{self.number}.title"


STEP_SPECS: tuple[StepSpec, ...] = (
    StepSpec(1, "challenge", "uitdaging"),
    StepSpec(2, "explore", "verkennen"),
    StepSpec(3, "prototype", "testen"),
    StepSpec(4, "roadmap", "stappenplan"),
)
STEPS: tuple[int, ...] = tuple(spec.number for spec in STEP_SPECS)
STEP_BY_KEY: dict[str, StepSpec] = {spec.key: spec for spec in STEP_SPECS}
STEP_BY_NUMBER: dict[int, StepSpec] = {spec.number: spec for spec in STEP_SPECS}


def step_of_part(part_key: str) -> int:
    """Return the step number a part key belongs to: its prefix is the step's name."""
    return STEP_BY_KEY[part_key.split(".", 1)[0]].number
