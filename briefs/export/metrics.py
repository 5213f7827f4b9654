"""How wide text prints in Arial (and its metric twin Liberation Sans), regular and bold."""

from __future__ import annotations

import unicodedata

# Advance widths in thousandths of the font size for the printable ASCII characters
# (' ' … '~'), from the Helvetica metrics that Arial and Liberation Sans share.
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
REGULAR = {chr(32 + i): int(w) for i, w in enumerate(_REGULAR.split())}
BOLD = {chr(32 + i): int(w) for i, w in enumerate(_BOLD.split())}
# Other characters: a few of the common ones, else an average letter; a wide (CJK) one a full em.
_OTHER = {"€": 556, "·": 278, "–": 556, "—": 1000, "…": 1000, "→": 1000, "◆": 1000, "²": 333}
AVERAGE = 556


def _char_width(char: str, table: dict[str, int]) -> int:
    if char in table:
        return table[char]
    if char in _OTHER:
        return _OTHER[char]
    base = unicodedata.normalize("NFD", char)[:1]
    if base in table:
        # An accented letter is as wide as its letter: é as e.
        return table[base]
    return 1000 if unicodedata.east_asian_width(char) in ("W", "F") else AVERAGE


def text_points(text: str, size: float, bold: bool = False) -> float:
    """The width ``text`` takes on one line, in points, at ``size`` points."""
    table = BOLD if bold else REGULAR
    try:
        # Most cells are plain ASCII: one lookup per character (a long inventory's table
        # measures tens of thousands of cells for its column widths).
        units = sum(map(table.__getitem__, text))
    except KeyError:
        units = sum(_char_width(char, table) for char in text)
    return units * size / 1000
