"""The real app server and Debian's Chromium for browser tests: start, stop, kill, log in."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import func, select

from briefs.i18n import Translator
from briefs.parts import section_of
from core.settings import DEMO_PASSWORD
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.tables import RevisionRow
from tests.conftest import PROJECT_ROOT, missing
from tests.postgres import free_port

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOTTE = "lotte.vandenberghe@avelgem.demo"
VIEWPORT = {"width": 1400, "height": 1000}


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        missing("Chromium (Debian package 'chromium')")
    return found


class AppServer:
    """`web/server.py` served by Streamlit on a free port, as `make run` serves it."""

    def __init__(self, database_url: str, log_file: Path, **env: str):
        # The checkout served; a benchmark may set another one (bench/save_cpu.py --project).
        self.project = PROJECT_ROOT
        self.database_url = database_url
        self.log_file = log_file
        self.env = env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        log = self.log_file.open("a")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "web/server.py",
                "--server.headless=true",
                "--server.address=127.0.0.1",
                f"--server.port={self.port}",
                "--browser.gatherUsageStats=false",
            ],
            cwd=self.project,
            env={**os.environ, "DATABASE_URL": self.database_url, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        return self.base
            except OSError:
                time.sleep(0.3)
        pytest.fail("the app did not start: " + self.log_file.read_text())

    def kill(self) -> None:
        """Stop the server the hard way, as a crash or `kill -9` would."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=20)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None


def log_in(page: Page, base: str, email: str = LOTTE, password: str = DEMO_PASSWORD) -> None:
    """Log in through the real form; the login cookie is set by the server."""
    page.goto(f"{base}/auth/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1").first).not_to_have_text("Aanmelden bij Kernbrief", timeout=30_000)


def open_step(page: Page, base: str, address: str, title: str) -> None:
    page.goto(f"{base}/{address}")
    expect(page.locator("h1").first).to_have_text(title, timeout=30_000)


def settled(page: Page) -> None:
    """Wait until Streamlit has finished the run the last click or key started."""
    # The run a key starts may not have begun yet: give it a moment to say it is running.
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=30_000
    )


def open_section(page: Page, key: str) -> Locator:
    """Click the tab of the step page's section that holds part ``key``, as a user would, and
    wait for the part; return its block."""
    section = section_of(key)
    tab = page.get_by_role("tab", name=Translator("nl")(section.title_key), exact=True)
    if tab.get_attribute("aria-selected") != "true":
        tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    block = part(page, key)
    expect(block).to_be_visible(timeout=30_000)
    return block


def part(page: Page, key: str) -> Locator:
    """The block of one part on a step page (its header, editor and history button)."""
    return page.locator(f".st-key-part-{key.replace('.', '-')}")


class Stored:
    """What the database holds for one municipality's brief, read the way a test checks."""

    def __init__(self, database_url: str, municipality: str = "Avelgem", trajectory: int = 3):
        self.engine = make_engine(database_url)
        programme = SqlProgrammeStore(self.engine)
        number = {t.id: t.number for t in programme.trajectories()}
        self.brief_id = next(
            ref.id
            for ref in programme.briefs_of(municipality)
            if number[ref.trajectory_id] == trajectory
        )
        self.briefs = SqlBriefStore(self.engine)

    def value(self, key: str) -> Any:
        return self.briefs.load(self.brief_id).part(key).value

    def values(self) -> dict[str, Any]:
        return {key: p.value for key, p in self.briefs.load(self.brief_id).parts.items()}

    def revisions(self) -> int:
        with self.engine.connect() as connection:
            count = connection.execute(
                select(func.count())
                .select_from(RevisionRow)
                .where(RevisionRow.brief_id == self.brief_id)
            ).scalar_one()
        return int(count)

    def dispose(self) -> None:
        self.engine.dispose()


def post_json(base: str, path: str, payload: Any, raw: bytes | None = None) -> tuple[int, Any]:
    """POST JSON the way the part editor does; return the status and the decoded answer."""
    body = raw if raw is not None else json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{base}{path}", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as refused:
        text = refused.read()
        try:
            return refused.code, json.loads(text)
        except ValueError:
            return refused.code, text.decode("utf-8", "replace")
