"""Choice values as stored before migration 0006 (Dutch) and the English values replacing them."""

from __future__ import annotations

from typing import Any

# (part key, column) → {Dutch value: English value}; the column "" is a list of plain values.
# A record of what was stored once: never change it, a later rename gets a table of its own.
ENGLISH: dict[tuple[str, str], dict[str, str]] = {
    ("challenge.departments", ""): {
        "economie": "economy",
        "ruimte": "spatial_planning",
        "mobiliteit": "mobility",
        "communicatie": "communication",
        "erfgoed": "heritage",
        "openbare_werken": "public_works",
        "cultuur_toerisme": "culture_tourism",
        "wonen": "housing",
        "financien": "finance",
        "omgeving": "environment",
    },
    ("prototype.tests", "form"): {
        "schets": "sketch",
        "proefopstelling": "mockup",
        "gesprek": "conversation",
        "bevraging": "survey",
        "wandeling": "walk",
        "andere": "other",
    },
    ("prototype.tests", "decision"): {
        "doorgaan": "continue",
        "bijsturen": "adjust",
        "stoppen": "stop",
    },
    ("roadmap.actions", "status"): {
        "idee": "idea",
        "gepland": "planned",
        "lopend": "running",
        "afgerond": "done",
    },
    ("roadmap.actions", "priority"): {"hoog": "high", "middel": "medium", "laag": "low"},
    ("roadmap.decisions", "body"): {
        "mat": "management_team",
        "cbs": "college",
        "gemeenteraad": "council",
    },
    ("roadmap.decisions", "status"): {
        "gepland": "planned",
        "geagendeerd": "on_agenda",
        "goedgekeurd": "approved",
        "afgewezen": "rejected",
    },
}
DUTCH: dict[tuple[str, str], dict[str, str]] = {
    place: {new: old for old, new in renamed.items()} for place, renamed in ENGLISH.items()
}
PARTS_WITH_CHOICES = frozenset(key for key, _column in ENGLISH)


def renamed(key: str, value: Any, table: dict[tuple[str, str], dict[str, str]] = ENGLISH) -> Any:
    """Return the stored JSON ``value`` of part ``key`` with its choice values renamed.

    Only the columns in ``table`` change, and only values found there; anything else (free
    text, a value already renamed, a value that was never valid) is returned as it was.
    """
    if key not in PARTS_WITH_CHOICES or not isinstance(value, list):
        return value
    plain = table.get((key, ""), {})
    columns = {column: names for (part, column), names in table.items() if part == key and column}
    result: list[Any] = []
    for item in value:
        if isinstance(item, str):
            result.append(plain.get(item, item))
        elif isinstance(item, dict):
            result.append(
                {
                    name: columns[name].get(cell, cell)
                    if name in columns and isinstance(cell, str)
                    else cell
                    for name, cell in item.items()
                }
            )
        else:
            result.append(item)
    return result
