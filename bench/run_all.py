"""Benchmarks of saving, loading and page reruns; prints a table for the README.

Run with `make bench`. Medians over many repetitions on the richest demo brief (Avelgem).
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

from bench.export_bench import figures as export_figures
from bench.first_screens_bench import figures as first_screen_figures
from bench.load_bench import figures as load_figures
from bench.review_bench import figures as review_figures
from bench.startup_bench import figures as startup_figures
from bench.theme_bench import figures as theme_figures
from bench.typing_bench import figures as typing_figures
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.seed import seed_demo
from tests.apps import editors, send_saved
from tests.postgres import running_postgres
from web.save_api import save_payload

ROOT = Path(__file__).resolve().parent.parent
SAVES = 300
LOADS = 300
RERUNS = 40


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def storage_figures(engine: Engine) -> tuple[float, float]:
    """Return the median ms of one field save (version check + revision) and of a brief load."""
    seed_demo(engine, date.today(), demo_accounts=False)
    store = SqlBriefStore(engine)
    brief_id = SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id
    version = [store.load(brief_id).part("challenge.problem").version]
    counter = [0]

    def save() -> None:
        counter[0] += 1
        saved = store.save_part(
            brief_id,
            "challenge.problem",
            f"Probleemstelling, versie {counter[0]}",
            version[0],
            "bench",
        )
        version[0] = saved.version

    return median_ms(save, SAVES), median_ms(lambda: store.load(brief_id), LOADS)


def _cpu_ms(action: Callable[[], object]) -> float:
    """Processor time in ms that the runs ``action`` causes spend in the script thread.

    That is the server's work per run; AppTest's own bookkeeping around it (building its
    element tree in the calling thread) is left out, as it does not happen on a server.
    """
    spent: list[float] = []
    run_script = ScriptRunner._run_script

    def timed(runner: ScriptRunner, rerun_data: Any) -> None:
        started = time.thread_time()
        try:
            run_script(runner, rerun_data)
        finally:
            spent.append(time.thread_time() - started)

    ScriptRunner._run_script = timed  # type: ignore[method-assign,assignment]
    try:
        action()
    finally:
        ScriptRunner._run_script = run_script  # type: ignore[method-assign]
    return sum(spent) * 1000


def save_then_rerun(app: Any, editor: dict[str, Any], whole_page: bool) -> float:
    """Save the part as the part editor does, then run what the browser asks for next.

    Today that is the `saved` trigger, which reruns the part's fragments and the checks;
    ``whole_page`` runs the whole page instead, as every save did before issue 11.
    Returns the processor time of that rerun in ms.
    """
    value = editor["value"]
    changed: object = f"{value} ." if isinstance(value, str) else [*value[1:], *value[:1]]
    status, answer = save_payload({**editor, "value": changed, "base": editor["version"]})
    assert status == 200, answer
    editor.update(value=answer["value"], version=answer["version"])
    if whole_page:
        return _cpu_ms(app.run)
    return _cpu_ms(lambda: send_saved(app, editor["part"], int(answer["version"])))


def rerun_figures(url: str) -> list[tuple[int, float, float, float, float]]:
    """Return per step the median rerun of the page and of the baseline script, in ms, and
    the median processor time of a save's rerun as the whole page and as its fragments."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    # AppTest compiles the scripts again on every run; a server compiles them once and keeps
    # them. One cache for every run leaves that out of the figures, as on a server.
    shared_cache = ScriptCache()
    app_test.ScriptCache = lambda: shared_cache  # type: ignore[misc,assignment]
    local_script_runner.ScriptCache = lambda: shared_cache  # type: ignore[misc,assignment]
    os.environ["DATABASE_URL"] = url
    engine = make_engine(url)
    brief_id = SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id
    brief = SqlBriefStore(engine).load(brief_id)
    values_file = Path(tempfile.mkdtemp()) / "values.json"
    values_file.write_text(json.dumps({k: p.value for k, p in brief.parts.items()}))
    os.environ["KERNBRIEF_BASELINE"] = str(values_file)
    images = values_file.parent / "images"
    images.mkdir()
    for sketch in brief.part("prototype.sketches").value or []:
        data = SqlBriefStore(engine).image(brief_id, sketch["image_id"])
        (images / str(sketch["image_id"])).write_bytes(data or b"")
    os.environ["KERNBRIEF_BASELINE_IMAGES"] = str(images)
    pages = {
        1: "pages/challenge.py",
        2: "pages/explore.py",
        3: "pages/prototype.py",
        4: "pages/roadmap.py",
    }
    accounts = AccountStore(engine)
    lotte = accounts.principal_by_email("lotte.vandenberghe@avelgem.demo")
    assert lotte is not None
    token = accounts.start_login_session(lotte.person_id)
    results = []
    for step, page in pages.items():
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        app.session_state["auth_token"] = token
        app.run()
        app.switch_page(page).run()
        assert not app.exception, app.exception
        baseline = AppTest.from_file(str(ROOT / "bench" / "baseline_step.py"), default_timeout=60)
        baseline.query_params["step"] = str(step)
        baseline.run()
        assert not baseline.exception, baseline.exception
        # The part a participant types in on this step; the browser saves it over HTTP and
        # then asks for the rerun that is timed here.
        editor = next(data for data in editors(app).values() if data["kind"] != "multi")
        # Interleaved, so that a busy moment on the machine hits both sides alike.
        real_times, base_times, whole_cpu, fragment_cpu = [], [], [], []
        for _ in range(RERUNS):
            real_times.append(median_ms(app.run, 1))
            whole_cpu.append(save_then_rerun(app, editor, whole_page=True))
            fragment_cpu.append(save_then_rerun(app, editor, whole_page=False))
            base_times.append(median_ms(baseline.run, 1))
        results.append(
            (
                step,
                statistics.median(real_times),
                statistics.median(base_times),
                statistics.median(whole_cpu),
                statistics.median(fragment_cpu),
            )
        )
    return results


