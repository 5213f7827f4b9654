"""Logins end: elsewhere on a password change, 12 h after they started, 30 min idle, or by hand."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2
import pytest
from playwright.sync_api import expect
from sqlalchemy import Engine, select, text, update
from streamlit.testing.v1 import AppTest

from briefs.devices import device_words
from briefs.i18n import TIMEZONE, Translator, format_moment
from briefs.parts import section_of
from core.security import LOGIN_COOKIE, SECURE_LOGIN_COOKIE, digest, unsign
from core.settings import DEMO_PASSWORD, ConfigurationError, settings
from services.accounts import change_password
from storage.accounts import AccountRefused, AccountStore
from storage.db import make_engine
from storage.login_sessions import clean_user_agent
from storage.migrate import migrate_to, upgrade
from storage.repository import utc
from storage.tables import AuthSessionRow
from tests.apps import editors, login_link, on_section
from tests.browser import LOTTE, AppServer, Stored, log_in, post_json
from tests.conftest import TEST_SECRET_KEY, Clock, person

APP = "../app.py"
KEY = TEST_SECRET_KEY.encode()
ADMIN = "els.maes@programma.demo"
PIETER = "pieter.claes@gent.demo"
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
IDLE = timedelta(minutes=30)
LIFETIME = timedelta(hours=12)


def audit(accounts: AccountStore) -> list[tuple[str, str, str]]:
    """The newest audit entries first: who, what, from where."""
    return [(e.actor, e.action, e.client) for e in accounts.audit_log(person(accounts, ADMIN))]


# --- the rules, on SQLite and PostgreSQL ------------------------------------------------------


def test_a_login_ends_twelve_hours_after_it_started_however_active(
    accounts: AccountStore, clock: Clock
) -> None:
    lotte = person(accounts, LOTTE)
    token = accounts.start_login_session(lotte.person_id, FIREFOX)
    for _ in range(28):  # active every 25 minutes, never idle: 11 h 40 min
        clock.now += timedelta(minutes=25)
        assert accounts.resolve_login_session(token, IDLE, LIFETIME) == lotte
    clock.now += timedelta(minutes=19)
    assert accounts.resolve_login_session(token, IDLE, LIFETIME) == lotte  # 11 h 59 min
    clock.now += timedelta(minutes=1)
    assert accounts.resolve_login_session(token, IDLE, LIFETIME) is None  # 12 h
    assert accounts.login_sessions(lotte, IDLE, LIFETIME) == []
    # A caller that names no lifetime still gets one: twelve hours.
    other = accounts.start_login_session(lotte.person_id)
    clock.now += timedelta(hours=12)
    assert accounts.resolve_login_session(other, timedelta(days=2)) is None


def test_changing_the_password_ends_every_other_login_and_keeps_this_one(
    accounts: AccountStore, clock: Clock
) -> None:
    lotte = person(accounts, LOTTE)
    here = accounts.start_login_session(lotte.person_id, FIREFOX)
    elsewhere = accounts.start_login_session(lotte.person_id, IPHONE)
    pieter = accounts.start_login_session(person(accounts, PIETER).person_id)
    with pytest.raises(AccountRefused):
        change_password(accounts.engine, lotte, "niet juist", "een nieuw wachtwoord", here)
    assert accounts.resolve_login_session(elsewhere, IDLE) == lotte  # nothing changed
    change_password(
        accounts.engine, lotte, DEMO_PASSWORD, "een nieuw wachtwoord", here, "10.1.2.3", clock
    )
    assert accounts.resolve_login_session(here, IDLE) == lotte
    assert accounts.resolve_login_session(elsewhere, IDLE) is None
    assert accounts.resolve_login_session(pieter, IDLE) is not None
    assert accounts.authenticate(LOTTE, "een nieuw wachtwoord", "x") == lotte
    assert audit(accounts)[1:3] == [
        (LOTTE, "other_logins_ended", "10.1.2.3"),
        (LOTTE, "password_changed", "10.1.2.3"),
    ]


def test_a_person_lists_their_own_logins_and_ends_the_others_or_all(
    accounts: AccountStore, clock: Clock
) -> None:
    lotte = person(accounts, LOTTE)
    hostile = "<b>Evil</b>\x00\x1b[31m\n" + "x" * 500
    old = accounts.start_login_session(lotte.person_id, hostile)
    clock.now += timedelta(minutes=5)
    here = accounts.start_login_session(lotte.person_id, FIREFOX)
    clock.now += timedelta(minutes=5)
    phone = accounts.start_login_session(lotte.person_id, IPHONE)
    accounts.start_login_session(person(accounts, PIETER).person_id, FIREFOX)
    clock.now += timedelta(minutes=2)
    accounts.resolve_login_session(here, IDLE)  # activity: now the most recent
    listed = accounts.login_sessions(lotte, IDLE, LIFETIME, current_token=here)
    assert [(s.user_agent, s.current) for s in listed] == [
        (FIREFOX, True),
        (IPHONE, False),
        ("<b>Evil</b> [31m " + "x" * 283, False),  # one line, printable, cut to 300
    ]
    assert len(listed[2].user_agent) == 300 == len(clean_user_agent(hostile))
    assert listed[0].started == datetime(2024, 3, 1, 9, 5, tzinfo=UTC)
    assert listed[0].last_seen == datetime(2024, 3, 1, 9, 12, tzinfo=UTC)
    # Over the idle time, a login is no longer listed.
    clock.now += timedelta(minutes=25)
    assert [s.user_agent for s in accounts.login_sessions(lotte, IDLE, LIFETIME, here)] == [
        FIREFOX,
        IPHONE,
    ]
    assert accounts.resolve_login_session(old, IDLE) is None
    accounts.end_login_sessions(lotte, keep_token=here, client="10.0.0.7")
    assert [s.current for s in accounts.login_sessions(lotte, IDLE, LIFETIME, here)] == [True]
    assert accounts.resolve_login_session(phone, IDLE) is None
    accounts.end_login_sessions(lotte, client="10.0.0.7")
    assert accounts.login_sessions(lotte, IDLE, LIFETIME, here) == []
    assert accounts.resolve_login_session(here, IDLE) is None
    assert audit(accounts)[:2] == [
        (LOTTE, "logins_ended", "10.0.0.7"),
        (LOTTE, "other_logins_ended", "10.0.0.7"),
    ]
    assert accounts.login_sessions(person(accounts, PIETER), IDLE, LIFETIME) != []


def test_the_idle_time_defaults_to_thirty_minutes_and_the_lifetime_to_twelve_hours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KERNBRIEF_IDLE_MINUTES", raising=False)
    monkeypatch.delenv("KERNBRIEF_SESSION_HOURS", raising=False)
    assert settings().idle == timedelta(minutes=30)
    assert settings().session_lifetime == timedelta(hours=12)
    monkeypatch.setenv("KERNBRIEF_SESSION_HOURS", " 8 ")
    monkeypatch.setenv("KERNBRIEF_IDLE_MINUTES", "15")
    assert (settings().session_hours, settings().idle_minutes) == (8, 15)
    for wrong in ("een halve dag", "0", "-3", "1.5"):
        monkeypatch.setenv("KERNBRIEF_SESSION_HOURS", wrong)
        with pytest.raises(ConfigurationError) as refused:
            settings()
        assert str(refused.value) == (
            "KERNBRIEF_SESSION_HOURS is ongeldig: gebruik een positief geheel aantal uren "
            "(is invalid: use a positive whole number of hours)."
        )
    monkeypatch.setenv("KERNBRIEF_IDLE_MINUTES", "nooit")
    with pytest.raises(ConfigurationError, match=r"KERNBRIEF_IDLE_MINUTES.*KERNBRIEF_SESSION"):
        settings()


def test_logins_from_before_the_migration_stay_and_show_an_unknown_browser(
    engine: Engine,
) -> None:
    migrate_to(engine, "0007_demo_people", down=True)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO people (id, email, name, role, municipality, active)"
                " VALUES (1, 'an@kortrijk.be', 'An', 'participant', 'Kortrijk', true)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO auth_sessions (token_hash, person_id, created_at, last_seen_at)"
                " VALUES (:hash, 1, :now, :now)"
            ),
            {"hash": digest("oude login"), "now": now},
        )
    upgrade(engine)
    accounts = AccountStore(engine)
    an = person(accounts, "an@kortrijk.be")
    assert accounts.resolve_login_session("oude login", IDLE) == an
    [login] = accounts.login_sessions(an, IDLE, LIFETIME, "oude login")
    assert (login.user_agent, login.current) == ("", True)
    assert device_words(login.user_agent, Translator("nl")) == "onbekende browser"
    assert device_words(IPHONE, Translator("en")) == "Mobile Safari on iOS"


# --- through the real server, its HTTP routes and the pages ------------------------------------


def csrf_of(page: str) -> str:
    found = re.search(r"name='csrf' value='([^']+)'", page)
    assert found, page
    return found.group(1)


def cookie_of(answer: httpx2.Response, name: str) -> str | None:
    """The value a Set-Cookie header of the answer gives cookie ``name``."""
    for header in answer.headers.get_list("set-cookie"):
        if header.startswith(f"{name}="):
            return str(header.split(";")[0].split("=", 1)[1]).strip('"')
    return None


def http_login(base: str, user_agent: str, email: str = LOTTE) -> httpx2.Response:
    """Log in through the server's login form, as a browser with this User-Agent would."""
    with httpx2.Client(base_url=base, headers={"User-Agent": user_agent}) as client:
        form = client.get("/auth/login")
        # Sent by hand: with secure cookies on the client would keep them for HTTPS only.
        csrf = cookie_of(form, "kernbrief_csrf")
        answer = client.post(
            "/auth/login",
            data={"csrf": csrf_of(form.text), "email": email, "password": DEMO_PASSWORD},
            headers={"Cookie": f"kernbrief_csrf={csrf}"},
        )
    assert answer.status_code == 303, answer.text
    return answer


