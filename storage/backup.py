"""Backup and restore of the whole database, and moving one brief between installations."""

from __future__ import annotations

import base64
import binascii
import glob
import io
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from PIL import Image
from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from sqlalchemy.sql import sqltypes

from briefs.images import ImageRefused, clean_image
from briefs.parts import PARTS, Kind, PartValidationError, validate_part
from briefs.programme import Trajectory
from storage.db import make_engine
from storage.migrate import alembic_config, migrate_to, upgrade
from storage.old_values import renamed
from storage.repository import NotFound, SqlProgrammeStore
from storage.tables import (
    Base,
    BriefPartRow,
    BriefRow,
    ImageRow,
    PersonRow,
    RevisionRow,
    TrajectoryRow,
)

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
BACKUP_FORMAT = "kernbrief-backup"
BRIEF_FORMAT = "kernbrief-brief"
FORMAT_VERSION = 1
_BATCH = 500
_POSTGRES_BINARIES = "/usr/lib/postgresql/*/bin"
# An operator's backup may wait for the app's writers longer than a page would.
_SQLITE_TIMEOUT_SECONDS = 30


class BackupError(RuntimeError):
    """A backup, restore or brief import was refused or failed; the message says why."""


# --- values as JSON -------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    # Everything the app writes is UTC; SQLite hands it back without a zone.
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _encode(value: Any) -> Any:
    """Return one column value as JSON: bytes as base64, moments as ISO 8601 in UTC."""
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decode(column_type: Any, value: Any) -> Any:
    """Return a JSON value as what a column of ``column_type`` stores."""
    if value is None:
        return None
    if isinstance(column_type, sqltypes.LargeBinary) and isinstance(value, str):
        return base64.b64decode(value, validate=True)
    if isinstance(column_type, sqltypes.DateTime):
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        return _utc(moment) if isinstance(moment, datetime) else moment
    if isinstance(column_type, sqltypes.Date) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _line(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- connections ----------------------------------------------------------------------------


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """Yield a connection whose reads all see one consistent state of the database."""
    if engine.dialect.name == "postgresql":
        repeatable = engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with repeatable as connection, connection.begin():
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield connection
        return
    with engine.connect() as connection, connection.begin():
        if engine.dialect.name == "sqlite":
            # pysqlite opens no transaction for reads; without one every SELECT sees a new state.
            connection.exec_driver_sql("BEGIN")
        yield connection


def _engine(url: str) -> Engine:
    """Return an engine for one backup or restore.

    SQLite gets the app's settings (WAL, foreign keys). PostgreSQL gets a plain engine: the
    app's statement deadlines are meant for pages and would cut a long dump or restore short.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
        return create_engine(parsed.set(drivername="postgresql+psycopg"), poolclass=NullPool)
    return make_engine(url)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(
            f"Geen SQLite-bestand in de databank-URL: {database or '(leeg)'}. "
            "(The database URL names no SQLite file.)"
        )
    return Path(database)


def _read_only_sqlite(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        path.resolve().as_uri() + "?mode=ro", uri=True, timeout=_SQLITE_TIMEOUT_SECONDS
    )


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """Return a libpq connection URI for ``url`` and an environment carrying its password."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        # Not on the command line, where every user of the machine could read it.
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool_version(path: str) -> tuple[int, ...] | None:
    try:
        shown = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"\)\s*(\d+)(?:\.(\d+))?", shown)
    if found is None:
        return None
    return tuple(int(part) for part in found.groups() if part is not None)


def find_pg_tool(name: str, minimum_major: int = 0) -> str | None:
    """Return the newest ``pg_dump`` or ``pg_restore`` (PATH, /usr/lib/postgresql) or None."""
    candidates = sorted(glob.glob(f"{_POSTGRES_BINARIES}/{name}"))
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    versions: list[tuple[tuple[int, ...], str]] = []
    seen: set[str] = set()
    for candidate in candidates:
        real = os.path.realpath(candidate)
        if real in seen:
            continue
        seen.add(real)
        version = _tool_version(candidate)
        if version is not None:
            versions.append((version, candidate))
    for version, candidate in sorted(versions, reverse=True):
        if version[0] >= minimum_major:
            return candidate
    return None


