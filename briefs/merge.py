"""Merging two people's edits of one table: rows changed on one side only never conflict.

Two colleagues (or two tabs) often work in the same table at once: one adds an action, the
other fills in a deadline. Each row has a stable id, so the versions can be merged row by
row against the version both started from, the way version control merges lines. Only a row
that both changed differently, or that one changed and the other removed, is a real
conflict; then the people choose.
"""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]


def _by_id(rows: list[Row]) -> dict[str, Row]:
    return {str(row.get("id")): row for row in rows}


def _order(rows: list[Row], keep: set[str]) -> list[str]:
    return [str(row.get("id")) for row in rows if str(row.get("id")) in keep]


def _kept_or_dropped(row_id: str, base: dict[str, Row], kept: dict[str, Row]) -> tuple[str, None]:
    """One side removed the row: drop it if the side that kept it left it as it was."""
    return ("drop", None) if kept[row_id] == base[row_id] else ("conflict", None)


def _row_in_all(
    row_id: str, base: dict[str, Row], mine: dict[str, Row], theirs: dict[str, Row]
) -> tuple[str, Row | None]:
    if mine[row_id] == base[row_id]:
        return "keep", theirs[row_id]
    if theirs[row_id] in (base[row_id], mine[row_id]):
        return "keep", mine[row_id]
    return "conflict", None


def _merged_row(
    row_id: str, base: dict[str, Row], mine: dict[str, Row], theirs: dict[str, Row]
) -> tuple[str, Row | None]:
    """Return ("keep", row), ("drop", None) or ("conflict", None) for one row id."""
    in_base, in_mine, in_theirs = row_id in base, row_id in mine, row_id in theirs
    if in_base and in_mine and in_theirs:
        return _row_in_all(row_id, base, mine, theirs)
    if in_base and (in_mine or in_theirs):  # one side removed it
        return _kept_or_dropped(row_id, base, mine if in_mine else theirs)
    if in_base:  # both removed it
        return "drop", None
    if in_mine and in_theirs:
        return ("keep", mine[row_id]) if mine[row_id] == theirs[row_id] else ("conflict", None)
    return "keep", (mine[row_id] if in_mine else theirs[row_id])


def merge_rows(base: list[Row], mine: list[Row], theirs: list[Row]) -> list[Row] | None:
    """Return my edits and theirs combined, or None when they touch the same row differently.

    The order is the one of whoever reordered the rows shared by all three; when both did,
    differently, that is a conflict too. Rows one side added stay after the row they followed
    on that side.
    """
    old, left, right = _by_id(base), _by_id(mine), _by_id(theirs)
    outcome: dict[str, Row] = {}
    for row_id in dict.fromkeys([*left, *right, *old]):
        verdict, row = _merged_row(row_id, old, left, right)
        if verdict == "conflict":
            return None
        if verdict == "keep" and row is not None:
            outcome[row_id] = row
    return _ordered(base, mine, theirs, outcome)


def _ordered(
    base: list[Row], mine: list[Row], theirs: list[Row], outcome: dict[str, Row]
) -> list[Row] | None:
    """Put the merged rows in order, or None when both sides reordered differently."""
    shared = set(_by_id(base)) & set(_by_id(mine)) & set(_by_id(theirs))
    base_order = _order(base, shared)
    my_order, their_order = _order(mine, shared), _order(theirs, shared)
    if my_order != base_order and their_order != base_order and my_order != their_order:
        return None
    leading, other = (mine, theirs) if their_order == base_order else (theirs, mine)
    order = [str(row.get("id")) for row in leading if str(row.get("id")) in outcome]
    for position, row in enumerate(other):
        row_id = str(row.get("id"))
        if row_id not in outcome or row_id in order:
            continue
        before = next(
            (str(r.get("id")) for r in reversed(other[:position]) if str(r.get("id")) in order),
            None,
        )
        order.insert(order.index(before) + 1 if before is not None else 0, row_id)
    return [outcome[row_id] for row_id in order]
