"""The trajectory's theme decides a brief's module; participants add one; nothing is ever hidden."""

from __future__ import annotations

import os
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from streamlit.testing.v1 import AppTest

from briefs.access import Principal, Role
from briefs.brief import Brief, StoredPart
from briefs.demo import TRAJECTORIES
from briefs.export.brief_doc import ExportContext, ExportOptions, build_brief_document
from briefs.i18n import Translator
from briefs.model import Theme
from briefs.parts import PARTS, THEMES_PART, sections_of_step, validate_part
from briefs.present import row_fields
from briefs.programme import Trajectory
from briefs.theme_choice import shown_parts, shown_themes
from briefs.themes import MODULES
from storage.audit import AuditLog
from storage.db import make_engine
from storage.migrate import migrate_to, upgrade
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore
from storage.tables import TrajectoryRow
from storage.trajectory_themes import TrajectoryThemes
from tests.apps import editors, login_token, on_section, page_as, send_saved

NL = Translator("nl")
ADMIN = Principal(1, "Els Maes", "els.maes@programma.demo", Role.ADMIN, "")
COACH = Principal(2, "Jonas Wouters", "jonas@x.be", Role.COACH, "", frozenset({1}))
COUNT = [{"id": "c1", "counted_on": "2023-06-01", "vacant": 52, "premises": 610}]


def brief(theme: str = "", **values: Any) -> Brief:
    parts = {
        key.replace("__", "."): StoredPart(validate_part(key.replace("__", "."), value), 1)
        for key, value in values.items()
    }
    return Brief(1, 1, "Gent", parts, theme=theme)


# --- which modules a brief shows ---------------------------------------------------------------


def test_the_trajectory_theme_decides_the_module() -> None:
    assert shown_themes(brief("vacancy")) == (Theme.VACANCY,)
    assert shown_themes(brief("dna")) == (Theme.DNA,)
    # A theme an admin once typed by hand names no module: the brief is the generic one.
    assert shown_themes(brief("leegstand")) == ()
    assert shown_themes(brief("")) == ()


def test_a_participant_adds_a_second_module_and_it_opens_its_tabs() -> None:
    with_dna = brief("vacancy", challenge__themes=["dna"])
    assert shown_themes(with_dna) == (Theme.DNA, Theme.VACANCY)
    keys = {spec.key for spec in shown_parts(with_dna)}
    assert {spec.key for spec in MODULES[Theme.VACANCY].parts} <= keys
    assert {spec.key for spec in MODULES[Theme.WAYFINDING].parts}.isdisjoint(keys)
    tabs = [s.key for s in sections_of_step(1, shown_themes(with_dna))]
    assert "leegstand" in tabs
    assert "leegstand" not in [s.key for s in sections_of_step(1, ())]


def test_a_module_holding_data_stays_shown_when_neither_theme_nor_choice_asks_for_it() -> None:
    kept = brief("dna", vacancy__counts=COUNT)
    assert shown_themes(kept) == (Theme.DNA, Theme.VACANCY)
    # Emptied, it goes.
    emptied = brief("dna", vacancy__counts=[])
    assert shown_themes(emptied) == (Theme.DNA,)


def test_the_document_writes_a_shown_module_as_its_own_chapter_and_no_other() -> None:
    import io

    import docx

    context = ExportContext(TRAJECTORIES[4], ("Pieter Claes",))
    data = build_brief_document(
        brief("dna", vacancy__counts=COUNT),
        context,
        ExportOptions(empty="mark"),
        NL,
        lambda _id: None,
    )
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert "Themamodule: Leegstand" in headings
    assert "Themamodule: DNA van de kern" in headings
    assert not any("Wayfinding" in heading for heading in headings)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "52" in cells and "1 juni 2023" in cells


# --- the trajectory's theme, stored and changed ---------------------------------------------------


