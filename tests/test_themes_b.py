"""The theme modules of trajectories 9–12: accessibility, logistics, centre, real estate."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from briefs.brief import Brief, StoredPart
from briefs.checks import run_checks
from briefs.demo import TRAJECTORIES
from briefs.i18n import Translator
from briefs.messages import describe_problems
from briefs.model import Theme
from briefs.nota import draft_arguments
from briefs.parts import PARTS, PartValidationError, validate_part
from briefs.theme_choice import shown_themes
from briefs.themes import MODULES
from briefs.themes.distribution import time_windows
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore
from tests.apps import editors, login_token, on_section
from tests.conftest import Seed
from tests.test_export import export, stored_texts, units
from web.save_api import save_payload

NL, EN = Translator("nl"), Translator("en")
OURS = (Theme.ACCESSIBILITY, Theme.DISTRIBUTION, Theme.CENTRE_MANAGEMENT, Theme.REAL_ESTATE)
DEMOS = {
    Theme.ACCESSIBILITY: (3, "Oostrozebeke"),
    Theme.DISTRIBUTION: (6, "Lier"),
    Theme.CENTRE_MANAGEMENT: (1, "Turnhout"),
    Theme.REAL_ESTATE: (5, "Aalst"),
}
LOTTE = "lotte.vandenberghe@avelgem.demo"


def demo_of(theme: Theme) -> dict[str, Any]:
    return copy.deepcopy(MODULES[theme].demo[DEMOS[theme]])


def brief_of(content: dict[str, Any], theme: Theme | None = None) -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content.items()}
    return Brief(1, 1, "Testgemeente", parts, theme=theme.value if theme else "")


def codes(content: dict[str, Any]) -> set[tuple[str, str]]:
    found = run_checks(brief_of(content))
    return {
        (check.code, check.params.get("name") or check.params.get("letters", "")) for check in found
    }


# --- rows validate --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("07:00–11:00", "07:00–11:00"),
        ("7-11", "07:00–11:00"),
        ("7u30 tot 11u", "07:30–11:00"),
        ("6.30 - 10, 14h-16h", "06:30–10:00, 14:00–16:00"),
        ("22:00-24:00 en 00:00-06:00", "22:00–24:00, 00:00–06:00"),
        ("  ", ""),
    ],
)
def test_hours_are_stored_in_one_form_whatever_way_they_are_typed(typed: str, stored: str) -> None:
    assert time_windows(typed) == stored
    [zone] = validate_part("distribution.loading_zones", [{"place": "Markt", "hours": typed}])
    assert zone["hours"] == stored


@pytest.mark.parametrize(
    "typed", ["'s morgens", "11:00-07:00", "25:00-26:00", "07:60-08:00", "7", "24:30-25"]
)
def test_hours_that_are_no_period_of_a_day_are_refused_in_words(typed: str) -> None:
    with pytest.raises(PartValidationError) as refused:
        validate_part(
            "distribution.delivery_windows", [{"delivery_area": "Kerkstraat", "hours": typed}]
        )
    [problem] = refused.value.problems
    assert (problem.rule, problem.row, problem.column) == ("time_window", 0, "hours")
    message = describe_problems(refused.value.problems, NL)
    assert (
        message == "rij 1, kolom ‘Uren’: schrijf de uren als 07:00–11:00 (het einde na het begin; "
        "meerdere periodes met een komma ertussen)"
    )
    assert "07:00–11:00" in describe_problems(refused.value.problems, EN)


@pytest.mark.parametrize(
    ("key", "row", "rule"),
    [
        ("accessibility.stop", {"mode": "pedestrians", "score": 6}, "less_than_equal"),
        ("accessibility.stop", {"mode": "walkers", "score": 3}, "enum"),
        ("accessibility.bike_parking", {"place": "Markt", "places": -1}, "greater_than_equal"),
        ("accessibility.bike_parking", {"place": "Markt", "places": 10_001}, "less_than_equal"),
        ("accessibility.crossings", {"place": "Kerk", "safe": "misschien"}, "enum"),
        ("accessibility.test_setups", {"what": "Knip", "when": "0024-04-01"}, "date_range"),
        ("distribution.loading_zones", {"place": "Markt", "spaces": 501}, "less_than_equal"),
        ("distribution.loading_zones", {"place": "Markt", "enforcement": "soms"}, "enum"),
        ("distribution.measures", {"logistics_measure": "x", "status": "done"}, "enum"),
        (
            "centre_management.manager",
            {"job_title": "Centrummanager", "fte": 5.5},
            "less_than_equal",
        ),
        (
            "centre_management.manager",
            {"job_title": "Centrummanager", "fte": -0.1},
            "greater_than_equal",
        ),
        ("centre_management.tasks", {"task": "Starters", "time_share": 101}, "less_than_equal"),
        (
            "centre_management.funding",
            {"funding_source": "Dotatie", "amount": "-5"},
            "greater_than_equal",
        ),
        (
            "centre_management.funding",
            {"funding_source": "Dotatie", "year": 1899},
            "greater_than_equal",
        ),
        (
            "centre_management.kpis",
            {"indicator": "Leegstand", "target_year": 2101},
            "less_than_equal",
        ),
        ("centre_management.bodies", {"name": "Kernoverleg", "frequency": "daily"}, "enum"),
        ("real_estate.projects", {"name": "Station", "partnership": "pps"}, "enum"),
        ("real_estate.projects", {"name": "Station", "developer": "x" * 501}, "string_too_long"),
    ],
)
def test_rows_outside_their_limits_are_refused_with_the_rule(
    key: str, row: dict[str, Any], rule: str
) -> None:
    with pytest.raises(PartValidationError) as refused:
        validate_part(key, [row])
    assert refused.value.problems[0].rule == rule


def test_the_structure_is_one_of_its_choices_and_fte_takes_decimals() -> None:
    assert (
        validate_part("centre_management.structure", "nonprofit_association")
        == "nonprofit_association"
    )
    with pytest.raises(PartValidationError):
        validate_part("centre_management.structure", "cooperative")
    [manager] = validate_part(
        "centre_management.manager", [{"job_title": "Centrummanager", "fte": 0.8}]
    )
    assert manager["fte"] == 0.8
    [funding] = validate_part(
        "centre_management.funding", [{"funding_source": "Dotatie", "amount": 85000}]
    )
    assert funding["amount"] == "85000.00"


# --- stored and read back ---------------------------------------------------------------------


def test_every_module_saves_and_reads_back_as_it_was_validated(engine: Engine) -> None:
    programme, briefs = SqlProgrammeStore(engine), SqlBriefStore(engine)
    for theme in OURS:
        number, municipality = DEMOS[theme]
        trajectory = next(t for t in TRAJECTORIES if t.number == number)
        brief_id = programme.add_brief(programme.add_trajectory(trajectory, ()), municipality)
        content = demo_of(theme)
        for key, value in content.items():
            briefs.save_part(brief_id, key, value, 0, "Test <test@example.org>")
        stored = briefs.load(brief_id)
        for key, value in content.items():
            assert stored.part(key).value == validate_part(key, value), key
            assert stored.part(key).version == 1
        assert theme in shown_themes(stored)


def test_the_demo_seeds_each_module_in_its_trajectorys_brief(engine: Engine, seed: Seed) -> None:
    seed(engine, date(2024, 3, 1))
    programme, briefs = SqlProgrammeStore(engine), SqlBriefStore(engine)
    for theme in OURS:
        number, municipality = DEMOS[theme]
        [ref] = [
            ref
            for trajectory in programme.trajectories()
            if trajectory.number == number
            for ref in programme.briefs_in(trajectory.id)
            if ref.municipality == municipality
        ]
        brief = briefs.load(ref.id)
        # A second module beside the trajectory's own theme, shown because it holds data.
        assert brief.theme != theme.value and theme in shown_themes(brief)
        for key, value in demo_of(theme).items():
            assert brief.part(key).value == validate_part(key, value), key


# --- checks ---------------------------------------------------------------------------------


def test_every_check_of_these_modules_fires_on_the_demo() -> None:
    found = set().union(*(codes(demo_of(theme)) for theme in OURS))
    assert {
        ("stop_incomplete", "P"),
        ("crossing_unsafe_no_action", "Stationsplein naar de bushalte"),
        ("test_setup_ends_before_start", "Parklet met fietsenrekken"),
        ("loading_zone_no_hours", "Stationsstraat, hoek Stationsplein"),
        ("delivery_window_no_hours", "Kerkplein"),
        ("kpi_no_baseline_or_target", "Handelaars aangesloten bij de vzw"),
        ("tasks_over_full_time", ""),
        ("project_no_planning_basis", "Voormalige bioscoop Markt"),
        ("project_no_negotiation_points", "Voormalige bioscoop Markt"),
    } <= found


def _fix_accessibility(content: dict[str, Any]) -> None:
    content["accessibility.stop"][3]["score"] = 3
    content["accessibility.crossings"][2]["crossing_action"] = "Zebrapad en verlichting"
    content["accessibility.test_setups"][1]["until"] = "2024-10-15"


def _fix_distribution(content: dict[str, Any]) -> None:
    content["distribution.loading_zones"][2]["hours"] = "8-12"
    content["distribution.delivery_windows"][1]["hours"] = "06:00-10:00"


def _fix_centre_management(content: dict[str, Any]) -> None:
    content["centre_management.kpis"][2]["target"] = 60
    content["centre_management.tasks"][2]["time_share"] = 25


def _fix_real_estate(content: dict[str, Any]) -> None:
    content["real_estate.projects"][1]["planning_basis"] = "BPA Centrum"
    content["real_estate.projects"][1]["negotiation_points"] = "Gevelherstel vóór verkoop"


FIXES = {
    Theme.ACCESSIBILITY: _fix_accessibility,
    Theme.DISTRIBUTION: _fix_distribution,
    Theme.CENTRE_MANAGEMENT: _fix_centre_management,
    Theme.REAL_ESTATE: _fix_real_estate,
}


@pytest.mark.parametrize("theme", OURS, ids=str)
def test_a_fixed_weak_spot_leaves_the_list_of_points(theme: Theme) -> None:
    content = demo_of(theme)
    module_parts = {spec.key for spec in MODULES[theme].parts}
    assert any(check.part in module_parts for check in run_checks(brief_of(content)))
    FIXES[theme](content)
    assert not [check for check in run_checks(brief_of(content)) if check.part in module_parts]


def test_an_empty_stop_checklist_is_no_point_but_a_begun_one_names_what_it_lacks() -> None:
    ours = {spec.key for theme in OURS for spec in MODULES[theme].parts}
    assert not [check for check in run_checks(brief_of({})) if check.part in ours]
    only_walkers = {"accessibility.stop": [{"mode": "pedestrians", "score": 2}]}
    assert ("stop_incomplete", "T, O, P") in codes(only_walkers)
    check = next(c for c in run_checks(brief_of(only_walkers)) if c.code == "stop_incomplete")
    assert check.step == 1
    assert NL(f"check.{check.code}", **check.params).endswith("T, O, P ontbreekt.")


def test_a_kpi_without_baseline_is_a_point_of_step_four() -> None:
    content = {"centre_management.kpis": [{"indicator": "Passanten", "target": 7500}]}
    [check] = [c for c in run_checks(brief_of(content)) if c.code == "kpi_no_baseline_or_target"]
    assert (check.step, check.part, check.params) == (
        4,
        "centre_management.kpis",
        {"name": "Passanten"},
    )


# --- the Word document and the collegenota -----------------------------------------------


def _document_text(brief: Brief, t: Translator = NL) -> str:
    return "\n".join(text for _, text in units(export(brief, t=t)))


@pytest.mark.parametrize("theme", OURS, ids=str)
def test_every_demo_value_is_in_the_module_chapter_of_the_document(theme: Theme) -> None:
    brief = brief_of(demo_of(theme), theme)
    text = _document_text(brief)
    chapter = NL("theme.module_title", theme=NL(f"enum.{theme.value}"))
    assert chapter in text
    after = text[text.index(chapter) :]
    for key, typed in stored_texts(brief, [spec.key for spec in MODULES[theme].parts]):
        assert " ".join(typed.split())[:40] in " ".join(after.split()), (key, typed)
    for spec in MODULES[theme].parts:
        assert NL(f"part.{spec.key}.title") in after, spec.key


def test_choices_amounts_and_hours_read_in_words_in_the_document() -> None:
    estate = _document_text(brief_of(demo_of(Theme.REAL_ESTATE), Theme.REAL_ESTATE))
    # One card per project, headed by its number and name.
    assert "Project 1 · Stationskwartier" in estate
    assert "Realisatieovereenkomst" in estate and "Te onderhandelen" in estate
    centre = _document_text(brief_of(demo_of(Theme.CENTRE_MANAGEMENT), Theme.CENTRE_MANAGEMENT))
    assert "Vzw" in centre and "€\u00a085.000,00" in centre and "0,8" in centre
    assert "Maandelijks" in centre
    lier = brief_of(demo_of(Theme.DISTRIBUTION), Theme.DISTRIBUTION)
    assert "06:30–10:00, 14:00–16:00" in _document_text(lier)
    assert "Gemeenschapswachten of parkeerwachters" in _document_text(lier)
    assert "Community or parking wardens" in _document_text(lier, EN)
    stop = _document_text(brief_of(demo_of(Theme.ACCESSIBILITY), Theme.ACCESSIBILITY))
    assert "S · Stappers" in stop and "Middenberm en betere verlichting" in stop


def test_the_collegenota_argues_from_the_modules_figures() -> None:
    expected = {
        Theme.ACCESSIBILITY: "Van de 3 onderzochte oversteekplaatsen zijn er 2 niet veilig.",
        Theme.DISTRIBUTION: "De kern telt 3 laad- en loszones met samen 6 plaatsen; bij 1 ervan",
        Theme.CENTRE_MANAGEMENT: "De financiering telt samen €\u00a0117.500,00.",
        Theme.REAL_ESTATE: "Er liggen 2 vastgoedprojecten op tafel; voor 1 ervan",
    }
    for theme, sentence in expected.items():
        brief = brief_of(demo_of(theme), theme)
        # The draft the participant takes over into the nota's 'Argumentatie'.
        assert sentence in draft_arguments(brief, NL), theme
    stop = draft_arguments(brief_of(demo_of(Theme.ACCESSIBILITY), Theme.ACCESSIBILITY), EN)
    assert "today: walkers 2/5, cyclists 3/5, public transport 4/5." in stop


# --- on the step page -----------------------------------------------------------------------


def test_a_step_page_shows_an_added_module_in_its_own_tab(demo_url: str) -> None:
    engine = make_engine(demo_url)
    programme, briefs = SqlProgrammeStore(engine), SqlBriefStore(engine)
    brief_id = programme.briefs_of("Avelgem")[0].id
    current = briefs.current(brief_id, "challenge.themes")
    briefs.save_part(brief_id, "challenge.themes", ["distribution"], current.version, "test")
    zones = demo_of(Theme.DISTRIBUTION)["distribution.loading_zones"]
    briefs.save_part(brief_id, "distribution.loading_zones", zones, 0, "test")
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(LOTTE)
    at.run()
    at.switch_page("pages/challenge.py").run()
    on_section(at, "logistiek")
    assert not at.exception, at.exception
    tabs = [tab.label for tab in at.tabs]
    assert "Laden en lossen" in tabs
    # Only the modules the brief shows: Avelgem's own (wayfinding) and the one added.
    assert "Vastgoedprojecten" not in tabs and "Toegankelijkheid" not in tabs
    shown = editors(at)
    assert set(shown) == {"distribution.loading_zones", "distribution.delivery_windows"}
    assert shown["distribution.loading_zones"]["value"] == validate_part(
        "distribution.loading_zones", zones
    )
    assert PARTS["distribution.loading_zones"].step == 1


def test_hours_typed_in_the_editor_are_refused_in_words_or_stored_in_one_form(
    demo_url: str,
) -> None:
    engine = make_engine(demo_url)
    programme, briefs = SqlProgrammeStore(engine), SqlBriefStore(engine)
    brief_id = programme.briefs_of("Avelgem")[0].id
    current = briefs.current(brief_id, "challenge.themes")
    briefs.save_part(brief_id, "challenge.themes", ["distribution"], current.version, "test")
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(LOTTE)
    at.run()
    at.switch_page("pages/challenge.py").run()
    on_section(at, "logistiek")
    data = editors(at)["distribution.loading_zones"]

    def send(hours: str) -> tuple[int, dict[str, Any]]:
        payload = {
            "brief": data["brief"],
            "part": "distribution.loading_zones",
            "value": [{"id": "z1", "place": "Markt", "hours": hours}],
            "base": data["version"],
            "token": data["token"],
            "lang": data["lang"],
        }
        return save_payload(payload)

    status, answer = send("11-7")
    assert status == 422
    assert "kolom ‘Uren’: schrijf de uren als 07:00–11:00" in str(answer["message"])
    assert not briefs.load(brief_id).is_filled("distribution.loading_zones")
    status, answer = send("7-11")
    assert status == 200, answer
    [zone] = briefs.load(brief_id).part("distribution.loading_zones").value
    assert zone["hours"] == "07:00–11:00"


# --- the STOP chart -------------------------------------------------------------------------


def test_the_stop_scores_are_a_chart_on_screen_and_a_figure_in_the_document() -> None:
    from components.charts import stop_chart

    brief = brief_of(demo_of(Theme.ACCESSIBILITY), Theme.ACCESSIBILITY)
    figure = stop_chart(brief.part("accessibility.stop").value, NL)
    assert figure is not None
    [bar] = figure.data
    assert list(bar.y) == [
        "S · Stappers",
        "T · Trappers",
        "O · Openbaar vervoer",
        "P · Personenwagens",
    ]
    assert list(bar.x) == [2, 3, 4, 0] and list(bar.text) == ["2", "3", "4", "nog geen score"]
    document = export(brief)
    pictures = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert pictures == ["Score per vervoerswijze volgens het STOP-principe"]
    captions = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    assert "Figuur 1: Score per vervoerswijze volgens het STOP-principe" in captions
    # A checklist without any score draws nothing, on screen or on paper.
    unscored = brief_of({"accessibility.stop": [{"mode": "cyclists", "remark": "Nog te doen"}]})
    assert stop_chart(unscored.part("accessibility.stop").value, NL) is None
    assert not export(unscored).inline_shapes


def test_the_step_page_draws_the_stop_chart_under_the_checklist(demo_url: str) -> None:
    engine = make_engine(demo_url)
    programme, briefs = SqlProgrammeStore(engine), SqlBriefStore(engine)
    brief_id = programme.briefs_of("Avelgem")[0].id
    current = briefs.current(brief_id, "challenge.themes")
    briefs.save_part(brief_id, "challenge.themes", ["accessibility"], current.version, "test")
    stop = demo_of(Theme.ACCESSIBILITY)["accessibility.stop"]
    briefs.save_part(brief_id, "accessibility.stop", stop, 0, "test")
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(LOTTE)
    at.run()
    at.switch_page("pages/challenge.py").run()
    on_section(at, "toegankelijkheid")
    assert not at.exception, at.exception
    assert "Toegankelijkheid" in [tab.label for tab in at.tabs]
    assert set(editors(at)) == {
        "accessibility.stop",
        "accessibility.crossings",
        "accessibility.bike_parking",
    }
    assert "Score per vervoerswijze volgens het STOP-principe" in [h.value for h in at.subheader]
    assert len(at.get("plotly_chart")) == 1