def _server_major(url: str) -> int:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            number = int(connection.exec_driver_sql("SHOW server_version_num").scalar_one())
    finally:
        engine.dispose()
    return number // 10000


def _run(tool: str, arguments: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([tool, *arguments], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        name = Path(tool).name
        detail = done.stderr.strip() or f"exit code {done.returncode}"
        raise BackupError(f"{name} is mislukt: {detail} ({name} failed.)")
    return done.stdout


# --- which tables and which schema version --------------------------------------------------


def _reflect(connection: Connection) -> list[Table]:
    """Return our tables as they are in this database, in dependency order."""
    present = set(inspect(connection).get_table_names())
    names = [table.name for table in Base.metadata.sorted_tables if table.name in present]
    metadata = MetaData()
    metadata.reflect(bind=connection, only=names)
    return [metadata.tables[name] for name in names]


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(found) if found else None


def _check_revision(engine: Engine, revision: str | None) -> None:
    if not revision:
        raise BackupError(
            "De back-up bevat geen schemaversie; is het wel een back-up van Kernbrief? "
            "(The backup holds no schema version; is it a Kernbrief backup?)"
        )
    script = ScriptDirectory.from_config(alembic_config(engine))
    try:
        found = script.get_revision(revision)
    except (CommandError, RevisionError):
        found = None
    if found is None:
        raise BackupError(
            f"De back-up heeft schemaversie {revision}, die deze versie van Kernbrief niet kent: "
            "werk Kernbrief eerst bij. (The backup comes from a newer version of Kernbrief.)"
        )


def _content(engine: Engine) -> dict[str, int]:
    """Count the rows of each of our tables that hold any."""
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name in present:
                count = connection.execute(select(func.count()).select_from(table)).scalar_one()
                if count:
                    counts[table.name] = int(count)
    return counts


def _count(number: int, stem: str, plural: str, singular: str = "") -> str:
    return f"{number} {stem}{singular if number == 1 else plural}"


def _refuse_unless_empty(engine: Engine) -> None:
    counts = _content(engine)
    briefs, people = counts.get(BriefRow.__tablename__, 0), counts.get(PersonRow.__tablename__, 0)
    if briefs or people:
        raise BackupError(
            f"De doeldatabank is niet leeg: ze bevat al {_count(briefs, 'designbrief', 's')} en "
            f"{_count(people, 'perso', 'nen', 'on')}. Zet een back-up alleen terug in een lege "
            "databank. "
            f"(The target database is not empty: it holds {briefs} briefs and {people} people; "
            "restore a backup into an empty database only.)"
        )
    if counts:
        tables = ", ".join(sorted(counts))
        raise BackupError(
            f"De doeldatabank is niet leeg: de tabel(len) {tables} bevatten al gegevens. "
            "Zet een back-up alleen terug in een lege databank. "
            f"(The target database is not empty: {tables} hold rows.)"
        )


def _drop_tables(engine: Engine) -> None:
    """Drop our tables, which the caller has found empty, so a backup can bring its own."""
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def _reset_sequences(engine: Engine) -> None:
    """Move every id sequence past the highest id, so new rows do not collide."""
    with engine.begin() as connection:
        quote = connection.dialect.identifier_preparer.quote
        present = set(inspect(connection).get_table_names())
        for table in Base.metadata.sorted_tables:
            keys = list(table.primary_key.columns)
            if table.name not in present or len(keys) != 1:
                continue
            if not isinstance(keys[0].type, Integer):
                continue
            column = quote(keys[0].name)
            connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:table, :column), "
                    f"COALESCE(MAX({column}), 0) + 1, false) FROM {quote(table.name)}"
                ),
                {"table": quote(table.name), "column": keys[0].name},
            )


# --- writing a backup -----------------------------------------------------------------------