def login_token(base: str, user_agent: str, email: str = LOTTE) -> str:
    """The login-session token in the cookie that a login through the server sets."""
    token = unsign(cookie_of(http_login(base, user_agent, email), LOGIN_COOKIE), KEY)
    assert token
    return token


def app_with(token: str, page: str | None = None) -> AppTest:
    """The app as the browser holding this login opens it (the cookie read, as app.py does);
    step 1 on the section with the challenge question."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["auth_token"] = token
    at.run()
    if page:
        at.switch_page(page).run()
    if page == "pages/challenge.py":
        on_section(at, section_of("challenge.question").key)
    assert not at.exception, at.exception
    return at


def saves(base: str, at: AppTest, stored: Stored, text: str) -> int:
    """Save the challenge question with the edit token the page handed out; return the status."""
    editor = editors(at)["challenge.question"]
    version = stored.briefs.load(stored.brief_id).part("challenge.question").version
    payload = {
        "brief": stored.brief_id,
        "part": "challenge.question",
        "base": version,
        "value": text,
        "token": editor["token"],
    }
    status, _answer = post_json(base, "/api/part", payload)
    return status


def shown(at: AppTest) -> str:
    kinds = ("title", "success", "info", "error", "warning", "text", "caption")
    return "\n".join(str(element.value) for kind in kinds for element in getattr(at, kind))


def backdate(engine: Engine, token: str, **ago: timedelta) -> None:
    """Move a login's start (``started``) or last activity (``seen``) back by so much."""
    now = datetime.now(UTC)
    columns = {"started": "created_at", "seen": "last_seen_at"}
    with engine.begin() as connection:
        connection.execute(
            update(AuthSessionRow)
            .where(AuthSessionRow.token_hash == digest(token))
            .values(**{columns[name]: now - delta for name, delta in ago.items()})
        )


