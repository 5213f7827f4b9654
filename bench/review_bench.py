"""Benchmark of the coaches' dashboard and the programme overview on generated full briefs."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, insert

from bench.export_bench import richest_content
from briefs.access import Role
from briefs.parts import validate_part
from briefs.programme import Member, Trajectory
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.repository import SqlProgrammeStore
from storage.seed import seed_demo
from storage.tables import BriefPartRow

RERUNS = 15
CONTENT = {key: validate_part(key, value) for key, value in richest_content().items()}


def fill(engine: Engine, brief_ids: list[int]) -> None:
    """Give each brief the richest content, in bulk: saving part by part would take minutes."""
    now = datetime.now(UTC)
    rows = [
        {
            "brief_id": brief_id,
            "key": key,
            "value": value,
            "version": 1,
            "saved_at": now,
            "saved_by": "bench",
        }
        for brief_id in brief_ids
        for key, value in CONTENT.items()
    ]
    with engine.begin() as connection:
        for start in range(0, len(rows), 5000):
            connection.execute(insert(BriefPartRow), rows[start : start + 5000])


def add_cohorts(engine: Engine, first_number: int, cohorts: int, size: int) -> list[int]:
    programme = SqlProgrammeStore(engine)
    trajectory_ids = []
    for offset in range(cohorts):
        number = first_number + offset
        members = tuple(Member(f"Gemeente {number}-{n}") for n in range(size))
        trajectory_id = programme.add_trajectory(
            Trajectory(0, number, f"Proeftraject {number}", "leegstand", "bench", members=members),
            [],
        )
        brief_ids = [programme.add_brief(trajectory_id, m.municipality) for m in members]
        fill(engine, brief_ids)
        trajectory_ids.append(trajectory_id)
    return trajectory_ids


def rerun_ms(email: str, page: str | None) -> float:
    from streamlit.testing.v1 import AppTest

    accounts = AccountStore(make_engine(os.environ["DATABASE_URL"]))
    person = accounts.principal_by_email(email)
    assert person is not None
    app = AppTest.from_file(
        str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120
    )
    app.session_state["auth_token"] = accounts.start_login_session(person.person_id)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, app.exception
    timings = []
    for _ in range(RERUNS):
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def figures() -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="kernbrief-review-bench-"))
    url = f"sqlite:///{folder / 'review.db'}"
    os.environ["DATABASE_URL"] = url
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, date.today(), demo_accounts=False)
    accounts = AccountStore(engine)
    [cohort] = add_cohorts(engine, 100, 1, 10)
    accounts.create_user(
        "Bench coach", "coach@bench.demo", Role.COACH, "", "bench-wachtwoord", (cohort,)
    )
    dashboard = rerun_ms("coach@bench.demo", None)
    add_cohorts(engine, 200, 11, 10)  # with the cohort above: 12 trajectories × 10 full briefs more
    programme_120 = rerun_ms("els.maes@programma.demo", None)
    add_cohorts(engine, 300, 88, 10)  # about 1,000 generated briefs in all
    programme_1000 = rerun_ms("els.maes@programma.demo", None)
    total = len(SqlProgrammeStore(engine).all_briefs())
    return [
        f"| coach dashboard, 10 full briefs (rerun) | {dashboard:.0f} ms | ≤ 300 ms |",
        f"| programme overview, 120 full briefs more (rerun) | {programme_120:.0f} ms | ≤ 1 s |",
        f"| programme overview, {total} briefs (rerun) | {programme_1000:.0f} ms | ≤ 3 s |",
    ]


if __name__ == "__main__":
    print("\n".join(figures()))
