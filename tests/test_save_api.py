"""The save endpoint over real HTTP: only a page's edit token saves; cookies and junk do not."""

from __future__ import annotations

import http.client
import json
import urllib.request
from typing import Any

from core.security import sign
from storage import edit_access
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import SqlProgrammeStore
from tests.browser import LOTTE, Stored, post_json
from tests.conftest import TEST_SECRET_KEY

KEY = TEST_SECRET_KEY.encode()


def login(demo_url: str, email: str = LOTTE) -> tuple[str, str]:
    """A real login: the edit token a page would hand out, and the signed login cookie."""
    accounts = AccountStore(make_engine(demo_url))
    principal = accounts.principal_by_email(email)
    assert principal is not None
    session = accounts.start_login_session(principal.person_id)
    return edit_access.issue(principal, session, KEY), sign(session, KEY)


def post(base: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    request = urllib.request.Request(f"{base}/api/part", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read() or b"null")


def test_only_the_edit_token_saves_not_the_login_cookie(app_server: str, demo_url: str) -> None:
    stored = Stored(demo_url)
    before = stored.briefs.load(stored.brief_id).part("challenge.question")
    token, cookie = login(demo_url)
    payload = {"brief": stored.brief_id, "part": "challenge.question", "base": before.version}
    forged = {**payload, "value": "Van een andere site", "token": ""}
    # The cookie, a form body, no token. (A page of another site is refused by its Origin
    # before this, tests/test_origins.py; here the route's own check, without an Origin.)
    with_cookie = {"Cookie": f"kernbrief_login={cookie}"}
    status, _ = post(
        app_server, json.dumps(forged).encode(), {**with_cookie, "Content-Type": "application/json"}
    )
    assert status == 401
    status, _ = post(
        app_server, b"value=x", {**with_cookie, "Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 415
    assert stored.briefs.load(stored.brief_id).part("challenge.question") == before
    status, answer = post_json(
        app_server, "/api/part", {**payload, "value": "Echt", "token": token}
    )
    assert status == 200 and answer["version"] == before.version + 1
    assert stored.value("challenge.question") == "Echt"


def test_junk_and_huge_bodies_are_refused_and_store_nothing(app_server: str, demo_url: str) -> None:
    stored = Stored(demo_url)
    before = stored.values()
    token, _cookie = login(demo_url)
    assert post_json(app_server, "/api/part", None, raw=b"{not json")[0] == 400
    assert (
        post_json(app_server, "/api/part", {"part": "challenge.question", "token": token})[0] == 400
    )
    unknown = {
        "brief": stored.brief_id,
        "part": "prototype.sketches",
        "base": 0,
        "value": [],
        "token": token,
    }
    assert post_json(app_server, "/api/part", unknown)[0] == 400
    # A body declared bigger than any part is refused before it is read.
    host, port = app_server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.putrequest("POST", "/api/part")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(3_000_000))
    connection.endheaders()
    connection.send(b'{"value": "' + b"x" * 65_536)
    assert connection.getresponse().status == 413
    connection.close()
    assert stored.values() == before


def test_writing_to_another_municipalitys_brief_is_refused_and_logged(
    app_server: str, demo_url: str
) -> None:
    stored = Stored(demo_url)
    gent = SqlProgrammeStore(stored.engine).briefs_of("Gent")[0].id
    before = stored.briefs.load(gent).part("challenge.question")
    token, _ = login(demo_url)
    payload = {"brief": gent, "part": "challenge.question", "base": before.version}
    status, answer = post_json(app_server, "/api/part", {**payload, "value": "x", "token": token})
    assert status == 404 and answer["status"] == "denied"
    assert stored.briefs.load(gent).part("challenge.question") == before
    accounts = AccountStore(make_engine(demo_url))
    admin = accounts.principal_by_email("els.maes@programma.demo")
    assert admin is not None
    last = accounts.audit_log(admin)[0]
    assert (last.actor, last.action, last.target, last.client) == (
        LOTTE,
        "access_refused",
        f"brief {gent}",
        "127.0.0.1",
    )
