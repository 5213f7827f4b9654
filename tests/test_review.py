"""The coaches' side: matrix, readiness, feedback both ways, review marks, workshops as .ics."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from briefs.access import (
    Principal,
    Role,
    can_comment,
    can_keep_notes,
    can_mark_step,
    managed_trajectories,
)
from briefs.calendar import workshops_ics
from briefs.cohort import StepStatus, step_statuses
from briefs.demo import AVELGEM
from briefs.feedback import Feedback, unread_per_step
from briefs.i18n import TIMEZONE, Translator
from briefs.parts import PARTS, Kind
from briefs.programme import BriefRef, Trajectory, Workshop, last_workshop, next_workshop
from components.coach.changes import default_since
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.feedback import FeedbackRefused, FeedbackStore
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore
from tests.apps import app_as, login_token, on_coach_tab
from tests.conftest import Seed

LOTTE = "lotte.vandenberghe@avelgem.demo"
PIETER = "pieter.claes@gent.demo"
COACH = "jonas.wouters@begeleiding.demo"


def principal(engine: Engine, email: str) -> Principal:
    found = AccountStore(engine).principal_by_email(email)
    assert found is not None
    return found


def review(engine: Engine, email: str) -> FeedbackStore:
    return FeedbackStore(SqlProgrammeStore(engine), principal(engine, email))


def avelgem_id(engine: Engine) -> int:
    return SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id


@pytest.fixture
def seeded(engine: Engine, seed: Seed) -> Engine:
    seed(engine, date(2024, 3, 1))
    return engine


def test_feedback_goes_both_ways_and_only_to_those_who_may_read(seeded: Engine) -> None:
    brief_id = avelgem_id(seeded)
    review(seeded, COACH).add_feedback(
        brief_id, 1, "Is dit het doel of een middel? [x](javascript:1)"
    )
    review(seeded, LOTTE).add_feedback(brief_id, 1, "Het doel; ik pas het aan.")
    thread = review(seeded, LOTTE).feedback([brief_id])
    assert [(item.author_role, item.body[:7]) for item in thread] == [
        ("coach", "Is dit "),
        ("participant", "Het doe"),
    ]
    with pytest.raises(NotFound):
        review(seeded, PIETER).feedback([brief_id])
    with pytest.raises(NotFound):
        review(seeded, PIETER).add_feedback(brief_id, 1, "Mag ik meelezen?")
    with pytest.raises(FeedbackRefused):
        review(seeded, LOTTE).add_feedback(brief_id, 1, "   ")
    review(seeded, LOTTE).resolve(brief_id, 1)
    assert all(item.resolved for item in review(seeded, COACH).feedback([brief_id]))


def test_marks_follow_the_roles(seeded: Engine) -> None:
    brief_id = avelgem_id(seeded)
    brief = SqlBriefStore(seeded).load(brief_id)
    participant, coach = review(seeded, LOTTE), review(seeded, COACH)
    participant.mark(brief_id, 2, StepStatus.READY)
    assert step_statuses(brief, coach.marks([brief_id])[brief_id])[2] is StepStatus.READY
    with pytest.raises(NotFound):
        participant.mark(brief_id, 2, StepStatus.REVIEWED)
    coach.mark(brief_id, 2, StepStatus.REVIEWED)
    assert step_statuses(brief, coach.marks([brief_id])[brief_id])[2] is StepStatus.REVIEWED
    with pytest.raises(NotFound):
        review(seeded, PIETER).mark(brief_id, 1, StepStatus.READY)


def test_the_workshops_calendar_holds_the_four_workshops_in_brussels_time(seeded: Engine) -> None:
    programme = SqlProgrammeStore(seeded)
    trajectory = next(t for t in programme.trajectories() if t.number == 6)
    workshops = programme.workshops(trajectory.id)
    calendar = icalendar.Calendar.from_ical(workshops_ics(trajectory, workshops, Translator("nl")))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4
    starts = [event.decoded("dtstart").astimezone(TIMEZONE) for event in events]
    assert [(s.day, s.month, s.year, s.hour) for s in starts[:2]] == [
        (11, 1, 2024, 10),
        (22, 2, 2024, 10),
    ]
    assert str(events[0]["summary"]).startswith("Werksessie 1 · leertraject 6")


# --- screens --------------------------------------------------------------------------------
def matrix_cell(at: AppTest, municipality: str, step: int, column: str = "") -> str:
    table = next(frame.value for frame in at.dataframe if "Stap 1" in frame.value.columns)
    row = table[table["Gemeente"] == municipality].iloc[0]
    return str(row[column or f"Stap {step}"])


def test_the_coach_matrix_shows_statuses_and_readiness(demo_url: str) -> None:
    at = app_as(COACH)
    assert not at.exception
    assert matrix_cell(at, "Avelgem", 1).startswith("bezig")
    assert matrix_cell(at, "Harelbeke", 1).startswith("niet gestart")
    assert any(
        "Stap 3 is aan de beurt op" in info.value and "0 van 4 klaar" in info.value
        for info in at.info
    )
    engine = make_engine(demo_url)
    review(engine, LOTTE).mark(avelgem_id(engine), 3, StepStatus.READY)
    at.run()
    assert matrix_cell(at, "Avelgem", 3).startswith("klaar voor review")
    assert any("1 van 4 klaar" in info.value for info in at.info)


def test_a_coach_comment_reaches_the_participant_and_the_reply_the_coach(demo_url: str) -> None:
    coach = app_as(COACH, coach_tab="Review")
    coach.selectbox(key="review_brief").select(avelgem_id(make_engine(demo_url)))
    coach.run()
    brief_id = avelgem_id(make_engine(demo_url))
    coach.text_area(key=f"feedback_text:{brief_id}:1").input("Maak je uitdagingsvraag scherper.")
    coach.button(key=f"feedback_send:{brief_id}:1").click().run()
    participant = app_as(LOTTE)
    assert any("Nieuwe feedback: 1" in w.value for w in participant.warning)
    participant.switch_page("pages/challenge.py").run()
    # The step says there is something new; the message itself is in the folded panel, and
    # opening the step does not count as reading it.
    assert any(text.value.endswith("· 1 nieuw") for text in participant.text)
    assert "Maak je uitdagingsvraag scherper." not in [text.value for text in participant.text]
    participant.switch_page("pages/overview.py").run()
    assert any("Nieuwe feedback: 1" in w.value for w in participant.warning)
    # The overview's link says so and opens the panel on the step.
    link = next(
        link.proto for link in participant.get("page_link") if link.proto.label.endswith("1 nieuw")
    )
    assert (link.page, link.query_string) == ("uitdaging", "feedback=open")
    participant.switch_page("pages/challenge.py")
    participant.query_params["feedback"] = "open"
    participant.run()
    assert "Maak je uitdagingsvraag scherper." in [text.value for text in participant.text]
    assert "feedback" not in participant.query_params
    participant.text_area(key=f"feedback_text:{brief_id}:1").input(
        "Aangepast, zie de nieuwe vraag."
    )
    participant.button(key=f"feedback_send:{brief_id}:1").click().run()
    participant.switch_page("pages/overview.py").run()
    assert not any("Nieuwe feedback" in w.value for w in participant.warning)
    on_coach_tab(coach, "Overzicht")
    assert matrix_cell(coach, "Avelgem", 1, "Nieuwe berichten voor jou") == "1"
    on_coach_tab(coach, "Review")
    assert "Aangepast, zie de nieuwe vraag." in [text.value for text in coach.text]
    on_coach_tab(coach, "Overzicht")  # the thread was on screen: the reply has been read
    assert matrix_cell(coach, "Avelgem", 1, "Nieuwe berichten voor jou") == "0"


def test_marking_reviewed_changes_the_matrix(demo_url: str) -> None:
    at = app_as(COACH, coach_tab="Review")
    at.radio(key="review_step").set_value(2).run()
    at.button(key="mark_reviewed").click().run()
    first = at.selectbox(key="review_brief").options[0]
    on_coach_tab(at, "Overzicht")
    assert matrix_cell(at, first, 2).startswith("gereviewd")
    # A review can be taken back.
    on_coach_tab(at, "Review")
    at.button(key="unmark_reviewed").click().run()
    on_coach_tab(at, "Overzicht")
    assert matrix_cell(at, first, 2).startswith("bezig")


def test_the_coach_reviews_the_sketches_themselves_with_their_captions(demo_url: str) -> None:
    engine = make_engine(demo_url)
    sketches = SqlBriefStore(engine).load(avelgem_id(engine)).part("prototype.sketches").value
    assert sketches, "the demo brief has sketches"
    at = app_as(COACH, coach_tab="Review")
    at.selectbox(key="review_brief").select(avelgem_id(engine)).run()
    at.radio(key="review_step").set_value(3).run()
    images = at.get("image")
    assert len(images) == len(sketches)
    texts = [text.value for text in at.text]
    assert all(sketch["caption"] in texts for sketch in sketches if sketch.get("caption"))


def test_a_step_not_started_cannot_be_marked_reviewed(demo_url: str) -> None:
    at = app_as(COACH, coach_tab="Review")
    picker = at.selectbox(key="review_brief")
    picker.select_index(picker.options.index("Harelbeke")).run()
    at.radio(key="review_step").set_value(1).run()
    assert "Stand van deze stap: niet gestart" in [text.value for text in at.text]
    assert not [button for button in at.button if button.key == "mark_reviewed"]
    assert any("nog niets om te reviewen" in caption.value for caption in at.caption)


def test_a_step_not_started_is_not_offered_as_ready_for_review(demo_url: str) -> None:
    at = app_as("sara.peeters@hulshout.demo")
    at.switch_page("pages/challenge.py").run()
    assert "Stand van deze stap: niet gestart" in [text.value for text in at.text]
    assert not [button for button in at.button if button.key == "ready:1"]


def test_participants_mark_a_step_ready(demo_url: str) -> None:
    at = app_as(LOTTE)
    at.switch_page("pages/explore.py").run()
    at.button(key="ready:2").click().run()
    assert any("klaar voor review" in text.value for text in at.text)
    engine = make_engine(demo_url)
    assert review(engine, COACH).marks([avelgem_id(engine)])[avelgem_id(engine)] == {2: "ready"}
    assert AVELGEM["challenge.question"]


def test_the_programme_overview_shows_each_cohorts_progress(demo_url: str) -> None:
    at = app_as("els.maes@programma.demo")
    table = at.dataframe[0].value
    assert list(table["#"]) == list(range(1, 13))
    third = table[table["#"] == 3].iloc[0]
    assert int(third["Designbriefs"]) == 4
    engine = make_engine(demo_url)
    from briefs.progress import step_progress

    refs = SqlProgrammeStore(engine).briefs_in(
        next(t.id for t in SqlProgrammeStore(engine).trajectories() if t.number == 3)
    )
    briefs = SqlBriefStore(engine).load_many([ref.id for ref in refs])
    expected = round(sum(step_progress(b)[1] for b in briefs) / len(briefs) * 100)
    assert third["Stap 1"] == f"{expected} %"
    assert expected > 0


def test_changes_since_a_moment_read_as_lines() -> None:
    from datetime import UTC, datetime, timedelta

    from briefs.brief import StoredPart
    from briefs.changes import changes_since

    then = datetime(2024, 3, 1, tzinfo=UTC)
    history = {
        "challenge.goal": [
            StoredPart("Oud doel", 1, then - timedelta(days=2)),
            StoredPart("Nieuw doel", 2, then + timedelta(days=1)),
        ],
        "roadmap.actions": [
            StoredPart(
                [
                    {"id": "a", "title": "Blijft", "status": "idea"},
                    {"id": "b", "title": "Gaat weg", "status": "idea"},
                ],
                1,
                then - timedelta(days=1),
            ),
            StoredPart(
                [
                    {"id": "a", "title": "Blijft", "status": "running"},
                    {"id": "c", "title": "Nieuw", "status": "idea"},
                ],
                2,
                then + timedelta(hours=1),
            ),
        ],
        "challenge.problem": [StoredPart("Ongewijzigd", 1, then - timedelta(days=3))],
    }
    changes = {change.key: change.lines for change in changes_since(history, then)}
    assert changes["challenge.goal"] == ("- Oud doel", "+ Nieuw doel")
    assert set(changes["roadmap.actions"]) == {"+ Nieuw", "- Gaat weg", "~ Blijft: status"}
    assert "challenge.problem" not in changes


def test_what_changed_shows_edits_after_the_date_and_not_before(demo_url: str) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from storage.tables import RevisionRow

    engine = make_engine(demo_url)
    with engine.begin() as connection:
        connection.execute(
            update(RevisionRow).values(saved_at=datetime.now(UTC) - timedelta(days=30))
        )
    briefs = SqlBriefStore(engine)
    brief_id = avelgem_id(engine)
    goal = briefs.load(brief_id).part("challenge.goal")
    briefs.save_part(
        brief_id, "challenge.goal", "Een nieuw doel van deze week.", goal.version, "Lotte"
    )
    at = app_as(COACH, coach_tab="Wat veranderde")
    at.date_input(key=f"changes_since:{brief_id}").set_value(date.today() - timedelta(days=7)).run()
    shown = "\n".join(str(text.value) for text in at.text)
    assert "Nieuw: Een nieuw doel van deze week." in shown
    assert "Avelgem ligt langs de gewestweg" not in shown  # saved a month ago
    # Read as words, not as a diff's marks.
    assert not [line for line in shown.splitlines() if line[:2] in ("+ ", "- ", "~ ")]
    assert not at.exception


def test_compare_one_part_across_the_cohort(demo_url: str) -> None:
    at = app_as(COACH, coach_tab="Vergelijken")
    at.selectbox(key="compare_part").select("roadmap.actions").run()
    table = at.dataframe[-1].value
    assert set(table["Gemeente"]) == {"Avelgem"} and len(table) == 10
    at.multiselect(key="compare_status").select("done").run()
    table = at.dataframe[-1].value
    assert list(table["Titel"]) == ["Oversteekbaarheid via wegmarkering site Byttebier"]
    at.selectbox(key="compare_part").select("root_cause").run()
    causes = at.dataframe[-1].value
    assert list(causes["Grondoorzaak"]) == [
        "De kern werd langs de steenweg gepland, niet vanuit de voetganger."
    ]
    at.selectbox(key="compare_part").select("swot").run()
    strengths = at.dataframe[-4].value
    assert "Compacte kern met winkels, scholen en de Schelde op wandelafstand" in set(
        strengths["Tekst"]
    )


def test_private_notes_are_for_coaches_only(demo_url: str) -> None:
    engine = make_engine(demo_url)
    brief_id = avelgem_id(engine)
    at = app_as(COACH, coach_tab="Notities")
    at.text_area(key=f"note_text:{brief_id}").input("Schepen twijfelt over het budget.")
    at.button(key=f"note_save:{brief_id}").click().run()
    assert "Schepen twijfelt over het budget." in [str(text.value) for text in at.text]
    trajectory = SqlProgrammeStore(engine).brief_ref(brief_id).trajectory_id
    with pytest.raises(NotFound):
        review(engine, LOTTE).notes(trajectory, "Avelgem")
    participant = app_as(LOTTE)
    for page in ("pages/overview.py", "pages/challenge.py"):
        participant.switch_page(page).run()
        assert "Schepen twijfelt" not in "\n".join(str(text.value) for text in participant.text)


def test_the_coachs_tab_and_municipality_survive_a_refresh_and_a_switch_of_language(
    demo_url: str,
) -> None:
    at = app_as(COACH, coach_tab="Notities")
    name = at.selectbox(key="review_brief").options[1]
    at.selectbox(key="review_brief").select_index(1).run()
    brief_id = at.selectbox(key="review_brief").value
    assert at.query_params["brief"] == str(brief_id)
    assert at.query_params["tab"] == "notities"
    # A refresh: a new session at the same address.
    fresh = AppTest.from_file("../app.py", default_timeout=30)
    fresh.session_state["auth_token"] = login_token(COACH)
    fresh.query_params.update({"tab": "notities", "brief": str(brief_id)})
    fresh.run()
    assert fresh.selectbox(key="review_brief").value == brief_id
    assert f"Privénotities over {name} (alleen voor begeleiders)" in [
        header.value for header in fresh.header
    ]
    # The other language: the same tab and municipality.
    fresh.selectbox(key="language").select("en").run()
    assert fresh.selectbox(key="review_brief").value == brief_id
    assert f"Private notes on {name} (coaches only)" in [header.value for header in fresh.header]


def test_the_coach_sees_the_workshops_of_the_trajectory_and_their_calendar(
    demo_url: str,
) -> None:
    at = app_as(COACH, coach_tab="Sessies")
    assert "Werksessies" in [header.value for header in at.header]
    table = next(frame.value for frame in at.dataframe if "Sessie" in frame.value.columns)
    assert list(table["Sessie"]) == [1, 2, 3, 4]
    assert list(table["Stap"]) == [1, 2, 3, 4]
    assert list(table["Vorm"]) == ["online", "fysiek", "online", "fysiek"]
    assert "Brussel, VLAIO" in set(table["Plaats"])
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Agenda downloaden (.ics)"]


def test_a_coach_compares_a_text_part_and_hears_when_nobody_filled_one_in(demo_url: str) -> None:
    engine = make_engine(demo_url)
    refs = SqlProgrammeStore(engine).briefs_in(
        SqlProgrammeStore(engine).brief_ref(avelgem_id(engine)).trajectory_id
    )
    briefs = SqlBriefStore(engine).load_many([ref.id for ref in refs])
    empty = next(
        spec.key
        for spec in PARTS.values()
        if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.ROWS)
        and not any(brief.part(spec.key).value for brief in briefs)
    )
    at = app_as(COACH, coach_tab="Vergelijken")
    at.selectbox(key="compare_part").select("challenge.question").run()
    table = at.dataframe[-1].value
    assert list(table["Gemeente"]) == ["Avelgem"]
    assert table.iloc[0][table.columns[1]] == AVELGEM["challenge.question"]
    at.selectbox(key="compare_part").select(empty).run()
    assert "Nog niemand vulde dit onderdeel in." in [caption.value for caption in at.caption]


def test_an_empty_message_is_refused_on_screen_and_forgotten_after_a_real_one(
    demo_url: str,
) -> None:
    brief_id = avelgem_id(make_engine(demo_url))
    at = app_as(COACH, coach_tab="Review")
    at.button(key=f"feedback_send:{brief_id}:1").click().run()
    assert "Schrijf eerst een bericht." in [error.value for error in at.error]
    at.text_area(key=f"feedback_text:{brief_id}:1").input("Wie trekt dit in het MAT?")
    at.button(key=f"feedback_send:{brief_id}:1").click().run()
    assert "Schrijf eerst een bericht." not in [error.value for error in at.error]
    assert "Wie trekt dit in het MAT?" in [text.value for text in at.text]
    assert at.text_area(key=f"feedback_text:{brief_id}:1").value == ""


# --- the rules behind the screens, without a database ----------------------------------------
AVELGEM_REF = BriefRef(10, 3, "Avelgem")
PARTICIPANT = Principal(1, "Lotte", "l@x", Role.PARTICIPANT, "Avelgem", frozenset({3}))
NEIGHBOUR = Principal(2, "Pieter", "p@x", Role.PARTICIPANT, "Gent", frozenset({5}))
ITS_COACH = Principal(3, "Jonas", "j@x", Role.COACH, "", frozenset({3}))
OTHER_COACH = Principal(4, "An", "a@x", Role.COACH, "", frozenset({5}))
ADMIN = Principal(5, "Els", "e@x", Role.ADMIN, "", frozenset())


def test_who_may_write_feedback_mark_steps_and_keep_notes() -> None:
    writers = {
        p.name
        for p in (PARTICIPANT, NEIGHBOUR, ITS_COACH, OTHER_COACH, ADMIN)
        if can_comment(p, AVELGEM_REF)
    }
    assert writers == {"Lotte", "Jonas", "Els"}
    assert can_mark_step(PARTICIPANT, AVELGEM_REF, StepStatus.READY)
    assert can_mark_step(PARTICIPANT, AVELGEM_REF, None)
    assert not can_mark_step(PARTICIPANT, AVELGEM_REF, StepStatus.REVIEWED)
    assert not can_mark_step(NEIGHBOUR, AVELGEM_REF, StepStatus.READY)
    assert can_mark_step(ITS_COACH, AVELGEM_REF, StepStatus.REVIEWED)
    assert not can_mark_step(OTHER_COACH, AVELGEM_REF, StepStatus.REVIEWED)
    assert can_mark_step(ADMIN, AVELGEM_REF, StepStatus.REVIEWED)
    assert can_keep_notes(ITS_COACH, 3) and can_keep_notes(ADMIN, 3)
    assert not can_keep_notes(PARTICIPANT, 3) and not can_keep_notes(OTHER_COACH, 3)


def test_managed_trajectories_are_the_coachs_own_and_all_for_an_admin() -> None:
    trajectories = [Trajectory(3, 3, "Drie", "", ""), Trajectory(5, 5, "Vijf", "", "")]
    assert [tr.id for tr in managed_trajectories(ITS_COACH, trajectories)] == [3]
    assert [tr.id for tr in managed_trajectories(ADMIN, trajectories)] == [3, 5]
    assert managed_trajectories(PARTICIPANT, trajectories) == []


def test_unread_counts_only_open_messages_by_others_since_the_last_look() -> None:
    read_at = datetime(2024, 3, 1, 12, tzinfo=UTC)

    def message(step: int, author: int, hours: int, resolved: bool = False) -> Feedback:
        moment = read_at + timedelta(hours=hours)
        return Feedback(0, 10, step, author, "", "coach", "", moment, resolved)

    thread = [
        message(1, 3, 1),
        message(1, 3, 2),
        message(1, 1, 3),  # the reader's own
        message(2, 3, -1),  # read already
        message(2, 3, 4, resolved=True),
        message(4, 3, 5),
    ]
    assert unread_per_step(thread, 1, read_at) == {1: 2, 4: 1}
    assert unread_per_step(thread, 1, None) == {1: 2, 2: 1, 4: 1}


def test_what_changed_starts_at_the_last_workshop_or_two_weeks_back() -> None:
    now = datetime(2024, 3, 20, 9, tzinfo=UTC)

    def workshop(number: int, day: date) -> Workshop:
        starts = datetime.combine(day, time(10), tzinfo=TIMEZONE)
        return Workshop(3, number, starts.astimezone(UTC), "online", "", number)

    workshops = [
        workshop(1, date(2024, 2, 1)),
        workshop(2, date(2024, 3, 5)),
        workshop(3, date(2024, 4, 2)),
    ]
    assert last_workshop(workshops, now) == workshops[1]
    assert next_workshop(workshops, now) == workshops[2]
    assert default_since(workshops, now) == date(2024, 3, 5)
    assert default_since(workshops[2:], now) == date(2024, 3, 6)


# What a coach must never read: Python's words for nothing and for lists, and the field names
# the code uses for the columns of a table.
PYTHON_WORDS = re.compile(r"\bNone\b|\bnan\b|\[\s*'|\bTrue\b|\bFalse\b")
INTERNAL_COLUMNS = {
    name for spec in PARTS.values() if spec.row_model for name in spec.row_model.model_fields
} - {"id"}


def coach_screen_texts(at: AppTest) -> list[str]:
    """Every text the coach page shows: tables (their column titles and cells), text, markdown."""
    shown: list[str] = []
    for frame in at.dataframe:
        shown += [str(column) for column in frame.value.columns]
        shown += [str(cell) for row in frame.value.values.tolist() for cell in row]
    for kind in ("text", "markdown", "caption", "info"):
        shown += [str(element.value) for element in getattr(at, kind)]
    return shown


def test_the_coach_reads_every_step_of_every_municipality_as_it_was_entered(
    demo_url: str,
) -> None:
    at = app_as(COACH, coach_tab="Review")
    municipalities = at.selectbox(key="review_brief").options
    assert len(municipalities) >= 4
    problems = set()
    for municipality in municipalities:
        at.selectbox(key="review_brief").select(municipality).run()
        shown = at.selectbox(key="review_brief")
        assert shown.format_func(shown.value) == municipality
        for step in (1, 2, 3, 4):
            at.radio(key="review_step").set_value(step).run()
            assert not at.exception
            for text in coach_screen_texts(at):
                if PYTHON_WORDS.search(text) or text in INTERNAL_COLUMNS:
                    problems.add((municipality, step, text[:120]))
    assert not problems, sorted(problems)


def test_behind_for_the_next_session_follows_the_rule_the_coach_reads() -> None:
    from briefs.cohort import CohortRow, behind

    def row(statuses: dict[int, StepStatus], progress: dict[int, float]) -> CohortRow:
        return CohortRow(1, "Avelgem", statuses, progress, 0, 0, None)

    started = dict.fromkeys((1, 2, 3, 4), StepStatus.IN_PROGRESS)
    half = dict.fromkeys((1, 2, 3, 4), 0.5)
    assert not behind(row(started, half), 3), "half filled in, earlier steps begun: on track"
    assert behind(row(started, {**half, 3: 0.4}), 3), "less than half of the step"
    assert behind(row({**started, 1: StepStatus.NOT_STARTED}, half), 3), "step 1 never begun"
    ready = {**started, 3: StepStatus.READY}
    assert not behind(row(ready, {**half, 3: 0.1}), 3), "marked ready: never behind"


def test_the_overview_tab_marks_who_is_behind_for_the_next_session(demo_url: str) -> None:
    at = app_as(COACH)
    table = next(frame.value for frame in at.dataframe if "Voor sessie 3" in frame.value.columns)
    marks = dict(zip(table["Gemeente"], table["Voor sessie 3"], strict=True))
    assert set(marks.values()) <= {"achter", "op schema", "klaar"}
    late = [name for name, mark in marks.items() if mark == "achter"]
    warning = next(w.value for w in at.warning if "Achter voor sessie 3" in w.value)
    assert late and all(name in warning for name in late)
    assert all(name not in warning for name, mark in marks.items() if mark != "achter")
