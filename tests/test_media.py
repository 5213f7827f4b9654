"""Sketches under /media/ reach only someone signed in right now: the real server and Chromium."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

from playwright.sync_api import Page, expect
from sqlalchemy import Engine, delete

from core.security import LOGIN_COOKIE, sign, unsign
from services.single_sign_on import link_identity
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.tables import AuthSessionRow
from tests import test_sso_browser
from tests.browser import LOTTE, log_in, open_step
from tests.conftest import TEST_SECRET_KEY
from tests.test_sso_browser import set_claims, sign_on

# A real OpenID provider and the app signed on to it: the single-sign-on tests' fixtures.
provider = test_sso_browser.provider
sso_server = test_sso_browser.sso_server
KEY = TEST_SECRET_KEY.encode()
JPEG = b"\xff\xd8\xff"  # the demo sketches, re-encoded by briefs/images.py


def fetch(url: str, cookie: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def sketch_url(page: Page, base: str) -> str:
    """Open step 3 and return the address of the first sketch it shows."""
    open_step(page, base, "testen?deel=schetsen", "Stap 3 · Vertalen & testen")
    sketch = page.locator("img[src*='/media/']").first
    expect(sketch).to_be_visible(timeout=30_000)
    return base + str(sketch.get_attribute("src")).removeprefix(base)


def test_a_sketch_is_served_to_a_live_login_only(
    app_server: str, demo_url: str, new_page: Any
) -> None:
    page = new_page()
    log_in(page, app_server)
    url = sketch_url(page, app_server)
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
    # The file is still there: a live login gets it.
    lotte = accounts.principal_by_email(LOTTE)
    assert lotte is not None
    live = sign(accounts.start_login_session(lotte.person_id), KEY)
    assert fetch(url, f"{LOGIN_COOKIE}={live}") == (200, image)


def test_a_single_sign_on_sees_its_sketches_while_its_sign_in_lives(
    sso_server: tuple[str, Engine], provider: str, new_page: Any
) -> None:
    base, engine = sso_server
    link_identity(engine, LOTTE, provider, "lotte-1")
    set_claims(provider, "lotte-1", email=LOTTE, email_verified=True)
    page = new_page()
    sign_on(page, base, "lotte-1")
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    url = sketch_url(page, base)
    # Streamlit's identity cookie is the browser's only login here.
    assert LOGIN_COOKIE not in {cookie["name"] for cookie in page.context.cookies()}
    shown = page.request.get(url)
    assert shown.status == 200 and shown.body().startswith(JPEG)
    assert fetch(url) == (404, b"")
    # Its login session ends (idle time, a password reset): the identity cookie is not enough.
    with engine.begin() as connection:
        connection.execute(delete(AuthSessionRow))
    ended = page.request.get(url)
    assert ended.status == 404 and ended.body() == b""