def test_a_password_change_on_mijn_account_ends_the_other_browsers_login(
    app_server: str, demo_url: str
) -> None:
    stored = Stored(demo_url)
    laptop, phone = login_token(app_server, FIREFOX), login_token(app_server, IPHONE)
    on_phone = app_with(phone, "pages/challenge.py")
    on_laptop = app_with(laptop, "pages/account.py")
    on_laptop.text_input(key="pw_current").input(DEMO_PASSWORD)
    on_laptop.text_input(key="pw_new").input("een nieuw wachtwoord")
    on_laptop.text_input(key="pw_again").input("een nieuw wachtwoord")
    next(b for b in on_laptop.button if b.label == "Wachtwoord bewaren").click().run()
    # The phone's page can no longer save what is typed there, nor open a page.
    assert saves(app_server, on_phone, stored, "Vanop de telefoon") == 401
    assert "Je wachtwoord is gewijzigd. Op je andere toestellen" in shown(on_laptop)
    assert stored.value("challenge.question") != "Vanop de telefoon"
    on_phone.run()
    assert on_phone.title[0].value == "Welkom bij Kernbrief"
    assert "Je bent niet meer aangemeld" in shown(on_phone)
    assert "30 minuten zonder activiteit, 12 uur nadat" in shown(on_phone)
    # The laptop, where the password was changed, goes on.
    writing = app_with(laptop, "pages/challenge.py")
    assert saves(app_server, writing, stored, "Vanop de laptop") == 200
    assert stored.value("challenge.question") == "Vanop de laptop"
    accounts = AccountStore(make_engine(demo_url))
    assert [entry.action for entry in accounts.audit_log(person(accounts, ADMIN))][:2] == [
        "other_logins_ended",
        "password_changed",
    ]


