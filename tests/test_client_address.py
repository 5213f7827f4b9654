"""Whose address a login is counted under: the peer, or a trusted proxy's forwarded client."""

from __future__ import annotations

import html
import http.client
import re
from collections.abc import Iterator
from ipaddress import ip_network
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from starlette.applications import Starlette
from starlette.testclient import TestClient

from briefs.access import Principal
from briefs.i18n import Translator
from core.clients import client_address, parse_networks
from core.settings import DEMO_PASSWORD, ConfigurationError, settings
from storage.accounts import LOCK_AFTER, AccountStore
from storage.db import make_engine
from tests.browser import log_in as browser_log_in
from tests.fixtures_web import accounts_on_copy, seed_template
from web.auth import auth_routes

LOTTE = "lotte.vandenberghe@avelgem.demo"
ADMIN = "els.maes@programma.demo"
PROXY = ("10.0.0.5", 40000)
NL = Translator("nl")
TRUSTED = (ip_network("10.0.0.0/24"), ip_network("2001:db8::/32"))


# --- the rule itself ---------------------------------------------------------------------------
def test_without_trusted_proxies_the_header_is_never_read() -> None:
    assert client_address("203.0.113.9", ["198.51.100.7"], ()) == "203.0.113.9"
    assert client_address("10.0.0.5", ["198.51.100.7"], ()) == "10.0.0.5"


def test_the_header_counts_only_when_the_peer_is_a_trusted_proxy() -> None:
    assert client_address("203.0.113.9", ["198.51.100.7"], TRUSTED) == "203.0.113.9"
    assert client_address("10.0.0.5", ["198.51.100.7"], TRUSTED) == "198.51.100.7"


def test_the_right_most_untrusted_hop_is_the_client_whatever_was_written_before_it() -> None:
    # The client wrote "1.2.3.4" itself; our proxy appended the address it saw.
    assert client_address("10.0.0.5", ["1.2.3.4, 198.51.100.7"], TRUSTED) == "198.51.100.7"
    # Two proxies of ours in a row, and the header split over two lines.
    assert client_address("10.0.0.5", ["1.2.3.4", "198.51.100.7, 10.0.0.9"], TRUSTED) == (
        "198.51.100.7"
    )
    # A hop that is no address stops the walk at the last address a proxy vouched for.
    assert client_address("10.0.0.5", ["evil, 10.0.0.9"], TRUSTED) == "10.0.0.9"
    # Only proxies: the left-most is the best we know.
    assert client_address("10.0.0.5", ["10.0.0.7"], TRUSTED) == "10.0.0.7"
    assert client_address("10.0.0.5", [], TRUSTED) == "10.0.0.5"


def test_ports_brackets_and_mapped_addresses_are_read_as_proxies_write_them() -> None:
    assert client_address("::ffff:10.0.0.5", ["198.51.100.7:5555"], TRUSTED) == "198.51.100.7"
    assert client_address("2001:db8::1", ["[2001:db9::2]:443"], TRUSTED) == "2001:db9::2"
    assert client_address(None, ["198.51.100.7"], TRUSTED) == "unknown"
    assert client_address("testclient", ["198.51.100.7"], TRUSTED) == "testclient"


def test_the_setting_is_read_and_a_typo_stops_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings().trusted_proxies == ()
    monkeypatch.setenv("KERNBRIEF_TRUSTED_PROXIES", "10.0.0.5, 192.168.10.0/24")
    assert settings().trusted_proxies == parse_networks("10.0.0.5/32,192.168.10.0/24")
    monkeypatch.setenv("KERNBRIEF_TRUSTED_PROXIES", "10.0.0.5,proxy.lan")
    with pytest.raises(ConfigurationError, match="KERNBRIEF_TRUSTED_PROXIES"):
        settings()


# --- the login route ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("clients"))


