"""The SMTP backend against a real SMTP server (aiosmtpd) started here: plain through the real
app server, STARTTLS with a login, and TLS from the first byte."""

from __future__ import annotations

import email
import email.policy
import re
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from core.mail import Mail, MailFailed, send
from core.settings import mail_settings
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import SqlProgrammeStore
from tests.browser import AppServer
from tests.postgres import free_port

NEWCOMER = "an@kortrijk.demo"
SENDER = "noreply@kernbrief.example"
USER, PASSWORD = "kernbrief", "een geheim smtp-wachtwoord"


class Inbox:
    """What the SMTP server accepted, and which logins it saw."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.logins: list[tuple[bytes, bool]] = []

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def authenticate(
        self, _server: Any, _session: Any, _envelope: Any, _mechanism: str, data: Any
    ) -> AuthResult:
        right = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            PASSWORD.encode(),
        )
        self.logins.append((data.login if isinstance(data, LoginPassword) else b"", right))
        return AuthResult(success=right, handled=False)

    def message(self) -> email.message.EmailMessage:
        [envelope] = self.envelopes
        content = envelope.original_content or b""
        return email.message_from_bytes(content, policy=email.policy.default)


@contextmanager
def smtp_server(**options: Any) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    if options.pop("login", False):
        options.update(authenticator=inbox.authenticate, auth_required=True)
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and its key, made with openssl."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return context


def use_smtp(monkeypatch: pytest.MonkeyPatch, port: int, security: str, login: bool) -> None:
    monkeypatch.setenv("KERNBRIEF_SMTP_HOST", "localhost")
    monkeypatch.setenv("KERNBRIEF_SMTP_PORT", str(port))
    monkeypatch.setenv("KERNBRIEF_SMTP_SECURITY", security)
    monkeypatch.setenv("KERNBRIEF_MAIL_FROM", f"Kernbrief <{SENDER}>")
    monkeypatch.setenv("KERNBRIEF_PUBLIC_URL", "https://kernbrief.example")
    if login:
        monkeypatch.setenv("KERNBRIEF_SMTP_USER", USER)
        monkeypatch.setenv("KERNBRIEF_SMTP_PASSWORD", PASSWORD)


def test_an_invitees_code_reaches_a_real_smtp_server_from_the_real_app(
    demo_url: str, tmp_path: Path
) -> None:
    accounts = AccountStore(make_engine(demo_url))
    coach = accounts.principal_by_email("jonas.wouters@begeleiding.demo")
    assert coach is not None
    programme = SqlProgrammeStore(accounts.engine)
    trajectory = next(t.id for t in programme.trajectories() if t.number == 3)
    invitation = accounts.invite(coach, trajectory, "Kortrijk")
    with smtp_server() as (inbox, port):
        app = AppServer(demo_url, tmp_path / "streamlit.log")
        app.env.update(
            KERNBRIEF_SMTP_HOST="127.0.0.1",
            KERNBRIEF_SMTP_PORT=str(port),
            # A relay on the same machine, without TLS or login, as many servers have.
            KERNBRIEF_SMTP_SECURITY="none",
            KERNBRIEF_MAIL_FROM=f"Kernbrief <{SENDER}>",
            KERNBRIEF_PUBLIC_URL=app.base,
        )
        base = app.start()
        try:
            link = f"{base}/auth/invite?code={invitation}"
            with httpx2.Client(follow_redirects=False, timeout=30) as client:
                page = client.get(link).text
                csrf = re.search(r"name='csrf' value='([^']+)'", page)
                assert csrf
                asked = client.post(
                    link, data={"csrf": csrf.group(1), "email": NEWCOMER, "step": "code"}
                )
                assert "We hebben een code gestuurd" in asked.text
                [envelope] = inbox.envelopes
                assert (envelope.mail_from, envelope.rcpt_tos) == (SENDER, [NEWCOMER])
                message = inbox.message()
                assert message["From"] == f"Kernbrief <{SENDER}>"
                assert (
                    message["Subject"] == "Je code om je e-mailadres te bevestigen voor Kernbrief"
                )
                body = message.get_body(("plain",))
                assert body is not None
                code = re.search(r"^(\d{4} \d{4})\r?$", body.get_content(), re.MULTILINE)
                assert code
                csrf = re.search(r"name='csrf' value='([^']+)'", asked.text)
                assert csrf
                created = client.post(
                    link,
                    data={
                        "csrf": csrf.group(1),
                        "step": "account",
                        "email": NEWCOMER,
                        "email_code": code.group(1),
                        "name": "An Kortrijk",
                        "password": "lang genoeg ww",
                        "password_again": "lang genoeg ww",
                    },
                )
                assert created.status_code == 303
        finally:
            app.stop()
    invitee = accounts.principal_by_email(NEWCOMER)
    assert invitee is not None and invitee.municipality == "Kortrijk"


def test_starttls_with_a_login_delivers_and_checks_the_servers_certificate(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = Mail(NEWCOMER, "Onderwerp met é", "Dag An,\n\nEen bericht.\n")
    with smtp_server(
        tls_context=server_context(certificate), require_starttls=True, login=True
    ) as (inbox, port):
        use_smtp(monkeypatch, port, "starttls", login=True)
        assert PASSWORD not in repr(mail_settings())
        # A certificate nobody vouches for: refused before the password is sent.
        with pytest.raises(MailFailed):
            send(mail)
        assert inbox.logins == [] and inbox.envelopes == []
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
        send(mail)
        assert inbox.logins == [(USER.encode(), True)]
        message = inbox.message()
        assert (message["To"], message["Subject"]) == (NEWCOMER, "Onderwerp met é")
        assert message["Auto-Submitted"] == "auto-generated"
        body = message.get_body(("plain",))
        assert body is not None
        assert body.get_content().replace("\r\n", "\n") == "Dag An,\n\nEen bericht.\n"
        # A wrong password: the server refuses, the app says the mail did not go.
        monkeypatch.setenv("KERNBRIEF_SMTP_PASSWORD", "fout")
        with pytest.raises(MailFailed):
            send(mail)
        assert len(inbox.envelopes) == 1


# aiosmtpd counts only STARTTLS as TLS before AUTH; here the connection is TLS from the
# start, so its check (and the warning that it is off) does not apply.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_tls_from_the_first_byte_delivers(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    tls = server_context(certificate)
    with smtp_server(ssl_context=tls, login=True, auth_require_tls=False) as (inbox, port):
        use_smtp(monkeypatch, port, "ssl", login=True)
        send(Mail(NEWCOMER, "Over TLS", "Inhoud"))
        assert inbox.logins == [(USER.encode(), True)]
        assert inbox.message()["Subject"] == "Over TLS"


def test_a_login_without_tls_is_refused_before_anything_is_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_smtp(monkeypatch, 2525, "none", login=True)
    assert mail_settings().problem == "smtp_password_in_clear"
    monkeypatch.setenv("KERNBRIEF_SMTP_SECURITY", "starttls")
    monkeypatch.delenv("KERNBRIEF_MAIL_FROM")
    assert mail_settings().problem == "mail_from_missing"


def test_a_reset_whose_mail_cannot_go_leaves_no_working_link(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    from storage.tables import OneTimeCodeRow
    from tests.apps import app_as

    use_smtp(monkeypatch, free_port(), "none", login=False)  # nothing listens there
    at = app_as("jonas.wouters@begeleiding.demo", coach_tab="Deelnemers")
    at.text_input(key="reset_email").input("lotte.vandenberghe@avelgem.demo")
    next(b for b in at.button if b.label == "Herstellink mailen").click().run()
    assert [e.value for e in at.error] == [
        "De e-mail kon niet worden verstuurd; de link werkt niet. Probeer het later opnieuw "
        "of vraag de beheerder de e-mailinstellingen na te kijken."
    ]
    assert not at.success and "/auth/reset" not in str(at.main)
    with make_engine(demo_url).connect() as connection:
        [row] = connection.execute(
            select(OneTimeCodeRow).where(OneTimeCodeRow.purpose == "reset")
        ).all()
    assert row.used_at is not None  # withdrawn: nobody has its link anyway
    accounts = AccountStore(make_engine(demo_url))
    admin = accounts.principal_by_email("els.maes@programma.demo")
    assert admin is not None
    assert accounts.audit_log(admin)[0].action == "mail_failed"
