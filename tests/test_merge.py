"""Merging two people's edits of one table row by row, against the version both started from."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from briefs.merge import merge_rows


def row(row_id: str, text: str = "", **extra: Any) -> dict[str, Any]:
    return {"id": row_id, "text": text, **extra}


BASE = [row("a", "eerste"), row("b", "tweede"), row("c", "derde")]


def test_edits_of_different_rows_are_both_kept() -> None:
    mine = [row("a", "eerste, aangevuld"), row("b", "tweede"), row("c", "derde")]
    theirs = [row("a", "eerste"), row("b", "tweede"), row("c", "derde, door Sara")]
    assert merge_rows(BASE, mine, theirs) == [
        row("a", "eerste, aangevuld"),
        row("b", "tweede"),
        row("c", "derde, door Sara"),
    ]


def test_rows_added_on_both_sides_stay_after_the_row_they_followed() -> None:
    mine = [*BASE, row("m", "van mij")]
    theirs = [row("a", "eerste"), row("t", "van Sara"), row("b", "tweede"), row("c", "derde")]
    merged = merge_rows(BASE, mine, theirs)
    assert merged is not None
    assert [r["id"] for r in merged] == ["a", "t", "b", "c", "m"]


def test_a_row_removed_on_one_side_and_untouched_on_the_other_is_removed() -> None:
    mine = [row("a", "eerste"), row("c", "derde")]
    theirs = [row("a", "eerste, door Sara"), row("b", "tweede"), row("c", "derde")]
    assert merge_rows(BASE, mine, theirs) == [row("a", "eerste, door Sara"), row("c", "derde")]


def test_the_same_row_changed_differently_is_a_conflict() -> None:
    mine = [row("a", "mijn eerste"), row("b", "tweede"), row("c", "derde")]
    theirs = [row("a", "haar eerste"), row("b", "tweede"), row("c", "derde")]
    assert merge_rows(BASE, mine, theirs) is None


def test_a_row_changed_by_one_and_removed_by_the_other_is_a_conflict() -> None:
    mine = [row("a", "eerste, aangevuld"), row("b", "tweede"), row("c", "derde")]
    theirs = [row("b", "tweede"), row("c", "derde")]
    assert merge_rows(BASE, mine, theirs) is None
    assert merge_rows(BASE, theirs, mine) is None


def test_one_side_reordering_wins_two_different_reorderings_conflict() -> None:
    mine = [row("c", "derde"), row("a", "eerste"), row("b", "tweede")]
    theirs = [row("a", "eerste"), row("b", "tweede, door Sara"), row("c", "derde")]
    assert merge_rows(BASE, mine, theirs) == [
        row("c", "derde"),
        row("a", "eerste"),
        row("b", "tweede, door Sara"),
    ]
    other = [row("b", "tweede"), row("a", "eerste"), row("c", "derde")]
    assert merge_rows(BASE, mine, other) is None


rows = st.lists(
    st.builds(row, st.sampled_from("abcdefg"), st.text(max_size=5)),
    max_size=6,
    unique_by=lambda r: r["id"],
)


@given(rows, rows)
def test_when_only_one_side_changed_the_merge_is_that_side(base: Any, changed: Any) -> None:
    assert merge_rows(base, changed, base) == changed
    assert merge_rows(base, base, changed) == changed


@given(rows, rows, rows)
def test_a_merge_holds_every_row_id_once(base: Any, mine: Any, theirs: Any) -> None:
    merged = merge_rows(base, mine, theirs)
    if merged is not None:
        ids = [r["id"] for r in merged]
        assert len(ids) == len(set(ids))
        assert set(ids) <= {r["id"] for r in [*mine, *theirs]}
