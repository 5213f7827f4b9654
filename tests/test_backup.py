"""Backups while the app saves, restores, moving one brief as JSON, durability and the CLI."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from PIL import Image
from sqlalchemy import Engine, func, select, text

from briefs.demo import TRAJECTORIES, workshops_for
from briefs.images import clean_image
from briefs.parts import PARTS, Kind
from storage.backup import (
    BackupError,
    backup,
    backup_format,
    export_brief,
    find_pg_tool,
    import_brief,
    read_brief_file,
    restore,
    write_brief_file,
)
from storage.db import make_engine
from storage.migrate import alembic_config, upgrade
from storage.old_values import DUTCH, PARTS_WITH_CHOICES, renamed
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.tables import BriefPartRow, BriefRow, ImageRow, PersonRow, RevisionRow
from tests.conftest import PROJECT_ROOT, Seed, missing, run_manage
from tests.postgres import PostgresServer

KEY = "challenge.problem"

# Saves one text part again and again, printing each version once the database has
# acknowledged it, until a stop file appears (or the limit is reached).
BURST = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from storage.db import make_engine
from storage.repository import SqlBriefStore
url, brief_id, stop, limit = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
store = SqlBriefStore(make_engine(url))
version = store.current(brief_id, "challenge.problem").version
for _ in range(limit):
    if stop.exists():
        break
    text = f"Versie {version + 1}"
    version = store.save_part(brief_id, "challenge.problem", text, version, "burst").version
    print(version, flush=True)
"""


class Burst:
    """A separate process saving one part in a burst; collects the acknowledged versions."""

    def __init__(self, url: str, brief_id: int, folder: Path, limit: int = 20_000):
        self.stop_file = folder / f"stop-{uuid.uuid4().hex}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                BURST,
                str(PROJECT_ROOT),
                url,
                str(brief_id),
                str(self.stop_file),
                str(limit),
            ],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._lock = threading.Lock()
        self._versions: list[int] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.endswith("\n"):
                with self._lock:
                    self._versions.append(int(line))

    def acknowledged(self) -> list[int]:
        with self._lock:
            return list(self._versions)

    def wait_for(self, count: int, timeout: float = 120) -> list[int]:
        deadline = time.monotonic() + timeout
        while len(self.acknowledged()) < count:
            if self.process.poll() is not None:
                self._reader.join(5)
                assert self.process.stderr is not None
                pytest.fail(f"the saving process ended early: {self.process.stderr.read()}")
            assert time.monotonic() < deadline, "the saving process is too slow"
            time.sleep(0.005)
        return self.acknowledged()

    def stop(self) -> list[int]:
        self.stop_file.touch()
        assert self.process.wait(60) == 0
        self._reader.join(10)
        return self.acknowledged()

    def kill(self) -> list[int]:
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(60) == -signal.SIGKILL
        self._reader.join(10)
        return self.acknowledged()


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _sqlite(path: Path) -> str:
    return f"sqlite:///{path}"


def _new_postgres(server: PostgresServer) -> str:
    """Create an empty database on the test server and return its URL."""
    name = f"kb_{uuid.uuid4().hex[:12]}"
    admin = make_engine(server.url("postgres")).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.url(name)


Demo = Callable[[str], tuple[Engine, int]]


@pytest.fixture
def demo(seed: Seed) -> Demo:
    """Put the migrated demo at a URL; return its engine and Avelgem's brief id."""

    def seeded(url: str) -> tuple[Engine, int]:
        engine = make_engine(url)
        return engine, seed(engine, date(2024, 3, 1))["Avelgem"]

    return seeded


@pytest.fixture
def disposing() -> Iterator[list[Engine]]:
    engines: list[Engine] = []
    yield engines
    for engine in engines:
        engine.dispose()


def _revision_versions(engine: Engine, brief_id: int) -> list[int]:
    with engine.connect() as connection:
        return list(
            connection.execute(
                select(RevisionRow.version)
                .where(RevisionRow.brief_id == brief_id, RevisionRow.key == KEY)
                .order_by(RevisionRow.version)
            ).scalars()
        )


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def _backup_during_burst(
    url: str, brief_id: int, target: Path, folder: Path, **options: Any
) -> list[int]:
    """Back up while another process saves; return the versions acknowledged before."""
    burst = Burst(url, brief_id, folder)
    try:
        burst.wait_for(100)
        before = burst.acknowledged()
        backup(url, target, **options)
        after_backup = len(burst.acknowledged())
        # The saves went on during the backup and after it: the app was not held up.
        assert burst.process.poll() is None
        burst.wait_for(after_backup + 20)
        assert len(burst.stop()) > after_backup
    finally:
        if burst.process.poll() is None:
            burst.kill()
    return before


