"""The login, logout, invitation and reset routes through Starlette's TestClient (and the body
limit through the real server): no browser."""

from __future__ import annotations

import asyncio
import html
import http.client
import re
import threading
import urllib.request
from collections.abc import Iterator, MutableMapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import anyio.from_thread
import httpx2
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from briefs.access import Principal
from briefs.i18n import Translator
from core import security
from core.security import LOGIN_COOKIE, unsign
from core.settings import DEMO_PASSWORD
from storage.accounts import AccountStore
from storage.repository import SqlProgrammeStore
from tests.conftest import TEST_SECRET_KEY
from tests.fixtures_web import accounts_on_copy, seed_template
from web.auth import CSRF_COOKIE, MAX_FORM_BYTES, PrivatePages, auth_routes

LOTTE = "lotte.vandenberghe@avelgem.demo"
COACH = "jonas.wouters@begeleiding.demo"
KEY = TEST_SECRET_KEY.encode()
IDLE = timedelta(minutes=120)
NL = Translator("nl")


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, seeded once for this module; each test works on its own copy."""
    return seed_template(tmp_path_factory.mktemp("web"))


@pytest.fixture
def accounts(seeded_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AccountStore:
    return accounts_on_copy(seeded_file, tmp_path, monkeypatch)


@pytest.fixture
def client(accounts: AccountStore) -> Iterator[TestClient]:
    app = Starlette(routes=auth_routes(), middleware=[Middleware(PrivatePages)])
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def csrf_of(page: str) -> str:
    found = re.search(r"name='csrf' value='([^']+)'", page)
    assert found, page
    return found.group(1)


def form(client: TestClient, path: str, **fields: str) -> tuple[str, dict[str, str]]:
    """Open a form as a browser would, and return its page and the fields to send back."""
    page = client.get(path)
    assert page.status_code == 200
    return page.text, {"csrf": csrf_of(page.text), **fields}


def login_cookie(response: httpx2.Response) -> str | None:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(f"{LOGIN_COOKIE}="):
            return str(header.split(";")[0].split("=", 1)[1])
    return None


def who(accounts: AccountStore, cookie: str | None) -> Principal | None:
    """Whom a login cookie value signs in, as the app would resolve it."""
    return accounts.resolve_login_session(unsign(cookie.strip('"') if cookie else None, KEY), IDLE)


def log_in(
    client: TestClient, email: str = LOTTE, password: str = DEMO_PASSWORD
) -> httpx2.Response:
    _page, fields = form(client, "/auth/login", email=email, password=password)
    return client.post("/auth/login", data=fields)


def coach(accounts: AccountStore) -> Principal:
    found = accounts.principal_by_email(COACH)
    assert found is not None
    return found


def test_the_right_password_logs_in_with_an_http_only_cookie(
    client: TestClient, accounts: AccountStore
) -> None:
    page = client.get("/auth/login")
    assert NL("auth.login_title") in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "httponly" in page.headers["set-cookie"].lower()
    answer = log_in(client)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/?taal=nl"
    header = answer.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header and "secure" not in header
    signed_in = who(accounts, login_cookie(answer))
    assert signed_in is not None and signed_in.email == LOTTE
    assert accounts.audit_log(admin(accounts))[0].action == "login"


def admin(accounts: AccountStore) -> Principal:
    found = accounts.principal_by_email("els.maes@programma.demo")
    assert found is not None
    return found


def acts(accounts: AccountStore) -> list[str]:
    """What the audit log holds since the demo was loaded, newest first."""
    return [e.action for e in accounts.audit_log(admin(accounts)) if e.action != "demo_seeded"]


def test_a_wrong_password_is_refused_without_a_cookie(
    client: TestClient, accounts: AccountStore
) -> None:
    answer = log_in(client, password="niet het wachtwoord")
    assert answer.status_code == 200
    assert html.escape(NL("auth.refused")) in answer.text
    assert f"value='{LOTTE}'" in answer.text
    assert login_cookie(answer) is None
    assert accounts.audit_log(admin(accounts))[0].action == "login_failed"


def test_a_login_without_the_forms_csrf_value_is_not_even_tried(
    client: TestClient, accounts: AccountStore
) -> None:
    client.get("/auth/login")  # the browser holds a CSRF cookie, another site cannot read it
    answer = client.post(
        "/auth/login", data={"csrf": "geraden", "email": LOTTE, "password": DEMO_PASSWORD}
    )
    assert html.escape(NL("auth.form_expired")) in answer.text
    assert login_cookie(answer) is None
    client.cookies.delete(CSRF_COOKIE)
    answer = client.post("/auth/login", data={"csrf": "", "email": LOTTE, "password": "x"})
    assert html.escape(NL("auth.form_expired")) in answer.text
    assert acts(accounts) == []  # no attempt was made with the password


def test_what_was_typed_comes_back_escaped(client: TestClient) -> None:
    answer = log_in(client, email="<script>alert(1)</script>'@x.demo")
    assert "<script>alert(1)" not in answer.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#x27;@x.demo" in answer.text


def test_logout_ends_the_login_session_and_clears_the_cookie(
    client: TestClient, accounts: AccountStore
) -> None:
    cookie = login_cookie(log_in(client))
    assert who(accounts, cookie) is not None
    page, fields = form(client, "/auth/logout?taal=en")
    assert Translator("en")("auth.logout_title") in page
    answer = client.post("/auth/logout?taal=en", data=fields)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/auth/login?taal=en"
    cleared = answer.headers["set-cookie"]
    assert cleared.startswith(f'{LOGIN_COOKIE}=""') and "Max-Age=0" in cleared
    assert who(accounts, cookie) is None
    admin = accounts.principal_by_email("els.maes@programma.demo")
    assert admin is not None
    last = accounts.audit_log(admin)[0]
    assert (last.actor, last.action, last.target, last.client) == (
        LOTTE,
        "logout",
        LOTTE,
        "testclient",
    )


def test_a_get_or_a_post_without_the_forms_csrf_value_does_not_log_out(
    client: TestClient, accounts: AccountStore
) -> None:
    cookie = login_cookie(log_in(client))
    # What a link, an image or a form on another site can make the browser send.
    shown = client.get("/auth/logout")
    assert shown.status_code == 200 and login_cookie(shown) is None
    assert "method='post' action='/auth/logout" in shown.text
    forged = client.post("/auth/logout", data={"csrf": "geraden"})
    assert forged.status_code == 200 and login_cookie(forged) is None
    assert html.escape(NL("auth.form_expired")) in forged.text
    client.cookies.delete(CSRF_COOKIE)
    assert client.post("/auth/logout", data={"csrf": ""}).status_code == 200
    signed_in = who(accounts, cookie)
    assert signed_in is not None and signed_in.email == LOTTE


def test_an_invitation_creates_an_account_and_logs_it_in(
    client: TestClient, accounts: AccountStore
) -> None:
    programme = SqlProgrammeStore(accounts.engine)
    trajectory = next(t.id for t in programme.trajectories() if t.number == 3)
    code = accounts.invite(coach(accounts), trajectory, "Kortrijk", "an@kortrijk.demo")
    path = f"/auth/invite?code={code}"
    page, fields = form(client, path, name="An Kortrijk", password="lang genoeg ww")
    assert "Kortrijk" in page and "an@kortrijk.demo" in page
    differ = client.post(path, data={**fields, "password_again": "iets anders"})
    assert html.escape(NL("auth.passwords_differ")) in differ.text
    # Each answer is a new form with a new CSRF value, as the browser would send it next.
    short = {**fields, "csrf": csrf_of(differ.text), "password": "kort", "password_again": "kort"}
    refused = client.post(path, data=short)
    assert html.escape(NL("auth.account_password_short")) in refused.text
    assert accounts.principal_by_email("an@kortrijk.demo") is None
    good = {**fields, "csrf": csrf_of(refused.text), "password_again": "lang genoeg ww"}
    answer = client.post(path, data=good)
    assert answer.status_code == 303
    invitee = who(accounts, login_cookie(answer))
    assert invitee is not None and invitee.email == "an@kortrijk.demo"
    assert (invitee.municipality, invitee.trajectory_ids) == ("Kortrijk", {trajectory})
    used = client.get(path)
    assert html.escape(NL("auth.code_used")) in used.text


def test_an_unknown_or_missing_code_says_the_link_does_not_work(client: TestClient) -> None:
    pages = [client.get("/auth/invite?code=verzonnen"), client.get("/auth/invite")]
    # A reset form opens for any code; the code is checked when the password is sent.
    _page, fields = form(client, "/auth/reset?code=verzonnen", password="lang genoeg ww")
    pages.append(
        client.post(
            "/auth/reset?code=verzonnen", data={**fields, "password_again": "lang genoeg ww"}
        )
    )
    for page in pages:
        assert NL("auth.code_title") in page.text
        assert html.escape(NL("auth.code_unknown")) in page.text


def test_a_reset_sets_the_password_and_ends_every_login(
    client: TestClient, accounts: AccountStore
) -> None:
    lotte = accounts.principal_by_email(LOTTE)
    assert lotte is not None
    elsewhere = accounts.start_login_session(lotte.person_id)
    code = accounts.request_reset(coach(accounts), LOTTE)
    path = f"/auth/reset?code={code}&taal=en"
    page, fields = form(client, path, password="een nieuw wachtwoord")
    assert Translator("en")("auth.reset_title") in page
    answer = client.post(path, data={**fields, "password_again": "een nieuw wachtwoord"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/auth/login?klaar=1&taal=en"
    assert accounts.resolve_login_session(elsewhere, IDLE) is None
    assert accounts.authenticate(LOTTE, "een nieuw wachtwoord", "test").email == LOTTE
    notice = client.get(answer.headers["location"])
    assert html.escape(Translator("en")("auth.password_set")) in notice.text
    _page, fields = form(client, path, password="nog een wachtwoord")
    again = client.post(path, data={**fields, "password_again": "nog een wachtwoord"})
    assert html.escape(Translator("en")("auth.code_used")) in again.text


def test_demo_mode_lists_the_demo_accounts_and_secure_cookies_stay_on_https(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert DEMO_PASSWORD not in client.get("/auth/login").text
    monkeypatch.setenv("KERNBRIEF_DEMO", "1")
    monkeypatch.setenv("KERNBRIEF_SECURE_COOKIES", "1")
    client.base_url = httpx2.URL("https://testserver")  # a secure cookie only travels over TLS
    page = client.get("/auth/login")
    assert DEMO_PASSWORD in page.text and LOTTE in page.text
    assert "secure" in page.headers["set-cookie"].lower()
    answer = log_in(client)
    assert "secure" in answer.headers["set-cookie"].lower()


class SpyHasher:
    """The real Argon2 hasher, noting each call and whether it ran on an event loop's thread."""

    def __init__(self) -> None:
        self.real = security._HASHER
        self.calls: list[tuple[str, str, bool]] = []

    def _note(self, what: str) -> None:
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        self.calls.append((what, threading.current_thread().name, on_loop))

    def hash(self, password: str) -> str:
        self._note("hash")
        return self.real.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        self._note("verify")
        return self.real.verify(stored, password)


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> SpyHasher:
    spy = SpyHasher()
    monkeypatch.setattr(security, "_HASHER", spy)
    return spy


