"""The document's chart canvas: round axis steps and the numbers written on them."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from briefs.export.chart_canvas import axis_number, round_steps


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.booleans())
def test_the_steps_start_at_zero_reach_the_top_and_stay_few_and_even(
    top: float, whole: bool
) -> None:
    steps = round_steps(top, most=6, whole=whole)
    assert steps[0] == 0 and steps[-1] >= top and steps[-1] > 0
    assert 2 <= len(steps) <= 7 + (1 if whole else 0)
    step = steps[1]
    assert all(abs((b - a) - step) <= step * 1e-9 for a, b in itertools.pairwise(steps))
    # The step before the last does not already reach the top: no empty band at the end.
    assert steps[-2] < top or top < 0.01
    if whole:
        assert all(float(value).is_integer() for value in steps)


def test_buildings_are_counted_in_whole_steps_and_amounts_in_round_ones() -> None:
    assert round_steps(52, whole=True) == [0, 10, 20, 30, 40, 50, 60]
    assert round_steps(14, whole=True) == [0, 5, 10, 15]
    assert round_steps(3, whole=True) == [0, 1, 2, 3]
    assert round_steps(808) == [0, 200, 400, 600, 800, 1000]
    assert round_steps(0) == [0, 0.2, 0.4, 0.6, 0.8, 1]


def test_axis_numbers_are_written_the_flemish_way_by_default() -> None:
    assert [axis_number(v) for v in (0, 2.5, 1000, 12_500_000)] == [
        "0",
        "2,5",
        "1.000",
        "12.500.000",
    ]
