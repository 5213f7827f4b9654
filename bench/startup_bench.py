"""Benchmark of a cold start: imports, server start to the first page, login to the overview.

Each figure is the median (with min–max) of several runs (``--runs``, default 5):

- the import of what the first page needs (web/server.py, then app.py's and
  pages/login.py's top-level imports) in a fresh Python, and its heaviest packages from
  ``python -X importtime``;
- from starting ``streamlit run web/server.py`` to the start page drawn in Chromium (its title,
  the way in and the table of trajectories), the part of it after the page's websocket opened
  (the first script run and drawing; before it, the browser loads Streamlit's JavaScript), and
  the server's CPU time until then; beside the same for a bare Streamlit page (the floor);
- on that fresh server, from clicking "Aanmelden" to the overview's title, and to the overview
  with its progress bars drawn, with the server's CPU time (most of it the password hash);
  then the same for a second participant once the server is warm, and that overview opened
  again in the same browser (Streamlit's JavaScript cached, as for a returning
  participant).

Each run starts its own server on a copy of one seeded SQLite file, and opens every page in a
new browser context (nothing cached, as for a first visit). The first page's tab is opened
before its server starts, as a visitor's browser is already running: the cold start is the
server's start and the page, not Chromium opening a tab (about 0.2 s on this machine). Wall
times depend on what else the machine runs; the CPU times much less. Run alone with
``KERNBRIEF_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
.venv/bin/python -m bench.startup_bench --runs 5``, or as part of ``make bench``.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

from core.settings import DEMO_PASSWORD
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from tests.browser import CHROMIUM_FLAGS, LOTTE, chromium_path
from tests.postgres import free_port
from web.warm_up import script_imports

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
SECOND_PARTICIPANT = "pieter.claes@gent.demo"
FLOOR_APP = (
    '"""A bare Streamlit page: the floor of a cold start."""\n'
    "import streamlit as st\n\n"
    'st.title("Vloer")\n'
    'st.text_input("Tekst")\n'
)


def first_page_modules() -> list[str]:
    """The modules the server imports before the start page is drawn, in their order:
    web/server.py, then the top-level imports of app.py and of the login page."""
    scripts = [ROOT / "app.py", ROOT / "pages" / "login.py"]
    names = ["web.server", *(name for script in scripts for name in script_imports(script))]
    return list(dict.fromkeys(names))


def _import_command(modules: list[str], *flags: str) -> list[str]:
    return [sys.executable, *flags, "-c", "import " + ", ".join(modules)]


def import_seconds(modules: list[str]) -> float:
    """Wall time of a fresh Python that imports ``modules`` and exits."""
    started = time.perf_counter()
    subprocess.run(_import_command(modules), cwd=ROOT, check=True)
    return time.perf_counter() - started


def heaviest_imports(modules: list[str], count: int = 8) -> list[tuple[str, float]]:
    """The top-level packages that cost the most to import, in ms.

    Only a top-level package counts (``pandas``, not ``pandas.core``), and only the first
    time it is imported, as ``-X importtime`` reports it cumulatively.
    """
    answer = subprocess.run(
        _import_command(modules, "-X", "importtime"),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    costs: dict[str, float] = {}
    for line in answer.stderr.splitlines():
        found = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if not found:
            continue
        name = found.group(3)
        if "." not in name and name not in costs and not name.startswith("_"):
            costs[name] = int(found.group(1)) / 1000
    return sorted(costs.items(), key=lambda item: -item[1])[:count]


class Server:
    """``streamlit run`` of one script on a free port; the time it took to answer health."""

    def __init__(self, script: str, log_file: Path, database_url: str | None = None):
        self.script = script
        self.log_file = log_file
        self.env = {**os.environ, **({"DATABASE_URL": database_url} if database_url else {})}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def start(self) -> float:
        """Start the server; return the seconds until it answered its health check."""
        started = time.perf_counter()
        with self.log_file.open("a") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    self.script,
                    "--server.headless=true",
                    "--server.address=127.0.0.1",
                    f"--server.port={self.port}",
                    "--browser.gatherUsageStats=false",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = started + 90
        while time.perf_counter() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=5) as answer:
                    if answer.read() == b"ok":
                        return time.perf_counter() - started
            except OSError:
                # Short sleeps: the first answer is what is measured.
                time.sleep(0.02)
        self.stop()
        raise RuntimeError("the server did not start: " + self.log_file.read_text())

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, all its threads (Linux's /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        # utime and stime, the 14th and 15th fields of the line; the name before ")" is out.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


@contextmanager
def new_page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh context: no cookies, nothing in the browser's cache."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        yield context.new_page()
    finally:
        context.close()


def start_page_drawn(page: Page) -> None:
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=90_000)
    expect(page.get_by_role("link", name="Aanmelden")).to_be_visible(timeout=90_000)
    expect(page.get_by_role("table").get_by_role("row").last).to_be_visible(timeout=90_000)


def overview_after_login(page: Page, base: str, email: str) -> tuple[float, float]:
    """Log in through the form; seconds from the click to the overview's title, and to the
    overview with its progress bars."""
    page.goto(f"{base}/auth/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    started = time.perf_counter()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=90_000)
    title = time.perf_counter() - started
    overview_progress_drawn(page)
    return title, time.perf_counter() - started


def overview_progress_drawn(page: Page) -> None:
    # The progress per step: four bars of Streamlit's own, the last one drawn.
    expect(page.get_by_test_id("stProgress").nth(3).get_by_role("progressbar")).to_be_visible(
        timeout=90_000
    )


def overview_reopened(page: Page) -> float:
    """Seconds to open the overview again in the same browser, its JavaScript now cached."""
    started = time.perf_counter()
    page.reload()
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=90_000)
    overview_progress_drawn(page)
    return time.perf_counter() - started


@dataclass
class Run:
    health: float  # server start → health answered
    health_cpu: float  # the server's CPU seconds until then
    first_page: float  # server start → start page drawn
    after_socket: float  # the page's websocket opened → start page drawn
    first_page_cpu: float  # the server's CPU seconds until then
    login_title: float  # first login on the fresh server → the overview's title
    login: float  # … → the overview with its progress bars
    login_cpu: float  # the server's CPU seconds during that login
    warm_login: float  # a second participant's login on the warm server
    reopened: float  # the overview opened again in that browser


def kernbrief_run(browser: Browser, database_url: str, folder: Path) -> Run:
    server = Server("web/server.py", folder / "kernbrief.log", database_url)
    # The visitor's tab is open (fresh, nothing cached) before the server starts: what is
    # timed is the server's cold start and the page, not the browser opening a tab.
    with new_page(browser) as page:
        started = time.perf_counter()
        health = server.start()
        health_cpu = server.cpu_seconds()
        try:
            opened: list[float] = []
            page.once("websocket", lambda _socket: opened.append(time.perf_counter()))
            page.goto(server.base)
            start_page_drawn(page)
            drawn = time.perf_counter()
            first_page = drawn - started
            after_socket = drawn - opened[0]
            first_page_cpu = server.cpu_seconds()
            login_title, login = overview_after_login(page, server.base, LOTTE)
            login_cpu = server.cpu_seconds() - first_page_cpu
            with new_page(browser) as second:
                _title, warm_login = overview_after_login(second, server.base, SECOND_PARTICIPANT)
                reopened = overview_reopened(second)
        finally:
            server.stop()
    return Run(
        health,
        health_cpu,
        first_page,
        after_socket,
        first_page_cpu,
        login_title,
        login,
        login_cpu,
        warm_login,
        reopened,
    )


@dataclass
class FloorRun:
    first_page: float  # server start → page drawn
    after_socket: float  # websocket opened → page drawn
    health_cpu: float  # the server's CPU seconds until it answered health
    first_page_cpu: float  # … until the page was drawn


def floor_run(browser: Browser, folder: Path) -> FloorRun:
    """A bare Streamlit page's server started, and its page drawn, its tab open before."""
    script = folder / "floor.py"
    script.write_text(FLOOR_APP)
    server = Server(str(script), folder / "floor.log")
    with new_page(browser) as page:
        started = time.perf_counter()
        server.start()
        health_cpu = server.cpu_seconds()
        try:
            opened: list[float] = []
            page.once("websocket", lambda _socket: opened.append(time.perf_counter()))
            page.goto(server.base)
            expect(page.locator("h1").first).to_have_text("Vloer", timeout=90_000)
            expect(page.get_by_role("textbox")).to_be_visible(timeout=90_000)
            drawn = time.perf_counter()
            return FloorRun(drawn - started, drawn - opened[0], health_cpu, server.cpu_seconds())
        finally:
            server.stop()


