"""The migrations build exactly the schema the code declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from storage.migrate import alembic_config, upgrade
from storage.tables import Base


def test_migrated_schema_matches_the_tables(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert {"briefs", "brief_parts", "revisions", "images"} <= set(
        inspect(engine).get_table_names()
    )


def test_upgrading_twice_is_harmless(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert head is not None and current == head


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def test_old_role_names_are_converted_in_stored_rows(engine: Engine) -> None:
    _migrate(engine, "0004_notes", down=True)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO people (email, name, role, municipality, active)"
                " VALUES ('jonas@x.be', 'Jonas', 'facilitator', '', true)"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        roles = connection.execute(text("SELECT role FROM people")).scalars().all()
    assert roles == ["coach"]