def _trajectory_with_brief(engine: Engine, theme: str) -> tuple[int, int]:
    programme = SqlProgrammeStore(engine)
    trajectory_id = programme.add_trajectory(Trajectory(0, 99, "Testtraject", theme, "2024"), [])
    return trajectory_id, programme.add_brief(trajectory_id, "Testegem")


def test_changing_a_trajectory_theme_keeps_the_old_module_and_its_data(engine: Engine) -> None:
    trajectory_id, brief_id = _trajectory_with_brief(engine, Theme.VACANCY.value)
    store = SqlBriefStore(engine)
    store.save_part(brief_id, "vacancy.counts", COUNT, 0, "Pieter")
    assert shown_themes(store.load(brief_id)) == (Theme.VACANCY,)

    TrajectoryThemes(engine).set_theme(ADMIN, trajectory_id, Theme.DNA)

    loaded = store.load(brief_id)
    assert loaded.theme == "dna"
    assert shown_themes(loaded) == (Theme.DNA, Theme.VACANCY)
    assert loaded.part("vacancy.counts").value == validate_part("vacancy.counts", COUNT)
    entries = AuditLog(engine).entries(ADMIN)
    assert any(e.action == "trajectory_theme_set" and "dna" in e.target for e in entries)


def test_only_an_admin_sets_a_theme(engine: Engine) -> None:
    trajectory_id, _ = _trajectory_with_brief(engine, Theme.VACANCY.value)
    with pytest.raises(NotFound):
        TrajectoryThemes(engine).set_theme(COACH, trajectory_id, Theme.DNA)
    with engine.connect() as connection:
        stored = connection.execute(
            select(TrajectoryRow.theme).where(TrajectoryRow.id == trajectory_id)
        ).scalar_one()
    assert stored == "vacancy"
    with pytest.raises(NotFound):
        TrajectoryThemes(engine).set_theme(ADMIN, 424242, Theme.DNA)


def test_the_old_dutch_theme_names_become_the_modules_themes(engine: Engine) -> None:
    migrate_to(engine, "0011_house_styles", down=True)
    old = ["leegstand", "verweving", "toegankelijkheid", "distributie", "dna", "eigen thema"]
    with engine.begin() as connection:
        for number, theme in enumerate(old, start=1):
            connection.execute(
                text(
                    "INSERT INTO trajectories (number, title, theme, edition, description,"
                    " period, conditions, coaches) VALUES (:n, 'T', :theme, '2024', '', '', '',"
                    " '[]')"
                ),
                {"n": number, "theme": theme},
            )
    upgrade(engine)
    with engine.connect() as connection:
        themes = connection.execute(text("SELECT theme FROM trajectories ORDER BY number")).all()
    assert [row[0] for row in themes] == [
        "vacancy",
        "mixed_use",
        "accessibility",
        "distribution",
        "dna",
        "eigen thema",
    ]


# --- on screen -----------------------------------------------------------------------------------


def _brief_id(municipality: str, number: int) -> int:
    programme = SqlProgrammeStore(make_engine(os.environ["DATABASE_URL"]))
    numbers = {t.id: t.number for t in programme.trajectories()}
    return next(
        ref.id for ref in programme.briefs_of(municipality) if numbers[ref.trajectory_id] == number
    )


def _step_one(email: str) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(email)
    at.run()
    return at.switch_page("pages/challenge.py").run()


def test_adding_a_module_opens_its_tab_at_once(demo_url: str) -> None:
    at = _step_one("sara.peeters@hulshout.demo")
    assert "Leegstand" not in [tab.label for tab in at.tabs]
    assert THEMES_PART in editors(at)
    store = SqlBriefStore(make_engine(demo_url))
    brief_id = _brief_id("Hulshout", 3)
    saved = store.save_part(brief_id, THEMES_PART, ["vacancy"], 0, "Sara Peeters")
    # The editor's saved signal reruns the page (not only the part): the tabs change.
    send_saved(at, THEMES_PART, saved.version)
    assert "Leegstand" in [tab.label for tab in at.tabs]
    on_section(at, "leegstand")
    assert {"vacancy.counts", "vacancy.buildings"} <= set(editors(at))


