"""The migrations build exactly the schema the code declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, insert, inspect, select, text

from briefs.demo import TRAJECTORIES
from briefs.model import Action, ActionStatus
from briefs.parts import PartValidationError, validate_part
from storage.migrate import alembic_config, migrate_to, upgrade
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.tables import Base, BriefPartRow, RevisionRow


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


def test_old_role_names_are_converted_in_stored_rows(engine: Engine) -> None:
    migrate_to(engine, "0004_notes", down=True)
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


# Choice values as revision 0005 stored them, with Dutch free text that must stay as typed.
OLD_VALUES: dict[str, Any] = {
    "challenge.departments": ["economie", "ruimte", "cultuur_toerisme"],
    "prototype.tests": [
        {"id": "t1", "idea": "gepland", "form": "proefopstelling", "decision": "doorgaan"},
        {"id": "t2", "form": None, "decision": "stoppen"},
    ],
    "roadmap.actions": [
        {"id": "a1", "title": "idee", "status": "afgerond", "priority": "hoog"},
        {"id": "a2", "status": "idee", "priority": None},
        {"id": "a3", "status": "on_hold", "priority": "laag"},
    ],
    "roadmap.decisions": [
        {"id": "d1", "body": "gemeenteraad", "status": "gepland"},
        {"id": "d2", "body": "mat", "status": "goedgekeurd"},
    ],
    "challenge.support_mat": "not_yet",
    "challenge.goal": "gepland",
}
NEW_VALUES: dict[str, Any] = {
    "challenge.departments": ["economy", "spatial_planning", "culture_tourism"],
    "prototype.tests": [
        {"id": "t1", "idea": "gepland", "form": "mockup", "decision": "continue"},
        {"id": "t2", "form": None, "decision": "stop"},
    ],
    "roadmap.actions": [
        {"id": "a1", "title": "idee", "status": "done", "priority": "high"},
        {"id": "a2", "status": "idea", "priority": None},
        {"id": "a3", "status": "on_hold", "priority": "low"},
    ],
    "roadmap.decisions": [
        {"id": "d1", "body": "council", "status": "planned"},
        {"id": "d2", "body": "management_team", "status": "approved"},
    ],
    "challenge.support_mat": "not_yet",
    "challenge.goal": "gepland",
}


def _stored(engine: Engine, table: type[BriefPartRow] | type[RevisionRow]) -> dict[str, Any]:
    with engine.connect() as connection:
        return {row.key: row.value for row in connection.execute(select(table.key, table.value))}


def test_old_choice_values_are_converted_in_parts_and_history(engine: Engine) -> None:
    migrate_to(engine, "0005_coach_role", down=True)
    programme = SqlProgrammeStore(engine)
    brief_id = programme.add_brief(programme.add_trajectory(TRAJECTORIES[2], ()), "Avelgem")
    moment = datetime(2024, 3, 1, tzinfo=UTC)
    with engine.begin() as connection:
        for key, value in OLD_VALUES.items():
            row = {"brief_id": brief_id, "key": key, "value": value, "saved_by": "x"}
            connection.execute(insert(BriefPartRow).values(**row, version=1, saved_at=moment))
            connection.execute(insert(RevisionRow).values(**row, version=1, saved_at=moment))
    upgrade(engine)
    assert _stored(engine, BriefPartRow) == NEW_VALUES
    assert _stored(engine, RevisionRow) == NEW_VALUES
    # The old values are refused by the code now; what the migration wrote is accepted.
    with pytest.raises(PartValidationError):
        validate_part("roadmap.actions", OLD_VALUES["roadmap.actions"])
    for key, value in NEW_VALUES.items():
        validate_part(key, value)
    loaded = SqlBriefStore(engine).load(brief_id)
    assert loaded.rows("roadmap.actions", Action)[0].status is ActionStatus.DONE
    migrate_to(engine, "0005_coach_role", down=True)
    assert _stored(engine, BriefPartRow) == OLD_VALUES
    assert _stored(engine, RevisionRow) == OLD_VALUES
