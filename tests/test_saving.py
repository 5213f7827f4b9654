"""Saving a part as the part editor does, on SQLite and PostgreSQL: versions, refusals, tokens."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from unittest.mock import patch

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import OperationalError

from briefs.access import Role
from briefs.content import has_content, is_blank_row, without_blank_rows
from briefs.model import Action
from storage import edit_access
from storage.accounts import AccountStore
from storage.repository import SqlBriefStore, SqlProgrammeStore
from storage.tables import AuthSessionRow, PersonRow, RevisionRow
from tests.conftest import TEST_SECRET_KEY, Seed
from web.save_api import save_payload

LOTTE = "lotte.vandenberghe@avelgem.demo"
PIETER = "pieter.claes@gent.demo"
COACH = "jonas.wouters@begeleiding.demo"
KEY = TEST_SECRET_KEY.encode()


@pytest.fixture
def seeded(engine: Engine, monkeypatch: pytest.MonkeyPatch, seed: Seed) -> Iterator[Engine]:
    """The demo on a real database, which the save endpoint reaches through DATABASE_URL."""
    seed(engine, date.today())
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    yield engine


def token_for(engine: Engine, email: str) -> tuple[str, str]:
    """Log ``email`` in as the login form does; return the edit token and the login token."""
    accounts = AccountStore(engine)
    principal = accounts.principal_by_email(email)
    assert principal is not None
    login = accounts.start_login_session(principal.person_id)
    return edit_access.issue(principal, login, KEY), login


def brief_of(engine: Engine, municipality: str) -> int:
    return SqlProgrammeStore(engine).briefs_of(municipality)[0].id


def revisions(engine: Engine, brief_id: int) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count())
                .select_from(RevisionRow)
                .where(RevisionRow.brief_id == brief_id)
            ).scalar_one()
        )


def save(
    engine: Engine,
    key: str,
    value: Any,
    *,
    email: str = LOTTE,
    base: int | None = None,
    brief_id: int | None = None,
    token: str | None = None,
) -> tuple[int, dict[str, Any]]:
    brief_id = brief_id if brief_id is not None else brief_of(engine, "Avelgem")
    if base is None:
        base = SqlBriefStore(engine).load(brief_id).part(key).version
    if token is None:
        token, _login = token_for(engine, email)
    payload = {"brief": brief_id, "part": key, "value": value, "base": base, "token": token}
    return save_payload({**payload, "lang": "nl"})


def test_a_save_stores_the_part_once_and_answers_the_version(seeded: Engine) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    before = revisions(seeded, brief_id)
    status, answer = save(seeded, "challenge.problem", "Nieuwe probleemstelling.\nTweede regel.")
    assert status == 200 and answer["status"] == "saved"
    assert answer["message"].startswith("Bewaard om ")
    stored = SqlBriefStore(seeded).load(brief_id).part("challenge.problem")
    assert stored.value == "Nieuwe probleemstelling.\nTweede regel."
    assert stored.version == answer["version"]
    assert stored.saved_by == "Lotte Vandenberghe <lotte.vandenberghe@avelgem.demo>"
    assert revisions(seeded, brief_id) == before + 1


def test_a_stale_save_is_refused_with_their_version_and_overwrites_nothing(seeded: Engine) -> None:
    briefs = SqlBriefStore(seeded)
    brief_id = brief_of(seeded, "Avelgem")
    seen = briefs.load(brief_id).part("challenge.goal").version
    briefs.save_part(brief_id, "challenge.goal", "Tekst van Sara", seen, "Sara Peeters <s@x>")
    status, answer = save(seeded, "challenge.goal", "Mijn tekst", base=seen)
    assert status == 409 and answer["status"] == "conflict"
    assert answer["theirs"] == "Tekst van Sara"
    assert answer["message"].startswith("Sara Peeters bewaarde op ")
    assert briefs.load(brief_id).text("challenge.goal") == "Tekst van Sara"
    # "Mijn versie bewaren": the same text again, now based on their version.
    status, answer = save(seeded, "challenge.goal", "Mijn tekst", base=answer["version"])
    assert status == 200
    assert briefs.load(brief_id).text("challenge.goal") == "Mijn tekst"


def test_the_same_text_arriving_twice_is_saved_once(seeded: Engine) -> None:
    """A retry after a lost answer, or the close-of-tab save after a blur save."""
    brief_id = brief_of(seeded, "Avelgem")
    base = SqlBriefStore(seeded).load(brief_id).part("challenge.means").version
    first = save(seeded, "challenge.means", "Een zone 30.", base=base)
    count = revisions(seeded, brief_id)
    again = save(seeded, "challenge.means", "Een zone 30.", base=base)
    assert first[0] == again[0] == 200
    assert again[1]["version"] == first[1]["version"]
    assert revisions(seeded, brief_id) == count


def test_blank_rows_are_never_stored_and_never_count(seeded: Engine) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    assert SqlBriefStore(seeded).load(brief_id).part("challenge.swot_threats").value == []
    rows = [
        {"id": "a1", "text": ""},
        {"id": "a2", "text": "Leegstand in de Grote Baan"},
        {"id": "a3", "text": "   "},
    ]
    status, _answer = save(seeded, "challenge.swot_threats", rows)
    assert status == 200
    stored = SqlBriefStore(seeded).load(brief_id).part("challenge.swot_threats").value
    assert stored == [{"id": "a2", "text": "Leegstand in de Grote Baan"}]
    assert not has_content("challenge.swot_threats", [{"id": "x", "text": " "}])
    assert is_blank_row(Action, {"id": "x", "title": "", "status": "idea"})
    assert not is_blank_row(Action, {"id": "x", "title": "", "status": "running"})
    assert without_blank_rows("challenge.goal", "  ") == "  "


def test_too_long_text_is_refused_with_the_limit_and_nothing_changes(seeded: Engine) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    before = SqlBriefStore(seeded).load(brief_id).part("challenge.context")
    status, answer = save(seeded, "challenge.context", "é" * 20_001)
    assert status == 422 and answer["status"] == "invalid"
    assert "langer dan 20.000 tekens" in answer["message"]
    assert SqlBriefStore(seeded).load(brief_id).part("challenge.context") == before


@pytest.mark.parametrize(
    ("key", "change", "message"),
    [
        ("roadmap.actions", {"budget": "-500.00"}, "rij 1, kolom ‘Budget (€)’"),
        ("challenge.stakeholders", {"interest": 7}, "niet hoger zijn dan 5"),
        ("challenge.swot_strengths", {"text": "x" * 501}, "langer dan 500 tekens"),
        ("challenge.key_figures", {"value": "twaalf"}, "rij 1, kolom ‘Waarde’"),
    ],
)
def test_a_refused_cell_names_its_row_and_column(
    seeded: Engine, key: str, change: dict[str, Any], message: str
) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    before = SqlBriefStore(seeded).load(brief_id).part(key)
    rows = [dict(row) for row in before.value]
    rows[0].update(change)
    status, answer = save(seeded, key, rows)
    assert status == 422
    assert message in answer["message"]
    assert "rijen" not in answer["message"]
    assert SqlBriefStore(seeded).load(brief_id).part(key) == before


def test_the_action_list_keeps_its_row_ids_and_money_in_cents(seeded: Engine) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    rows = [dict(row) for row in SqlBriefStore(seeded).load(brief_id).part("roadmap.actions").value]
    rows[0].update(owner="Dienst mobiliteit", budget="4750.50")
    rows.append(
        {"id": "n3wact10n001", "title": "Nieuwe actie", "status": "idea", "start": "2027-01-01"}
    )
    status, answer = save(seeded, "roadmap.actions", rows)
    assert status == 200
    stored = SqlBriefStore(seeded).load(brief_id).part("roadmap.actions").value
    assert [row["id"] for row in stored] == [row["id"] for row in rows]
    assert stored[0]["owner"] == "Dienst mobiliteit" and stored[0]["budget"] == "4750.50"
    assert stored[-1]["start"] == "2027-01-01"
    assert answer["value"] == stored


def test_hostile_text_is_stored_exactly_as_typed(seeded: Engine) -> None:
    hostile = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) :red[rood] $x^2$ **vet**"
    brief_id = brief_of(seeded, "Avelgem")
    assert save(seeded, "roadmap.summary", hostile)[0] == 200
    assert SqlBriefStore(seeded).load(brief_id).text("roadmap.summary") == hostile


def test_a_token_reaches_no_other_municipality_and_no_coach_can_write(seeded: Engine) -> None:
    avelgem = brief_of(seeded, "Avelgem")
    before = SqlBriefStore(seeded).load(avelgem).part("challenge.problem")
    for email in (PIETER, COACH):
        status, answer = save(seeded, "challenge.problem", "Overgenomen", email=email)
        assert status == 404 and answer["status"] == "denied"
    assert SqlBriefStore(seeded).load(avelgem).part("challenge.problem") == before


def test_a_forged_ended_idle_or_deactivated_token_saves_nothing(seeded: Engine) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    before = SqlBriefStore(seeded).load(brief_id).part("challenge.question")
    token, login = token_for(seeded, LOTTE)
    person, reference, expires, mac = token.split(".")
    forged = [
        f"{int(person) + 1}.{reference}.{expires}.{mac}",
        f"{person}.{reference}.{expires}.{'0' * 64}",
        f"{person}.sso.{int(time.time()) + 3600}.{mac}",
        "not-a-token",
    ]
    for bad in forged:
        status, answer = save(seeded, "challenge.question", "Vervalst", token=bad)
        assert status == 401 and answer["status"] == "denied", bad
    AccountStore(seeded).end_login_session(login)
    assert save(seeded, "challenge.question", "Na afmelden", token=token)[0] == 401
    token, _login = token_for(seeded, LOTTE)
    with seeded.begin() as connection:
        connection.execute(
            update(AuthSessionRow).values(last_seen_at=datetime.now(UTC) - timedelta(days=1))
        )
    assert save(seeded, "challenge.question", "Na lang wachten", token=token)[0] == 401
    token, _login = token_for(seeded, LOTTE)
    with seeded.begin() as connection:
        connection.execute(update(PersonRow).where(PersonRow.email == LOTTE).values(active=False))
    assert save(seeded, "challenge.question", "Gedeactiveerd", token=token)[0] == 401
    assert SqlBriefStore(seeded).load(brief_id).part("challenge.question") == before


def test_a_token_bound_to_no_login_session_saves_nothing(seeded: Engine) -> None:
    """Single sign-on has a login session too: no token stands on its own, not even signed."""
    principal = AccountStore(seeded).principal_by_email(LOTTE)
    assert principal is not None and principal.role is Role.PARTICIPANT
    payload = f"{principal.person_id}.sso.{int(time.time()) + 3600}"
    mac = hmac.new(KEY, b"edit|" + payload.encode(), hashlib.sha256).hexdigest()
    assert save(seeded, "challenge.scope_in", "Zonder sessie", token=f"{payload}.{mac}")[0] == 401
    unbound = edit_access.issue(principal, None, KEY)
    assert save(seeded, "challenge.scope_in", "Zonder sessie", token=unbound)[0] == 401


def test_a_database_failure_answers_that_it_is_unreachable_and_keeps_nothing(
    seeded: Engine,
) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    before = SqlBriefStore(seeded).load(brief_id).part("challenge.scope_out")
    failure = OperationalError("UPDATE", {}, Exception("database is locked"))
    with patch("storage.repository.SqlBriefStore.save_parts", side_effect=failure):
        status, answer = save(seeded, "challenge.scope_out", "Tijdens een storing")
    assert status == 503 and answer["status"] == "database"
    assert "niet bereikbaar" in answer["message"]
    assert SqlBriefStore(seeded).load(brief_id).part("challenge.scope_out") == before


def test_saving_what_is_already_stored_writes_nothing(seeded: Engine) -> None:
    briefs = SqlBriefStore(seeded)
    brief_id = brief_of(seeded, "Avelgem")
    stored = briefs.load(brief_id).part("challenge.question")
    count = revisions(seeded, brief_id)
    again = briefs.save_part(brief_id, "challenge.question", stored.value, stored.version, "x")
    assert (again.version, again.saved_at) == (stored.version, stored.saved_at)
    empty = briefs.save_part(brief_id, "challenge.swot_threats", [], 0, "x")
    assert empty.version == 0
    assert "challenge.swot_threats" not in briefs.load(brief_id).parts
    assert revisions(seeded, brief_id) == count


def test_a_colleague_adding_a_row_and_me_editing_another_are_merged(seeded: Engine) -> None:
    briefs = SqlBriefStore(seeded)
    brief_id = brief_of(seeded, "Avelgem")
    seen = briefs.load(brief_id).part("roadmap.risks")
    theirs = [*seen.value, {"id": "sara1", "risk": "Risico van Sara", "mitigation": ""}]
    briefs.save_part(brief_id, "roadmap.risks", theirs, seen.version, "Sara Peeters <s@x>")
    mine = [dict(r) for r in seen.value]
    mine[0]["mitigation"] = "Mijn maatregel"
    status, answer = save(seeded, "roadmap.risks", mine, base=seen.version)
    assert status == 200 and answer["merged"] is True
    stored = briefs.load(brief_id).part("roadmap.risks").value
    assert stored[0]["mitigation"] == "Mijn maatregel"
    assert stored[-1]["risk"] == "Risico van Sara"
    assert answer["value"] == stored
    # The same row changed differently is still the people's choice, never merged.
    again = briefs.load(brief_id).part("roadmap.risks")
    rows = [dict(r) for r in again.value]
    rows[0]["mitigation"] = "Maatregel van Sara"
    briefs.save_part(brief_id, "roadmap.risks", rows, again.version, "Sara Peeters <s@x>")
    mine = [dict(r) for r in again.value]
    mine[0]["mitigation"] = "Nog een maatregel van mij"
    status, answer = save(seeded, "roadmap.risks", mine, base=again.version)
    assert status == 409 and answer["message"].startswith("Sara Peeters bewaarde op ")


def test_a_conflict_with_my_own_other_tab_says_so(seeded: Engine) -> None:
    briefs = SqlBriefStore(seeded)
    brief_id = brief_of(seeded, "Avelgem")
    seen = briefs.load(brief_id).part("challenge.means").version
    me = "Lotte Vandenberghe <lotte.vandenberghe@avelgem.demo>"
    briefs.save_part(brief_id, "challenge.means", "Uit het andere tabblad", seen, me)
    status, answer = save(seeded, "challenge.means", "Uit dit tabblad", base=seen)
    assert status == 409
    assert answer["message"].startswith("Je bewaarde dit deel op ")


def test_a_date_outside_1900_to_2100_is_refused(seeded: Engine) -> None:
    brief_id = brief_of(seeded, "Avelgem")
    before = SqlBriefStore(seeded).load(brief_id).part("roadmap.milestones")
    rows = [dict(row) for row in before.value]
    rows[0]["date"] = "0025-03-15"
    status, answer = save(seeded, "roadmap.milestones", rows)
    assert status == 422
    assert "rij 1, kolom ‘Datum’: de datum moet tussen 1900 en 2100 liggen" in answer["message"]
    assert SqlBriefStore(seeded).load(brief_id).part("roadmap.milestones") == before