def test_building_the_store_and_answering_a_get_hash_no_password(
    client: TestClient, accounts: AccountStore, hasher: SpyHasher
) -> None:
    AccountStore(accounts.engine)
    for path in (
        "/auth/invite?code=x",
        "/auth/invite",
        "/auth/reset?code=x",
        "/auth/login",
        "/auth/logout",
    ):
        assert client.get(path).status_code == 200
    assert hasher.calls == []


def test_passwords_are_hashed_and_checked_off_the_event_loop_two_at_a_time(
    client: TestClient, accounts: AccountStore, hasher: SpyHasher
) -> None:
    answer = log_in(client)
    assert answer.status_code == 303 and who(accounts, login_cookie(answer)) is not None
    assert log_in(client, password="niet het wachtwoord").status_code == 200
    programme = SqlProgrammeStore(accounts.engine)
    trajectory = next(t.id for t in programme.trajectories() if t.number == 3)
    code = accounts.invite(coach(accounts), trajectory, "Kortrijk", "an@kortrijk.demo")
    hasher.calls.clear()
    path = f"/auth/invite?code={code}"
    _page, fields = form(client, path, name="An", password="lang genoeg ww")
    accepted = client.post(path, data={**fields, "password_again": "lang genoeg ww"})
    assert accepted.status_code == 303
    reset_code = accounts.request_reset(coach(accounts), LOTTE)
    path = f"/auth/reset?code={reset_code}"
    _page, fields = form(client, path, password="een nieuw wachtwoord")
    assert client.post(path, data={**fields, "password_again": "een nieuw wachtwoord"}).is_redirect
    kinds = [what for what, _thread, _on_loop in hasher.calls]
    assert kinds.count("hash") == 2
    assert all(not on_loop for _what, _thread, on_loop in hasher.calls), hasher.calls
    assert all(thread.startswith("kernbrief-password") for _w, thread, _l in hasher.calls)
    from web.auth import PASSWORD_WORK

    assert PASSWORD_WORK._max_workers == 2