def test_the_admin_sets_a_theme_on_the_programme_page(demo_url: str) -> None:
    at = page_as("els.maes@programma.demo", "programme")
    assert any(h.value == "Thema's van de leertrajecten" for h in at.header)
    trajectories = {t.number: t.id for t in SqlProgrammeStore(make_engine(demo_url)).trajectories()}
    boxes = [box for box in at.selectbox if box.label == "Leertraject"]
    boxes[0].set_value(trajectories[3])
    theme_box = next(box for box in at.selectbox if box.label == "Thema van het leertraject")
    theme_box.set_value(Theme.VACANCY)
    at.button(key="FormSubmitter:trajectory_theme-Thema bewaren").click().run()
    assert any("Leertraject 3 heeft nu het thema Leegstand" in s.value for s in at.success)
    assert SqlBriefStore(make_engine(demo_url)).load(_brief_id("Avelgem", 3)).theme == "vacancy"
    # The table of trajectories above the form already shows it.
    table = at.dataframe[0].value
    assert list(table.loc[table["#"] == 3, "Thema van het leertraject"]) == ["Leegstand"]
    # Avelgem's participant now finds the vacancy module's tab in step 1.
    at = _step_one("lotte.vandenberghe@avelgem.demo")
    assert "Leegstand" in [tab.label for tab in at.tabs]


def test_every_theme_has_words_and_a_module_part_in_some_step() -> None:
    for theme in Theme:
        for t in (NL, Translator("en")):
            assert t.has(f"enum.{theme.value}")
        assert MODULES[theme].parts, theme
        for spec in MODULES[theme].parts:
            assert PARTS[spec.key].theme is theme


def test_a_stored_choice_of_modules_reads_back_as_themes() -> None:
    value = validate_part(THEMES_PART, ["dna", "vacancy"])
    assert value == ["dna", "vacancy"]
    assert shown_themes(brief("", challenge__themes=value)) == (Theme.DNA, Theme.VACANCY)


