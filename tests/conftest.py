"""Shared fixtures: a real SQLite file, a real PostgreSQL server, and a seeded demo database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from tests.postgres import PostgresMissing, PostgresServer, running_postgres

IN_CI = os.environ.get("CI", "").lower() == "true"
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


def _fresh_postgres(server: PostgresServer) -> Engine:
    engine = make_engine(server.url("kernbrief_test"))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty, migrated database: a SQLite file, then a real PostgreSQL server."""
    if request.param == "sqlite":
        created = make_engine(f"sqlite:///{tmp_path / 'kernbrief.db'}")
    else:
        created = _fresh_postgres(request.getfixturevalue("postgres_server"))
    upgrade(created)
    yield created
    created.dispose()


@pytest.fixture
def demo_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SQLite file with the demo content, used by the app through DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, date.today())
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one per test run; each test opens its own context."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path

    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def app_server(demo_url: str, tmp_path: Path) -> Iterator[str]:
    """Serve the app on a free port, on the seeded demo database; yield its address."""
    from tests.browser import AppServer

    server = AppServer(demo_url, tmp_path / "streamlit.log")
    try:
        yield server.start()
    finally:
        server.stop()


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
        context.close()