def backup_format(path: Path) -> str:
    """Return "sqlite", "pg_dump" or "json" for a backup file, or raise BackupError."""
    try:
        with Path(path).open("rb") as file:
            head = file.read(4096)
    except FileNotFoundError:
        raise BackupError(f"Het bestand {path} bestaat niet. (The file does not exist.)") from None
    except OSError as error:
        raise BackupError(
            f"Het bestand {path} kan niet gelezen worden: {error.strerror}. "
            "(The file cannot be read.)"
        ) from None
    if head.startswith(SQLITE_HEADER):
        return "sqlite"
    if head.startswith(PG_DUMP_HEADER):
        return "pg_dump"
    first = head.split(b"\n", 1)[0]
    try:
        header = json.loads(first)
    except ValueError:
        header = None
    if isinstance(header, dict) and header.get("format") == BACKUP_FORMAT:
        return "json"
    if f'"{BRIEF_FORMAT}"'.encode() in head:
        raise BackupError(
            f"{path} is de export van één designbrief, geen back-up: gebruik import-json. "
            "(This is the export of one brief, not a backup: use import-json.)"
        )
    raise BackupError(
        f"{path} is geen back-up van Kernbrief (geen SQLite-bestand, pg_dump-archief of "
        "logische dump). (The file is not a Kernbrief backup.)"
    )


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _publish(temporary: Path, target: Path, overwrite: bool) -> None:
    """Give the finished file its name in one step; without overwrite never replace a file."""
    if overwrite:
        os.replace(temporary, target)
    else:
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise _exists(target) from None
        except OSError:
            # A file system without hard links: check, then rename.
            if target.exists():
                raise _exists(target) from None
            os.replace(temporary, target)
        else:
            temporary.unlink()
    _fsync(target.parent)


def _exists(target: Path) -> BackupError:
    return BackupError(
        f"{target} bestaat al; kies een andere naam of overschrijf het uitdrukkelijk "
        "(--overwrite). (The file exists; choose another name or overwrite explicitly.)"
    )


