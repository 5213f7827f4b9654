"""Engine set-up (SQLite with WAL, PostgreSQL through DATABASE_URL) and shared transactions."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, create_engine, event, exc

from core.settings import settings

# A stopped, locked or frozen database: connection refused, "database is locked", a
# statement or lock timeout, a pool with no free connection, a socket cut by the watchdog.
# Callers above storage catch these and never name SQLAlchemy themselves.
DATABASE_ERRORS: tuple[type[Exception], ...] = (
    exc.OperationalError,
    exc.DBAPIError,
    exc.TimeoutError,
)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(settings().db_timeout * 1000)}")
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
    # KERNBRIEF_DB_TIMEOUT bounds connecting, lock waits and statements alike.
    seconds = settings().db_timeout
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


def app_engine() -> Engine:
    """Return the engine of this process for the configured DATABASE_URL."""
    return engine_for(settings().database_url)


class Database(Protocol):
    """What a repository needs to reach the database: an Engine, or one shared transaction."""

    def begin(self) -> AbstractContextManager[Connection]: ...

    def connect(self) -> AbstractContextManager[Connection]: ...


class SharedConnection:
    """Hand every repository of a unit of work the same connection and transaction.

    A repository opens ``begin()`` or ``connect()`` as it would on an Engine; here both give
    the one connection, and nothing is committed until the unit of work ends without error.
    """

    def __init__(self, connection: Connection):
        self.connection = connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        yield self.connection

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self.connection