def test_a_form_over_16_kb_is_refused_with_413_on_every_auth_route(
    client: TestClient, accounts: AccountStore, hasher: SpyHasher
) -> None:
    huge = {"csrf": "x", "email": LOTTE, "password": "p" * 1024 * 1024}
    for path in ("/auth/login", "/auth/logout", "/auth/reset?code=x"):
        answer = client.post(path, data=huge)
        assert answer.status_code == 413, path
        assert html.escape(NL("auth.form_too_large")) in answer.text
    programme = SqlProgrammeStore(accounts.engine)
    trajectory = next(t.id for t in programme.trajectories() if t.number == 3)
    code = accounts.invite(coach(accounts), trajectory, "Kortrijk")
    answer = client.post(f"/auth/invite?code={code}&taal=en", data=huge)
    assert answer.status_code == 413
    assert html.escape(Translator("en")("auth.form_too_large")) in answer.text
    assert hasher.calls == []
    assert acts(accounts) == ["invitation"]
    # A form just under the limit is still read and answered as usual.
    _page, fields = form(client, "/auth/login", email=LOTTE, password="x" * 15_000)
    assert client.post("/auth/login", data=fields).status_code == 200


def post_in_chunks(app: Starlette, headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """POST 1 MB to the login route in 1 kB chunks, as a slow client would send it; return
    the answer's status and how many bytes the app asked for."""
    chunk = b"a" * 1024
    sent = 0
    statuses: list[int] = []

    async def receive() -> MutableMapping[str, Any]:
        nonlocal sent
        if sent >= 1024 * 1024:
            return {"type": "http.request", "body": b"", "more_body": False}
        sent += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(int(str(message["status"])))

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/auth/login",
        "raw_path": b"/auth/login",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/x-www-form-urlencoded"), *headers],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    # In a thread of its own: a browser test in this worker may hold an event loop here.
    with anyio.from_thread.start_blocking_portal() as portal:
        portal.call(app, scope, receive, send)
    return statuses[0], sent


def test_a_big_body_is_not_read_past_the_limit_even_with_a_lying_length(
    accounts: AccountStore,
) -> None:
    app = Starlette(routes=auth_routes())
    # A Content-Length that lies, and none at all (chunked): both stop at the limit.
    for headers in ([(b"content-length", b"100")], []):
        status, read = post_in_chunks(app, headers)
        assert status == 413
        assert read <= MAX_FORM_BYTES + 1024
    # An honest Content-Length over the limit is refused before a byte is read.
    status, read = post_in_chunks(app, [(b"content-length", str(1024 * 1024).encode())])
    assert (status, read) == (413, 0)


def test_the_real_server_refuses_a_1_mb_form_and_keeps_serving(app_server: str) -> None:
    host, port = app_server.removeprefix("http://").split(":")
    megabyte = b"password=" + b"x" * (1024 * 1024)
    for headers in (
        {"Content-Length": str(len(megabyte))},
        {"Transfer-Encoding": "chunked"},  # no length to refuse by: stopped while reading
    ):
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.putrequest("POST", "/auth/login")
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        try:
            if "Content-Length" in headers:
                connection.send(megabyte)
            else:
                for start in range(0, len(megabyte), 4096):
                    piece = megabyte[start : start + 4096]
                    connection.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                connection.send(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close the connection before the client stops sending
        answer = connection.getresponse()
        assert answer.status == 413
        assert html.escape(NL("auth.form_too_large")).encode() in answer.read()
        connection.close()
    with urllib.request.urlopen(f"{app_server}/_stcore/health", timeout=5) as health:
        assert health.read() == b"ok"