def _assert_restored_burst(engine: Engine, brief_id: int, before: list[int]) -> None:
    """Every version acknowledged before the backup is there, and the copy is consistent."""
    versions = _revision_versions(engine, brief_id)
    assert set(before) <= set(versions)
    part = SqlBriefStore(engine).load(brief_id).part(KEY)
    assert part.version >= before[-1]
    # One moment of the database: the part and its history agree, with no gap.
    assert part.version == versions[-1]
    assert versions == list(range(1, part.version + 1))
    assert part.value == f"Versie {part.version}"


def _assert_new_rows_do_not_collide(engine: Engine, brief_id: int) -> None:
    store = SqlBriefStore(engine)
    current = store.load(brief_id).part(KEY)
    saved = store.save_part(brief_id, KEY, "Na het terugzetten", current.version, "test")
    assert saved.version == current.version + 1
    programme = SqlProgrammeStore(engine)
    trajectory = programme.trajectories()[0]
    new_id = programme.add_brief(trajectory.id, "Nieuwe gemeente")
    assert new_id > max(ref.id for ref in programme.all_briefs() if ref.id != new_id)


# --- whole-database backups -------------------------------------------------------------


def test_sqlite_backup_while_saving_keeps_every_acknowledged_save(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    url = _sqlite(tmp_path / "live.db")
    source, brief_id = demo(url)
    disposing.append(source)
    target = tmp_path / "backup" / "kernbrief.db"
    before = _backup_during_burst(url, brief_id, target, tmp_path)
    assert backup_format(target) == "sqlite"
    assert _integrity(target) == "ok"

    restored_path = tmp_path / "restored.db"
    restore(target, _sqlite(restored_path))
    assert _integrity(restored_path) == "ok"
    restored = make_engine(_sqlite(restored_path))
    disposing.append(restored)
    _assert_restored_burst(restored, brief_id, before)
    assert len(SqlProgrammeStore(restored).people()) == len(SqlProgrammeStore(source).people())


@pytest.mark.parametrize("logical", [False, True], ids=["pg_dump", "logical"])
def test_postgres_backup_while_saving_keeps_every_acknowledged_save(
    postgres_server: PostgresServer,
    tmp_path: Path,
    disposing: list[Engine],
    logical: bool,
    demo: Demo,
) -> None:
    if not logical and find_pg_tool("pg_dump") is None:
        missing("pg_dump")
    url = _new_postgres(postgres_server)
    source, brief_id = demo(url)
    disposing.append(source)
    target = tmp_path / "kernbrief.backup"
    before = _backup_during_burst(url, brief_id, target, tmp_path, logical=logical)
    assert backup_format(target) == ("json" if logical else "pg_dump")

    restored_url = _new_postgres(postgres_server)
    restore(target, restored_url)
    restored = make_engine(restored_url)
    disposing.append(restored)
    _assert_restored_burst(restored, brief_id, before)
    assert SqlBriefStore(restored).load(brief_id).parts.keys() == (
        SqlBriefStore(source).load(brief_id).parts.keys()
    )
    # The id sequences were moved past the restored rows.
    _assert_new_rows_do_not_collide(restored, brief_id)


def test_backups_restore_across_database_kinds(
    postgres_server: PostgresServer, tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    sqlite_source, brief_id = demo(_sqlite(tmp_path / "source.db"))
    postgres_source, postgres_brief_id = demo(_new_postgres(postgres_server))
    disposing += [sqlite_source, postgres_source]
    assert postgres_brief_id == brief_id
    backup(_url(sqlite_source), tmp_path / "from-sqlite.db")
    backup(_url(postgres_source), tmp_path / "from-postgres.json", logical=True)
    backup(_url(sqlite_source), tmp_path / "from-sqlite.json", logical=True)

    cases = (
        ("from-sqlite.db", _new_postgres(postgres_server), sqlite_source),
        ("from-sqlite.json", _new_postgres(postgres_server), sqlite_source),
        ("from-postgres.json", _sqlite(tmp_path / "into-sqlite.db"), postgres_source),
    )
    for name, url, source in cases:
        restore(tmp_path / name, url)
        restored = make_engine(url)
        disposing.append(restored)
        assert SqlBriefStore(restored).load(brief_id) == SqlBriefStore(source).load(brief_id), name
        assert SqlBriefStore(restored).image(brief_id, 1) == SqlBriefStore(source).image(
            brief_id, 1
        )
        assert [p.email for p in SqlProgrammeStore(restored).people()] == [
            p.email for p in SqlProgrammeStore(source).people()
        ]
        _assert_new_rows_do_not_collide(restored, brief_id)
    # A pg_dump archive needs PostgreSQL; the SQLite target is not even created.
    if find_pg_tool("pg_dump") is not None:
        backup(_url(postgres_source), tmp_path / "archive.dump")
        with pytest.raises(BackupError, match="alleen in PostgreSQL"):
            restore(tmp_path / "archive.dump", _sqlite(tmp_path / "never.db"))
        assert not (tmp_path / "never.db").exists()


def test_restore_refuses_a_database_that_holds_briefs_or_people(
    engine: Engine, tmp_path: Path, demo: Demo, seed: Seed
) -> None:
    seed(engine, date(2024, 3, 1))
    source = tmp_path / "source.db"
    seeded, _ = demo(_sqlite(source))
    seeded.dispose()
    backup(_sqlite(source), tmp_path / "backup.db")
    with engine.connect() as connection:
        briefs = connection.execute(select(func.count()).select_from(BriefRow)).scalar_one()
        people = connection.execute(select(func.count()).select_from(PersonRow)).scalar_one()
    with pytest.raises(BackupError, match="niet leeg") as refused:
        restore(tmp_path / "backup.db", _url(engine))
    assert f"{briefs} designbriefs en {people} personen" in str(refused.value)
    assert "(The target database is not empty" in str(refused.value)
    # Nothing was touched.
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(BriefRow)).scalar_one() == briefs


def test_backup_refuses_to_overwrite_and_never_leaves_a_half_file(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    url = _sqlite(tmp_path / "live.db")
    source, _ = demo(url)
    disposing.append(source)
    folder = tmp_path / "backups"
    folder.mkdir()
    target = folder / "kernbrief.db"
    target.write_bytes(b"yesterday")
    with pytest.raises(BackupError, match="bestaat al"):
        backup(url, target)
    assert target.read_bytes() == b"yesterday"
    backup(url, target, overwrite=True)
    assert backup_format(target) == "sqlite"
    assert target.stat().st_mode & 0o077 == 0
    # A failing backup leaves neither the target nor a temporary file.
    with pytest.raises(BackupError, match="bestaat niet"):
        backup(_sqlite(tmp_path / "missing.db"), folder / "other.db")
    assert sorted(p.name for p in folder.iterdir()) == ["kernbrief.db"]


def test_an_incomplete_logical_dump_restores_nothing(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    url = _sqlite(tmp_path / "live.db")
    source, _ = demo(url)
    disposing.append(source)
    dump = tmp_path / "dump.json"
    backup(url, dump, logical=True)
    lines = dump.read_text().splitlines(keepends=True)
    assert json.loads(lines[-1])["rows"] == len(lines) - 2
    cut = tmp_path / "cut.json"
    cut.write_text("".join(lines[:-5]))
    target = _sqlite(tmp_path / "target.db")
    with pytest.raises(BackupError, match="onvolledig"):
        restore(cut, target)
    restored = make_engine(target)
    disposing.append(restored)
    assert SqlProgrammeStore(restored).all_briefs() == []
    # The full dump restores into the same database afterwards.
    restore(dump, target)
    assert len(SqlProgrammeStore(restored).all_briefs()) == len(
        SqlProgrammeStore(source).all_briefs()
    )
    with pytest.raises(BackupError, match="geen back-up"):
        restore(_not_a_backup(tmp_path), target)


def _not_a_backup(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("not a backup")
    return path


# --- one brief as JSON ------------------------------------------------------------------


def _programme_only(url: str) -> Engine:
    """A migrated database with the trajectories and sessions, but no briefs or people."""
    engine = make_engine(url)
    upgrade(engine)
    programme = SqlProgrammeStore(engine)
    for trajectory in TRAJECTORIES:
        programme.add_trajectory(trajectory, workshops_for(trajectory.number, date(2024, 3, 1)))
    return engine


def _png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("direction", ["sqlite-to-postgresql", "postgresql-to-sqlite"])
def test_one_brief_moves_between_installations_as_json(
    postgres_server: PostgresServer,
    tmp_path: Path,
    disposing: list[Engine],
    direction: str,
    demo: Demo,
) -> None:
    sqlite_url, postgres_url = _sqlite(tmp_path / "one.db"), _new_postgres(postgres_server)
    source_url, target_url = (
        (sqlite_url, postgres_url)
        if direction == "sqlite-to-postgresql"
        else (postgres_url, sqlite_url)
    )
    source, brief_id = demo(source_url)
    target = _programme_only(target_url)
    disposing += [source, target]
    store = SqlBriefStore(source)
    # A longer history, and a third sketch uploaded by the participant.
    current = store.load(brief_id).part(KEY)
    store.save_part(brief_id, KEY, current.value + " Aangevuld.", current.version, "Lotte")
    sketches = store.load(brief_id).part("prototype.sketches")
    extra = store.add_image(brief_id, clean_image(_png((10, 200, 30))))
    store.save_part(
        brief_id,
        "prototype.sketches",
        [*sketches.value, {"image_id": extra, "caption": "Nieuwe schets"}],
        sketches.version,
        "Lotte",
    )
    # The target already holds images, so the imported ones get other ids.
    programme = SqlProgrammeStore(target)
    number_three = next(t for t in programme.trajectories() if t.number == 3)
    other = programme.ensure_member(number_three.id, "Hulshout")
    for shade in range(4):
        SqlBriefStore(target).add_image(other, clean_image(_png((shade * 40, 0, 0))))

    exported = tmp_path / "avelgem.json"
    write_brief_file(export_brief(source, brief_id), exported)
    new_id = import_brief(target, read_brief_file(exported))

    ref = programme.brief_ref(new_id)
    assert ref.municipality == "Avelgem"
    assert programme.trajectory(ref.trajectory_id).number == 3
    before, after = store.load(brief_id), SqlBriefStore(target).load(new_id)
    assert before.parts.keys() == after.parts.keys()
    assert len(before.parts) > 30
    remapped = 0
    for key, part in before.parts.items():
        moved = after.parts[key]
        assert (moved.version, moved.saved_at, moved.saved_by) == (
            part.version,
            part.saved_at,
            part.saved_by,
        ), key
        if PARTS[key].kind is Kind.SKETCHES:
            assert len(moved.value) == len(part.value) == 3
            for old, new in zip(part.value, moved.value, strict=True):
                assert new["caption"] == old["caption"]
                assert new["image_id"] != old["image_id"]
                image = SqlBriefStore(target).image(new_id, new["image_id"])
                assert image is not None
                assert image == store.image(brief_id, old["image_id"])
                remapped += 1
        else:
            assert moved.value == part.value, key
    assert remapped == 3
    history_before, history_after = store.history(brief_id), SqlBriefStore(target).history(new_id)
    assert {k: len(v) for k, v in history_after.items()} == {
        k: len(v) for k, v in history_before.items()
    }
    assert [p.value for p in history_after[KEY]] == [p.value for p in history_before[KEY]]
    with target.connect() as connection:
        images = connection.execute(
            select(func.count()).select_from(ImageRow).where(ImageRow.brief_id == new_id)
        ).scalar_one()
    assert images == 3

    # The same brief again: Avelgem now has a brief with content in trajectory 3.
    with pytest.raises(BackupError, match="al een designbrief met inhoud"):
        import_brief(target, read_brief_file(exported))
    assert len(programme.briefs_of("Avelgem")) == 1


def test_import_refuses_unknown_parts_bad_values_and_missing_trajectories(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    source, brief_id = demo(_sqlite(tmp_path / "source.db"))
    target = _programme_only(_sqlite(tmp_path / "target.db"))
    disposing += [source, target]
    data = export_brief(source, brief_id)
    programme = SqlProgrammeStore(target)

    unknown = json.loads(json.dumps(data))
    unknown["parts"].append({**unknown["parts"][0], "key": "challenge.horoscope"})
    with pytest.raises(BackupError, match=r"onbekende onderdeel 'challenge\.horoscope'"):
        import_brief(target, unknown)

    too_long = json.loads(json.dumps(data))
    entry = next(p for p in too_long["parts"] if p["key"] == "challenge.question")
    entry["value"] = "Hoe kunnen we " + "x" * 1000
    with pytest.raises(BackupError, match=r"'challenge\.question'"):
        import_brief(target, too_long)

    broken_sketch = json.loads(json.dumps(data))
    broken_sketch["images"] = broken_sketch["images"][:1]
    with pytest.raises(BackupError, match="afbeelding"):
        import_brief(target, broken_sketch)

    with pytest.raises(BackupError, match="Leertraject 42 bestaat niet"):
        import_brief(target, data, trajectory_number=42)

    renamed = json.loads(json.dumps(data))
    renamed["trajectory"]["title"] = "Een ander traject"
    with pytest.raises(BackupError, match="--trajectory"):
        import_brief(target, renamed)

    with pytest.raises(BackupError, match="geen geldige export"):
        import_brief(target, {"format": "kernbrief-brief", "version": 1})

    # Nothing of the refused imports was stored.
    assert programme.all_briefs() == []
    with target.connect() as connection:
        assert connection.execute(select(func.count()).select_from(ImageRow)).scalar_one() == 0

    # Under another name and in another trajectory it goes in.
    new_id = import_brief(target, renamed, municipality="Kortrijk", trajectory_number=5)
    ref = programme.brief_ref(new_id)
    assert ref.municipality == "Kortrijk"
    assert programme.trajectory(ref.trajectory_id).number == 5
    assert SqlBriefStore(target).load(new_id).parts.keys() == (
        SqlBriefStore(source).load(brief_id).parts.keys()
    )


# --- durability -------------------------------------------------------------------------


def test_every_acknowledged_save_survives_a_killed_process(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    path = tmp_path / "live.db"
    source, brief_id = demo(_sqlite(path))
    source.dispose()
    burst = Burst(_sqlite(path), brief_id, tmp_path)
    try:
        burst.wait_for(300)
        assert burst.process.poll() is None
    finally:
        acknowledged = burst.kill()
    assert len(acknowledged) >= 300
    assert _integrity(path) == "ok"
    reopened = make_engine(_sqlite(path))
    disposing.append(reopened)
    versions = _revision_versions(reopened, brief_id)
    assert set(acknowledged) <= set(versions)
    part = SqlBriefStore(reopened).load(brief_id).part(KEY)
    assert part.version >= acknowledged[-1]
    assert part.value == f"Versie {part.version}"


# --- the command line -------------------------------------------------------------------


def _manage(url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_manage(*arguments, env={**os.environ, "DATABASE_URL": url})


def _refused(done: subprocess.CompletedProcess[str], message: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_the_commands_back_up_restore_export_and_import(
    demo_url: str, tmp_path: Path, disposing: list[Engine]
) -> None:
    source = make_engine(demo_url)
    disposing.append(source)
    avelgem = SqlProgrammeStore(source).briefs_of("Avelgem")[0].id
    target = tmp_path / "nightly" / "kernbrief.db"

    done = _manage(demo_url, "backup", str(target))
    assert done.returncode == 0, done.stderr
    assert f"Back-up geschreven: {target} (SQLite-kopie)." in done.stdout
    _refused(_manage(demo_url, "backup", str(target)), "bestaat al")
    done = _manage(demo_url, "backup", str(target), "--overwrite")
    assert done.returncode == 0, done.stderr

    restored_url = _sqlite(tmp_path / "restored.db")
    done = _manage(restored_url, "restore", str(target))
    assert done.returncode == 0, done.stderr
    briefs = len(SqlProgrammeStore(source).all_briefs())
    assert f"Back-up teruggezet uit {target}: {briefs} designbriefs en 5 personen." in done.stdout
    restored = make_engine(restored_url)
    disposing.append(restored)
    assert SqlBriefStore(restored).load(avelgem) == SqlBriefStore(source).load(avelgem)
    _refused(_manage(restored_url, "restore", str(target)), "De doeldatabank is niet leeg")
    _refused(_manage(restored_url, "restore", str(tmp_path / "nope.db")), "bestaat niet")

    exported = tmp_path / "avelgem.json"
    done = _manage(demo_url, "export-json", str(avelgem), "-o", str(exported))
    assert done.returncode == 0, done.stderr
    assert f"Geschreven: {exported} (Avelgem, leertraject 3," in done.stdout
    assert json.loads(exported.read_text())["municipality"] == "Avelgem"
    _refused(_manage(demo_url, "export-json", "99999", "-o", str(tmp_path)), "bestaat niet")
    _refused(_manage(demo_url, "export-json", str(avelgem), "-o", str(exported)), "bestaat al")

    _refused(_manage(restored_url, "import-json", str(exported)), "al een designbrief met inhoud")
    _refused(
        _manage(restored_url, "import-json", str(exported), "--leertraject", "99"),
        "Leertraject 99 bestaat niet",
    )
    _refused(_manage(restored_url, "restore", str(exported)), "gebruik import-json")
    done = _manage(restored_url, "import-json", str(exported), "--municipality", "Kortrijk")
    assert done.returncode == 0, done.stderr
    assert "Designbrief geïmporteerd: nummer" in done.stdout
    assert "Kortrijk, leertraject 3." in done.stdout
    imported = SqlProgrammeStore(restored).briefs_of("Kortrijk")
    assert len(imported) == 1
    moved = SqlBriefStore(restored).load(imported[0].id)
    assert moved.part(KEY) == SqlBriefStore(source).load(avelgem).part(KEY)


def test_the_commands_back_up_and_restore_postgresql(
    postgres_server: PostgresServer, tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    source, brief_id = demo(_new_postgres(postgres_server))
    disposing.append(source)
    # Operators write the plain scheme; the commands use psycopg 3 for it.
    plain = _url(source).replace("postgresql+psycopg://", "postgresql://")
    target = tmp_path / "kernbrief.backup"
    done = _manage(plain, "backup", str(target))
    assert done.returncode == 0, done.stderr
    assert "Back-up geschreven:" in done.stdout
    expected = "pg_dump" if find_pg_tool("pg_dump") is not None else "json"
    assert backup_format(target) == expected

    restored_url = _new_postgres(postgres_server)
    done = _manage(restored_url.replace("+psycopg", ""), "restore", str(target))
    assert done.returncode == 0, done.stderr
    assert "Back-up teruggezet" in done.stdout
    restored = make_engine(restored_url)
    disposing.append(restored)
    assert SqlBriefStore(restored).load(brief_id) == SqlBriefStore(source).load(brief_id)
    _refused(_manage(restored_url, "restore", str(target)), "De doeldatabank is niet leeg")


def test_an_export_from_before_english_choice_values_still_imports(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    source, brief_id = demo(_sqlite(tmp_path / "source.db"))
    target = _programme_only(_sqlite(tmp_path / "target.db"))
    disposing += [source, target]
    data = export_brief(source, brief_id)
    # The same file as an installation before migration 0006 wrote it: Dutch choice values.
    for entry in data["parts"] + data["revisions"]:
        entry["value"] = renamed(entry["key"], entry["value"], DUTCH)
    actions = next(entry["value"] for entry in data["parts"] if entry["key"] == "roadmap.actions")
    assert {action["status"] for action in actions} >= {"lopend", "gepland"}
    new_id = import_brief(target, data)
    before, after = SqlBriefStore(source), SqlBriefStore(target)
    for key in sorted(PARTS_WITH_CHOICES):
        assert after.load(new_id).part(key).value == before.load(brief_id).part(key).value, key
        assert after.revisions(new_id, key) == before.revisions(brief_id, key), key


def test_a_backup_from_before_english_choice_values_is_converted_on_restore(
    tmp_path: Path, disposing: list[Engine], demo: Demo
) -> None:
    source, brief_id = demo(_sqlite(tmp_path / "source.db"))
    disposing.append(source)
    expected = SqlBriefStore(source).load(brief_id).part("roadmap.actions").value
    # Back to the schema and the values of revision 0005, as an older installation held them.
    config = alembic_config(source)
    with source.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005_coach_role")
    with source.connect() as connection:
        stored = connection.execute(
            select(BriefPartRow.value).where(
                BriefPartRow.brief_id == brief_id, BriefPartRow.key == "roadmap.actions"
            )
        ).scalar_one()
    assert {action["status"] for action in stored} >= {"lopend", "gepland"}
    backup(_url(source), tmp_path / "old.db")
    restored_url = _sqlite(tmp_path / "restored.db")
    restore(tmp_path / "old.db", restored_url)
    restored = make_engine(restored_url)
    disposing.append(restored)
    assert SqlBriefStore(restored).load(brief_id).part("roadmap.actions").value == expected
