"""Engine set-up: SQLite by default (WAL, busy timeout), PostgreSQL through DATABASE_URL."""

from __future__ import annotations

import os
import socket
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TIMEOUT_SECONDS = 5.0


def timeout_seconds() -> float:
    """How long a database may take to answer before the user is told it is unreachable.

    KERNBRIEF_DB_TIMEOUT (seconds) bounds connecting, waiting for a lock and running one
    statement, so a locked, stopped or frozen database becomes a message within seconds.
    """
    try:
        value = float(os.environ.get("KERNBRIEF_DB_TIMEOUT", DEFAULT_TIMEOUT_SECONDS))
    except ValueError:
        return DEFAULT_TIMEOUT_SECONDS
    return value if value > 0 else DEFAULT_TIMEOUT_SECONDS


def default_url() -> str:
    """Return DATABASE_URL, or a SQLite file under data/ in the project."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        if url.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url
    return f"sqlite:///{PROJECT_ROOT / 'data' / 'kernbrief.db'}"


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(timeout_seconds() * 1000)}")
    cursor.close()


class Watchdog:
    """Cut the connection of a PostgreSQL call that runs past its deadline.

    statement_timeout is enforced by the server, so a server that is frozen (stopped
    process, hung host) never answers it, and libpq has no client-side timeout for a query.
    A socket shut down from this thread makes the waiting call fail at once; the pool then
    drops that connection. Hand-written because neither SQLAlchemy nor psycopg offers one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._due: dict[int, tuple[float, int]] = {}
        self._thread: threading.Thread | None = None

    def watch(self, key: int, fd: int, seconds: float) -> None:
        with self._lock:
            self._due[key] = (time.monotonic() + seconds, fd)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="db-watchdog", daemon=True)
                self._thread.start()

    def release(self, key: int) -> None:
        with self._lock:
            self._due.pop(key, None)

    def _run(self) -> None:
        while True:
            time.sleep(0.2)
            now = time.monotonic()
            with self._lock:
                overdue = [(key, fd) for key, (due, fd) in self._due.items() if due <= now]
                for key, _fd in overdue:
                    del self._due[key]
            for _key, fd in overdue:
                try:
                    # fromfd duplicates the descriptor; shutdown acts on the shared socket.
                    with socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM) as dup:
                        dup.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


WATCHDOG = Watchdog()


def _socket_of(dbapi_connection: Any) -> int | None:
    try:
        return int(dbapi_connection.fileno())
    except (AttributeError, OSError, ValueError, TypeError):
        return None


def _guard_postgres(engine: Engine, seconds: float) -> None:
    """Bound every statement, commit and pool check by a client-side deadline too."""
    margin = seconds + 2

    def watch(dbapi_connection: Any) -> None:
        fd = _socket_of(dbapi_connection)
        if fd is not None:
            WATCHDOG.watch(id(dbapi_connection), fd, margin)

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, *_args: Any) -> None:
        watch(conn.connection.dbapi_connection)

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, *_args: Any) -> None:
        WATCHDOG.release(id(conn.connection.dbapi_connection))

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        watch(conn.connection.dbapi_connection)

    @event.listens_for(engine, "rollback")
    def _rollback(conn: Any) -> None:
        watch(conn.connection.dbapi_connection)

    def forget(dbapi_connection: Any, *_args: Any) -> None:
        # Released whenever a connection is returned, dropped or closed, so that a socket
        # number reused by the system is never cut.
        if dbapi_connection is not None:
            WATCHDOG.release(id(dbapi_connection))

    for pool_event in ("checkin", "invalidate", "soft_invalidate", "close", "close_detached"):
        event.listen(engine, pool_event, forget)

    @event.listens_for(engine, "handle_error")
    def _failed(context: Any) -> None:
        connection = context.connection
        if connection is not None and connection.connection.dbapi_connection is not None:
            WATCHDOG.release(id(connection.connection.dbapi_connection))

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # Our own pre-ping, watched like any statement: SQLAlchemy's would wait forever.
        watch(dbapi_connection)
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            # The ping must not leave a transaction open behind the pool's back.
            dbapi_connection.rollback()
        except Exception as error:
            raise exc.DisconnectionError() from error
        finally:
            WATCHDOG.release(id(dbapi_connection))


def make_engine(url: str) -> Engine:
    """Create an engine for ``url`` with the settings this app relies on."""
    seconds = timeout_seconds()
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": seconds, "check_same_thread": False})
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    milliseconds = int(seconds * 1000)
    engine = create_engine(
        url,
        pool_size=5,
        max_overflow=10,
        pool_timeout=seconds,
        connect_args={
            "connect_timeout": max(1, round(seconds)),
            "options": f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds}",
            # A host that vanished is noticed by TCP within the same bound.
            "tcp_user_timeout": milliseconds,
            "keepalives": 1,
            "keepalives_idle": max(1, round(seconds)),
            "keepalives_interval": 1,
            "keepalives_count": 3,
        },
    )
    _guard_postgres(engine, seconds)
    return engine


@cache
def engine_for(url: str) -> Engine:
    """Return the one engine of this process for ``url``."""
    return make_engine(url)
