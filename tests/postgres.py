"""Start a throw-away PostgreSQL cluster on loopback, as an unprivileged user when run as root."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from storage.db import make_engine


class PostgresMissing(RuntimeError):
    """initdb or pg_ctl is not installed."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def postgres_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


@dataclass(frozen=True)
class PostgresServer:
    port: int
    control: Callable[[str], None] | None = None
    data: Path | None = None

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        """Stop the server (fast shutdown): connections are refused until start()."""
        assert self.control is not None
        self.control("stop")

    def start(self) -> None:
        assert self.control is not None
        self.control("start")

    def processes(self) -> list[int]:
        """The postmaster and every process it started (backends, writers)."""
        assert self.data is not None
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        found = [postmaster]
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                found.append(int(stat.parent.name))
        return found


@contextmanager
def running_postgres(database: str = "kernbrief_test") -> Iterator[PostgresServer]:
    """Run a fresh cluster with one empty ``database``; PostgreSQL refuses to run as root."""
    initdb, pg_ctl = postgres_bin("initdb"), postgres_bin("pg_ctl")
    if not initdb or not pg_ctl:
        raise PostgresMissing("initdb and pg_ctl are needed")
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
    # A throw-away cluster need not survive a power cut, only a killed process: a commit still
    # reaches the kernel before it is acknowledged, but nothing waits for the disk.
    durability = "-c fsync=off -c full_page_writes=off"
    options = f"-p {port} -k {sockets} -h 127.0.0.1 {durability}"

    def control(action: str) -> None:
        if action == "start":
            run(pg_ctl, "-D", str(data), "-o", options, "-l", str(sockets / "log"), "-w", "start")
        else:
            run(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")

    control("start")
    server = PostgresServer(port, control, data)
    try:
        admin = make_engine(server.url("postgres")).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        yield server
    finally:
        subprocess.run(
            [pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"],
            env=env,
            user=user,
            capture_output=True,
            cwd=base,
        )
        shutil.rmtree(base, ignore_errors=True)