def seeded_database(folder: Path) -> Path:
    path = folder / "seeded.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed_demo(engine, date.today(), demo_accounts=False)
    engine.dispose()
    return path


@dataclass
class Found:
    imports: list[float]  # fresh Python importing what the first page needs
    heaviest: list[tuple[str, float]]  # its heaviest top-level packages, ms
    runs: list[Run]
    floor: list[FloorRun]


def measure(runs: int = RUNS) -> Found:
    modules = first_page_modules()
    imports = [import_seconds(modules) for _ in range(runs)]
    kernbrief: list[Run] = []
    floor: list[FloorRun] = []
    with (
        tempfile.TemporaryDirectory(prefix="kernbrief-startup-") as name,
        sync_playwright() as playwright,
    ):
        folder = Path(name)
        seeded = seeded_database(folder)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        # One page load first, so that Chromium's own start is not in the first run.
        floor_run(browser, folder)
        for number in range(runs):
            # A copy per run: every server meets the same database, never one a run changed.
            database = folder / f"run{number}.db"
            shutil.copyfile(seeded, database)
            # Interleaved, so that a busy moment on the machine hits both alike.
            kernbrief.append(kernbrief_run(browser, f"sqlite:///{database}", folder))
            floor.append(floor_run(browser, folder))
        browser.close()
    return Found(imports, heaviest_imports(modules), kernbrief, floor)


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


