"""The load test's client against one real server: its saves are confirmed and stored."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.load import ROUTE, Plan, drive
from bench.load_targets import started
from storage.db import make_engine
from storage.repository import SqlBriefStore


def test_two_participants_save_and_the_database_holds_what_was_confirmed(tmp_path: Path) -> None:
    plan = Plan(participants=2, duration=6.0, think=(0.3, 0.6), edits_per_page=1, ramp=0.5)
    with started("sqlite", plan.participants, folder=tmp_path) as (target, people):
        # In a thread of its own: a Playwright test before this one in the same worker leaves
        # an event loop set on the main thread, and asyncio.run refuses to nest in it.
        with ThreadPoolExecutor(1) as thread:
            found, seen = thread.submit(asyncio.run, drive(target, people, plan)).result()
        engine = make_engine(target.database_url)
        briefs = SqlBriefStore(engine)
        stored = {person.brief_id: briefs.load(person.brief_id) for person in people}
        engine.dispose()

    assert found["errors"] == 0, found["error_kinds"]
    # Each participant saved, the server redrew the page after each save, and the other
    # step was opened: the protocol the client speaks still works with this app.
    assert set(seen.confirmed) == {person.brief_id for person in people}
    assert found["timings"]["save → redrawn"]["n"] > 0
    assert found["timings"]["page open"]["n"] > 0
    edited = {part for _address, part in ROUTE}
    for brief_id, saves in seen.confirmed.items():
        last = {part: (version, value) for part, version, value in saves}
        assert set(last) <= edited
        for part, (version, value) in last.items():
            assert value.startswith("Deelnemer ")
            assert (stored[brief_id].part(part).version, stored[brief_id].part(part).value) == (
                version,
                value,
            )
    # The page the server drew after each save showed the saved version, not an older one.
    assert found["stale_redraws"] == 0
    assert found["lost_saves"] == 0
