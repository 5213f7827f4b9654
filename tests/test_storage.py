"""Storage on a real SQLite file and a real PostgreSQL server, and the in-memory fake."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies
from PIL import Image
from sqlalchemy import Engine, select

from briefs.images import clean_image
from briefs.model import has_unencodable, storable_text
from briefs.parts import PartValidationError
from briefs.programme import BriefRef, Trajectory
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore, StaleWrite
from storage.seed import seed_demo
from storage.tables import RevisionRow
from tests.conftest import Seed


def _brief(engine: Engine, seed: Seed) -> tuple[SqlBriefStore, int]:
    seed(engine, date(2024, 3, 1))
    return SqlBriefStore(engine), SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_saved_field_is_loaded_back_exactly(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    pasted = "Uit Word:\r\n\t• punt één — “quote” 🏙️\u200b\n\u2028 regel\u00a0€ 1.250,00"
    before = store.load(brief_id).part("challenge.problem")
    saved = store.save_part(brief_id, "challenge.problem", pasted, before.version, "tester")
    again = store.load(brief_id).part("challenge.problem")
    assert again.value == pasted
    assert again.version == saved.version == before.version + 1
    assert again.saved_by == "tester"
    assert again.saved_at is not None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=strategies.text(max_size=400))
def test_any_text_is_stored_and_loaded_back(engine: Engine, text: str) -> None:
    store = SqlBriefStore(engine)
    programme = SqlProgrammeStore(engine)
    refs = programme.briefs_of("Proefgemeente")
    if not refs:
        trajectory_id = programme.add_trajectory(
            Trajectory(0, 99, "Proef", "leegstand", "2024"), []
        )
        refs = [BriefRef(programme.add_brief(trajectory_id, "Proefgemeente"), 0, "")]
    brief_id = refs[0].id
    current = store.load(brief_id).part("challenge.context")
    store.save_part(brief_id, "challenge.context", text, current.version, "hypothesis")
    assert store.load(brief_id).text("challenge.context") == storable_text(text)
    if "\x00" not in text and not has_unencodable(text):
        assert storable_text(text) == text


def test_a_stale_save_is_refused_and_changes_nothing(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    base = store.load(brief_id).part("challenge.goal").version
    store.save_part(brief_id, "challenge.goal", "versie van de collega", base, "collega")
    with pytest.raises(StaleWrite) as refused:
        store.save_part(brief_id, "challenge.goal", "mijn versie", base, "ik")
    assert refused.value.current.value == "versie van de collega"
    assert store.load(brief_id).text("challenge.goal") == "versie van de collega"


def test_two_first_saves_of_a_new_part_cannot_both_win(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    key = "challenge.scope_in"
    hulshout = SqlProgrammeStore(engine).briefs_of("Hulshout")[0].id
    store.save_part(hulshout, key, "eerste", 0, "a")
    with pytest.raises(StaleWrite):
        store.save_part(hulshout, key, "tweede", 0, "b")
    assert store.load(hulshout).text(key) == "eerste"
    assert brief_id != hulshout


def test_parts_of_one_brief_save_independently(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    brief = store.load(brief_id)
    goal, means = brief.part("challenge.goal"), brief.part("challenge.means")
    store.save_part(brief_id, "challenge.goal", "doel van A", goal.version, "A")
    store.save_part(brief_id, "challenge.means", "middel van B", means.version, "B")
    again = store.load(brief_id)
    assert (again.text("challenge.goal"), again.text("challenge.means")) == (
        "doel van A",
        "middel van B",
    )


def test_every_save_is_kept_as_a_revision(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    version = store.load(brief_id).part("roadmap.summary").version
    for text in ("een", "twee", "drie"):
        version = store.save_part(brief_id, "roadmap.summary", text, version, "auteur").version
    history = store.revisions(brief_id, "roadmap.summary")
    assert [r.value for r in history][-3:] == ["een", "twee", "drie"]
    assert [r.version for r in history] == list(range(1, version + 1))
    with engine.connect() as connection:
        authors = connection.execute(
            select(RevisionRow.saved_by).where(RevisionRow.key == "roadmap.summary")
        ).scalars()
        assert "auteur" in set(authors)


def test_an_invalid_value_is_refused_before_anything_is_written(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    stored = store.load(brief_id).part("challenge.question")
    with pytest.raises(PartValidationError) as refused:
        store.save_part(brief_id, "challenge.question", "x" * 501, stored.version, "ik")
    assert refused.value.problems[0].rule == "string_too_long"
    assert store.load(brief_id).part("challenge.question") == stored


def test_rows_keep_their_ids_and_types(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    stored = store.load(brief_id).part("roadmap.actions")
    rows = list(stored.value)
    rows[0] = {**rows[0], "budget": "1250", "deadline": "2025-07-01"}
    store.save_part(brief_id, "roadmap.actions", rows, stored.version, "ik")
    again = store.load(brief_id).part("roadmap.actions").value
    assert again[0]["id"] == stored.value[0]["id"]
    assert again[0]["budget"] == "1250.00"
    assert again[0]["deadline"] == "2025-07-01"


def test_images_are_stored_in_the_database_per_brief(engine: Engine, seed: Seed) -> None:
    store, brief_id = _brief(engine, seed)
    image_id = store.add_image(brief_id, clean_image(_png()))
    data = store.image(brief_id, image_id)
    assert data is not None
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (40, 30)
    other = SqlProgrammeStore(engine).briefs_of("Gent")[0].id
    assert store.image(other, image_id) is None


def test_the_demo_holds_the_twelve_trajectories(engine: Engine) -> None:
    seed_demo(engine, date(2024, 3, 1))
    programme = SqlProgrammeStore(engine)
    trajectories = programme.trajectories()
    assert [t.number for t in trajectories] == list(range(1, 13))
    third = trajectories[2]
    assert [m.label for m in third.members] == ["Oostrozebeke", "Hulshout", "Harelbeke?", "Avelgem"]
    assert len(programme.workshops(third.id)) == 4
    assert all(len(t.members) <= 10 for t in trajectories)


def test_loading_a_brief_that_does_not_exist_says_so(engine: Engine) -> None:
    store = SqlBriefStore(engine)
    with pytest.raises(NotFound):
        store.load(4242)
