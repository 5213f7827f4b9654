"""A save reruns only the fragments that show the saved part, and the checks; never the page."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import Page, expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.testing.v1 import AppTest

from components import steps
from storage.accounts import AccountStore
from storage.db import make_engine
from tests.apps import editors, on_section, send_saved
from tests.browser import Stored, open_section, part
from tests.test_pages import STEP_FILES, open_page, save_as_editor
from tests.test_typing import STEP4, field, status, step_page


def answer_version(answer: dict[str, object]) -> int:
    version = answer["version"]
    assert isinstance(version, int)
    return version


def checks_count(at: AppTest) -> int:
    labels = [e.label for e in at.expander if e.label.startswith("Aandachtspunten")]
    assert len(labels) == 1, labels
    found = re.search(r"\((\d+)\)", labels[0])
    assert found is not None
    return int(found.group(1))


def test_a_step_page_draws_the_parts_of_its_open_section_once(demo_url: str) -> None:
    steps.DRAWN.clear()
    open_page(STEP_FILES[4])
    assert steps.DRAWN == {
        "step-checks": 1,
        "fragment-roadmap-objectives": 1,
        "fragment-roadmap-actions": 1,
    }
    at = open_page(STEP_FILES[4])
    steps.DRAWN.clear()
    on_section(at, "verankering")
    assert steps.DRAWN == {
        "step-checks": 1,
        "fragment-anchoring": 1,
        "fragment-roadmap-decisions": 1,
        "fragment-roadmap-successor": 1,
    }


def test_a_save_redraws_its_part_and_the_checks_with_what_is_stored(demo_url: str) -> None:
    at = open_page(STEP_FILES[4], section="samenvatting")
    before = checks_count(at)
    status, answer = save_as_editor(at, "roadmap.summary", "")
    assert status == 200
    steps.DRAWN.clear()
    send_saved(at, "roadmap.summary", answer_version(answer))
    assert steps.DRAWN == {"fragment-roadmap-summary": 1, "step-checks": 1}
    assert editors(at)["roadmap.summary"]["value"] == ""
    assert editors(at)["roadmap.summary"]["version"] == answer["version"]
    assert checks_count(at) == before + 1


def test_saving_actions_redraws_what_shows_them_on_screen_and_the_timeline_shows_them(
    demo_url: str,
) -> None:
    at = open_page(STEP_FILES[4])
    rows = [dict(row) for row in editors(at)["roadmap.actions"]["value"]]
    rows[0]["title"] = "Een nieuwe naam voor de eerste actie"
    status, answer = save_as_editor(at, "roadmap.actions", rows)
    assert status == 200
    steps.DRAWN.clear()
    send_saved(at, "roadmap.actions", answer_version(answer))
    # The timeline is in another section, not drawn: only the actions and the checks rerun.
    assert steps.DRAWN == {"fragment-roadmap-actions": 1, "step-checks": 1}
    assert not at.exception
    on_section(at, "planning")
    timeline = json.loads(at.get("plotly_chart")[-1].proto.spec)
    names = json.dumps(timeline["data"], ensure_ascii=False)
    assert "Een nieuwe naam voor de eerste actie" in names


def test_saving_milestones_redraws_the_timeline_beside_them(demo_url: str) -> None:
    at = open_page(STEP_FILES[4], section="planning")
    rows = [dict(row) for row in editors(at)["roadmap.milestones"]["value"]]
    rows[0]["title"] = "Een hernoemde mijlpaal"
    status, answer = save_as_editor(at, "roadmap.milestones", rows)
    assert status == 200
    steps.DRAWN.clear()
    send_saved(at, "roadmap.milestones", answer_version(answer))
    assert steps.DRAWN == {"fragment-roadmap-milestones": 1, "step-checks": 1}
    timeline = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert "Een hernoemde mijlpaal" in json.dumps(timeline["data"], ensure_ascii=False)


def test_saving_objectives_redraws_the_actions_that_choose_among_them(demo_url: str) -> None:
    at = open_page(STEP_FILES[4])
    rows = [dict(row) for row in editors(at)["roadmap.objectives"]["value"]]
    rows[0]["title"] = "Een hernoemde doelstelling"
    status, answer = save_as_editor(at, "roadmap.objectives", rows)
    assert status == 200
    steps.DRAWN.clear()
    send_saved(at, "roadmap.objectives", answer_version(answer))
    assert steps.DRAWN == {
        "fragment-roadmap-objectives": 1,
        "fragment-roadmap-actions": 1,
        "step-checks": 1,
    }
    objective = next(
        c for c in editors(at)["roadmap.actions"]["columns"] if c["name"] == "objective"
    )
    assert any("Een hernoemde doelstelling" in label for _value, label in objective["options"])


def test_a_save_in_a_group_redraws_the_group_only(demo_url: str) -> None:
    at = open_page(STEP_FILES[1], section="swot")
    rows = [{"id": "nieuw1", "text": "Een nieuwe bedreiging"}]
    status, answer = save_as_editor(at, "challenge.swot_threats", rows)
    assert status == 200
    steps.DRAWN.clear()
    send_saved(at, "challenge.swot_threats", answer_version(answer))
    assert steps.DRAWN == {"fragment-swot": 1, "step-checks": 1}
    assert editors(at)["challenge.swot_threats"]["value"] == rows


def test_a_login_ended_elsewhere_ends_the_page_at_the_next_save(demo_url: str) -> None:
    at = open_page(STEP_FILES[4], section="samenvatting")
    status, answer = save_as_editor(at, "roadmap.summary", "Laatste tekst")
    assert status == 200
    AccountStore(make_engine(demo_url)).end_login_session(at.session_state["auth_token"])
    steps.DRAWN.clear()
    send_saved(at, "roadmap.summary", answer_version(answer))
    # The page ran whole again and shows the login page, not the brief.
    assert "roadmap.summary" not in editors(at)
    assert at.title[0].value == "Welkom bij Kernbrief"


class RunsSeen:
    """Every run the server reports as finished on this page's websocket: page or fragment."""

    def __init__(self, page: Page) -> None:
        self.finished: list[str] = []
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "script_finished":
            self.finished.append(ForwardMsg.ScriptFinishedStatus.Name(message.script_finished))


