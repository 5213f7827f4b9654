"""What a participant chooses to put into the Word document, apart from the code that writes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# What the document holds: the collegenota with the brief as its annex, or one of them alone.
DocumentForm = Literal["both", "nota", "brief"]
DOCUMENT_FORMS: tuple[DocumentForm, ...] = ("both", "nota", "brief")


@dataclass(frozen=True)
class ExportOptions:
    """What the participant chose to include."""

    steps: frozenset[int] = frozenset({1, 2, 3, 4})
    summary: bool = True
    sketches: bool = True
    empty: Literal["omit", "mark"] = "omit"
    form: DocumentForm = "both"
