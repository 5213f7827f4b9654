"""Links and codes reach only their owner: resets, invitations and e-mail codes go by mail.

Through the real server with the outbox backend, the coach's screen under AppTest, and the
SMTP backend against a real SMTP server (aiosmtpd) started here.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
import re
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx2
import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from components.text import md_literal
from core import mail as core_mail
from core.settings import DEMO_PASSWORD, mail_settings
from services import account_mail
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import SqlProgrammeStore
from storage.tables import EmailCheckRow, OneTimeCodeRow, PersonRow
from tests.apps import app_as
from tests.browser import AppServer

LOTTE = "lotte.vandenberghe@avelgem.demo"
COACH = "jonas.wouters@begeleiding.demo"
ADMIN = "els.maes@programma.demo"
NEWCOMER = "an@kortrijk.demo"
# A one-time code as core.security.new_token(24) makes it: 32 URL-safe characters.
TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])")
RESET_LINK = re.compile(r"(http://\S+/auth/reset\?code=[A-Za-z0-9_-]+&taal=\w+)")
INVITE_LINK = re.compile(r"(http://\S+/auth/invite\?code=[A-Za-z0-9_-]+)")
EMAIL_CODE = re.compile(r"^(\d{4} \d{4})$", re.MULTILINE)


class Outbox:
    """The outbox folder the app writes each mail into, read as a mail client would."""

    def __init__(self, folder: Path):
        self.folder = folder

    def messages(self) -> list[EmailMessage]:
        if not self.folder.exists():
            return []
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(self.folder.glob("*.eml"))
        ]

    def only(self, to: str) -> tuple[EmailMessage, str]:
        """The one message there, which must be for ``to``; with its text."""
        messages = self.messages()
        assert len(messages) == 1, [m["To"] for m in messages]
        message = messages[0]
        assert message["To"] == to
        body = message.get_body(("plain",))
        assert body is not None
        return message, body.get_content()


@pytest.fixture
def outbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Outbox:
    """Mail goes to a folder of this test, for the app in this process and the server."""
    folder = tmp_path / "outbox"
    monkeypatch.setenv("KERNBRIEF_MAIL_BACKEND", "outbox")
    monkeypatch.setenv("KERNBRIEF_OUTBOX_DIR", str(folder))
    return Outbox(folder)


@pytest.fixture
def server(demo_url: str, tmp_path: Path, outbox: Outbox, monkeypatch: Any) -> Iterator[AppServer]:
    """The real app server on the demo database, mailing into the outbox; its links point at it."""
    app = AppServer(demo_url, tmp_path / "streamlit.log")
    monkeypatch.setenv("KERNBRIEF_PUBLIC_URL", app.base)
    app.env.update(
        KERNBRIEF_MAIL_BACKEND="outbox",
        KERNBRIEF_OUTBOX_DIR=str(outbox.folder),
        KERNBRIEF_PUBLIC_URL=app.base,
    )
    try:
        app.start()
        yield app
    finally:
        app.stop()


def screen(at: AppTest) -> str:
    """Everything the page sent to the browser: every element with all its fields."""
    found: list[str] = []

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            found.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(found)


def session_values(at: AppTest) -> str:
    return repr(at.session_state.to_dict())


def submit(at: AppTest, label: str) -> None:
    next(button for button in at.button if button.label == label).click().run()
    assert not at.exception, at.exception


def coach_page(who: str) -> AppTest:
    """The coach page on its *Deelnemers* tab (invitations and password resets)."""
    at = app_as(who, coach_tab="Deelnemers")
    if who == ADMIN:
        at.switch_page("pages/coach.py").run()
    assert at.title[0].value == "Begeleiding"
    return at


def form_fields(page: str) -> dict[str, str]:
    found = re.search(r"name='csrf' value='([^']+)'", page)
    assert found, page
    return {"csrf": found.group(1)}


def open_form(client: httpx2.Client, path: str) -> tuple[str, dict[str, str]]:
    page = client.get(path)
    assert page.status_code == 200
    return page.text, form_fields(page.text)


def logs_in(base: str, email_address: str, password: str) -> bool:
    with httpx2.Client(base_url=base, follow_redirects=False, timeout=30) as client:
        _page, fields = open_form(client, "/auth/login")
        answer = client.post(
            "/auth/login", data={**fields, "email": email_address, "password": password}
        )
        return answer.status_code == 303 and "kernbrief_login=" in answer.headers.get(
            "set-cookie", ""
        )


def text_of(page: str) -> str:
    """A page's words as a reader sees them (HTML entities undone)."""
    import html

    return html.unescape(page)


