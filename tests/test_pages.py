"""The pages as a participant uses them, with Streamlit's AppTest on a real SQLite file."""

from __future__ import annotations

import io
import re
from datetime import date
from unittest.mock import patch

import pytest
from PIL import Image
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from briefs.parts import PART_SECTIONS, Kind, sections_of_step
from briefs.steps import STEPS
from briefs.theme_choice import shown_parts, shown_themes
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore
from tests.apps import editors, login_link, login_token, on_section
from web.save_api import save_payload

APP = "../app.py"
STEP_FILES = {
    1: "pages/challenge.py",
    2: "pages/explore.py",
    3: "pages/prototype.py",
    4: "pages/roadmap.py",
}


def stores(url: str) -> tuple[SqlBriefStore, SqlProgrammeStore]:
    engine = make_engine(url)
    return SqlBriefStore(engine), SqlProgrammeStore(engine)


def avelgem(url: str) -> int:
    return stores(url)[1].briefs_of("Avelgem")[0].id


LOTTE = "lotte.vandenberghe@avelgem.demo"
PIETER = "pieter.claes@gent.demo"


def open_page(
    page: str | None = None,
    who: str = LOTTE,
    language: str | None = None,
    section: str | None = None,
) -> AppTest:
    """A page of the app as ``who`` sees it; on a step page, the tab of ``section`` (or the
    section that shows ``part``) instead of the first."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["auth_token"] = login_token(who)
    if language:
        at.query_params["taal"] = language
    at.run()
    if page:
        at.switch_page(page).run()
    if section:
        on_section(at, PART_SECTIONS[section].key if section in PART_SECTIONS else section)
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    bodies = [
        e.value
        for kind in (
            "markdown",
            "caption",
            "info",
            "warning",
            "error",
            "success",
            "title",
            "header",
            "subheader",
            "text",
        )
        for e in getattr(at, kind)
    ]
    return "\n".join(str(b) for b in bodies)


def test_visitors_see_the_login_page_and_nothing_private(demo_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == "Welkom bij Kernbrief"
    assert login_link(at) == "/auth/login?taal=nl"
    assert "Avelgem ligt langs de gewestweg" not in texts(at)
    table = next(m.value for m in at.markdown if "| Titel |" in m.value)
    assert "| 3 | Kernen langs steenwegen & wayfinding |" in table.replace("\\", "")
    with pytest.raises(ValueError, match=r"Could not find a navigation page") as refused:
        at.switch_page(STEP_FILES[1])
    assert "challenge.py'" not in str(refused.value).split("Known pages")[1]


def test_a_participant_lands_in_their_brief(demo_url: str) -> None:
    at = open_page(who=PIETER)
    assert at.title[0].value == "Mijn designbrief"
    assert "Leertraject 5: Leegstand aanpakken 2: focus op vastgoed" in texts(at)


def test_a_first_time_participant_sees_where_to_begin(demo_url: str) -> None:
    at = open_page(who="sara.peeters@hulshout.demo")
    body = texts(at)
    assert "Begin hier" in body and "Je designbrief is nog leeg." in body
    start = next(
        link.proto for link in at.get("page_link") if link.proto.label.startswith("Begin bij")
    )
    assert start.page == "uitdaging" and start.query_string == "deel=situatie"
    assert "Nog niets ingevuld. De balken vullen zich per stap zodra je begint." in body
    # Twenty points, but only step 1's are unfolded; the others fold under their step.
    folds = {e.label: e.proto.expanded for e in at.expander if e.label[:1].isdigit()}
    assert [expanded for expanded in folds.values()] == [True, False, False, False], folds


def test_overview_shows_trajectory_session_progress_and_todo(demo_url: str) -> None:
    at = open_page()
    body = texts(at)
    assert "Leertraject 3: Kernen langs steenwegen & wayfinding" in body
    assert "stap 3 is aan de beurt" in body
    assert "Actie ‘Zone 30 in het centrum’ dient geen doelstelling." in body
    bars = at.get("progress")
    assert [bar.proto.text.split(":")[0] for bar in bars] == [
        "1 · Uitdaging",
        "2 · Verkennen",
        "3 · Testen",
        "4 · Stappenplan",
    ]
    assert all(bar.proto.text.endswith(f": {bar.proto.value} % ingevuld") for bar in bars)
    assert not at.get("plotly_chart")
    # The points of attention per step (the first step with work open) and per section, with
    # a link to the section where each is fixed.
    folds = [e.label for e in at.expander if e.label[:1].isdigit()]
    assert folds[0].startswith("1 · Uitdaging (") and folds[-1].startswith("4 · Stappenplan (")
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert links["Naar Doelstellingen en acties"] == "deel=acties"
    assert "Begin hier" not in body
    assert "**Avelgem**" in {m.value for m in at.markdown}


@pytest.mark.parametrize("step", STEPS)
def test_every_step_page_shows_its_parts_and_charts(demo_url: str, step: int) -> None:
    at = open_page(STEP_FILES[step])
    assert at.title[0].value.startswith(f"Stap {step}")
    assert not at.error
    brief = stores(demo_url)[0].load(avelgem(demo_url))
    shown: dict[str, dict[str, object]] = {}
    charts = 0
    # Avelgem's brief shows its own parts and its trajectory's theme module (wayfinding).
    for section in sections_of_step(step, shown_themes(brief)):
        on_section(at, section.key)
        assert not at.exception, at.exception
        shown |= editors(at)
        charts += len(at.get("plotly_chart"))
    # The brief's own parts and those of the modules it shows (Avelgem: wayfinding).
    expected = {
        spec.key
        for spec in shown_parts(brief)
        if spec.step == step and spec.kind is not Kind.SKETCHES
    }
    assert set(shown) == expected
    for key, data in shown.items():
        stored = brief.part(key)
        assert (data["value"], data["version"]) == (stored.value, stored.version), key
        if stored.version:
            assert str(data["status"]).startswith("Bewaard om "), key
        assert data["token"] and data["api"] == "/api/part"
    assert charts == {1: 1, 2: 1, 3: 0, 4: 1}[step]


def test_a_step_page_opens_the_section_its_address_names_and_links_on(demo_url: str) -> None:
    at = open_page(STEP_FILES[1], section="swot")
    assert [tab.label for tab in at.tabs][-1] == "SWOT en succescriteria"
    assert set(editors(at)) == {
        "challenge.swot_strengths",
        "challenge.swot_weaknesses",
        "challenge.swot_opportunities",
        "challenge.swot_threats",
        "challenge.success_criteria",
    }
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    onwards = links["Verder naar 2 · Verkennen"]
    assert onwards.page.endswith("explore.py") or onwards.page == "verkennen"
    at = open_page(STEP_FILES[1], section="niet-bestaand")
    assert "challenge.context" in editors(at)
    following = {link.proto.label: link.proto for link in at.get("page_link")}
    # Avelgem's trajectory is about wayfinding: its module's tab follows the first one.
    assert following["Volgende: Bronpunten en bestemmingen"].query_string == "deel=wegwijzing"


def test_drawing_and_switching_pages_never_saves(demo_url: str) -> None:
    """A rerun, a page switch or a redrawn field writes nothing: only typing does."""
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    before = briefs.history(brief_id)
    at = open_page(STEP_FILES[1])
    for page in (*STEP_FILES.values(), STEP_FILES[1], "pages/overview.py"):
        at.switch_page(page).run()
        at.run()
        assert not at.exception
    assert briefs.history(brief_id) == before


def save_as_editor(at: AppTest, key: str, value: object) -> tuple[int, dict[str, object]]:
    """Send what the part editor on this page sends when the user stops typing."""
    data = editors(at)[key]
    payload = {
        "brief": data["brief"],
        "part": key,
        "value": value,
        "base": data["version"],
        "token": data["token"],
        "lang": data["lang"],
    }
    return save_payload(payload)


def test_a_saved_text_is_what_a_new_session_shows(demo_url: str) -> None:
    at = open_page(STEP_FILES[1])
    brief_id = avelgem(demo_url)
    new_text = "Nieuwe probleemstelling.\nMet een tweede regel."
    status, answer = save_as_editor(at, "challenge.problem", new_text)
    assert status == 200 and str(answer["message"]).startswith("Bewaard om")
    assert stores(demo_url)[0].load(brief_id).text("challenge.problem") == new_text
    at.run()
    assert editors(at)["challenge.problem"]["value"] == new_text
    fresh = open_page(STEP_FILES[1])
    assert editors(fresh)["challenge.problem"]["value"] == new_text
    assert editors(fresh)["challenge.problem"]["version"] == answer["version"]


def test_a_colleagues_save_shows_who_saved_it(demo_url: str) -> None:
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    stored = briefs.load(brief_id).part("challenge.goal")
    briefs.save_part(brief_id, "challenge.goal", "Van Sara", stored.version, "Sara Peeters <s@x>")
    data = editors(open_page(STEP_FILES[1], section="challenge.goal"))["challenge.goal"]
    assert data["value"] == "Van Sara"
    assert data["status"].startswith("Bewaard om ") and data["status"].endswith(
        " door Sara Peeters"
    )


def test_hostile_text_never_becomes_markup(demo_url: str) -> None:
    hostile = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) :red[rood] $x^2$ **vet**"
    at = open_page(STEP_FILES[4], section="roadmap.summary")
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    actions = briefs.load(brief_id).part("roadmap.actions")
    rows = [dict(row) for row in actions.value]
    rows[-1]["title"] = "[klik](javascript:alert(1)) <img src=x>"
    briefs.save_part(brief_id, "roadmap.actions", rows, actions.version, "collega")
    assert save_as_editor(at, "roadmap.summary", hostile)[0] == 200
    at = open_page(STEP_FILES[4], section="roadmap.summary")
    assert editors(at)["roadmap.summary"]["value"] == hostile
    messages = [m.value for m in at.markdown if "dient geen doelstelling" in m.value]
    assert messages, "the check about the hostile action is shown"
    assert "[klik](javascript" not in messages[0]
    assert "\\[klik\\]\\(javascript\\:alert\\(1\\)\\)" in messages[0]
    assert "\\<img src\\=x\\>" in messages[0]


def test_an_edited_action_list_updates_the_checks(demo_url: str) -> None:
    at = open_page(STEP_FILES[4])
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    rows = [dict(row) for row in briefs.load(brief_id).part("roadmap.actions").value]
    rows[6].update(owner="Dienst mobiliteit", budget="4750.50")
    rows.append({"id": "n1euweact1e", "title": "Nieuwe actie", "status": "idea"})
    assert save_as_editor(at, "roadmap.actions", rows)[0] == 200
    at.run()
    owner_checks = [m.value for m in at.markdown if "heeft geen trekker" in m.value]
    assert not any("Oversteekbaarheid" in message for message in owner_checks)
    assert any("Nieuwe actie" in message for message in owner_checks)
    assert editors(at)["roadmap.actions"]["value"][-1]["title"] == "Nieuwe actie"


def test_a_page_whose_database_fails_still_shows_the_fields_with_their_text(
    demo_url: str,
) -> None:
    at = open_page(STEP_FILES[1])
    shown = editors(at)
    failure = OperationalError("SELECT", {}, Exception("database is locked"))
    with (
        patch("storage.accounts.AccountStore.resolve_login_session", side_effect=failure),
        patch("storage.repository.SqlBriefStore.load_many", side_effect=failure),
        patch("storage.feedback.FeedbackStore.feedback", side_effect=failure),
    ):
        at.run()
    assert not at.exception
    assert any("zoals hij het laatst geladen werd" in w.value for w in at.warning)
    again = editors(at)
    assert again.keys() == shown.keys()
    assert all(again[key]["value"] == shown[key]["value"] for key in shown)
    assert any("niet bereikbaar" in e.value for e in at.error)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_wrong_file_is_refused_and_a_chosen_sketch_is_saved_at_once(demo_url: str) -> None:
    at = open_page(STEP_FILES[3], section="prototype.sketches")
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    before = briefs.load(brief_id).part("prototype.sketches")
    at.file_uploader(key=f"upload:{brief_id}:0").upload("plan.png", b"this is a pdf really").run()
    assert any("geen afbeelding" in e.value for e in at.error)
    assert briefs.load(brief_id).part("prototype.sketches") == before
    at.text_input(key=f"caption:{brief_id}:0").input("Nieuwe schets <b>vet</b>").run()
    at.file_uploader(key=f"upload:{brief_id}:0").upload("plan.png", png_bytes()).run()
    sketches = briefs.load(brief_id).part("prototype.sketches").value
    assert len(sketches) == len(before.value) + 1
    assert sketches[-1]["caption"] == "Nieuwe schets <b>vet</b>"
    assert briefs.image(brief_id, sketches[-1]["image_id"]) is not None
    assert "Nieuwe schets <b>vet</b>" in {t.value for t in at.text}


def test_removing_a_sketch_asks_first(demo_url: str) -> None:
    at = open_page(STEP_FILES[3], section="prototype.sketches")
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    before = briefs.load(brief_id).part("prototype.sketches").value
    asks = [node for node in at.get("popover") if node.proto.popover.label == "Verwijderen…"]
    assert len(asks) == len(before)
    remove = at.button(key=f"remove:{brief_id}:{before[0]['id']}")
    assert remove.label == "Ja, verwijderen"
    assert "Schets 1 uit je designbrief verwijderen?" in texts(at)
    remove.click().run()
    assert [s["id"] for s in briefs.load(brief_id).part("prototype.sketches").value] == [
        sketch["id"] for sketch in before[1:]
    ]


def test_english_is_a_complete_second_language(demo_url: str) -> None:
    at = open_page(STEP_FILES[2], language="en")
    assert at.title[0].value == "Step 2 · What if? Explore"
    assert at.selectbox(key="language").value == "en"
    at.selectbox(key="language").select("nl").run()
    assert at.title[0].value == "Stap 2 · Wat als? Verkennen"


def test_a_participant_only_reaches_their_own_municipalitys_brief(demo_url: str) -> None:
    at = open_page(who=PIETER)
    assert "**Gent**" in {m.value for m in at.markdown}
    at.session_state["brief_id"] = avelgem(demo_url)
    at.run()
    assert "**Gent**" in {m.value for m in at.markdown}
    assert "Avelgem" not in texts(at)


def test_a_login_that_ended_elsewhere_ends_here(demo_url: str) -> None:
    at = open_page(STEP_FILES[1])
    token = at.session_state["auth_token"]
    AccountStore(make_engine(demo_url)).end_login_session(token)
    at.run()
    assert at.title[0].value == "Welkom bij Kernbrief"
    assert not editors(at)


def test_the_demo_today_is_used_for_the_sessions(demo_url: str) -> None:
    sessions = stores(demo_url)[1].workshops(3)
    assert sessions[0].starts_at.date() < date.today() < sessions[-1].starts_at.date()


def test_an_unreachable_database_gives_a_message_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.postgres import free_port

    monkeypatch.setenv("DATABASE_URL", f"postgresql://nobody@127.0.0.1:{free_port()}/kernbrief")
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["auth_token"] = "some-token"
    at.run()
    assert not at.exception
    assert any("niet bereikbaar" in e.value for e in at.error)


def exported_text(at: AppTest, brief_id: int) -> str:
    import docx

    name, data, _options = at.session_state[f"export:{brief_id}"]
    assert name.startswith("Designbrief Avelgem ") and name.endswith(".docx")
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_export_page_builds_what_was_chosen_and_offers_the_download(demo_url: str) -> None:
    at = open_page("pages/export.py")
    brief_id = avelgem(demo_url)
    at.radio(key="export_form").set_value("brief").run()
    at.checkbox(key="export_step_4").uncheck()
    at.button(key="export_build").click().run()
    assert not at.exception
    text = exported_text(at, brief_id)
    assert "Stap 1 · Uitdaging helder benoemen" in text
    assert "Stap 4 · Stappenplan & verankering" not in text
    downloads = at.get("download_button")
    assert len(downloads) == 1
    assert downloads[0].proto.label.startswith("Download Designbrief Avelgem ")
    at.checkbox(key="export_step_4").check().run()
    assert not at.get("download_button"), "a document built with other options is not offered"
    at.radio(key="export_empty").set_value("mark")
    at.button(key="export_build").click().run()
    assert "Stap 4 · Stappenplan & verankering" in exported_text(at, brief_id)


def test_the_export_choices_survive_a_look_at_the_nota_alone(demo_url: str) -> None:
    at = open_page("pages/export.py")
    avelgem(demo_url)
    at.checkbox(key="export_sketches").uncheck()
    at.checkbox(key="export_step_2").uncheck()
    at.radio(key="export_empty").set_value("mark").run()
    # The nota alone has none of these choices; back to both, they are as they were left.
    at.radio(key="export_form").set_value("nota").run()
    assert "export_sketches" not in [box.key for box in at.checkbox]
    at.radio(key="export_form").set_value("both").run()
    assert at.checkbox(key="export_sketches").value is False
    assert at.checkbox(key="export_step_2").value is False
    assert at.checkbox(key="export_step_1").value is True
    assert at.radio(key="export_empty").value == "mark"


def test_a_failing_export_says_so_and_changes_nothing(demo_url: str) -> None:
    at = open_page("pages/export.py")
    briefs, _ = stores(demo_url)
    brief_id = avelgem(demo_url)
    before = briefs.load(brief_id).parts
    with patch("components.export.export_brief", side_effect=MemoryError()):
        at.button(key="export_build").click().run()
    assert any("kon niet gemaakt worden (MemoryError)" in e.value for e in at.error)
    assert not at.get("download_button")
    assert briefs.load(brief_id).parts == before


def test_an_unexpected_failure_shows_a_dutch_message_with_a_code_that_is_in_the_log(
    demo_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    at = open_page()
    with patch("components.overview.run_checks", side_effect=RuntimeError("geheim detail")):
        at.run()
    assert not at.exception
    message = next(e.value for e in at.error if "Er ging iets mis" in e.value)
    assert "geheim detail" not in message and "Traceback" not in message
    found = re.search(r": ([0-9a-f]{8})\.$", message)
    assert found, message
    code = found.group(1)
    logged = [r for r in caplog.records if r.name == "kernbrief" and code in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert "geheim detail" in str(logged[0].exc_info[1])


def test_the_public_start_page_shows_the_programme_and_not_the_people(demo_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run()
    table = next(m.value for m in at.markdown if "| Titel |" in m.value).splitlines()
    assert len(table) == 2 + 12 and "Begeleiding" not in table[0]
    shown = texts(at)
    assert "Kernen langs steenwegen" in shown
    from briefs.demo import TRAJECTORIES

    coaches = {name for trajectory in TRAJECTORIES for name in trajectory.coaches}
    assert coaches
    for coach in coaches:
        assert coach not in shown, coach
