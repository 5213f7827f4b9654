"""Shared fixtures: a real SQLite file, a real PostgreSQL server, and a seeded demo database."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from briefs.access import Principal
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from tests.postgres import PostgresMissing, PostgresServer, running_postgres

IN_CI = os.environ.get("CI", "").lower() == "true"
# Loads the demo into a database, as seed_demo does; the ``seed`` fixture is one.
Seed = Callable[[Engine, date], dict[str, int]]
TEST_SECRET_KEY = "test-only-key-" + "x" * 40


@pytest.fixture(autouse=True)
def signing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cookie-signing key as production would have, outside demo mode."""
    monkeypatch.setenv("KERNBRIEF_SECRET_KEY", TEST_SECRET_KEY)
    monkeypatch.delenv("KERNBRIEF_DEMO", raising=False)


PROJECT_ROOT = Path(__file__).resolve().parent.parent


def missing(what: str) -> None:
    """Fail in CI, skip on a developer machine: CI must never pass by skipping."""
    if IN_CI:
        pytest.fail(f"{what} is required in CI (CI=true) but is not available")
    pytest.skip(f"{what} is not available")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole test run."""
    try:
        with running_postgres() as server:
            yield server
    except PostgresMissing:
        missing("PostgreSQL (initdb, pg_ctl)")


class Templates:
    """Databases built once per test run and copied for each test.

    Migrating costs a few hundred milliseconds and seeding the demo seconds (Argon2 hashes
    every demo password), so every test would pay that again; a copy of a SQLite file or
    ``CREATE DATABASE … TEMPLATE`` on PostgreSQL costs a fraction of it.
    """

    def __init__(self, root: Path, request: pytest.FixtureRequest) -> None:
        self.root = root
        self._request = request
        self._built: dict[tuple[str, str], tuple[str, Any]] = {}

    def server(self) -> PostgresServer:
        server: PostgresServer = self._request.getfixturevalue("postgres_server")
        return server

    def _admin(self) -> Engine:
        url = self.server().url("postgres")
        return make_engine(url).execution_options(isolation_level="AUTOCOMMIT")

    def _template(self, dialect: str, name: str, build: Callable[[Engine], Any] | None) -> str:
        """Return where the template ``name`` lives, building it on first use."""
        key = (dialect, name)
        if key not in self._built:
            slug = re.sub(r"[^a-z0-9]+", "_", name.lower())
            if dialect == "sqlite":
                location = str(self.root / f"{slug}.db")
                engine = make_engine(f"sqlite:///{location}")
            else:
                location = f"template_{slug}"
                admin = self._admin()
                with admin.connect() as connection:
                    # Left behind when an earlier build failed half-way.
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{location}"'))
                    connection.execute(text(f'CREATE DATABASE "{location}"'))
                admin.dispose()
                engine = make_engine(self.server().url(location))
            upgrade(engine)
            result = build(engine) if build is not None else None
            if dialect == "sqlite":
                # Everything in the main file: the template is then one file, without a -wal.
                with engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()
            self._built[key] = (location, result)
        return self._built[key][0]

    def restore(
        self, engine: Engine, name: str, build: Callable[[Engine], Any] | None = None
    ) -> Any:
        """Make the database of ``engine`` a copy of template ``name``; return what build gave.

        The template is a migrated database on which ``build`` ran once; whatever the target
        held is replaced. The engine's pooled connections are closed first.
        """
        dialect = "sqlite" if engine.dialect.name == "sqlite" else "postgresql"
        location = self._template(dialect, name, build)
        engine.dispose()
        database = engine.url.database
        assert database
        if dialect == "sqlite":
            with (
                closing(sqlite3.connect(location)) as source,
                closing(sqlite3.connect(database)) as target,
            ):
                source.backup(target)
        else:
            admin = self._admin()
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
                connection.execute(text(f'CREATE DATABASE "{database}" TEMPLATE "{location}"'))
            admin.dispose()
        return self._built[(dialect, name)][1]


@pytest.fixture(scope="session")
def templates(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"), request)


def _demo_name(today: date) -> str:
    return f"demo {today.isoformat()}"


@pytest.fixture
def seed(templates: Templates) -> Seed:
    """Load the demo as ``seed_demo(engine, today)`` does, copied from a database seeded once.

    Replaces what the database held, as seed_demo does; returns the demo brief id per
    municipality.
    """

    def seeded(engine: Engine, today: date) -> dict[str, int]:
        ids: dict[str, int] = templates.restore(
            engine, _demo_name(today), lambda fresh: seed_demo(fresh, today, demo_accounts=False)
        )
        return ids

    return seeded


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> Iterator[Engine]:
    """An empty, migrated database: a SQLite file, then a real PostgreSQL server."""
    if request.param == "sqlite":
        created = make_engine(f"sqlite:///{tmp_path / 'kernbrief.db'}")
    else:
        created = make_engine(templates.server().url("kernbrief_test"))
    templates.restore(created, "migrated")
    yield created
    created.dispose()


@pytest.fixture
def demo_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, templates: Templates) -> str:
    """A SQLite file with the demo content, used by the app through DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    today = date.today()
    templates.restore(
        make_engine(url),
        _demo_name(today),
        lambda fresh: seed_demo(fresh, today, demo_accounts=False),
    )
    monkeypatch.setenv("DATABASE_URL", url)
    return url


class Chromium:
    """Debian's Chromium, launched again if it died: one crash (seen under heavy load on two
    cores) then fails the test it happened in, not every later test of the same worker."""

    def __init__(self, playwright: Any) -> None:
        from tests.browser import CHROMIUM_FLAGS, chromium_path

        self.launch = lambda: playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        self.browser = self.launch()

    def new_context(self, **options: Any) -> Any:
        if not self.browser.is_connected():
            self.browser = self.launch()
        return self.browser.new_context(**options)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Chromium driven by Playwright, one per test run; each test opens its own context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = Chromium(playwright)
        yield chromium
        if chromium.browser.is_connected():
            chromium.browser.close()


@pytest.fixture
def app_server(demo_url: str, tmp_path: Path) -> Iterator[str]:
    """Serve the app on a free port, on the seeded demo database; yield its address."""
    from tests.browser import AppServer

    server = AppServer(demo_url, tmp_path / "streamlit.log")
    try:
        yield server.start()
    finally:
        server.stop()


def _close_if_open(context: Any) -> None:
    """Close a browser context that a crashed page may already have taken down with it."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        context.close()
    except PlaywrightError as error:
        # Only "already closed" is nothing to do; anything else is a real failure.
        if "has been closed" not in str(error):
            raise


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """Open pages in fresh browser contexts (no shared cookies); all are closed afterwards."""
    contexts: list[Any] = []

    def open_page(**options: Any) -> Any:
        from tests.browser import VIEWPORT

        context = browser.new_context(**{"viewport": VIEWPORT, **options})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        # A Chromium that died under load is launched again for the next test (Chromium);
        # its contexts went with it and cannot be closed.
        if browser.browser.is_connected():
            _close_if_open(context)


class Clock:
    """A clock the test moves by hand (``clock.now += timedelta(...)``)."""

    def __init__(self) -> None:
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(engine: Engine, clock: Clock, seed: Seed) -> AccountStore:
    """The demo accounts on SQLite, then on PostgreSQL, on a clock the test moves."""
    seed(engine, clock.now.date())
    return AccountStore(engine, clock)


def person(accounts: AccountStore, email: str) -> Principal:
    found = accounts.principal_by_email(email)
    assert found is not None
    return found


def run_manage(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `manage.py` as an operator does, in its own process with exactly ``env``."""
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "manage.py"), *arguments],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
