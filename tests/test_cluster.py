"""Two app servers behind haproxy on one PostgreSQL, as deploy/ sets them up: Chromium through it.

A login is valid on every server, a save through one server is seen through the other, and a
server killed mid-session sends its browser to the other, signed in, without losing text.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from core.security import login_cookie_name
from core.settings import DEMO_PASSWORD
from deploy import haproxy
from storage.db import make_engine
from storage.tables import AuditRow
from tests.browser import LOTTE, Stored, log_in, open_step
from tests.cluster import (
    BROWSER_OPTIONS,
    Cluster,
    HaproxyMissing,
    haproxy_path,
    running_cluster,
    self_signed_certificate,
)
from tests.conftest import Seed, Templates, missing
from tests.test_typing import (
    SAVED,
    STEP1,
    STEP2_TITLE,
    field,
    leave_field,
    status,
    type_at_end,
)

# Two parts in the step's first section, on screen together.
CONTEXT = "challenge.context"
PROBLEM = "challenge.problem"


@pytest.fixture
def cluster(templates: Templates, seed: Seed, tmp_path: Path) -> Iterator[Cluster]:
    """Two app servers and haproxy on a PostgreSQL database with the demo content."""
    try:
        haproxy_path()
    except HaproxyMissing:
        missing("haproxy (Debian package 'haproxy')")
    url = templates.server().url("kernbrief_cluster")
    engine = make_engine(url)
    seed(engine, date.today())
    engine.dispose()
    with running_cluster(url, tmp_path / "logs", servers=2) as running:
        yield running


def test_the_production_configuration_is_valid_haproxy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What deploy/README.md tells the operator to run, checked by haproxy itself."""
    try:
        binary = haproxy_path()
    except HaproxyMissing:
        missing("haproxy (Debian package 'haproxy')")
    certificate = tmp_path / "kernbrief.pem"
    self_signed_certificate(certificate)
    haproxy.main(
        [
            "--ports=8501-8504",
            "--public-url=https://kernbrief.example.be",
            f"--certificate={certificate}",
        ]
    )
    config = tmp_path / "haproxy.cfg"
    config.write_text(capsys.readouterr().out)
    checked = subprocess.run(
        [binary, "-c", "-f", str(config)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    servers = [line.split()[:3] for line in config.read_text().splitlines() if "server app" in line]
    assert servers == [["server", f"app{n}", f"127.0.0.1:{8500 + n}"] for n in range(1, 5)]


def browser_on(cluster: Cluster, new_page: Any, server: int | None = None) -> Page:
    """A fresh browser for the cluster's address, sent to ``server`` when one is named."""
    page: Page = new_page(**BROWSER_OPTIONS)
    if server is not None:
        cluster.pin(page.context, server)
    return page


# Keeps, for each websocket the page opens, whether it opened and how many messages came in:
# Streamlit's page shows nothing when it reconnects.
WATCH_WEBSOCKETS = """
(() => {
  const Native = window.WebSocket;
  window.__websockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const seen = { open: false, messages: 0 };
      window.__websockets.push(seen);
      this.addEventListener("open", () => { seen.open = true; });
      this.addEventListener("message", () => { seen.messages += 1; });
    }
  };
})();
"""


def websockets(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate("window.__websockets")
    return found


def within(page: Page, seconds: float, condition: Callable[[], bool], what: str) -> None:
    """Wait until ``condition`` holds, at most ``seconds``, with the page live meanwhile."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} not within {seconds} s"
        page.wait_for_timeout(100)


def stored(cluster: Cluster) -> Stored:
    return Stored(cluster.servers[0].database_url)


def test_a_login_through_the_proxy_is_valid_on_every_server(
    cluster: Cluster, new_page: Any
) -> None:
    page = browser_on(cluster, new_page)
    log_in(page, cluster.base)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    # The login is the secure "__Host-" cookie, over TLS, and haproxy chose a server.
    names = {cookie["name"] for cookie in page.context.cookies()}
    assert login_cookie_name(secure=True) in names
    first = cluster.served_by(page.context.cookies())
    assert first is not None
    other = 1 - first
    # Leave the first page once it has loaded all it asks for: on a busy machine its last
    # scripts and fonts were still on their way to the first server when counting began.
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    before = cluster.requests_served()
    cluster.pin(page.context, other)
    open_step(page, cluster.base, *STEP1)
    expect(field(page, PROBLEM)).to_be_visible(timeout=30_000)
    after = cluster.requests_served()
    # The page and its websocket came from the other server only.
    assert after[first] == before[first]
    assert after[other] > before[other]
    assert cluster.served_by(page.context.cookies()) == other


def test_a_browser_stays_on_its_server_so_its_sketches_load(
    cluster: Cluster, new_page: Any
) -> None:
    """Streamlit keeps media in the process that ran the page: stickiness makes them load."""
    page = browser_on(cluster, new_page)
    log_in(page, cluster.base)
    open_step(page, cluster.base, "testen?deel=schetsen", "Stap 3 · Vertalen & testen")
    sketches = page.locator("img[src*='/media/']")
    expect(sketches.first).to_be_visible(timeout=30_000)
    # Loaded: a broken image has no natural width.
    for index in range(sketches.count()):
        expect(sketches.nth(index)).to_have_js_property("complete", True, timeout=15_000)
        assert sketches.nth(index).evaluate("image => image.naturalWidth") > 0


def test_a_save_through_one_server_is_seen_through_the_other(
    cluster: Cluster, new_page: Any
) -> None:
    brief = stored(cluster)
    before = brief.value(PROBLEM)
    # Already open on server 2 before the save: whatever that server keeps, it has loaded.
    reader = browser_on(cluster, new_page, server=1)
    log_in(reader, cluster.base)
    open_step(reader, cluster.base, *STEP1)
    expect(field(reader, PROBLEM)).to_have_value(before, timeout=30_000)
    writer = browser_on(cluster, new_page, server=0)
    log_in(writer, cluster.base)
    open_step(writer, cluster.base, *STEP1)
    type_at_end(writer, PROBLEM, " Ook op zaterdag.")
    leave_field(writer)
    expect(status(writer, PROBLEM)).to_have_text(SAVED, timeout=20_000)
    saved = before + " Ook op zaterdag."
    assert brief.value(PROBLEM) == saved
    # The open session sees it on its next run: to another step and back.
    reader.get_by_role("link", name="2 · Verkennen").first.click()
    expect(reader.locator("h1").first).to_have_text(STEP2_TITLE, timeout=30_000)
    reader.get_by_role("link", name="1 · Uitdaging").first.click()
    expect(reader.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
    expect(field(reader, PROBLEM)).to_have_value(saved, timeout=15_000)
    # A fresh session on server 2 too.
    fresh = browser_on(cluster, new_page, server=1)
    log_in(fresh, cluster.base)
    open_step(fresh, cluster.base, *STEP1)
    expect(field(fresh, PROBLEM)).to_have_value(saved, timeout=15_000)
    # Each browser was served where it was sent (haproxy re-sets the cookie when it is not).
    for page, server in ((writer, 0), (reader, 1), (fresh, 1)):
        assert cluster.served_by(page.context.cookies()) == server
    brief.dispose()


def test_a_killed_servers_browser_reconnects_signed_in_and_keeps_its_text(
    cluster: Cluster, new_page: Any
) -> None:
    brief = stored(cluster)
    before = brief.values()
    page = browser_on(cluster, new_page)
    page.add_init_script(WATCH_WEBSOCKETS)
    log_in(page, cluster.base)
    open_step(page, cluster.base, *STEP1)
    serving = cluster.served_by(page.context.cookies())
    assert serving is not None
    type_at_end(page, PROBLEM, " Bevestigd voor de crash.")
    leave_field(page)
    expect(status(page, PROBLEM)).to_have_text(SAVED, timeout=20_000)
    # What the proxy answers this browser from now on: never an error (it redispatches).
    failed: list[str] = []
    page.on("response", lambda answer: failed.append(answer.url) if answer.status >= 500 else None)
    earlier = len(websockets(page))
    cluster.kill(serving)
    # Typed after the crash, before anything reconnected: the editor saves it through the proxy.
    type_at_end(page, CONTEXT, " Getypt na de crash.")
    leave_field(page)
    # The page reconnects through the proxy to the other server ...
    # (How fast is measured, not asserted: `bench/load.py --kill-after` reports the share of
    # sessions back within 10 s; a busy test machine may take longer than that.)
    within(page, 60, lambda: any(s["open"] for s in websockets(page)[earlier:]), "reconnected")
    assert cluster.served_by(page.context.cookies()) == 1 - serving
    # ... is drawn again there by itself, still signed in: the step, not the login page ...
    within(page, 30, lambda: any(s["messages"] for s in websockets(page)[earlier:]), "drawn again")
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=30_000
    )
    expect(page.locator("h1").first).to_have_text(STEP1[1])
    # ... and has lost no text: confirmed before the crash, or typed after it and saved now.
    expect(status(page, CONTEXT)).to_have_text(SAVED, timeout=20_000)
    problem = before[PROBLEM] + " Bevestigd voor de crash."
    context = before[CONTEXT] + " Getypt na de crash."
    expect(field(page, PROBLEM)).to_have_value(problem)
    expect(field(page, CONTEXT)).to_have_value(context)
    after = brief.values()
    assert after[PROBLEM] == problem
    assert after[CONTEXT] == context
    assert {key for key in after if after[key] != before[key]} == {PROBLEM, CONTEXT}
    assert cluster.states()[serving] == "DOWN"
    assert failed == []
    # The first button pressed on the new server does what it says (its callback runs).
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)
    brief.dispose()


def test_the_app_records_the_browsers_address_and_no_address_a_client_made_up(
    cluster: Cluster,
) -> None:
    """haproxy passes the address it saw, and only that; the app believes it from the proxy."""
    port = urlsplit(cluster.base).port
    assert port is not None
    # A browser on another address than the proxy's (loopback has them all), claiming a third.
    browser = http.client.HTTPSConnection(
        "127.0.0.1", port, source_address=("127.0.0.2", 0), context=cluster.ssl_context()
    )
    forged = {"X-Forwarded-For": "203.0.113.7"}
    browser.request("GET", "/auth/login", headers=forged)
    form = browser.getresponse()
    page = form.read().decode()
    csrf = next(
        cookie.split(";")[0].split("=", 1)[1]
        for cookie in form.headers.get_all("set-cookie") or []
        if cookie.startswith("kernbrief_csrf=")
    )
    found = re.search(r"name='csrf' value='([^']+)'", page)
    assert found
    fields = {"csrf": found.group(1), "email": LOTTE, "password": DEMO_PASSWORD}
    browser.request(
        "POST",
        "/auth/login",
        body=urlencode(fields),
        headers={
            **forged,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"kernbrief_csrf={csrf}",
        },
    )
    answer = browser.getresponse()
    answer.read()
    browser.close()
    assert answer.status == 303
    engine = make_engine(cluster.servers[0].database_url)
    with engine.connect() as connection:
        clients = connection.execute(
            select(AuditRow.client).where(AuditRow.action == "login", AuditRow.actor == LOTTE)
        ).scalars()
        assert list(clients) == ["127.0.0.2"]
    engine.dispose()
