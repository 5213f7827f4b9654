"""Benchmark of the login routes under attack: does a signed-in participant still get pages?

A participant in Chromium switches between two steps of her brief (each switch is a page run
on the server); the time from the click to the new step's title is measured, first on a quiet
server, then while 64 clients without a login hammer every auth route at once: the login form
(with wrong passwords), invitation and reset codes, the logout form and oversized bodies.
Run alone with `python -m bench.load_bench`, or as part of `make bench`.
"""

from __future__ import annotations

import contextlib
import secrets
import statistics
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import httpx2
from playwright.sync_api import Page, expect, sync_playwright

from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from tests.browser import CHROMIUM_FLAGS, AppServer, chromium_path, log_in

ATTACKERS = 64
SWITCHES = 30
STEP_LINKS = ("1 · Uitdaging", "2 · Verkennen")
CSRF_FIELD = "name='csrf' value='"


def _csrf(page_text: str) -> str:
    start = page_text.find(CSRF_FIELD)
    if start < 0:
        return ""
    start += len(CSRF_FIELD)
    return page_text[start : page_text.find("'", start)]


def _attack_once(client: httpx2.Client, round_number: int) -> int:
    """One visit to each auth route as an anonymous client does; return how many requests."""
    login_form = client.get("/auth/login")
    client.post(
        "/auth/login",
        data={
            "csrf": _csrf(login_form.text),
            "email": f"raden{round_number % 7}@gemeente.be",
            "password": secrets.token_hex(6),
        },
    )
    invite_code = secrets.token_urlsafe(12)
    client.get(f"/auth/invite?code={invite_code}")
    client.post(f"/auth/invite?code={invite_code}", data={"csrf": "x", "password": "y"})
    client.get(f"/auth/reset?code={secrets.token_urlsafe(12)}")
    logout_form = client.get("/auth/logout")
    client.post("/auth/logout", data={"csrf": _csrf(logout_form.text)})
    # The server answers 413 and closes before the body is read: refused as meant.
    with contextlib.suppress(httpx2.TransportError):
        client.post(
            "/auth/login",
            content=b"email=" + b"a" * 200_000,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
    return 8


class Attack:
    """Anonymous clients in threads, each sending request after request until stopped."""

    def __init__(self, base: str, clients: int):
        self.base = base
        self.clients = clients
        self.stopping = threading.Event()
        self.requests = 0
        self.errors = 0
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def _run(self) -> None:
        with httpx2.Client(base_url=self.base, timeout=60) as client:
            number = 0
            while not self.stopping.is_set():
                number += 1
                try:
                    sent = _attack_once(client, number)
                except httpx2.HTTPError:
                    with self.lock:
                        self.errors += 1
                    continue
                with self.lock:
                    self.requests += sent

    def __enter__(self) -> Attack:
        self.started = time.perf_counter()
        for _ in range(self.clients):
            thread = threading.Thread(target=self._run, daemon=True)
            thread.start()
            self.threads.append(thread)
        time.sleep(3)  # every client is under way before the measuring starts
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.elapsed = time.perf_counter() - self.started
        for thread in self.threads:
            thread.join(timeout=90)


def _switch_times(page: Page, count: int) -> list[float]:
    """Click between step 1 and step 2 in the sidebar; seconds from click to the new title."""
    titles = []
    for link in STEP_LINKS:
        page.get_by_role("link", name=link).first.click()
        expect(page.locator("h1").first).to_contain_text("Stap", timeout=60_000)
        page.wait_for_timeout(500)
        titles.append(page.locator("h1").first.inner_text())
    timings = []
    for number in range(count):
        link = STEP_LINKS[number % 2]
        title = titles[number % 2]
        started = time.perf_counter()
        page.get_by_role("link", name=link).first.click()
        expect(page.locator("h1").first).to_have_text(title, timeout=60_000)
        expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)
        timings.append(time.perf_counter() - started)
    return timings


def _health_times(base: str, count: int) -> list[float]:
    timings = []
    with httpx2.Client(base_url=base, timeout=60) as client:
        for _ in range(count):
            started = time.perf_counter()
            client.get("/_stcore/health")
            timings.append(time.perf_counter() - started)
    return timings


def p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def measure() -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="kernbrief-load-"))
    url = f"sqlite:///{folder / 'load.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, date.today(), demo_accounts=False)
    engine.dispose()
    server = AppServer(url, folder / "streamlit.log")
    base = server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_FLAGS
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            log_in(page, base)
            before = _switch_times(page, SWITCHES)
            health_before = _health_times(base, 20)
            with Attack(base, ATTACKERS) as attack:
                during = _switch_times(page, SWITCHES)
                health_during = _health_times(base, 20)
            browser.close()
    finally:
        server.stop()
    return {
        "before_p50": statistics.median(before),
        "before_p95": p95(before),
        "during_p50": statistics.median(during),
        "during_p95": p95(during),
        "health_before_p95": p95(health_before),
        "health_during_p95": p95(health_during),
        "auth_per_second": attack.requests / attack.elapsed,
        "errors": attack.errors,
    }


def figures() -> list[str]:
    found = measure()
    ratio = found["during_p95"] / found["before_p95"]
    return [
        f"| open another step while {ATTACKERS} anonymous clients hammer the auth routes: "
        f"p95 before / during (p50 {found['before_p50']:.2f} s / {found['during_p50']:.2f} s) | "
        f"{found['before_p95']:.2f} s / {found['during_p95']:.2f} s = {ratio:.2f}× | ≤ 2× |",
        f"| `/_stcore/health` p95 before / during | {found['health_before_p95'] * 1000:.0f} ms / "
        f"{found['health_during_p95'] * 1000:.0f} ms | — |",
        f"| auth requests answered per second during the attack (failed connections) | "
        f"{found['auth_per_second']:.0f} ({found['errors']:.0f}) | — |",
    ]


if __name__ == "__main__":
    import os

    os.environ.setdefault("KERNBRIEF_SECRET_KEY", secrets.token_urlsafe(48))
    for line in figures():
        print(line)
