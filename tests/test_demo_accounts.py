"""Demo accounts have a public password: outside demo mode nobody signs in with one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from starlette.applications import Starlette
from starlette.testclient import TestClient

from briefs.i18n import Translator
from core.security import LOGIN_COOKIE
from core.settings import DEMO_PASSWORD
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.logins import LoginRefused
from storage.migrate import migrate_to, upgrade
from storage.repository import SqlProgrammeStore
from storage.seed import seed_demo
from tests.conftest import run_manage
from web.auth import auth_routes

LOTTE = "lotte.vandenberghe@avelgem.demo"
ADMIN = "els.maes@programma.demo"
NL = Translator("nl")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database seeded as `manage.py seed-demo` does, with real demo accounts."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed_demo(engine, date(2024, 3, 1))
    engine.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    copy = tmp_path / "demo.db"
    copy.write_bytes(demo_file.read_bytes())
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def client(demo_db: str) -> Iterator[TestClient]:
    with TestClient(Starlette(routes=auth_routes()), follow_redirects=False) as test_client:
        yield test_client


def log_in(client: TestClient, email: str) -> tuple[int, str, bool]:
    page = client.get("/auth/login").text
    csrf = page.split("name='csrf' value='", 1)[1].split("'", 1)[0]
    answer = client.post(
        "/auth/login", data={"csrf": csrf, "email": email, "password": DEMO_PASSWORD}
    )
    cookies = answer.headers.get_list("set-cookie")
    return answer.status_code, answer.text, any(c.startswith(f"{LOGIN_COOKIE}=") for c in cookies)


def test_outside_demo_mode_no_demo_person_signs_in_not_even_the_admin(
    client: TestClient, demo_db: str
) -> None:
    for email in (LOTTE, ADMIN):
        status, page, got_login = log_in(client, email)
        assert status == 200 and not got_login, email
        assert NL("auth.refused").split("'")[0] in page
    accounts = AccountStore(make_engine(demo_db))
    assert accounts.principal_by_email(ADMIN) is None
    with make_engine(demo_db).connect() as connection:
        actions = connection.execute(text("SELECT action FROM audit_log")).scalars().all()
    assert actions.count("login_refused_account") == 2 and "login" not in actions


def test_in_demo_mode_the_demo_people_sign_in(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KERNBRIEF_DEMO", "1")
    status, _page, got_login = log_in(client, LOTTE)
    assert status == 303 and got_login


def test_a_login_made_in_demo_mode_ends_when_the_demo_does(
    demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts = AccountStore(make_engine(demo_db))
    monkeypatch.setenv("KERNBRIEF_DEMO", "1")
    lotte = accounts.authenticate(LOTTE, DEMO_PASSWORD, "127.0.0.1")
    token = accounts.start_login_session(lotte.person_id)
    assert accounts.resolve_login_session(token, timedelta(hours=1)) is not None
    monkeypatch.delenv("KERNBRIEF_DEMO")
    assert accounts.resolve_login_session(token, timedelta(hours=1)) is None
    with pytest.raises(LoginRefused):
        accounts.authenticate(LOTTE, DEMO_PASSWORD, "127.0.0.2")


def test_the_commands_load_the_demo_only_in_demo_mode(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'prod.db'}"
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url, "KERNBRIEF_SECRET_KEY": "k" * 40}
    for arguments in (("seed-demo",), ("init-db", "--demo-if-empty")):
        done = run_manage(*arguments, env=env)
        assert done.returncode == 2, done.stderr
        assert "alleen geladen in demomodus (KERNBRIEF_DEMO=1)" in done.stderr
    assert SqlProgrammeStore(make_engine(url)).is_empty()
    done = run_manage("init-db", "--demo-if-empty", env={**env, "KERNBRIEF_DEMO": "1"})
    assert done.returncode == 0, done.stderr
    assert not SqlProgrammeStore(make_engine(url)).is_empty()


def test_a_database_seeded_before_the_flag_marks_its_demo_people(engine: Engine) -> None:
    migrate_to(engine, "0006_english_enum_values", down=True)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO people (email, name, role, municipality, active) VALUES"
                " ('lotte@avelgem.demo', 'Lotte', 'participant', 'Avelgem', true),"
                " ('an@avelgem.be', 'An', 'participant', 'Avelgem', true)"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT email, demo FROM people")).all()
    flags = {str(row[0]): bool(row[1]) for row in rows}
    assert flags == {
        "lotte@avelgem.demo": True,
        "an@avelgem.be": False,
    }