def backup(url: str, target: Path, *, overwrite: bool = False, logical: bool = False) -> None:
    """Write a consistent snapshot of the database at ``url`` to ``target``, also while it runs.

    SQLite is copied with its online backup API; PostgreSQL is dumped with ``pg_dump
    --format=custom`` when one is installed that can read the server, otherwise (or with
    ``logical``) our tables are written as JSON lines from one REPEATABLE READ transaction.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise _exists(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    # The backup holds password hashes: readable by its owner only, from the first byte.
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        backend = make_url(url).get_backend_name()
        if logical:
            _logical_dump(url, temporary)
        elif backend == "sqlite":
            _sqlite_backup(url, temporary)
        elif backend == "postgresql":
            pg_dump = find_pg_tool("pg_dump", _server_major(url))
            if pg_dump is None:
                _logical_dump(url, temporary)
            else:
                uri, env = _libpq(url)
                _run(pg_dump, ["--format=custom", f"--file={temporary}", f"--dbname={uri}"], env)
        else:
            raise BackupError(
                f"Back-ups van {backend} worden niet ondersteund. ({backend} is not supported.)"
            )
        _fsync(temporary)
        _publish(temporary, target, overwrite)
    finally:
        temporary.unlink(missing_ok=True)


def _sqlite_backup(url: str, temporary: Path) -> None:
    database = _sqlite_path(url)
    if not database.is_file():
        raise BackupError(
            f"De databank {database} bestaat niet. (The database file does not exist.)"
        )
    source = sqlite3.connect(database, timeout=_SQLITE_TIMEOUT_SECONDS)
    try:
        destination = sqlite3.connect(temporary)
        try:
            # One step (pages=-1) copies every page under one read lock: a consistent snapshot
            # that never blocks the app's writers in WAL mode.
            source.backup(destination)
            # A single self-contained file, without -wal and -shm beside it.
            destination.execute("PRAGMA journal_mode=DELETE")
            check = destination.execute("PRAGMA integrity_check").fetchone()
        finally:
            destination.close()
    finally:
        source.close()
    if not check or check[0] != "ok":
        raise BackupError(
            "De kopie van de databank is niet in orde (integrity_check). "
            "(The copy of the database failed its integrity check.)"
        )


def _logical_dump(url: str, temporary: Path) -> None:
    """Write our tables as JSON lines: a header, one line per row, and an end line."""
    engine = _engine(url)
    try:
        with _snapshot(engine) as connection, temporary.open("w", encoding="utf-8") as out:
            revision = _revision(connection)
            if revision is None:
                raise BackupError(
                    "De databank heeft geen schema; voer eerst init-db uit. "
                    "(The database has no schema; run init-db first.)"
                )
            header = {
                "format": BACKUP_FORMAT,
                "version": FORMAT_VERSION,
                "revision": revision,
                "dialect": engine.dialect.name,
                "created_at": datetime.now(UTC).isoformat(),
            }
            out.write(_line(header))
            count = 0
            for table in _reflect(connection):
                query = select(table).order_by(*table.primary_key.columns)
                rows = connection.execute(query.execution_options(yield_per=_BATCH)).mappings()
                for row in rows:
                    encoded = {name: _encode(value) for name, value in row.items()}
                    out.write(_line({"table": table.name, "row": encoded}))
                    count += 1
            out.write(_line({"end": True, "rows": count}))
    finally:
        engine.dispose()


# --- restoring ------------------------------------------------------------------------------


def restore(source: Path, url: str) -> None:
    """Restore the backup ``source`` into the empty database at ``url`` and migrate it."""
    source = Path(source)
    kind = backup_format(source)
    target = make_url(url).get_backend_name()
    if kind == "pg_dump" and target != "postgresql":
        raise BackupError(
            "Een pg_dump-back-up kan alleen in PostgreSQL teruggezet worden. "
            "(A pg_dump backup restores into PostgreSQL only.)"
        )
    engine = _engine(url)
    try:
        _refuse_unless_empty(engine)
        if kind == "sqlite":
            if target == "sqlite":
                _restore_sqlite(source, url, engine)
            else:
                _restore_from_sqlite(source, engine)
        elif kind == "pg_dump":
            _restore_pg_dump(source, url, engine)
        else:
            _restore_json(source, engine)
        upgrade(engine)
        if target == "postgresql":
            _reset_sequences(engine)
    finally:
        engine.dispose()


def _checked_sqlite_file(source: Path) -> str | None:
    """Return the schema version of a SQLite backup after checking its integrity."""
    connection = _read_only_sqlite(source)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()
        if not check or check[0] != "ok":
            raise BackupError(
                f"De back-up {source} is beschadigd (integrity_check). (The backup is corrupt.)"
            )
        found = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if found is None:
            return None
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(revision[0]) if revision else None
    except sqlite3.DatabaseError as error:
        raise BackupError(
            f"De back-up {source} kan niet gelezen worden: {error}. (The backup is unreadable.)"
        ) from None
    finally:
        connection.close()


def _restore_sqlite(source: Path, url: str, engine: Engine) -> None:
    _check_revision(engine, _checked_sqlite_file(source))
    engine.dispose()
    target = _sqlite_path(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    reader = _read_only_sqlite(source)
    try:
        writer = sqlite3.connect(target, timeout=_SQLITE_TIMEOUT_SECONDS)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def _restore_from_sqlite(source: Path, engine: Engine) -> None:
    """Copy a SQLite backup row by row into another kind of database."""
    revision = _checked_sqlite_file(source)
    reader = create_engine("sqlite://", creator=lambda: _read_only_sqlite(source))
    try:
        with reader.connect() as connection:

            def rows() -> Iterator[tuple[str, dict[str, Any]]]:
                for table in _reflect(connection):
                    for row in connection.execute(select(table)).mappings():
                        yield table.name, dict(row)

            _load_rows(engine, revision, rows())
    finally:
        reader.dispose()


def _restore_pg_dump(source: Path, url: str, engine: Engine) -> None:
    pg_restore = find_pg_tool("pg_restore")
    if pg_restore is None:
        raise BackupError(
            "pg_restore is niet gevonden; installeer de PostgreSQL-clientprogramma's. "
            "(pg_restore was not found; install the PostgreSQL client tools.)"
        )
    env = dict(os.environ)
    listing = _run(
        pg_restore,
        ["--data-only", "--table=alembic_version", "--file=-", str(source)],
        env,
    )
    found = re.search(r"^COPY \S*alembic_version .*?;\n(\S+)\n", listing, re.MULTILINE)
    _check_revision(engine, found.group(1) if found else None)
    _drop_tables(engine)
    uri, env = _libpq(url)
    _run(
        pg_restore,
        [
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={uri}",
            str(source),
        ],
        env,
    )


def _restore_json(source: Path, engine: Engine) -> None:
    with source.open(encoding="utf-8") as file:
        header = json.loads(file.readline())
        if header.get("version") != FORMAT_VERSION:
            raise BackupError(
                f"Onbekende versie {header.get('version')} van de logische dump. "
                "(Unknown version of the logical dump.)"
            )

        def rows() -> Iterator[tuple[str, dict[str, Any]]]:
            for count, line in enumerate(file):
                try:
                    entry = json.loads(line)
                except ValueError:
                    break
                if entry.get("end"):
                    if entry.get("rows") == count:
                        return
                    break
                yield entry["table"], entry["row"]
            raise BackupError(
                f"De back-up {source} is onvolledig of beschadigd; er is niets teruggezet. "
                "(The backup is incomplete or damaged; nothing was restored.)"
            )

        _load_rows(engine, header.get("revision"), rows())


def _load_rows(
    engine: Engine, revision: str | None, rows: Iterator[tuple[str, dict[str, Any]]]
) -> None:
    """Create the schema of ``revision`` and insert ``rows`` (in dependency order) in one go."""
    _check_revision(engine, revision)
    assert revision is not None
    _drop_tables(engine)
    migrate_to(engine, revision)
    with engine.begin() as connection:
        tables = {table.name: table for table in _reflect(connection)}
        batch: list[dict[str, Any]] = []
        table: Table | None = None
        for name, row in rows:
            if table is None or name != table.name:
                if table is not None and batch:
                    connection.execute(insert(table), batch)
                batch = []
                if name not in tables:
                    raise BackupError(
                        f"De back-up bevat de onbekende tabel {name}. (Unknown table {name}.)"
                    )
                table = tables[name]
            unknown = set(row) - set(table.c.keys())
            if unknown:
                raise BackupError(
                    f"De back-up bevat onbekende kolommen in {name}: {', '.join(sorted(unknown))}. "
                    f"(Unknown columns in {name}.)"
                )
            batch.append({key: _decode(table.c[key].type, value) for key, value in row.items()})
            if len(batch) >= _BATCH:
                connection.execute(insert(table), batch)
                batch = []
        if table is not None and batch:
            connection.execute(insert(table), batch)


# --- one brief as JSON ----------------------------------------------------------------------


def export_brief(engine: Engine, brief_id: int) -> dict[str, Any]:
    """Return one brief with its parts, revisions and images as JSON-ready data."""
    with _snapshot(engine) as connection:
        brief = connection.execute(
            select(
                BriefRow.municipality,
                BriefRow.created_at,
                TrajectoryRow.number,
                TrajectoryRow.title,
            )
            .join(TrajectoryRow, TrajectoryRow.id == BriefRow.trajectory_id)
            .where(BriefRow.id == brief_id)
        ).first()
        if brief is None:
            raise NotFound(brief_id)
        parts = connection.execute(
            select(BriefPartRow).where(BriefPartRow.brief_id == brief_id).order_by(BriefPartRow.key)
        ).all()
        revisions = connection.execute(
            select(RevisionRow)
            .where(RevisionRow.brief_id == brief_id)
            .order_by(RevisionRow.key, RevisionRow.version, RevisionRow.id)
        ).all()
        images = connection.execute(
            select(ImageRow).where(ImageRow.brief_id == brief_id).order_by(ImageRow.id)
        ).all()

    def saved(row: Any) -> dict[str, Any]:
        return {
            "key": row.key,
            "value": row.value,
            "version": row.version,
            "saved_at": _encode(row.saved_at),
            "saved_by": row.saved_by,
        }

    return {
        "format": BRIEF_FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "trajectory": {"number": brief.number, "title": brief.title},
        "municipality": brief.municipality,
        "created_at": _encode(brief.created_at),
        "parts": [saved(row) for row in parts],
        "revisions": [saved(row) for row in revisions],
        "images": [
            {
                "id": row.id,
                "mime": row.mime,
                "width": row.width,
                "height": row.height,
                "created_at": _encode(row.created_at),
                "data": _encode(row.data),
            }
            for row in images
        ],
    }


def write_brief_file(data: dict[str, Any], target: Path) -> None:
    """Write an exported brief as readable JSON, never over an existing file."""
    try:
        with Path(target).open("x", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False, indent=1)
            file.write("\n")
    except FileExistsError:
        raise BackupError(
            f"{target} bestaat al; kies een andere naam. (The file exists; choose another name.)"
        ) from None


def read_brief_file(source: Path) -> dict[str, Any]:
    """Read an exported brief, or raise BackupError saying why it cannot be read."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(
            f"Het bestand {source} bestaat niet. (The file does not exist.)"
        ) from None
    except (OSError, ValueError) as error:
        raise BackupError(
            f"Het bestand {source} is geen leesbare JSON: {error}. (The file is not valid JSON.)"
        ) from None
    if not isinstance(data, dict):
        raise _not_a_brief()
    return data


