"""Single sign-on round trips through st.login in Chromium, against a real OpenID provider.

The provider is oidc-provider-mock, started by the test on a loopback port: it serves
discovery, keys, a login form where the test types the subject, tokens and an end-session
page. Its users' claims (e-mail, email_verified, name) are set over its HTTP API first.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import Engine, select

from briefs.access import Role
from services.single_sign_on import link_identity
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.tables import AuditRow, AuthSessionRow, SsoIdentityRow
from tests.browser import LOTTE, AppServer, Stored
from tests.conftest import missing
from tests.test_typing import wait_for

WELCOME = "Welkom bij Kernbrief"
NOT_LINKED = "is nog niet gekoppeld aan een account in Kernbrief"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """A real OpenID Connect provider on a free loopback port; yields its issuer."""
    try:
        from oidc_provider_mock import run_server_in_thread
    except ImportError:
        missing("oidc-provider-mock (requirements-dev.txt)")
    try:
        import authlib  # noqa: F401  (st.login needs it in the app server)
    except ImportError:
        missing("Authlib (requirements.txt)")
    with run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


def set_claims(issuer: str, subject: str, **claims: Any) -> None:
    """Give the provider's user ``subject`` these claims for its next sign-in."""
    request = urllib.request.Request(
        f"{issuer}/users/{subject}",
        data=json.dumps(claims).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status in (200, 204)


@pytest.fixture
def sso_server(demo_url: str, provider: str, tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    """The app, with Streamlit's [auth] pointing at the provider; yields its address."""
    server = AppServer(demo_url, tmp_path / "streamlit.log")
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{server.port}/oauth2callback"\n'
        f'cookie_secret = "{"c" * 40}"\n'
        'client_id = "kernbrief"\n'
        'client_secret = "geheim"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    server.env["STREAMLIT_SECRETS_FILES"] = str(secrets)
    engine = make_engine(demo_url)
    try:
        yield server.start(), engine
    finally:
        server.stop()
        engine.dispose()


def sign_on(page: Page, base: str, subject: str) -> None:
    """Click the app's single-sign-on button and sign in at the provider as ``subject``."""
    # The provider's page asks a CDN for its style sheet; there is no internet here.
    page.context.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
    page.goto(base)
    page.get_by_role("button", name="Aanmelden met je organisatieaccount").click()
    page.get_by_placeholder("sub").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/**", timeout=30_000)


def links(engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as connection:
        rows = connection.execute(select(SsoIdentityRow.person_id, SsoIdentityRow.subject)).all()
    return [(row.person_id, row.subject) for row in rows]


def actions(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(select(AuditRow.action).order_by(AuditRow.id)).scalars())


def test_a_linked_identity_lands_in_its_brief_even_after_its_email_changed(
    sso_server: tuple[str, Engine], provider: str, new_page: Any
) -> None:
    base, engine = sso_server
    link_identity(engine, LOTTE, provider, "lotte-1")
    set_claims(provider, "lotte-1", email="lotte@nieuw.example", email_verified=False)
    page = new_page()
    sign_on(page, base, "lotte-1")
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    expect(page.get_by_text("Aangemeld als Lotte Vandenberghe (Avelgem)")).to_be_visible()
    assert actions(engine)[-1] == "sso_login"
    # Its saves go through the login session the sign-on started.
    page.goto(f"{base}/uitdaging")
    field = page.get_by_role("textbox", name="Probleemstelling")
    expect(field).to_be_visible(timeout=30_000)
    field.fill("Getypt na single sign-on")
    page.get_by_role("heading", name="Kerncijfers").click()
    # The other parts say "Bewaard om" already: wait for what is stored, not for the words.
    stored = Stored(engine.url.render_as_string(hide_password=False))
    wait_for(lambda: stored.value("challenge.problem") == "Getypt na single sign-on")
    stored.dispose()


def test_an_unknown_identity_sees_the_message_and_nothing_else(
    sso_server: tuple[str, Engine], provider: str, new_page: Any
) -> None:
    base, engine = sso_server
    set_claims(provider, "vreemd-1", email="vreemd@elders.example", email_verified=True)
    page = new_page()
    sign_on(page, base, "vreemd-1")
    expect(page.get_by_text(NOT_LINKED)).to_be_visible(timeout=30_000)
    expect(page.get_by_text("vreemd@elders.example", exact=False)).to_be_visible()
    expect(page.locator("[data-testid='stSidebarNav']")).to_have_count(0)
    expect(page.get_by_role("table")).to_have_count(0)
    page.goto(f"{base}/uitdaging")
    expect(page.get_by_text(NOT_LINKED)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("textbox", name="Probleemstelling")).to_have_count(0)
    assert links(engine) == [] and actions(engine)[-1] == "sso_refused"


def test_a_matching_address_the_provider_does_not_vouch_for_is_not_linked(
    sso_server: tuple[str, Engine], provider: str, new_page: Any
) -> None:
    base, engine = sso_server
    AccountStore(engine).create_user(
        "An Peeters", "an.peeters@gent.be", Role.COACH, email_verified=True
    )
    set_claims(provider, "an-1", email="an.peeters@gent.be", email_verified=False)
    page = new_page()
    sign_on(page, base, "an-1")
    expect(page.get_by_text(NOT_LINKED)).to_be_visible(timeout=30_000)
    assert links(engine) == []
    # Vouched for, the same address links the identity to the account.
    set_claims(provider, "an-1", email="an.peeters@gent.be", email_verified=True)
    page = new_page()
    sign_on(page, base, "an-1")
    expect(page.get_by_text("Aangemeld als An Peeters (begeleider)")).to_be_visible(timeout=30_000)
    assert [subject for _person, subject in links(engine)] == ["an-1"]


def test_logout_ends_the_sign_in_in_every_tab_and_asks_for_a_new_one(
    sso_server: tuple[str, Engine], provider: str, new_page: Any
) -> None:
    base, engine = sso_server
    link_identity(engine, LOTTE, provider, "lotte-1")
    set_claims(provider, "lotte-1", email=LOTTE, email_verified=True)
    page = new_page()
    sign_on(page, base, "lotte-1")
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    second = page.context.new_page()
    second.goto(f"{base}/uitdaging")
    expect(second.get_by_role("textbox", name="Probleemstelling")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Afmelden").click()
    # Streamlit sends the browser to the provider's end-session page, which asks first.
    page.get_by_role("button", name="End session").click()
    expect(page.locator("h1").first).to_have_text(WELCOME, timeout=30_000)
    assert "_streamlit_user" not in {cookie["name"] for cookie in page.context.cookies()}
    with engine.connect() as connection:
        assert connection.execute(select(AuthSessionRow)).first() is None
    assert actions(engine)[-2:] == ["sso_login", "sso_logout"]
    # The other tab is logged out at its next step, and says how to come back.
    second.get_by_role("link", name="Mijn designbrief").first.click()
    expect(second.get_by_text("Je bent afgemeld")).to_be_visible(timeout=30_000)
    expect(second.get_by_role("textbox", name="Probleemstelling")).to_have_count(0)
    # Opening a page again asks to sign in.
    page.goto(f"{base}/uitdaging")
    expect(page.locator("h1").first).to_have_text(WELCOME, timeout=30_000)
    expect(page.get_by_role("button", name="Aanmelden met je organisatieaccount")).to_be_visible()
