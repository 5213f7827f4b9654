"""What a participant chooses to put into the Word document, apart from the code that writes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ExportOptions:
    """What the participant chose to include."""

    steps: frozenset[int] = frozenset({1, 2, 3, 4})
    summary: bool = True
    sketches: bool = True
    empty: Literal["omit", "mark"] = "omit"