# --- password resets ----------------------------------------------------------------------


@pytest.mark.parametrize("asker", [COACH, ADMIN])
def test_a_reset_link_reaches_only_its_owner_by_mail_and_never_the_askers_screen(
    server: AppServer, outbox: Outbox, asker: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    at = coach_page(asker)
    at.text_input(key="reset_email").input(LOTTE)
    submit(at, "Herstellink mailen")

    # The asker hears where it went, and nothing else.
    [sent] = [s.value for s in at.success]
    assert sent.startswith("Er is een e-mail met een nieuwe link verstuurd naar ")
    assert sent.replace("\\", "").startswith(
        f"Er is een e-mail met een nieuwe link verstuurd naar {LOTTE}."
    )
    message, body = outbox.only(LOTTE)
    assert message["Subject"] == "Kies een nieuw wachtwoord voor Kernbrief"
    asked_by = {COACH: "Jonas Wouters", ADMIN: "Els Maes"}[asker]
    assert f"{asked_by} ({asker}) vroeg een nieuwe link" in body
    assert "48 uur geldig" in body and "Niet gevraagd? Negeer deze mail" in body
    [link] = RESET_LINK.findall(body)
    assert link.startswith(f"{server.base}/auth/reset?code=")
    code = link.split("code=")[1].split("&")[0]

    shown = screen(at)
    assert "/auth/reset" not in shown and code not in shown
    assert code not in session_values(at)
    assert code not in caplog.text
    assert code not in server.log_file.read_text()

    # Nothing the asker was shown works as a code, and Lotte's password is still hers.
    candidates = set(TOKEN.findall(shown)) | set(TOKEN.findall(session_values(at)))
    with httpx2.Client(base_url=server.base, follow_redirects=False, timeout=30) as client:
        for candidate in candidates:
            path = f"/auth/reset?code={candidate}"
            _page, fields = open_form(client, path)
            tried = client.post(
                path,
                data={**fields, "password": "overgenomen!", "password_again": "overgenomen!"},
            )
            assert "Deze link werkt niet" in text_of(tried.text), candidate
    assert not logs_in(server.base, LOTTE, "overgenomen!")
    assert logs_in(server.base, LOTTE, DEMO_PASSWORD)

    # The owner opens the mailed link and chooses a password; then it logs her in.
    with httpx2.Client(follow_redirects=False, timeout=30) as client:
        page, fields = open_form(client, link)
        assert "Nieuw wachtwoord kiezen" in page
        answer = client.post(
            link,
            data={
                **fields,
                "password": "mijn eigen wachtwoord",
                "password_again": "mijn eigen wachtwoord",
            },
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == "/auth/login?klaar=1&taal=nl"
    assert logs_in(server.base, LOTTE, "mijn eigen wachtwoord")
    assert not logs_in(server.base, LOTTE, DEMO_PASSWORD)

    accounts = AccountStore(make_engine(server.database_url))
    admin = accounts.principal_by_email(ADMIN)
    assert admin is not None
    requested = next(e for e in accounts.audit_log(admin) if e.action == "password_reset_requested")
    assert (requested.actor, requested.target) == (asker, LOTTE)


def test_a_reset_mail_is_written_in_the_language_the_person_signs_in_with(
    server: AppServer, outbox: Outbox
) -> None:
    with httpx2.Client(base_url=server.base, follow_redirects=False, timeout=30) as client:
        _page, fields = open_form(client, "/auth/login?taal=en")
        signed_in = client.post(
            "/auth/login?taal=en", data={**fields, "email": LOTTE, "password": DEMO_PASSWORD}
        )
        assert signed_in.status_code == 303
    at = coach_page(COACH)
    at.text_input(key="reset_email").input(LOTTE)
    submit(at, "Herstellink mailen")
    message, body = outbox.only(LOTTE)
    assert message["Subject"] == "Choose a new password for Kernbrief"
    assert "Did not ask for this? Ignore this e-mail" in body
    assert RESET_LINK.findall(body)[0].endswith("&taal=en")


# --- invitations --------------------------------------------------------------------------


def invite(at: AppTest, municipality: str, address: str = "") -> None:
    at.text_input(key="invite_municipality").input(municipality)
    at.text_input(key="invite_email").input(address)
    submit(at, "Uitnodiging maken")


def test_an_invitation_for_an_address_is_mailed_there_and_not_shown(
    server: AppServer, outbox: Outbox
) -> None:
    at = coach_page(COACH)
    invite(at, "Kortrijk", NEWCOMER)
    [sent] = [s.value.replace("\\", "") for s in at.success]
    assert sent.startswith(f"Er is een e-mail met de uitnodiging verstuurd naar {NEWCOMER}.")
    message, body = outbox.only(NEWCOMER)
    assert message["Subject"] == "Uitnodiging voor Kernbrief (Kortrijk)"
    assert "Jonas Wouters (jonas.wouters@begeleiding.demo) nodigt je uit" in body
    [link] = INVITE_LINK.findall(body)
    code = link.split("code=")[1]
    shown = screen(at)
    assert "/auth/invite" not in shown and code not in shown and not at.code
    with httpx2.Client(follow_redirects=False, timeout=30) as client:
        page, fields = open_form(client, link)
        assert NEWCOMER in page and "Code uit de e-mail" not in page
        answer = client.post(
            link,
            data={
                **fields,
                "name": "An Kortrijk",
                "password": "lang genoeg ww",
                "password_again": "lang genoeg ww",
            },
        )
        assert answer.status_code == 303
    assert logs_in(server.base, NEWCOMER, "lang genoeg ww")


def test_an_invitation_without_an_address_creates_an_account_only_with_the_mailed_code(
    server: AppServer, outbox: Outbox
) -> None:
    at = coach_page(COACH)
    invite(at, "Kortrijk")
    # Without an address the coach passes the link on; it reaches an account only with a
    # code mailed to the address the invitee gives.
    [link] = [c.value for c in at.code]
    assert link.startswith(f"{server.base}/auth/invite?code=") and outbox.messages() == []
    accounts = AccountStore(make_engine(server.database_url))
    account = {
        "name": "An Kortrijk",
        "password": "lang genoeg ww",
        "password_again": "lang genoeg ww",
    }
    with httpx2.Client(follow_redirects=False, timeout=30) as client:
        page, fields = open_form(client, link)
        assert "Stuur mij een code" in page and "password" not in page

        # Straight to the account, without a code: refused, in Dutch.
        skipped = client.post(
            link, data={**fields, **account, "email": NEWCOMER, "email_code": "", "step": "account"}
        )
        assert "Er is geen geldige code (meer) voor dit e-mailadres" in text_of(skipped.text)
        assert accounts.principal_by_email(NEWCOMER) is None

        asked = client.post(
            link, data={**form_fields(skipped.text), "email": NEWCOMER, "step": "code"}
        )
        assert f"We hebben een code gestuurd naar {NEWCOMER}" in text_of(asked.text)
        message, body = outbox.only(NEWCOMER)
        assert message["Subject"] == "Je code om je e-mailadres te bevestigen voor Kernbrief"
        assert "15 minuten geldig" in body and "Niet gevraagd? Negeer deze mail" in body
        [code] = EMAIL_CODE.findall(body)
        wrong = "0000 0000" if code != "0000 0000" else "1111 1111"

        refused = client.post(
            link,
            data={
                **form_fields(asked.text),
                **account,
                "email": NEWCOMER,
                "email_code": wrong,
                "step": "account",
            },
        )
        assert "Deze code klopt niet." in text_of(refused.text)
        # The right code for another address than the one it was mailed to: refused too.
        elsewhere = client.post(
            link,
            data={
                **form_fields(refused.text),
                **account,
                "email": "ander@x.demo",
                "email_code": code,
                "step": "account",
            },
        )
        assert "Er is geen geldige code (meer)" in text_of(elsewhere.text)
        assert accounts.principal_by_email(NEWCOMER) is None
        assert accounts.principal_by_email("ander@x.demo") is None

        created = client.post(
            link,
            data={
                **form_fields(elsewhere.text),
                **account,
                "email": NEWCOMER,
                "email_code": code,
                "step": "account",
            },
        )
        assert created.status_code == 303
    invitee = accounts.principal_by_email(NEWCOMER)
    assert invitee is not None and invitee.municipality == "Kortrijk"
    assert accounts.language_of(invitee.person_id) == "nl"
    with accounts.engine.connect() as connection:
        # The code proved the address: single sign-on may link an identity to it.
        verified = select(PersonRow.email_verified).where(PersonRow.email == NEWCOMER)
        assert connection.scalar(verified) is True
    assert logs_in(server.base, NEWCOMER, "lang genoeg ww")
    admin = accounts.principal_by_email(ADMIN)
    assert admin is not None
    entries = accounts.audit_log(admin)
    assert {"email_code_sent", "email_code_refused", "invitation_accepted"} <= {
        e.action for e in entries
    }
    refusals = [e.target for e in entries if e.action == "email_code_refused"]
    assert sorted(refusals) == [
        f"Kortrijk ({invitee_trajectory(accounts)}): {r}" for r in ("missing", "missing", "wrong")
    ]


def invitee_trajectory(accounts: AccountStore) -> int:
    return next(t.id for t in SqlProgrammeStore(accounts.engine).trajectories() if t.number == 3)


def test_a_coach_cannot_make_a_participant_account_from_the_invitation_link_alone(
    server: AppServer, outbox: Outbox
) -> None:
    """The coach has the link of an invitation without an address, but no mailbox of the
    address: whatever code is tried, no account comes of it, and guessing stops."""
    at = coach_page(COACH)
    invite(at, "Kortrijk")
    [link] = [c.value for c in at.code]
    accounts = AccountStore(make_engine(server.database_url))
    account = {"name": "Niet An", "password": "lang genoeg ww", "password_again": "lang genoeg ww"}
    with httpx2.Client(follow_redirects=False, timeout=30) as client:
        _page, fields = open_form(client, link)
        asked = client.post(link, data={**fields, "email": NEWCOMER, "step": "code"})
        [code] = EMAIL_CODE.findall(outbox.only(NEWCOMER)[1])
        page = asked.text
        guesses = [f"{n:08d}" for n in range(6) if f"{n:08d}" != code.replace(" ", "")][:5]
        for guess in guesses:
            page = client.post(
                link,
                data={
                    **form_fields(page),
                    **account,
                    "email": NEWCOMER,
                    "email_code": guess,
                    "step": "account",
                },
            ).text
        assert "Te veel foute pogingen met deze code" in text_of(page)
        # After five wrong guesses even the right code no longer works.
        late = client.post(
            link,
            data={
                **form_fields(page),
                **account,
                "email": NEWCOMER,
                "email_code": code,
                "step": "account",
            },
        )
        assert "Te veel foute pogingen met deze code" in text_of(late.text)
    assert accounts.principal_by_email(NEWCOMER) is None


# --- mail not configured, demo mode ---------------------------------------------------------


def codes(url: str, purpose: str) -> int:
    with make_engine(url).connect() as connection:
        return int(
            connection.execute(
                select(func.count())
                .select_from(OneTimeCodeRow)
                .where(OneTimeCodeRow.purpose == purpose)
            ).scalar_one()
        )


def test_without_mail_settings_nothing_is_made_and_the_screens_say_so(demo_url: str) -> None:
    assert mail_settings().problem == "not_configured"
    at = coach_page(COACH)
    at.text_input(key="reset_email").input(LOTTE)
    submit(at, "Herstellink mailen")
    [error] = [e.value for e in at.error]
    assert error.startswith(
        "E-mail is niet ingesteld, dus er kan geen link of code worden verstuurd."
    )
    assert "/auth/reset" not in screen(at) and not at.success
    invite(at, "Kortrijk", NEWCOMER)
    assert [e.value for e in at.error] == [error]
    invite(at, "Kortrijk")
    assert [e.value for e in at.error] == [error] and not at.code
    assert codes(demo_url, "reset") == 0 and codes(demo_url, "invitation") == 0

    admin = app_as(ADMIN)
    admin.switch_page("pages/people.py").run()
    assert error in [e.value for e in admin.error]


def test_an_unconfigured_server_says_so_when_an_invitee_asks_for_a_code(
    server: AppServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = coach_page(COACH)
    invite(at, "Kortrijk")
    [link] = [c.value for c in at.code]
    server.stop()
    # The server takes this process's environment and its own additions: neither names one.
    server.env.pop("KERNBRIEF_MAIL_BACKEND")
    monkeypatch.delenv("KERNBRIEF_MAIL_BACKEND")
    server.start()
    with httpx2.Client(follow_redirects=False, timeout=30) as client:
        _page, fields = open_form(client, link)
        asked = client.post(link, data={**fields, "email": NEWCOMER, "step": "code"})
    assert "E-mail is niet ingesteld op deze server" in text_of(asked.text)


def test_demo_mode_keeps_mail_in_the_outbox_and_tells_the_coach_where(
    demo_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KERNBRIEF_DEMO", "1")
    demo = mail_settings()
    assert (demo.backend, demo.problem) == ("outbox", "")
    assert core_mail.outbox_path(demo) == "data/outbox/"
    # The test's own folder instead of the project's data/outbox/.
    monkeypatch.setenv("KERNBRIEF_OUTBOX_DIR", str(tmp_path / "outbox"))
    at = coach_page(COACH)
    at.text_input(key="reset_email").input(LOTTE)
    submit(at, "Herstellink mailen")
    assert at.success
    [where] = [c.value for c in at.caption if c.value.startswith("Demomodus:")]
    assert md_literal(f"{tmp_path / 'outbox'}/") in where
    _message, body = Outbox(tmp_path / "outbox").only(LOTTE)
    assert "/auth/reset?code=" in body
    admin = app_as(ADMIN)
    admin.switch_page("pages/people.py").run()
    assert any("als bestand bewaard in de map" in i.value for i in admin.info)


def test_outside_demo_mode_the_caption_about_the_outbox_is_not_shown(
    demo_url: str, outbox: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KERNBRIEF_PUBLIC_URL", "https://kernbrief.example")
    at = coach_page(COACH)
    at.text_input(key="reset_email").input(LOTTE)
    submit(at, "Herstellink mailen")
    assert at.success and not [c for c in at.caption if c.value.startswith("Demomodus:")]
    assert "https://kernbrief.example/auth/reset?code=" in outbox.only(LOTTE)[1]


# --- the route sends off the event loop ---------------------------------------------------


def test_the_code_is_mailed_from_the_worker_pool_not_the_event_loop(
    demo_url: str, outbox: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked in this process through Starlette's TestClient, with the same routes."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from web.auth import auth_routes

    monkeypatch.setenv("KERNBRIEF_PUBLIC_URL", "https://kernbrief.example")
    accounts = AccountStore(make_engine(demo_url))
    coach = accounts.principal_by_email(COACH)
    assert coach is not None
    trajectory = next(
        t.id for t in SqlProgrammeStore(accounts.engine).trajectories() if t.number == 3
    )
    code = accounts.invite(coach, trajectory, "Kortrijk")
    calls: list[tuple[str, bool]] = []
    real = account_mail.send

    def spy(message: core_mail.Mail) -> None:
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        calls.append((threading.current_thread().name, on_loop))
        real(message)

    monkeypatch.setattr(account_mail, "send", spy)
    with TestClient(Starlette(routes=auth_routes()), follow_redirects=False) as client:
        page = client.get(f"/auth/invite?code={code}").text
        asked = client.post(
            f"/auth/invite?code={code}",
            data={**form_fields(page), "email": NEWCOMER, "step": "code"},
        )
    assert "We hebben een code gestuurd" in text_of(asked.text)
    [(thread, on_loop)] = calls
    assert thread.startswith("kernbrief-password") and not on_loop
    assert outbox.only(NEWCOMER)


def test_asking_for_codes_is_limited_per_invitation(server: AppServer, outbox: Outbox) -> None:
    at = coach_page(COACH)
    invite(at, "Kortrijk")
    [link] = [c.value for c in at.code]
    with httpx2.Client(follow_redirects=False, timeout=30) as client:
        page = client.get(link).text
        for number in range(5):
            page = client.post(
                link,
                data={**form_fields(page), "email": f"an{number}@kortrijk.demo", "step": "code"},
            ).text
            assert "We hebben een code gestuurd" in text_of(page)
        sixth = client.post(link, data={**form_fields(page), "email": NEWCOMER, "step": "code"})
    assert "al te veel codes gevraagd" in text_of(sixth.text)
    assert len(outbox.messages()) == 5
    with make_engine(server.database_url).connect() as connection:
        assert connection.execute(select(func.count()).select_from(EmailCheckRow)).scalar_one() == 5