def test_mijn_account_lists_my_logins_and_ends_the_others_then_all(
    app_server: str, demo_url: str
) -> None:
    stored = Stored(demo_url)
    laptop, phone = login_token(app_server, FIREFOX), login_token(app_server, IPHONE)
    login_token(app_server, FIREFOX, PIETER)  # someone else's login is not mine to see
    on_phone = app_with(phone, "pages/challenge.py")
    at = app_with(laptop, "pages/account.py")
    engine = make_engine(demo_url)
    with engine.connect() as connection:
        started = {
            row.token_hash: row.created_at
            for row in connection.execute(
                select(AuthSessionRow.token_hash, AuthSessionRow.created_at)
            )
        }
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Browser en toestel",
        "Aangemeld op",
        "Laatst actief",
        "Deze login",
    ]
    rows = {row["Browser en toestel"]: row for row in table.to_dict("records")}
    assert rows.keys() == {"Firefox op Windows", "Mobile Safari op iOS"}
    assert rows["Firefox op Windows"]["Deze login"] == "deze login"
    assert rows["Mobile Safari op iOS"]["Deze login"] == ""
    # Dates and times in Flemish, in Brussels time.
    phone_started = utc(started[digest(phone)])
    assert rows["Mobile Safari op iOS"]["Aangemeld op"] == format_moment(phone_started)
    assert phone_started.astimezone(TIMEZONE).strftime(" %H:%M") in format_moment(phone_started)
    assert re.fullmatch(
        r"\d{1,2} [a-z]+ \d{4} \d{2}:\d{2}", rows["Firefox op Windows"]["Laatst actief"]
    )

    at.button(key="end_other_logins").click().run()
    assert "Je andere logins zijn beëindigd" in shown(at)
    assert list(at.dataframe[0].value["Browser en toestel"]) == ["Firefox op Windows"]
    assert at.button(key="end_other_logins").disabled
    assert saves(app_server, on_phone, stored, "Vanop de telefoon") == 401

    writing = app_with(laptop, "pages/challenge.py")
    at.button(key="end_all_logins").click().run()
    assert at.title[0].value == "Welkom bij Kernbrief"
    assert "Je bent overal afgemeld, ook hier." in shown(at)
    assert login_link(at) == "/auth/login?taal=nl"
    assert saves(app_server, writing, stored, "Na het afmelden") == 401
    accounts = AccountStore(engine)
    assert accounts.login_sessions(person(accounts, LOTTE), IDLE) == []
    logged = [(e.actor, e.action) for e in accounts.audit_log(person(accounts, ADMIN))]
    assert logged[:2] == [(LOTTE, "logins_ended"), (LOTTE, "other_logins_ended")]


