"""The password rule on every path that sets one: invitation, reset, Mijn account, command line."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from briefs.access import Principal
from briefs.catalogue import CATALOGUE
from briefs.i18n import Translator
from core.passwords import MIN_LENGTH, password_problem
from core.settings import DEMO_PASSWORD
from manage import main as manage_main
from storage.accounts import AccountStore, LoginRefused
from storage.db import make_engine
from storage.repository import SqlProgrammeStore
from tests.apps import login_token
from tests.fixtures_web import accounts_on_copy, seed_template
from web.auth import auth_routes

LOTTE = "lotte.vandenberghe@avelgem.demo"
COACH = "jonas.wouters@begeleiding.demo"
NL, EN = Translator("nl"), Translator("en")
# Twelve characters or more, so the old rule (ten) took each of them.
COMMON = ("Welkom123456", "wachtwoord12", "password1234", "qwertyuiop12", "azerty123456")
GOOD = "trein fiets appel"


# --- the rule ----------------------------------------------------------------------------------
@pytest.mark.parametrize("password", COMMON)
def test_commonly_used_passwords_are_refused(password: str) -> None:
    assert password_problem(password) == "password_common"


@pytest.mark.parametrize(
    "password",
    [
        "Lotte-op-de-fiets",  # a part of the name
        "vandenberghe!2024",
        "lotte.vandenberghe1",  # the e-mail's local part
        "Avelgem-aan-de-Schelde",  # the municipality
        "L0tte-Vandenb3rghe",  # the name with digits for letters
    ],
)
def test_the_persons_own_name_email_or_municipality_is_refused(password: str) -> None:
    assert password_problem(password, "Lotte Vandenberghe", LOTTE, "Avelgem") == "password_personal"


def test_short_parts_of_a_name_do_not_refuse_good_passwords() -> None:
    # "An", "De" and "Ham" are in many good passwords; only parts of four letters or more count.
    assert password_problem("anders dan de hamster", "An De Ham", "an@ham.demo", "Ham") is None
    assert password_problem(GOOD, "Lotte Vandenberghe", LOTTE, "Avelgem") is None
    assert password_problem("x" * (MIN_LENGTH - 1)) == "password_short"


def test_the_messages_say_why_in_both_languages_with_the_length_the_rule_uses() -> None:
    for reason in ("password_short", "password_common", "password_personal"):
        dutch, english = CATALOGUE[f"auth.account_{reason}"]
        assert dutch and english and dutch != english
    for key in ("auth.account_password_short", "auth.new_password", "auth.password_rule"):
        assert all(str(MIN_LENGTH) in text for text in CATALOGUE[key]), key


# --- the routes: invitation and reset ----------------------------------------------------------
@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("passwords"))


@pytest.fixture
def accounts(seeded_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AccountStore:
    return accounts_on_copy(seeded_file, tmp_path, monkeypatch)


@pytest.fixture
def web(accounts: AccountStore) -> Iterator[TestClient]:
    with TestClient(Starlette(routes=auth_routes()), follow_redirects=False) as client:
        yield client


def send_password(web: TestClient, path: str, password: str, **fields: str) -> tuple[int, str]:
    page = web.get(path)
    csrf = re.search(r"name='csrf' value='([^']+)'", page.text)
    assert csrf, page.text
    data = {"csrf": csrf.group(1), "password": password, "password_again": password, **fields}
    answer = web.post(path, data=data)
    return answer.status_code, answer.text


def coach(accounts: AccountStore) -> Principal:
    found = accounts.principal_by_email(COACH)
    assert found is not None
    return found


def test_an_invitation_refuses_a_common_or_personal_password_and_says_why(
    web: TestClient, accounts: AccountStore
) -> None:
    programme = SqlProgrammeStore(accounts.engine)
    trajectory = next(t.id for t in programme.trajectories() if t.number == 3)
    code = accounts.invite(coach(accounts), trajectory, "Kortrijk", "an.declercq@kortrijk.demo")
    path = f"/auth/invite?code={code}"
    name = {"name": "An Declercq"}
    status, page = send_password(web, path, "Welkom123456", **name)
    assert status == 200 and html.escape(NL("auth.account_password_common")) in page
    assert "Welkom123456" not in page
    status, page = send_password(web, path, "Kortrijk-aan-de-Leie", **name)
    assert status == 200 and html.escape(NL("auth.account_password_personal")) in page
    status, page = send_password(web, f"{path}&taal=en", "declercq-2024!", **name)
    assert html.escape(EN("auth.account_password_personal")) in page
    assert html.escape(EN("auth.password_rule")) in page  # the rule is told before, too
    assert accounts.principal_by_email("an.declercq@kortrijk.demo") is None
    status, _page = send_password(web, path, GOOD, **name)
    assert status == 303
    assert accounts.authenticate("an.declercq@kortrijk.demo", GOOD, "t").name == "An Declercq"


def test_a_reset_refuses_a_common_or_personal_password_and_keeps_the_old_one(
    web: TestClient, accounts: AccountStore
) -> None:
    code = accounts.request_reset(coach(accounts), LOTTE)
    path = f"/auth/reset?code={code}"
    status, page = send_password(web, path, "wachtwoord12")
    assert status == 200 and html.escape(NL("auth.account_password_common")) in page
    status, page = send_password(web, path, "Avelgem2024!!")
    assert status == 200 and html.escape(NL("auth.account_password_personal")) in page
    assert "Avelgem2024!!" not in page
    assert accounts.authenticate(LOTTE, DEMO_PASSWORD, "t").email == LOTTE
    status, _page = send_password(web, path, GOOD)
    assert status == 303
    assert accounts.authenticate(LOTTE, GOOD, "t").email == LOTTE


# --- Mijn account ------------------------------------------------------------------------------
def change_on_account_page(new: str, language: str = "nl") -> AppTest:
    at = AppTest.from_file("../pages/account.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(LOTTE)
    at.query_params["taal"] = language
    at.run()
    at.text_input(key="pw_current").input(DEMO_PASSWORD)
    at.text_input(key="pw_new").input(new)
    at.text_input(key="pw_again").input(new)
    at.button[0].click()
    return at.run()


def test_mijn_account_refuses_a_common_or_personal_password_and_says_why(
    demo_url: str,
) -> None:
    accounts = AccountStore(make_engine(demo_url))
    at = change_on_account_page("password1234")
    assert [e.value for e in at.error] == [NL("auth.account_password_common")]
    at = change_on_account_page("Lotte-op-de-fiets", "en")
    assert [e.value for e in at.error] == [EN("auth.account_password_personal")]
    assert accounts.authenticate(LOTTE, DEMO_PASSWORD, "t").email == LOTTE
    with pytest.raises(LoginRefused):
        accounts.authenticate(LOTTE, "Lotte-op-de-fiets", "t")
    at = change_on_account_page(GOOD)
    assert not at.error and [s.value for s in at.success] == [NL("account.password_changed")]
    assert accounts.authenticate(LOTTE, GOOD, "t").email == LOTTE


# --- the command line --------------------------------------------------------------------------
def create_user(monkeypatch: pytest.MonkeyPatch, email: str, password: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    arguments = ["create-user", email, "--naam", "Mira Janssens", "--rol", "coach"]
    return manage_main([*arguments, "--wachtwoord-uit-stdin"])


def test_the_command_line_refuses_a_common_or_personal_password_and_says_why(
    demo_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    accounts = AccountStore(make_engine(demo_url))
    assert create_user(monkeypatch, "mira@diest.demo", "iloveyou1234") == 1
    error = capsys.readouterr().err
    assert NL("auth.account_password_common") in error
    assert EN("auth.account_password_common") in error and "iloveyou1234" not in error
    assert create_user(monkeypatch, "mira@diest.demo", "janssens-coach-2024") == 1
    assert NL("auth.account_password_personal") in capsys.readouterr().err
    assert accounts.principal_by_email("mira@diest.demo") is None
    assert create_user(monkeypatch, "mira@diest.demo", GOOD) == 0
    assert accounts.authenticate("mira@diest.demo", GOOD, "cli").name == "Mira Janssens"
