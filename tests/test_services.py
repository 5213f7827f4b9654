"""The use cases of services/: step marks, restores and a reset, with their access rules."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from briefs.access import Principal
from briefs.cohort import StepStatus
from services.accounts import reset_password
from services.history import restore_step, restore_version
from services.review import mark_step
from storage.accounts import AccountStore
from storage.audit import AuditLog
from storage.db import make_engine
from storage.feedback import FeedbackStore
from storage.invitations import CodeRefused
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore, StaleWrite
from storage.secure import SecureBriefStore
from tests.fixtures_web import copy_database, seed_template

LOTTE = "lotte.vandenberghe@avelgem.demo"
PIETER = "pieter.claes@gent.demo"
COACH = "jonas.wouters@begeleiding.demo"
AUTHOR = "Lotte Vandenberghe <lotte.vandenberghe@avelgem.demo>"


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("services"))


@pytest.fixture
def engine(seeded_file: Path, tmp_path: Path) -> Engine:
    return make_engine(copy_database(seeded_file, tmp_path))


def who(engine: Engine, email: str) -> Principal:
    found = AccountStore(engine).principal_by_email(email)
    assert found is not None, email
    return found


def store(engine: Engine, email: str) -> SecureBriefStore:
    return SecureBriefStore(SqlBriefStore(engine), SqlProgrammeStore(engine), who(engine, email))


def avelgem(engine: Engine) -> int:
    return SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id


def test_a_participant_marks_ready_and_only_a_coach_marks_reviewed(engine: Engine) -> None:
    programme, brief_id = SqlProgrammeStore(engine), avelgem(engine)
    lotte, coach = who(engine, LOTTE), who(engine, COACH)
    mark_step(programme, lotte, brief_id, 2, StepStatus.READY)
    assert FeedbackStore(programme, coach).marks([brief_id])[brief_id] == {2: "ready"}
    with pytest.raises(NotFound):
        mark_step(programme, lotte, brief_id, 2, StepStatus.REVIEWED)
    with pytest.raises(NotFound):
        mark_step(programme, who(engine, PIETER), brief_id, 2, None)
    mark_step(programme, coach, brief_id, 2, StepStatus.REVIEWED)
    assert FeedbackStore(programme, coach).marks([brief_id])[brief_id] == {2: "reviewed"}
    with pytest.raises(NotFound):
        mark_step(programme, lotte, 10_000, 2, StepStatus.READY)


def test_restoring_a_version_saves_it_as_the_newest_and_keeps_history(engine: Engine) -> None:
    briefs, brief_id, key = store(engine, LOTTE), avelgem(engine), "challenge.problem"
    start = briefs.load(brief_id).part(key)
    first = briefs.save_part(brief_id, key, "Eerste versie", start.version, AUTHOR)
    second = briefs.save_part(brief_id, key, "Tweede versie", first.version, AUTHOR)
    with pytest.raises(StaleWrite):
        restore_version(briefs, brief_id, key, first.version, first.version, AUTHOR)
    with pytest.raises(NotFound):
        restore_version(store(engine, COACH), brief_id, key, first.version, second.version, "x")
    with pytest.raises(NotFound):
        restore_version(briefs, brief_id, key, 999, second.version, AUTHOR)
    restored = restore_version(briefs, brief_id, key, first.version, second.version, AUTHOR)
    assert (restored.value, restored.version) == ("Eerste versie", second.version + 1)
    values = [revision.value for revision in briefs.revisions(brief_id, key)]
    assert values[-3:] == ["Eerste versie", "Tweede versie", "Eerste versie"]


def test_restoring_a_step_puts_every_part_back_or_none(engine: Engine) -> None:
    briefs, brief_id = store(engine, LOTTE), avelgem(engine)
    seen = briefs.load(brief_id)
    problem, goal = seen.part("challenge.problem"), seen.part("challenge.goal")
    moment = briefs.save_part(brief_id, "challenge.problem", "Toen", problem.version, AUTHOR)
    assert moment.saved_at is not None
    briefs.save_part(brief_id, "challenge.problem", "Nu", moment.version, AUTHOR)
    briefs.save_part(brief_id, "challenge.goal", "Nieuw doel", goal.version, AUTHOR)
    stale = seen  # drawn before the last saves: restoring from it must not overwrite them
    with pytest.raises(StaleWrite):
        restore_step(briefs, stale, 1, moment.saved_at, AUTHOR)
    assert briefs.load(brief_id).part("challenge.goal").value == "Nieuw doel"
    changed = restore_step(briefs, briefs.load(brief_id), 1, moment.saved_at, AUTHOR)
    assert set(changed) == {"challenge.problem", "challenge.goal"}
    now = briefs.load(brief_id)
    assert now.part("challenge.problem").value == "Toen"
    assert now.part("challenge.goal").value == goal.value


def test_a_failed_reset_leaves_the_code_and_the_old_password(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts = AccountStore(engine)
    lotte = who(engine, LOTTE)
    login = accounts.start_login_session(lotte.person_id)
    code = accounts.request_reset(who(engine, COACH), LOTTE)

    def broken(*_args: object) -> None:
        raise RuntimeError("the database went away")

    with monkeypatch.context() as patched, pytest.raises(RuntimeError):
        patched.setattr(AuditLog, "record", broken)
        reset_password(engine, code, "een nieuw wachtwoord")
    assert accounts.resolve_login_session(login, timedelta(hours=1))
    assert accounts.authenticate(LOTTE, "kernbrief-demo", "test") == lotte
    reset_password(engine, code, "een nieuw wachtwoord")
    with pytest.raises(CodeRefused):
        reset_password(engine, code, "nog een wachtwoord")