def test_in_chromium_ticking_a_module_adds_its_tab_and_a_reload_keeps_it(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    from playwright.sync_api import expect

    from tests.browser import Stored, log_in, open_step, part, settled

    page = new_page()
    log_in(page, app_server, "sara.peeters@hulshout.demo")
    open_step(page, app_server, "uitdaging", "Stap 1 · Uitdaging helder benoemen")
    expect(page.get_by_role("tab", name="Leegstand", exact=True)).to_have_count(0)
    choice = part(page, THEMES_PART).get_by_role("checkbox", name="Leegstand")
    choice.check()
    expect(page.get_by_role("tab", name="Leegstand", exact=True)).to_be_visible(timeout=30_000)
    stored = Stored(demo_url, "Hulshout", 3)
    assert stored.value(THEMES_PART) == ["vacancy"]
    stored.dispose()
    page.reload()
    settled(page)
    page.get_by_role("tab", name="Leegstand", exact=True).click()
    expect(part(page, "vacancy.buildings")).to_be_visible(timeout=30_000)


# --- the instrument matrix -------------------------------------------------------------------

OBJECTIVES = [
    {"id": "o1", "title": "Structurele leegstand terugdringen", "plan_code": ""},
    {"id": "o2", "title": "Aanloopstraten versterken", "plan_code": ""},
    {"id": "o3", "title": "Niet gediend", "plan_code": ""},
]
INSTRUMENTS = [
    {
        "id": "i1",
        "instrument": "Leegstandsheffing verhogen",
        "kind": "discouraging",
        "objective": "o1",
    },
    {"id": "i2", "instrument": "Starterspremie", "kind": "stimulating", "objective": "o2"},
    {"id": "i3", "instrument": "Pop-upwinkels", "kind": None, "objective": None},
]


def test_the_instrument_matrix_marks_each_instrument_under_its_objective_by_type() -> None:
    from briefs.themes.instrument_matrix import TYPE_FILLS, instrument_matrix
    from briefs.themes.vacancy import InstrumentType

    found = instrument_matrix(
        brief("vacancy", roadmap__objectives=OBJECTIVES, vacancy__instruments=INSTRUMENTS), NL
    )
    assert found is not None
    # Objective 3 serves no instrument: no column; instruments without one meet at the end.
    assert found.header == [
        "Instrument",
        "Doelstelling 1 · Structurele leegstand terugdringen",
        "Doelstelling 2 · Aanloopstraten versterken",
        "Nog geen doelstelling",
    ]
    assert [row[1:] for row in found.rows] == [
        ["Ontradend", "", ""],
        ["", "Stimulerend", ""],
        ["", "", "✓"],
    ]
    assert found.rows[0][0].startswith("Instrument 1")
    assert found.fills[0][1] == TYPE_FILLS[InstrumentType.DISCOURAGING]
    assert found.fills[1][2] == TYPE_FILLS[InstrumentType.STIMULATING]
    assert found.fills[2] == [None, None, None, None]
    assert instrument_matrix(brief("vacancy"), NL) is None


def test_the_document_shades_the_instrument_matrix_as_the_screen_does() -> None:
    import io

    import docx
    from docx.oxml.ns import qn

    context = ExportContext(TRAJECTORIES[4], ("Pieter Claes",))
    data = build_brief_document(
        brief("vacancy", roadmap__objectives=OBJECTIVES, vacancy__instruments=INSTRUMENTS),
        context,
        ExportOptions(),
        NL,
        lambda _id: None,
    )
    document = docx.Document(io.BytesIO(data))
    assert "Instrumentenmatrix per doelstelling" in [p.text for p in document.paragraphs]
    matrix = next(t for t in document.tables if t.rows[0].cells[-1].text == "Nog geen doelstelling")
    cell = matrix.rows[1].cells[1]
    assert cell.text == "Ontradend"
    properties = cell._tc.tcPr
    assert properties is not None
    shading = properties.find(qn("w:shd"))
    assert shading is not None and shading.get(qn("w:fill")).upper() == "F4CCCC"


def test_the_step_page_shows_the_instrument_matrix(demo_url: str) -> None:
    store = SqlBriefStore(make_engine(demo_url))
    brief_id = _brief_id("Gent", 5)
    for key, value in (("roadmap.objectives", OBJECTIVES), ("vacancy.instruments", INSTRUMENTS)):
        store.save_part(brief_id, key, value, store.current(brief_id, key).version, "Pieter")
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token("pieter.claes@gent.demo")
    at.run()
    at.switch_page("pages/roadmap.py").run()
    on_section(at, "instrumenten")
    assert "vacancy.instruments" in editors(at)
    assert any(s.value == "Instrumentenmatrix per doelstelling" for s in at.subheader)
    shown = at.dataframe[-1].value
    assert list(shown.columns)[-1] == "Nog geen doelstelling"
    assert list(shown.iloc[0])[1] == "Ontradend"


def test_a_category_left_to_vacant_since_reads_as_derived_and_a_chosen_one_as_chosen() -> None:
    from briefs.present import Reader

    buildings = [
        {"id": "b1", "address": "Veldstraat 1", "vacant_since": "2020-01-15"},
        {
            "id": "b2",
            "address": "Veldstraat 2",
            "vacant_since": "2023-01-15",
            "category": "renovation",
        },
        {"id": "b3", "address": "Veldstraat 3"},
    ]
    read = brief("vacancy", vacancy__counts=COUNT, vacancy__buildings=buildings)
    rows = Reader(read, NL).rows("vacancy.buildings", read.part("vacancy.buildings").value)
    column = [field.name for field in row_fields("vacancy.buildings")].index("category")
    # Judged on the latest count's day, 1 June 2023: over three years empty is structural.
    assert [row[column] for row in rows] == ["Structureel (volgens leeg sinds)", "Verbouw", ""]


def test_a_step_holding_only_module_data_is_started_though_its_progress_counts_none() -> None:
    from briefs.cohort import StepStatus, step_statuses
    from briefs.progress import started_steps, step_progress

    only_module = brief("", vacancy__counts=COUNT)
    assert step_progress(only_module)[1] == 0.0  # the modules are optional: not counted
    assert started_steps(only_module) == {1}
    assert step_statuses(only_module, {})[1] is StepStatus.IN_PROGRESS
    assert step_statuses(only_module, {})[2] is StepStatus.NOT_STARTED


def test_the_overview_names_the_trajectorys_module_first_and_the_added_ones_after(
    demo_url: str,
) -> None:
    store = SqlBriefStore(make_engine(demo_url))
    brief_id = _brief_id("Hulshout", 3)
    store.save_part(brief_id, "vacancy.counts", COUNT, 0, "Sara Peeters")
    at = page_as("sara.peeters@hulshout.demo", "overview")
    texts = [m.value for m in at.markdown]
    assert (
        "Wayfinding & kernen langs steenwegen (thema van je leertraject); daarnaast Leegstand"
        in texts
    )
    # Something is filled in: no "start here" for an empty brief.
    assert not any(s.value == "Begin hier" for s in at.subheader)


def test_in_chromium_a_keyboard_user_ticks_a_module_and_goes_on_from_that_box(
    app_server: str, new_page: Any
) -> None:
    from playwright.sync_api import expect

    from tests.browser import log_in, open_step, part, settled

    page = new_page()
    log_in(page, app_server, "sara.peeters@hulshout.demo")
    open_step(page, app_server, "uitdaging", "Stap 1 · Uitdaging helder benoemen")
    settled(page)
    box = part(page, THEMES_PART).get_by_role("checkbox", name="Leegstand")
    box.focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("tab", name="Leegstand", exact=True)).to_be_visible(timeout=30_000)
    settled(page)
    # The page was drawn anew with the module's tabs; the focus is back on the ticked box.
    expect(part(page, THEMES_PART).get_by_role("checkbox", name="Leegstand")).to_be_focused(
        timeout=10_000
    )
    page.keyboard.press("Tab")
    following = part(page, THEMES_PART).get_by_role("checkbox", name="Wayfinding", exact=False)
    expect(following).to_be_focused()