def test_a_login_ends_twelve_hours_after_it_started_at_the_server_too(
    app_server: str, demo_url: str
) -> None:
    stored = Stored(demo_url)
    engine = make_engine(demo_url)
    token = login_token(app_server, FIREFOX)
    at = app_with(token, "pages/challenge.py")
    backdate(engine, token, started=timedelta(hours=11, minutes=58))
    assert saves(app_server, at, stored, "Nog net") == 200
    backdate(engine, token, started=timedelta(hours=12, minutes=1))
    assert saves(app_server, at, stored, "Te laat") == 401
    assert stored.value("challenge.question") == "Nog net"
    at.run()
    assert at.title[0].value == "Welkom bij Kernbrief"
    assert "Je bent niet meer aangemeld" in shown(at)


def test_a_login_idle_for_thirty_minutes_saves_nothing_by_default(
    app_server: str, demo_url: str
) -> None:
    stored = Stored(demo_url)
    engine = make_engine(demo_url)
    token = login_token(app_server, FIREFOX)
    at = app_with(token, "pages/challenge.py")
    backdate(engine, token, seen=timedelta(minutes=29))
    assert saves(app_server, at, stored, "Na de koffie") == 200
    backdate(engine, token, seen=timedelta(minutes=31))
    assert saves(app_server, at, stored, "Na de middag") == 401
    assert stored.value("challenge.question") == "Na de koffie"


@pytest.fixture
def secure_server(demo_url: str, tmp_path: Path) -> Any:
    server = AppServer(demo_url, tmp_path / "secure.log", KERNBRIEF_SECURE_COOKIES="1")
    try:
        yield server.start()
    finally:
        server.stop()


def test_with_secure_cookies_the_login_cookie_is_a_host_cookie(
    secure_server: str, demo_url: str, new_page: Any
) -> None:
    answer = http_login(secure_server, FIREFOX)
    headers = [h for h in answer.headers.get_list("set-cookie") if "kernbrief_login" in h]
    assert len(headers) == 1
    attributes = [part.strip().lower() for part in headers[0].split(";")]
    assert headers[0].startswith(f"{SECURE_LOGIN_COOKIE}=")
    assert {"secure", "path=/", "httponly", "samesite=lax"} <= set(attributes)
    assert not [a for a in attributes if a.startswith("domain")]
    signed = cookie_of(answer, SECURE_LOGIN_COOKIE)
    assert unsign(signed, KEY)
    # A browser logs in through the form and is signed in by the "__Host-" cookie ...
    page = new_page()
    log_in(page, secure_server)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    assert [c["name"] for c in page.context.cookies() if "kernbrief_login" in c["name"]] == [
        SECURE_LOGIN_COOKIE
    ]
    # ... while the plain name, which another subdomain or a plain HTTP answer could plant, is
    # not read at all, even with a valid login in it.
    planted = new_page()
    planted.context.add_cookies([{"name": LOGIN_COOKIE, "value": signed, "url": secure_server}])
    planted.goto(secure_server)
    expect(planted.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)
    # Logging out clears the "__Host-" cookie, with the attributes the prefix demands.
    with httpx2.Client(base_url=secure_server) as client:
        form = client.get("/auth/logout")
        csrf = cookie_of(form, "kernbrief_csrf")
        out = client.post(
            "/auth/logout",
            data={"csrf": csrf_of(form.text)},
            headers={"Cookie": f"kernbrief_csrf={csrf}; {SECURE_LOGIN_COOKIE}={signed}"},
        )
    cleared = next(h for h in out.headers.get_list("set-cookie") if "kernbrief_login" in h)
    assert cleared.startswith(f'{SECURE_LOGIN_COOKIE}=""') and "Secure" in cleared
    accounts = AccountStore(make_engine(demo_url))
    assert accounts.resolve_login_session(unsign(signed, KEY), IDLE) is None