def test_in_chromium_a_pause_in_typing_redraws_the_checks_and_not_the_page(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    page = new_page()
    runs = RunsSeen(page)
    step_page(page, app_server, STEP4)
    open_section(page, "roadmap.summary")
    checks = page.locator("summary", has_text="Aandachtspunten voor deze stap (")
    expect(checks).to_have_count(1)
    before = int(re.findall(r"\((\d+)\)", checks.inner_text())[0])
    drawn = page.get_by_test_id("stApp")
    expect(drawn).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    parts_shown = page.locator("[class*='st-key-part-']").count()
    box = field(page, "roadmap.summary")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    runs.finished.clear()
    # The field is left empty and keeps the focus: the pause saves, then the checks follow.
    expect(checks).to_contain_text(f"({before + 1})", timeout=20_000)
    expect(status(page, "roadmap.summary")).to_contain_text("Bewaard")
    assert Stored(demo_url).value("roadmap.summary") == ""
    # The trigger's own run ends as soon as its callback asks for the fragments instead.
    for _ in range(100):  # Playwright hands over websocket frames only while it waits
        if "FINISHED_FRAGMENT_RUN_SUCCESSFULLY" in runs.finished:
            break
        page.wait_for_timeout(200)
    assert runs.finished[-1] == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY", runs.finished
    assert "FINISHED_SUCCESSFULLY" not in runs.finished, runs.finished
    expect(drawn).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    assert page.locator("[class*='st-key-part-']").count() == parts_shown
    expect(page.locator("h1").first).to_have_text(STEP4[1])


def test_in_chromium_coming_back_after_a_while_shows_what_others_saved_on_the_whole_page(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    page = step_page(new_page(), app_server, STEP4)
    open_section(page, "roadmap.successor")
    field(page, "roadmap.plan_link").click()
    stored = Stored(demo_url)
    successor = stored.briefs.load(stored.brief_id).part("roadmap.successor")
    stored.briefs.save_part(
        stored.brief_id, "roadmap.successor", "Gert van Economie", successor.version, "collega"
    )
    # The tab is hidden for twenty seconds (the editor reads the clock), then shown again.
    page.evaluate(
        """() => {
            const set = (state) => {
                const shown = {value: state, configurable: true};
                Object.defineProperty(document, "visibilityState", shown);
                document.dispatchEvent(new Event("visibilitychange"));
            };
            set("hidden");
            const later = Date.now() + 20000;
            Date.now = () => later;
            set("visible");
        }"""
    )
    # Another part than the one with the focus: only a run of the whole page shows it.
    expect(field(page, "roadmap.successor")).to_have_value("Gert van Economie", timeout=20_000)


def test_in_chromium_removing_a_row_redraws_the_checks_that_named_it(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    page = step_page(new_page(), app_server, STEP4)
    gone = "Oversteekbaarheid via wegmarkering site Byttebier"
    checks = page.locator("summary", has_text="Aandachtspunten voor deze stap (")
    checks.click()
    expect(page.get_by_text(f"Actie ‘{gone}’ heeft geen trekker.")).to_be_visible()
    fields = part(page, "roadmap.actions").locator("input, textarea")
    expect(fields.first).to_be_visible()
    label = next(
        str(fields.nth(n).get_attribute("aria-label"))
        for n in range(fields.count())
        if fields.nth(n).input_value() == gone
    )
    number = int(re.findall(r"(\d+)$", label)[0])
    part(page, "roadmap.actions").get_by_role(
        "button", name=f"Rij {number} verwijderen", exact=True
    ).click()
    expect(status(page, "roadmap.actions")).to_contain_text("Bewaard", timeout=20_000)
    # The button had the focus and is gone with its row: the checks still follow.
    expect(page.get_by_text(f"Actie ‘{gone}’ heeft geen trekker.")).to_have_count(0, timeout=20_000)
    # The list stays open as the user left it, though its count changed.
    expect(checks.locator("xpath=..")).to_have_attribute("open", "")
    assert gone not in json.dumps(Stored(demo_url).value("roadmap.actions"), ensure_ascii=False)


def test_removing_a_sketch_after_a_logout_elsewhere_says_so_and_removes_nothing(
    demo_url: str,
) -> None:
    at = open_page(STEP_FILES[3], section="schetsen")
    stored = Stored(demo_url)
    before = stored.value("prototype.sketches")
    assert before, "the demo brief has sketches"
    AccountStore(make_engine(demo_url)).end_login_session(at.session_state["auth_token"])
    at.button(key=f"remove:{stored.brief_id}:{before[0]['id']}").click().run()
    assert not at.exception
    assert at.title[0].value == "Welkom bij Kernbrief"
    assert stored.value("prototype.sketches") == before
