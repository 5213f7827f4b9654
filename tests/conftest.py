"""Shared fixtures: a real SQLite file, a real PostgreSQL server, and a seeded demo database."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo

IN_CI = os.environ.get("CI", "").lower() == "true"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def missing(what: str) -> None:
    """Fail in CI, skip on a developer machine: CI must never pass by skipping."""
    if IN_CI:
        pytest.fail(f"{what} is required in CI (CI=true) but is not available")
    pytest.skip(f"{what} is not available")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _postgres_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


@dataclass(frozen=True)
class PostgresServer:
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throw-away PostgreSQL cluster; as root it runs as the unprivileged 'nobody'."""
    initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
    if not initdb or not pg_ctl:
        missing("PostgreSQL (initdb, pg_ctl)")
    assert initdb and pg_ctl
    base = Path(tempfile.mkdtemp(prefix="kernbrief-pg-"))
    base.chmod(0o755)
    data, sockets = base / "data", base / "sockets"
    data.mkdir()
    sockets.mkdir()
    user: str | None = None
    if os.geteuid() == 0:
        user = "nobody"
        account = pwd.getpwnam(user)
        for path in (data, sockets):
            os.chown(path, account.pw_uid, account.pw_gid)
    env = {**os.environ, "HOME": str(base), "LC_ALL": "C.UTF-8"}
    port = free_port()

    def run(*command: str) -> None:
        subprocess.run(command, check=True, env=env, user=user, capture_output=True, cwd=base)

    run(initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {sockets} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off"
    run(pg_ctl, "-D", str(data), "-o", options, "-l", str(sockets / "log"), "-w", "start")
    server = PostgresServer(port)
    try:
        admin = make_engine(server.url("postgres")).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE kernbrief_test"))
        admin.dispose()
        yield server
    finally:
        run(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


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