def test_the_inventory_editor_names_each_derived_category(demo_url: str) -> None:
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token("pieter.claes@gent.demo")
    at.run()
    at.switch_page("pages/challenge.py").run()
    on_section(at, "leegstand")
    data = editors(at)["vacancy.buildings"]
    chosen = {row["id"] for row in data["value"] if row.get("category")}
    derived = data["derived"]
    # Gent's demo: the renovations are chosen, the other 45 follow from 'vacant since'.
    assert len(chosen) == 7 and len(derived) == 45 and not chosen & set(derived)
    assert {cells["category"] for cells in derived.values()} == {
        "Aanvang (volgens leeg sinds)",
        "Langdurig (volgens leeg sinds)",
        "Structureel (volgens leeg sinds)",
    }


def test_in_chromium_an_empty_category_shows_what_vacant_since_makes_it(
    app_server: str, new_page: Any
) -> None:
    from playwright.sync_api import expect

    from tests.browser import log_in, open_step, part, settled

    page = new_page()
    log_in(page, app_server, "pieter.claes@gent.demo")
    open_step(page, app_server, "uitdaging?deel=leegstand", "Stap 1 · Uitdaging helder benoemen")
    settled(page)
    category = part(page, "vacancy.buildings").locator("select[id$='-category']")
    expect(category.first).to_be_visible(timeout=30_000)
    shown = category.evaluate_all("els => els.map(e => e.options[e.selectedIndex].text)")
    assert "Verbouw" in shown
    assert any(text.endswith("(volgens leeg sinds)") for text in shown), shown
