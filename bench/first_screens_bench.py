"""Benchmark of the first screens' server time: each page as a new browser session opens it.

Issue 12's target: the overview and the coach's page (and the step pages) are drawn in at most
1.5 s of server time on this machine, with the demo data. Server time is the run of the app's
script for that page, from the request to the last element sent, measured with Streamlit's
AppTest in one warm process (imports done, as on a server that has served one page); the
browser's own drawing comes on top and is measured by `bench/startup_bench.py`.
Each figure is a fresh session (a new login session, nothing cached in the session), so it
includes the login check, loading the brief and drawing; median and worst of RUNS.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo

APP = str(Path(__file__).resolve().parent.parent / "app.py")
RUNS = 7
TARGET_MS = 1500
LOTTE = "lotte.vandenberghe@avelgem.demo"
COACH = "jonas.wouters@begeleiding.demo"
ADMIN = "els.maes@programma.demo"
# (what, who, the page file switched to after the home page, or None for the home page itself)
SCREENS: tuple[tuple[str, str, str | None], ...] = (
    ("participant: Mijn designbrief (home)", LOTTE, None),
    ("participant: stap 1, first section", LOTTE, "pages/challenge.py"),
    ("participant: stap 2, first section", LOTTE, "pages/explore.py"),
    ("participant: stap 3, first section", LOTTE, "pages/prototype.py"),
    ("participant: stap 4, first section", LOTTE, "pages/roadmap.py"),
    ("coach: Begeleiding, Overzicht (home)", COACH, None),
    ("admin: Programma (home)", ADMIN, None),
)


def _session(accounts: AccountStore, email: str) -> AppTest:
    person = accounts.principal_by_email(email)
    assert person is not None, email
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["auth_token"] = accounts.start_login_session(person.person_id)
    return app


def first_draw_ms(accounts: AccountStore, email: str, page: str | None) -> float:
    """Milliseconds of server time to draw ``page`` for a session that just opened it."""
    app = _session(accounts, email)
    started = time.perf_counter()
    app.run()
    if page is not None:
        started = time.perf_counter()
        app.switch_page(page).run()
    elapsed = (time.perf_counter() - started) * 1000
    assert not app.exception, app.exception
    return elapsed


def figures() -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="kernbrief-first-screens-"))
    url = f"sqlite:///{folder / 'screens.db'}"
    os.environ["DATABASE_URL"] = url
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, date.today())
    accounts = AccountStore(engine)
    # One page first, so the figures are those of a server that has served a page (imports
    # done), not a cold start.
    first_draw_ms(accounts, LOTTE, None)
    rows = []
    for what, email, page in SCREENS:
        timings = [first_draw_ms(accounts, email, page) for _ in range(RUNS)]
        median, worst = statistics.median(timings), max(timings)
        verdict = "met" if worst <= TARGET_MS else "NOT met"
        rows.append(f"| {what} | {median:.0f} ms | {worst:.0f} ms | ≤ {TARGET_MS} ms ({verdict}) |")
    return [
        f"| first screen (server time, new session) | median | worst of {RUNS} | target |",
        "|---|---|---|---|",
        *rows,
    ]


if __name__ == "__main__":
    os.environ.setdefault("KERNBRIEF_DEMO", "1")
    print("\n".join(figures()))