def main() -> int:
    sys.path.insert(0, str(ROOT))
    # The pages sign edit tokens; a key made for this run signs nothing that outlives it.
    os.environ.setdefault("KERNBRIEF_SECRET_KEY", secrets.token_urlsafe(48))
    folder = Path(tempfile.mkdtemp(prefix="kernbrief-bench-"))
    sqlite_url = f"sqlite:///{folder / 'bench.db'}"
    sqlite = make_engine(sqlite_url)
    upgrade(sqlite)
    sqlite_save, sqlite_load = storage_figures(sqlite)
    with running_postgres("kernbrief_bench") as server:
        postgres = make_engine(server.url("kernbrief_bench"))
        upgrade(postgres)
        pg_save, pg_load = storage_figures(postgres)
        postgres.dispose()
    seed_demo(sqlite, date.today(), demo_accounts=False)
    reruns = rerun_figures(sqlite_url)
    print("| measure | median | target |")
    print("|---|---|---|")
    print(f"| save one field, SQLite | {sqlite_save:.2f} ms | ≤ 10 ms |")
    print(f"| save one field, PostgreSQL (loopback) | {pg_save:.2f} ms | ≤ 20 ms |")
    print(f"| load the whole brief, SQLite | {sqlite_load:.2f} ms | ≤ 10 ms |")
    print(f"| load the whole brief, PostgreSQL | {pg_load:.2f} ms | ≤ 10 ms |")
    for line in export_figures():
        print(line)
    for line in review_figures():
        print(line)
    for line in theme_figures():
        print(line)
    for step, real, base, whole_cpu, fragment_cpu in reruns:
        print(
            f"| rerun step {step} page / baseline | {real:.1f} ms / {base:.1f} ms "
            f"= {real / base:.2f}× | ≤ 1.5× |"
        )
        print(
            f"| processor time of a save's rerun, step {step}: its fragments / the whole page "
            f"| {fragment_cpu:.1f} ms / {whole_cpu:.1f} ms = {fragment_cpu / whole_cpu:.2f}× "
            "| ≤ 0.33× |"
        )
    for line in typing_figures():
        print(line)
    for line in load_figures():
        print(line)
    for line in startup_figures():
        print(line)
    # Last: it points DATABASE_URL at its own demo database.
    for line in first_screen_figures():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