# The rows of the table: the label, where its values come from (a field of Run or of
# FloorRun, one value per run), and the target.
KERNBRIEF_ROWS = (
    ("`streamlit run web/server.py` → health answered", "health", "—"),
    ("… the server's CPU time until then (all before it listens)", "health_cpu", "—"),
    ("`streamlit run web/server.py` → start page drawn in Chromium", "first_page", "≤ 2.5 s"),
    (
        "… of which from the page's websocket opening (the first script run and drawing)",
        "after_socket",
        "—",
    ),
    ("… the server's CPU time until then", "first_page_cpu", "—"),
)
FLOOR_ROWS = (
    ("the floor: a bare Streamlit page → drawn", "first_page", "—"),
    ("… of which from its websocket opening", "after_socket", "—"),
    ("… the server's CPU time until it listens", "health_cpu", "—"),
    ("… the server's CPU time until drawn", "first_page_cpu", "—"),
)
LOGIN_ROWS = (
    ("first login on a fresh server → the overview's title drawn", "login_title", "—"),
    ("first login on a fresh server → overview with its progress drawn", "login", "≤ 2.5 s"),
    ("… the server's CPU time during that login", "login_cpu", "—"),
    ("a second participant's login → overview with its progress drawn", "warm_login", "—"),
    ("the overview opened again in that browser (its JavaScript cached)", "reopened", "—"),
)


def _rows(runs: list[Run] | list[FloorRun], rows: tuple[tuple[str, str, str], ...]) -> list[str]:
    return [
        f"| {label} | {_spread([getattr(run, field) for run in runs])} | {target} |"
        for label, field, target in rows
    ]


def figures(runs: int = RUNS) -> list[str]:
    found = measure(runs)
    heavy = ", ".join(f"{name} {ms:.0f} ms" for name, ms in found.heaviest)
    return [
        f"| import what the first page needs, fresh Python (median, min–max of {runs}) | "
        f"{_spread(found.imports)} | — |",
        f"| … its heaviest imports (`-X importtime`, cumulative) | {heavy} | — |",
        *_rows(found.runs, KERNBRIEF_ROWS),
        *_rows(found.floor, FLOOR_ROWS),
        *_rows(found.runs, LOGIN_ROWS),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per figure (median)")
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("KERNBRIEF_SECRET_KEY", secrets.token_urlsafe(48))
    print("| measure | median (min–max) | target |")
    print("|---|---|---|")
    for line in figures(arguments.runs):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