def _not_a_brief(detail: str = "") -> BackupError:
    suffix = f" ({detail})" if detail else ""
    return BackupError(
        f"Het bestand is geen geldige export van een designbrief{suffix}. "
        "(The file is not a valid export of a brief.)"
    )


def _clean_part(entry: dict[str, Any]) -> dict[str, Any]:
    key = entry["key"]
    if key not in PARTS:
        raise BackupError(
            f"Het bestand bevat het onbekende onderdeel '{key}'; er is niets geïmporteerd. "
            f"(Unknown part '{key}'; nothing was imported.)"
        )
    try:
        # An export made before the choice values were English (migration 0006) still imports.
        value = validate_part(key, renamed(key, entry["value"]))
    except PartValidationError as error:
        rules = ", ".join(problem.rule for problem in error.problems)
        raise BackupError(
            f"Het onderdeel '{key}' voldoet niet aan de regels ({rules}); er is niets "
            f"geïmporteerd. (Part '{key}' breaks its rules; nothing was imported.)"
        ) from None
    version = entry["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _not_a_brief(f"versie van {key}")
    saved_by = entry["saved_by"]
    if not isinstance(saved_by, str):
        raise _not_a_brief(f"auteur van {key}")
    return {
        "key": key,
        "value": value,
        "version": version,
        "saved_at": _utc(datetime.fromisoformat(entry["saved_at"])),
        "saved_by": saved_by[:200],
    }


def _clean_image(entry: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    data = base64.b64decode(entry["data"], validate=True)
    try:
        clean = clean_image(data)
    except ImageRefused as refused:
        raise BackupError(
            f"Een afbeelding in het bestand wordt geweigerd ({refused.reason}); er is niets "
            "geïmporteerd. (An image is refused; nothing was imported.)"
        ) from None
    # The bytes were cleaned by the installation that exported them: keep them as they are,
    # with the type and size they really have.
    with Image.open(io.BytesIO(data)) as probe:
        mime = {"PNG": "image/png", "JPEG": "image/jpeg"}.get(probe.format or "")
        width, height = probe.size
    if mime is None or (width, height) != (clean.width, clean.height):
        raise BackupError(
            "Een afbeelding in het bestand is geen PNG of JPEG zoals Kernbrief die bewaart; er "
            "is niets geïmporteerd. (An image is not a PNG or JPEG as Kernbrief stores them.)"
        )
    row = {
        "mime": mime,
        "width": width,
        "height": height,
        "data": data,
        "created_at": _utc(datetime.fromisoformat(entry["created_at"])),
    }
    return int(entry["id"]), row


def _check_sketches(entries: list[dict[str, Any]], image_ids: set[int]) -> None:
    """Refuse sketches that point to an image the file does not hold."""
    for entry in entries:
        if PARTS[entry["key"]].kind is not Kind.SKETCHES:
            continue
        for sketch in entry["value"]:
            if sketch["image_id"] not in image_ids:
                raise BackupError(
                    f"Een schets in '{entry['key']}' verwijst naar afbeelding "
                    f"{sketch['image_id']}, die niet in het bestand zit; er is niets "
                    "geïmporteerd. (A sketch refers to an image that is not in the file.)"
                )


def _remap_images(key: str, value: Any, new_ids: dict[int, int]) -> Any:
    if PARTS[key].kind is not Kind.SKETCHES:
        return value
    return [{**sketch, "image_id": new_ids[sketch["image_id"]]} for sketch in value]


def _has_content(connection: Connection, brief_id: int) -> bool:
    for table in (BriefPartRow, RevisionRow, ImageRow):
        query = select(table.brief_id).where(table.brief_id == brief_id).limit(1)
        if connection.execute(query).first() is not None:
            return True
    return False


@dataclass(frozen=True)
class _BriefFile:
    """What an exported brief file holds, checked: where it goes and what it brings."""

    number: int
    name: str
    title: Any
    parts: list[dict[str, Any]]
    revisions: list[dict[str, Any]]
    images: list[tuple[int, dict[str, Any]]]


def _read_brief_file(
    data: dict[str, Any], municipality: str | None, trajectory_number: int | None
) -> _BriefFile:
    if data.get("format") != BRIEF_FORMAT:
        raise _not_a_brief()
    if data.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"Onbekende versie {data.get('version')} van de export; werk Kernbrief bij. "
            "(Unknown version of the export.)"
        )
    try:
        exported_trajectory = data["trajectory"]
        number = int(
            exported_trajectory["number"] if trajectory_number is None else trajectory_number
        )
        read = _BriefFile(
            number=number,
            name=(municipality or data["municipality"]).strip(),
            title=exported_trajectory.get("title"),
            parts=[_clean_part(entry) for entry in data["parts"]],
            revisions=[_clean_part(entry) for entry in data["revisions"]],
            images=[_clean_image(entry) for entry in data["images"]],
        )
    except (KeyError, TypeError, ValueError, binascii.Error) as error:
        if isinstance(error, BackupError):
            raise
        raise _not_a_brief(str(error)) from None
    if not read.name or len(read.name) > 120:
        raise _not_a_brief("gemeente")
    _check_sketches(read.parts + read.revisions, {old_id for old_id, _ in read.images})
    return read


def _target_trajectory(engine: Engine, read: _BriefFile, chosen: bool) -> Trajectory:
    """The trajectory with the file's number; with the same title unless chosen explicitly."""
    number = read.number
    trajectory = next(
        (t for t in SqlProgrammeStore(engine).trajectories() if t.number == number), None
    )
    if trajectory is None:
        raise BackupError(
            f"Leertraject {number} bestaat niet in deze databank; er is niets geïmporteerd. "
            f"(Trajectory {number} does not exist here.)"
        )
    if not chosen and trajectory.title != read.title:
        raise BackupError(
            f"Leertraject {number} heet hier '{trajectory.title}', in het bestand "
            f"'{read.title}'. Geef het leertraject uitdrukkelijk op "
            "(--trajectory) om toch te importeren. (The trajectory titles differ.)"
        )
    return trajectory


def _store_brief_content(connection: Connection, brief_id: int, read: _BriefFile) -> None:
    """Store the images first, then the parts and their history pointing at the new images."""
    new_ids: dict[int, int] = {}
    for old_id, row in read.images:
        new_ids[old_id] = connection.execute(
            insert(ImageRow).values(brief_id=brief_id, **row).returning(ImageRow.id)
        ).scalar_one()
    for table, entries in ((BriefPartRow, read.parts), (RevisionRow, read.revisions)):
        rows = [
            {
                **entry,
                "brief_id": brief_id,
                "value": _remap_images(entry["key"], entry["value"], new_ids),
            }
            for entry in entries
        ]
        if rows:
            connection.execute(insert(table), rows)


def import_brief(
    engine: Engine,
    data: dict[str, Any],
    *,
    municipality: str | None = None,
    trajectory_number: int | None = None,
) -> int:
    """Create a brief from ``export_brief`` data in the trajectory with that number.

    Every part is validated first; sketches point to the newly stored images. Refused with
    BackupError when the trajectory does not exist or the municipality already has a brief
    in it in which something was saved. Return the id of the new brief.
    """
    read = _read_brief_file(data, municipality, trajectory_number)
    trajectory = _target_trajectory(engine, read, chosen=trajectory_number is not None)
    name, number = read.name, read.number
    refused = BackupError(
        f"{name} heeft in leertraject {number} al een designbrief met inhoud; er is niets "
        f"geïmporteerd. ({name} already has a brief with content in trajectory {number}.)"
    )
    with engine.connect() as connection:
        existing = connection.execute(
            select(BriefRow.id).where(
                BriefRow.trajectory_id == trajectory.id, BriefRow.municipality == name
            )
        ).scalar_one_or_none()
        if existing is not None and _has_content(connection, existing):
            raise refused
    brief_id = SqlProgrammeStore(engine).ensure_member(trajectory.id, name)
    with engine.begin() as connection:
        if _has_content(connection, brief_id):
            raise refused
        _store_brief_content(connection, brief_id, read)
    return brief_id