@pytest.fixture
def accounts(seeded_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AccountStore:
    return accounts_on_copy(seeded_file, tmp_path, monkeypatch)


@pytest.fixture
def behind_proxy(accounts: AccountStore) -> Iterator[TestClient]:
    """The login routes as reached through a proxy at 10.0.0.5."""
    with TestClient(Starlette(routes=auth_routes()), follow_redirects=False, client=PROXY) as web:
        yield web


def admin(accounts: AccountStore) -> Principal:
    found = accounts.principal_by_email(ADMIN)
    assert found is not None
    return found


def log_in(web: TestClient, forwarded: str, password: str) -> int:
    page = web.get("/auth/login")
    csrf = re.search(r"name='csrf' value='([^']+)'", page.text)
    assert csrf
    fields = {"csrf": csrf.group(1), "email": LOTTE, "password": password}
    answer = web.post("/auth/login", data=fields, headers={"X-Forwarded-For": forwarded})
    if answer.status_code == 200:
        assert html.escape(NL("auth.refused")) in answer.text
    return answer.status_code


def test_the_forwarded_header_is_ignored_unless_the_proxy_is_trusted(
    behind_proxy: TestClient, accounts: AccountStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert log_in(behind_proxy, "198.51.100.7", "niet het wachtwoord") == 200
    assert accounts.audit_log(admin(accounts))[0].client == "10.0.0.5"
    monkeypatch.setenv("KERNBRIEF_TRUSTED_PROXIES", "10.0.1.0/24")  # another proxy
    assert log_in(behind_proxy, "198.51.100.7", "niet het wachtwoord") == 200
    assert accounts.audit_log(admin(accounts))[0].client == "10.0.0.5"
    monkeypatch.setenv("KERNBRIEF_TRUSTED_PROXIES", "10.0.0.5")
    assert log_in(behind_proxy, "1.2.3.4, 198.51.100.7", "niet het wachtwoord") == 200
    assert accounts.audit_log(admin(accounts))[0].client == "198.51.100.7"


def test_behind_a_trusted_proxy_two_forwarded_clients_are_counted_apart(
    behind_proxy: TestClient, accounts: AccountStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KERNBRIEF_TRUSTED_PROXIES", "10.0.0.0/24")
    for _ in range(LOCK_AFTER):
        assert log_in(behind_proxy, "198.51.100.7", "niet het wachtwoord") == 200
    # The client that failed is locked out of this account, with the usual answer ...
    assert log_in(behind_proxy, "198.51.100.7", DEMO_PASSWORD) == 200
    # ... and another client behind the same proxy logs in with the right password.
    assert log_in(behind_proxy, "198.51.100.8", DEMO_PASSWORD) == 303
    entries = accounts.audit_log(admin(accounts))
    assert (entries[0].action, entries[0].client) == ("login", "198.51.100.8")
    assert (entries[1].action, entries[1].client) == ("login_refused_locked", "198.51.100.7")


def test_the_real_server_ignores_a_forwarded_header_from_a_direct_client(
    app_server: str, demo_url: str
) -> None:
    """uvicorn believes X-Forwarded-For from loopback by default; the app must not."""
    host, port = app_server.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/auth/login")
    page = connection.getresponse()
    cookie = page.getheader("set-cookie", "").split(";")[0]
    csrf = re.search(r"name='csrf' value='([^']+)'", page.read().decode())
    assert csrf and cookie
    body = f"csrf={csrf.group(1)}&email={LOTTE}&password=niet+het+wachtwoord"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "X-Forwarded-For": "198.51.100.7",
    }
    connection.request("POST", "/auth/login", body=body, headers=headers)
    answer = connection.getresponse()
    assert answer.status == 200 and html.escape(NL("auth.refused")) in answer.read().decode()
    connection.close()
    accounts = AccountStore(make_engine(demo_url))
    entry = accounts.audit_log(admin(accounts))[0]
    assert (entry.action, entry.client) == ("login_failed", "127.0.0.1")


# --- the Streamlit pages: the same rule, from the websocket's opening request ------------------
class FakeHeaders(dict[str, str]):
    def get_all(self, name: str) -> list[str]:
        return [value for key, value in self.items() if key.lower() == name]


class FakeContext:
    def __init__(self, peer: str | None, headers: dict[str, str]):
        self.ip_address = peer
        self.headers = FakeHeaders(headers)


def streamlit_client(
    monkeypatch: pytest.MonkeyPatch, peer: str | None, headers: dict[str, str]
) -> str:
    from components import state

    monkeypatch.setattr(state.st, "context", FakeContext(peer, headers))
    return state.client_address()


def test_the_streamlit_pages_read_the_client_by_the_same_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    forwarded = {"host": "kernbrief.example.be", "x-forwarded-for": "198.51.100.7"}
    assert streamlit_client(monkeypatch, "10.0.0.5", forwarded) == "10.0.0.5"
    assert streamlit_client(monkeypatch, None, forwarded) == "127.0.0.1"  # Streamlit's loopback
    assert streamlit_client(monkeypatch, None, {}) == "unknown"  # no browser behind the run
    monkeypatch.setenv("KERNBRIEF_TRUSTED_PROXIES", "10.0.0.5,127.0.0.1")
    assert streamlit_client(monkeypatch, "10.0.0.5", forwarded) == "198.51.100.7"
    assert streamlit_client(monkeypatch, None, forwarded) == "198.51.100.7"
    assert streamlit_client(monkeypatch, "203.0.113.9", forwarded) == "203.0.113.9"


def test_a_password_change_on_the_account_page_is_logged_with_the_client(
    app_server: str, demo_url: str, new_page: Any
) -> None:
    page = new_page()
    browser_log_in(page, app_server)
    page.goto(f"{app_server}/account")
    page.get_by_label("Huidig wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_label(NL("auth.new_password")).fill("trein fiets appel")
    page.get_by_label(NL("auth.password_again")).fill("trein fiets appel")
    page.get_by_role("button", name=NL("auth.save_password")).click()
    expect(page.get_by_text(NL("account.password_changed"))).to_be_visible(timeout=30_000)
    accounts = AccountStore(make_engine(demo_url))
    entries = {entry.action: entry.client for entry in accounts.audit_log(admin(accounts))[:2]}
    assert entries == {"password_changed": "127.0.0.1", "other_logins_ended": "127.0.0.1"}
