"""Benchmark of saving while typing: saves per pause in Chromium, and the cost of one save.

A paragraph of 2,000 characters is typed at 5 characters a second with a pause after every
sentence group. The page's clock is Playwright's fake clock, so the 400 seconds of typing take
a few real seconds while the editor's timers see exactly that rhythm. Every save request and
every Streamlit rerun the browser sends is counted.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import expect, sync_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg

from core.settings import settings
from storage import edit_access
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from tests.browser import CHROMIUM_FLAGS, AppServer, Stored, chromium_path, log_in, post_json

CHARACTERS = 2000
PER_SECOND = 5
PAUSES = 5
PAUSE_MS = 1500
SAVES = 200


def _paragraph() -> str:
    sentence = "De doortocht wordt een straat waar je oversteekt zonder te wachten. "
    text = (sentence * (CHARACTERS // len(sentence) + 1))[:CHARACTERS]
    return text


def typing_counts(base: str) -> dict[str, int]:
    """Type the paragraph into step 4's summary; count saves and reruns the browser sent."""
    counts = {"saves": 0, "reruns": 0}

    def count_rerun(payload: Any) -> None:
        message = BackMsg()
        message.ParseFromString(payload if isinstance(payload, bytes) else payload.encode())
        if message.WhichOneof("type") == "rerun_script":
            counts["reruns"] += 1

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("websocket", lambda socket: socket.on("framesent", count_rerun))
        log_in(page, base)
        page.goto(f"{base}/stappenplan")
        field = page.locator(".st-key-part-roadmap-summary").get_by_role("textbox")
        expect(field).to_be_visible(timeout=60_000)
        field.click()
        page.keyboard.press("Control+End")
        counts["reruns"] = 0
        page.on(
            "request",
            lambda request: (
                counts.__setitem__("saves", counts["saves"] + 1)
                if request.url.endswith("/api/part")
                else None
            ),
        )
        page.clock.install()
        text = _paragraph()
        group = len(text) // PAUSES
        for index, character in enumerate(text):
            page.keyboard.type(character)
            page.clock.run_for(1000 // PER_SECOND)
            if (index + 1) % group == 0:
                page.clock.run_for(PAUSE_MS)
                page.wait_for_timeout(300)  # real time for the save to go and come back
        page.clock.run_for(PAUSE_MS)
        page.wait_for_timeout(1000)
        browser.close()
    return counts


def save_latency(base: str, database_url: str) -> tuple[float, float]:
    """Median and 95th percentile of one save over HTTP against the running server, in ms."""
    engine = make_engine(database_url)
    accounts = AccountStore(engine)
    principal = accounts.principal_by_email("lotte.vandenberghe@avelgem.demo")
    assert principal is not None
    token = edit_access.issue(
        principal, accounts.start_login_session(principal.person_id), settings().signing_key()
    )
    stored = Stored(database_url)
    version = stored.briefs.load(stored.brief_id).part("challenge.problem").version
    timings = []
    for number in range(SAVES):
        payload = {
            "brief": stored.brief_id,
            "part": "challenge.problem",
            "value": f"Probleemstelling, versie {number}.",
            "base": version,
            "token": token,
        }
        started = time.perf_counter()
        code, answer = post_json(base, "/api/part", payload)
        timings.append((time.perf_counter() - started) * 1000)
        assert code == 200, answer
        version = answer["version"]
    stored.dispose()
    engine.dispose()
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def figures() -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="kernbrief-typing-"))
    url = f"sqlite:///{folder / 'typing.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, date.today(), demo_accounts=False)
    engine.dispose()
    server = AppServer(url, folder / "streamlit.log")
    base = server.start()
    try:
        counts = typing_counts(base)
        median, p95 = save_latency(base, url)
    finally:
        server.stop()
    return [
        f"| typing {CHARACTERS} characters at {PER_SECOND}/s with {PAUSES} pauses: saves | "
        f"{counts['saves']} (one per pause) | ≤ {PAUSES} |",
        f"| same typing: page reruns the browser asked for | {counts['reruns']} | ≤ {PAUSES} |",
        f"| one save over HTTP on the running server, SQLite (median / p95) | "
        f"{median:.1f} ms / {p95:.1f} ms | ≤ 50 ms |",
    ]


if __name__ == "__main__":
    for line in figures():
        print(line)
