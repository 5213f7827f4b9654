"""Only the app's own pages open its websocket or send it changes: the real server, and Chromium."""

from __future__ import annotations

import base64
import http.client
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.origins import origin_allowed, origin_of
from core.settings import ConfigurationError, settings
from tests.browser import AppServer, Stored, log_in
from tests.postgres import free_port

PUBLIC = "https://kernbrief.example.be"


# --- the rule ----------------------------------------------------------------------------------
def test_an_origin_is_scheme_host_and_port_without_the_default_port() -> None:
    assert origin_of("https://Kernbrief.Example.be:443/pad?x=1") == PUBLIC
    assert origin_of("http://localhost:8501/") == "http://localhost:8501"
    assert origin_of("http://[::1]:8501") == "http://[::1]:8501"
    for wrong in ("kernbrief.example.be", "ftp://kernbrief.example.be", "https://"):
        with pytest.raises(ValueError):
            origin_of(wrong)


def test_without_a_public_url_only_the_address_the_app_was_opened_at() -> None:
    assert origin_allowed("http://127.0.0.1:8501", "127.0.0.1:8501", "")
    assert origin_allowed("http://localhost:8501", "localhost:8501", "")
    assert origin_allowed("https://kernbrief.example.be", "kernbrief.example.be", "")
    # Another port of the same host is another site: Streamlit's own check lets it in.
    assert not origin_allowed("http://127.0.0.1:9999", "127.0.0.1:8501", "")
    assert not origin_allowed("http://localhost:8501", "127.0.0.1:8501", "")
    assert not origin_allowed(None, "127.0.0.1:8501", "")
    assert not origin_allowed("null", "127.0.0.1:8501", "")


def test_with_a_public_url_only_that_origin_whatever_the_host_header() -> None:
    assert origin_allowed(PUBLIC, "127.0.0.1:8501", PUBLIC)  # a proxy that rewrites Host
    assert origin_allowed(PUBLIC + ":443", "kernbrief.example.be", PUBLIC)
    assert not origin_allowed("http://kernbrief.example.be", "kernbrief.example.be", PUBLIC)
    assert not origin_allowed("https://evil.example", "evil.example", PUBLIC)
    assert not origin_allowed("http://127.0.0.1:8501", "127.0.0.1:8501", PUBLIC)


def test_the_public_url_setting_is_checked_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings().public_origin == ""
    monkeypatch.setenv("KERNBRIEF_PUBLIC_URL", "https://kernbrief.example.be/")
    assert settings().public_origin == PUBLIC
    monkeypatch.setenv("KERNBRIEF_PUBLIC_URL", "kernbrief.example.be")
    with pytest.raises(ConfigurationError, match="KERNBRIEF_PUBLIC_URL"):
        settings()


# --- the real server, as deployed --------------------------------------------------------------
def websocket_status(base: str, origin: str | None) -> int:
    """Open Streamlit's websocket as a browser would; return the handshake's HTTP status."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    headers = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
    }
    if origin is not None:
        headers["Origin"] = origin
    connection.request("GET", "/_stcore/stream", headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def request_status(base: str, method: str, path: str, headers: dict[str, str]) -> int:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    payload = {"part": "challenge.question", "brief": 1, "base": 0, "token": "x", "value": "x"}
    body = json.dumps(payload)
    connection.request(method, path, body=body, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


@pytest.fixture
def deployed(demo_url: str, tmp_path: Path) -> Iterator[str]:
    """The app as deployed at KERNBRIEF_PUBLIC_URL (reached here directly, on loopback)."""
    server = AppServer(demo_url, tmp_path / "streamlit.log", KERNBRIEF_PUBLIC_URL=PUBLIC)
    try:
        yield server.start()
    finally:
        server.stop()


def test_a_deployment_opens_its_websocket_to_its_own_pages_only(deployed: str) -> None:
    assert websocket_status(deployed, PUBLIC) == 101
    assert websocket_status(deployed, "https://evil.example") == 403
    assert websocket_status(deployed, None) == 403
    # The server's own loopback address on another port, or even on its port: not the app.
    assert websocket_status(deployed, "http://127.0.0.1:9") == 403
    assert websocket_status(deployed, deployed) == 403


def test_a_deployment_takes_changes_from_its_own_pages_only(deployed: str) -> None:
    json_from = {"Content-Type": "application/json"}
    evil = {**json_from, "Origin": "https://evil.example"}
    assert request_status(deployed, "POST", "/api/part", evil) == 403
    assert request_status(deployed, "PUT", "/_stcore/upload_file/s/f", evil) == 403
    assert request_status(deployed, "POST", "/auth/login", evil) == 403
    # Its own pages reach the route, which then asks for its own proof (the edit token).
    assert request_status(deployed, "POST", "/api/part", {**json_from, "Origin": PUBLIC}) == 401
    # A program sends no Origin: the route's checks decide, as before.
    assert request_status(deployed, "POST", "/api/part", json_from) == 401
    # Reading is not changing: pages load whatever their Origin header.
    assert request_status(deployed, "GET", "/auth/login", {"Origin": "https://x.example"}) == 200


# --- Chromium: a page of another port of the same host -----------------------------------------
ATTACK = """<!doctype html><html><body><script>
window.outcome = new Promise((done) => {
  const result = {};
  const socket = new WebSocket("ws://127.0.0.1:%(port)d/_stcore/stream");
  socket.onopen = () => { result.websocket = "open"; finish(); };
  socket.onerror = () => { result.websocket = "refused"; finish(); };
  fetch("http://127.0.0.1:%(port)d/api/part", {
    method: "POST", credentials: "include", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({part: "challenge.question", brief: %(brief)d, base: 0,
                          token: "", value: "van een andere site"}),
  }).then((r) => { result.json = "status " + r.status; finish(); },
          () => { result.json = "refused"; finish(); });
  // A "simple" request needs no permission first: only the server can refuse it.
  fetch("http://127.0.0.1:%(port)d/api/part", {
    method: "POST", credentials: "include", mode: "no-cors",
    headers: {"Content-Type": "text/plain"}, body: "value=x",
  }).then(() => { result.simple = "sent"; finish(); },
          () => { result.simple = "refused"; finish(); });
  function finish() { if (Object.keys(result).length === 3) done(result); }
});
</script></body></html>"""


class AttackPage(http.server.BaseHTTPRequestHandler):
    page = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *_args: Any) -> None:
        pass


def test_a_page_on_another_port_of_the_same_host_is_refused_in_chromium(
    app_server: str, demo_url: str, new_page: Any
) -> None:
    """Cookies do not tell ports apart: such a page would act as the signed-in person."""
    stored = Stored(demo_url)
    before = stored.value("challenge.question")
    port = int(app_server.rsplit(":", 1)[1])
    AttackPage.page = (ATTACK % {"port": port, "brief": stored.brief_id}).encode()
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), AttackPage)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    try:
        page = new_page()
        log_in(page, app_server)  # the login cookie of 127.0.0.1 goes to every port of it
        statuses: list[int] = []
        page.on(
            "response",
            lambda response: (
                statuses.append(response.status) if "/api/part" in response.url else None
            ),
        )
        page.goto(f"http://127.0.0.1:{attacker.server_address[1]}/")
        outcome = page.evaluate("window.outcome")
        assert outcome == {"websocket": "refused", "json": "refused", "simple": "sent"}
        assert statuses == [
            403
        ]  # the server refused the request it could not stop the browser from sending
    finally:
        attacker.shutdown()
        attacker.server_close()
    assert stored.value("challenge.question") == before
    stored.dispose()
