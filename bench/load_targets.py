"""The load test's set-ups: a brief per participant, the servers, and their processes."""

from __future__ import annotations

import os
import shutil
import ssl
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from briefs.access import Role
from briefs.brief import author_of
from briefs.demo import DEMO_BRIEFS, TRAJECTORIES, workshops_for
from briefs.programme import Member
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.seed import seed_demo
from tests.browser import AppServer
from tests.postgres import running_postgres

SETUPS = ("sqlite", "postgresql", "cluster")
# Far from the programme's own numbers (1-12): the bench's participants work in their own.
BENCH_TRAJECTORY = 90
PASSWORD = "Zeven-vogels-op-een-tak"
# The richest demo brief: every bench participant works on a copy of it.
TEMPLATE_MUNICIPALITY = "Avelgem"
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Participant:
    name: str
    email: str
    municipality: str
    brief_id: int


def seed_participants(engine: Engine, count: int) -> list[Participant]:
    """Add a bench trajectory with ``count`` municipalities, each with one participant and a
    copy of the demo brief of Avelgem, through the storage API as the app writes them."""
    programme, briefs, accounts = (
        SqlProgrammeStore(engine),
        SqlBriefStore(engine),
        AccountStore(engine),
    )
    template = next(
        t for t in TRAJECTORIES if any(m.municipality == TEMPLATE_MUNICIPALITY for m in t.members)
    )
    members = tuple(Member(f"Testgemeente {n:02d}") for n in range(1, count + 1))
    trajectory = replace(template, number=BENCH_TRAJECTORY, title="Belastingstest", members=members)
    trajectory_id = programme.add_trajectory(
        trajectory, workshops_for(template.number, date.today())
    )
    found = []
    for number, member in enumerate(members, start=1):
        brief_id = programme.add_brief(trajectory_id, member.municipality)
        person = Participant(
            f"Deelnemer {number:02d}",
            f"deelnemer{number:02d}@belastingstest.example",
            member.municipality,
            brief_id,
        )
        author = author_of(person.name, person.email)
        for key, value in DEMO_BRIEFS[TEMPLATE_MUNICIPALITY].items():
            briefs.save_part(brief_id, key, value, 0, author)
        accounts.create_user(
            person.name,
            person.email,
            Role.PARTICIPANT,
            member.municipality,
            PASSWORD,
            (trajectory_id,),
        )
        found.append(person)
    return found


def prepare(database_url: str, participants: int) -> list[Participant]:
    """Migrate, load the demo (as production: no demo accounts) and add the bench's people."""
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        seed_demo(engine, date.today(), demo_accounts=False)
        return seed_participants(engine, participants)
    finally:
        engine.dispose()


# --- processes ----------------------------------------------------------------------------


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def process_tree(pid: int | None) -> list[int]:
    """A process and all its descendants (PostgreSQL's backends, a server's helpers)."""
    if pid is None:
        return []
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of one process so far; None once it is gone."""
    try:
        fields = _stat(pid)
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total


# --- set-ups ------------------------------------------------------------------------------


@dataclass
class Target:
    """Where the participants go, and which processes serve them."""

    setup: str
    base: str
    database_url: str
    # The process trees of each app server, of the database server and of the proxy.
    app_servers: list[Callable[[], list[int]]]
    others: dict[str, Callable[[], list[int]]] = field(default_factory=dict)
    kill: Callable[[int], None] | None = None
    tls: ssl.SSLContext | None = None
    # Which server a participant's cookies stick to (None where there is one server).
    served_by: Callable[[dict[str, str]], int | None] = lambda cookies: 0


def _server_tree(server: AppServer) -> Callable[[], list[int]]:
    return lambda: process_tree(server.process.pid if server.process else None)


@contextmanager
def _database(kind: str, folder: Path) -> Iterator[tuple[str, dict[str, Callable[[], list[int]]]]]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'load.db'}", {}
        return
    with running_postgres("kernbrief_load") as postgres:
        yield postgres.url("kernbrief_load"), {"postgresql": postgres.processes}


@contextmanager
def started(
    setup: str, participants: int, servers: int = 2, folder: Path | None = None
) -> Iterator[tuple[Target, list[Participant]]]:
    """Start a set-up with its seeded database; stop everything it started afterwards.

    The databases and the servers' logs go to ``folder``; without one, to a temporary folder
    that is removed afterwards unless KERNBRIEF_LOAD_KEEP is set (its path is printed).
    """
    if folder is None:
        made = Path(tempfile.mkdtemp(prefix=f"kernbrief-load-{setup}-"))
        try:
            with started(setup, participants, servers, made) as found:
                yield found
        finally:
            if os.environ.get("KERNBRIEF_LOAD_KEEP"):
                print(f"logs kept in {made}", file=sys.stderr)
            else:
                shutil.rmtree(made, ignore_errors=True)
        return
    with _database("sqlite" if setup == "sqlite" else "postgresql", folder) as (url, others):
        people = prepare(url, participants)
        if setup == "cluster":
            with _cluster(url, folder, servers, others) as target:
                yield target, people
            return
        server = AppServer(url, folder / "server.log")
        try:
            base = server.start()
            yield Target(setup, base, url, [_server_tree(server)], others), people
        finally:
            server.stop()


@contextmanager
def _cluster(
    url: str, folder: Path, servers: int, others: dict[str, Callable[[], list[int]]]
) -> Iterator[Target]:
    # Imported here: the cluster needs haproxy, the other set-ups do not.
    from deploy.haproxy import SERVER_COOKIE
    from tests.cluster import running_cluster

    with running_cluster(url, folder, servers=servers) as cluster:
        names = [cluster.name(index) for index in range(len(cluster.servers))]

        def served_by(cookies: dict[str, str]) -> int | None:
            value = cookies.get(SERVER_COOKIE)
            return names.index(value) if value in names else None

        proxy = {"haproxy": lambda: process_tree(cluster.proxy.pid if cluster.proxy else None)}
        yield Target(
            "cluster",
            cluster.base,
            url,
            [_server_tree(server) for server in cluster.servers],
            {**others, **proxy},
            kill=cluster.kill,
            tls=cluster.ssl_context(),
            served_by=served_by,
        )
