"""Who reaches which brief: every storage operation and every page, for every kind of person."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import Engine

from briefs.access import Principal, Role, can_mark_step, can_reset_password
from briefs.cohort import StepStatus
from briefs.export.brief_doc import ExportOptions
from briefs.i18n import Translator
from briefs.images import clean_image
from briefs.programme import BriefRef
from core.settings import DEMO_PASSWORD
from services.exports import export_brief, export_cohort
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore
from storage.secure import SecureBriefStore
from storage.seed import seed_demo
from tests.apps import app_as, editors, page_as
from tests.conftest import Templates


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (1, 2, 3)).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass(frozen=True)
class World:
    engine: Engine
    people: dict[str, Principal]
    briefs: dict[str, int]
    trajectories: dict[int, int]

    def store(self, who: str) -> SecureBriefStore:
        return SecureBriefStore(
            SqlBriefStore(self.engine), SqlProgrammeStore(self.engine), self.people[who]
        )


def _build_world(engine: Engine) -> None:
    """The demo and two more people; built once per run, copied for each test."""
    seed_demo(engine, date(2024, 3, 1), demo_accounts=False)
    accounts, programme = AccountStore(engine), SqlProgrammeStore(engine)
    trajectories = {t.number: t.id for t in programme.trajectories()}
    # Veurne takes part in trajectories 1, 2 and 4; this participant only in trajectory 1.
    accounts.create_user(
        "Deelnemer Veurne",
        "p@veurne.demo",
        Role.PARTICIPANT,
        "Veurne",
        DEMO_PASSWORD,
        (trajectories[1],),
    )
    accounts.create_user(
        "Andere coach", "c@elders.demo", Role.COACH, "", DEMO_PASSWORD, (trajectories[1],)
    )


@pytest.fixture
def world(engine: Engine, templates: Templates) -> World:
    templates.restore(engine, "access world", _build_world)
    accounts, programme = AccountStore(engine), SqlProgrammeStore(engine)
    trajectories = {t.number: t.id for t in programme.trajectories()}
    people = {
        "participant": "lotte.vandenberghe@avelgem.demo",
        "coach": "jonas.wouters@begeleiding.demo",
        "admin": "els.maes@programma.demo",
        "veurne": "p@veurne.demo",
        "other_coach": "c@elders.demo",
    }
    principals = {name: accounts.principal_by_email(email) for name, email in people.items()}

    def brief(number: int, municipality: str) -> int:
        return next(
            r.id
            for r in programme.briefs_of(municipality)
            if r.trajectory_id == trajectories[number]
        )

    briefs = {
        "own": brief(3, "Avelgem"),
        "other_municipality": brief(5, "Gent"),
        "veurne_own": brief(1, "Veurne"),
        "veurne_other_trajectory": brief(2, "Veurne"),
        "missing": 987_654,
    }
    return World(engine, {k: v for k, v in principals.items() if v}, briefs, trajectories)


OPERATIONS: dict[str, Callable[[SecureBriefStore, int], object]] = {
    "load": lambda store, brief_id: store.load(brief_id),
    "save": lambda store, brief_id: store.save_part(
        brief_id,
        "challenge.goal",
        "door de test",
        store.load(brief_id).part("challenge.goal").version if store.can_edit(brief_id) else 0,
        "test",
    ),
    "revisions": lambda store, brief_id: store.revisions(brief_id, "challenge.goal"),
    "add_image": lambda store, brief_id: store.add_image(brief_id, clean_image(png())),
    "image": lambda store, brief_id: store.image(brief_id, 1),
    "export": lambda store, brief_id: export_brief(
        store, brief_id, ExportOptions(steps=frozenset({1})), Translator("nl")
    ),
}
READ = {"load", "revisions", "image", "export"}
WRITE = {"save", "add_image"}
ALL = READ | WRITE

# (who, which brief, operations allowed); everything else must be refused as NotFound.
CASES = [
    ("participant", "own", ALL),
    ("participant", "other_municipality", set()),
    ("participant", "missing", set()),
    ("veurne", "veurne_own", ALL),
    ("veurne", "veurne_other_trajectory", set()),
    ("coach", "own", READ),
    ("coach", "other_municipality", READ),
    ("coach", "veurne_own", set()),
    ("other_coach", "veurne_own", READ),
    ("other_coach", "own", set()),
    ("admin", "own", ALL),
    ("admin", "veurne_other_trajectory", ALL),
    ("admin", "missing", set()),
]


@pytest.mark.parametrize(("who", "brief", "allowed"), CASES)
def test_every_brief_operation_checks_the_person(
    world: World, who: str, brief: str, allowed: set[str]
) -> None:
    store = world.store(who)
    brief_id = world.briefs[brief]
    for name, operation in OPERATIONS.items():
        if name in allowed:
            operation(store, brief_id)
        else:
            with pytest.raises(NotFound):
                operation(store, brief_id)


@pytest.mark.parametrize(
    ("who", "number", "allowed"),
    [
        ("participant", 3, False),
        ("coach", 3, True),
        ("coach", 1, False),
        ("other_coach", 1, True),
        ("admin", 12, True),
    ],
)
def test_cohort_exports_are_for_the_trajectorys_coaches(
    world: World, who: str, number: int, allowed: bool
) -> None:
    store = world.store(who)
    if allowed:
        name, data = export_cohort(store, number, ExportOptions(), Translator("nl"))
        assert name.endswith(f" {number}.zip") and data[:2] == b"PK"
    else:
        with pytest.raises(NotFound):
            export_cohort(store, number, ExportOptions(), Translator("nl"))


def test_a_person_lists_only_what_they_may_read(world: World) -> None:
    own = {ref.municipality for ref in world.store("participant").readable()}
    assert own == {"Avelgem"}
    coached = {ref.trajectory_id for ref in world.store("coach").readable()}
    assert coached == {world.trajectories[3], world.trajectories[5]}
    assert len(world.store("admin").readable()) > 40


# --- pages ----------------------------------------------------------------------------------
PAGES = {
    "participant": {
        "overview",
        "challenge",
        "explore",
        "prototype",
        "roadmap",
        "export",
        "account",
    },
    "coach": {"coach", "account"},
    "admin": {"programme", "coach", "people", "audit", "account"},
}
EVERY_PAGE = set().union(*PAGES.values())


@pytest.mark.parametrize(
    ("who", "email"),
    [
        ("participant", "lotte.vandenberghe@avelgem.demo"),
        ("coach", "jonas.wouters@begeleiding.demo"),
        ("admin", "els.maes@programma.demo"),
    ],
)
def test_each_role_reaches_its_own_pages_and_no_others(demo_url: str, who: str, email: str) -> None:
    at = app_as(email)
    assert not at.exception
    others = sorted(EVERY_PAGE - PAGES[who])
    # The navigation does not offer the page to this role; checked before any page of the role
    # runs, because a run can change which page files AppTest resolves.
    for name in others:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"pages/{name}.py")
    for name in sorted(PAGES[who]):
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception, (who, name, at.exception)
        assert at.title, (who, name)
    # A page reached another way (an old link, a harness) refuses by itself, whatever ran before.
    for name in others:
        alone = page_as(email, name)
        assert not alone.exception, (who, name, alone.exception)
        refusal = ["Deze pagina is niet beschikbaar voor jouw rol."]
        assert [e.value for e in alone.error] == refusal, (who, name)
        assert not (alone.dataframe or alone.text_area or alone.data_editor), (who, name)
        assert not editors(alone), (who, name)


def test_a_coach_sees_only_their_trajectories_and_no_admin_data(demo_url: str) -> None:
    at = app_as("jonas.wouters@begeleiding.demo")
    table = next(frame.value for frame in at.dataframe if "#" in frame.value.columns)
    assert sorted(table["#"]) == [3, 5]
    assert all("login" not in str(m.value) for m in at.markdown)


def test_an_admin_reads_the_audit_log_and_changes_a_role(demo_url: str) -> None:
    at = app_as("els.maes@programma.demo")
    at.switch_page("pages/people.py").run()
    at.text_input(key="role_email").input("sara.peeters@hulshout.demo")
    at.selectbox(key="role_value").select("coach")
    next(button for button in at.button if button.label == "Rol bewaren").click().run()
    assert at.success and "De rol is gewijzigd." in at.success[0].value
    people = at.dataframe[0].value
    # The table shows each person's role now; "Nieuwe rol" is the form's choice.
    assert "Rol" in people.columns and "Nieuwe rol" not in people.columns
    at.run()
    people = at.dataframe[0].value
    sara = people[people["E-mailadres"] == "sara.peeters@hulshout.demo"]
    assert list(sara["Rol"]) == ["begeleider"]
    at.switch_page("pages/audit.py").run()
    log = at.dataframe[0].value
    assert "rol gewijzigd" in set(log["Wat"])


def test_a_participant_cannot_point_the_session_at_another_brief(demo_url: str) -> None:
    at = app_as("pieter.claes@gent.demo")
    engine = make_engine(demo_url)
    avelgem = SqlProgrammeStore(engine).briefs_of("Avelgem")[0].id
    at.session_state["brief_id"] = avelgem
    at.switch_page("pages/challenge.py").run()
    values = [str(data["value"]) for data in editors(at).values()]
    assert values and not any("Avelgem ligt langs" in value for value in values)
    assert any("Sinds corona" in value for value in values)


def test_who_may_reset_a_password_and_mark_a_step_is_a_rule_of_the_domain() -> None:
    ref = BriefRef(7, 3, "Avelgem")
    participant = Principal(1, "P", "p@x", Role.PARTICIPANT, "Avelgem", frozenset({3}))
    neighbour = Principal(2, "N", "n@x", Role.PARTICIPANT, "Gent", frozenset({3}))
    coach = Principal(3, "C", "c@x", Role.COACH, "", frozenset({3}))
    elsewhere = Principal(4, "E", "e@x", Role.COACH, "", frozenset({5}))
    admin = Principal(5, "A", "a@x", Role.ADMIN, "")
    assert can_reset_password(coach, participant) and can_reset_password(admin, coach)
    assert not can_reset_password(elsewhere, participant)
    assert not can_reset_password(coach, elsewhere)  # a coach resets participants only
    assert not can_reset_password(participant, neighbour)
    assert can_mark_step(participant, ref, None)
    assert not can_mark_step(participant, ref, StepStatus.REVIEWED)
    assert not can_mark_step(neighbour, ref, None)
    assert can_mark_step(coach, ref, StepStatus.REVIEWED) and can_mark_step(coach, ref, None)
    assert not can_mark_step(elsewhere, ref, StepStatus.REVIEWED)
