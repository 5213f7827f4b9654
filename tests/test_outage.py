"""A database that does not answer becomes a message within the timeout, not a hung page."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from datetime import date

import pytest

from components.resilience import DATABASE_ERRORS
from storage.db import make_engine
from storage.migrate import upgrade
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.seed import seed_demo
from tests.conftest import missing
from tests.postgres import PostgresMissing, PostgresServer, running_postgres

TIMEOUT = 2


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A cluster of this test's own, since the test freezes it."""
    try:
        with running_postgres("kernbrief_frozen") as server:
            yield server
    except PostgresMissing:
        missing("PostgreSQL (initdb, pg_ctl)")


def test_a_frozen_postgresql_is_reported_within_the_timeout(
    own_postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KERNBRIEF_DB_TIMEOUT", str(TIMEOUT))
    engine = make_engine(own_postgres.url("kernbrief_frozen"))
    upgrade(engine)
    seed_demo(engine, date.today(), demo_accounts=False)
    briefs = SqlBriefStore(engine)
    brief_id = SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id
    stored = briefs.load(brief_id).part("challenge.problem")
    processes = own_postgres.processes()
    for pid in processes:
        os.kill(pid, signal.SIGSTOP)
    try:
        # A connection already in the pool, then a new one: both give up in time.
        for attempt in (
            lambda: briefs.save_part(
                brief_id, "challenge.problem", "Bevroren", stored.version, "x"
            ),
            lambda: make_engine(own_postgres.url("kernbrief_frozen")).connect(),
        ):
            started = time.monotonic()
            with pytest.raises(DATABASE_ERRORS):
                attempt()
            assert time.monotonic() - started < 4 * TIMEOUT + 2
    finally:
        for pid in processes:
            os.kill(pid, signal.SIGCONT)
    # Thawed, the same engine works again and nothing half-written is left.
    assert briefs.load(brief_id).part("challenge.problem") == stored
    saved = briefs.save_part(brief_id, "challenge.problem", "Weer vlot", stored.version, "x")
    assert saved.version == stored.version + 1
    engine.dispose()
