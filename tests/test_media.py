"""Sketches under /media/ reach only someone signed in right now: the real server and Chromium."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from itsdangerous import URLSafeTimedSerializer
from playwright.sync_api import expect

from core.security import LOGIN_COOKIE, sign, unsign
from storage.accounts import AccountStore
from storage.db import make_engine
from tests.browser import LOTTE, AppServer, log_in, open_step
from tests.conftest import TEST_SECRET_KEY

KEY = TEST_SECRET_KEY.encode()
STREAMLIT_SECRET = "streamlit-cookie-secret-for-the-test-" + "y" * 20
JPEG = b"\xff\xd8\xff"  # the demo sketches, re-encoded by briefs/images.py


@pytest.fixture
def server(demo_url: str, tmp_path: Path) -> Iterator[str]:
    """The app, with a known secret for Streamlit's own (single-sign-on) cookie."""
    started = AppServer(
        demo_url, tmp_path / "streamlit.log", STREAMLIT_SERVER_COOKIE_SECRET=STREAMLIT_SECRET
    )
    try:
        yield started.start()
    finally:
        started.stop()


def fetch(url: str, cookie: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def single_sign_on_cookie(email: str) -> str:
    """Streamlit's signed user cookie, as its OIDC callback sets it."""
    user = {"email": email, "is_logged_in": True, "origin": "http://127.0.0.1"}
    signed = URLSafeTimedSerializer(STREAMLIT_SECRET, salt="_streamlit_user").dumps(
        json.dumps(user)
    )
    return f"_streamlit_user={signed}"


def test_a_sketch_is_served_to_a_live_login_only(server: str, demo_url: str, new_page: Any) -> None:
    page = new_page()
    log_in(page, server)
    open_step(page, server, "testen", "Stap 3 · Vertalen & testen")
    sketch = page.locator("img[src*='/media/']").first
    expect(sketch).to_be_visible(timeout=30_000)
    url = server + str(sketch.get_attribute("src")).removeprefix(server)
    # The signed-in browser gets the image.
    shown = page.request.get(url)
    assert shown.status == 200 and shown.headers["content-type"].startswith("image/")
    image = shown.body()
    assert image.startswith(JPEG)
    # Without the login cookie: nothing, not even whether it exists.
    assert fetch(url) == (404, b"")
    assert fetch(url, f"{LOGIN_COOKIE}=forged.value") == (404, b"")
    # With the cookie of a login that has ended (logout elsewhere, idle time, a reset).
    cookie = next(c["value"] for c in page.context.cookies() if c["name"] == LOGIN_COOKIE)
    token = unsign(cookie.strip('"'), KEY)
    assert token is not None
    accounts = AccountStore(make_engine(demo_url))
    accounts.end_login_session(token)
    assert fetch(url, f"{LOGIN_COOKIE}={cookie}") == (404, b"")
    # The file is still there: a live login, or a single-sign-on login, gets it.
    lotte = accounts.principal_by_email(LOTTE)
    assert lotte is not None
    live = sign(accounts.start_login_session(lotte.person_id), KEY)
    assert fetch(url, f"{LOGIN_COOKIE}={live}") == (200, image)
    assert fetch(url, single_sign_on_cookie(LOTTE)) == (200, image)
    assert fetch(url, single_sign_on_cookie("nobody@nowhere.example")) == (404, b"")
