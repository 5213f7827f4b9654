"""The part editor's own script in real Chromium, with the save answers in the test's hands.

The end-to-end tests in test_typing.py cannot choose the order in which a late save and a
page run arrive; here the test holds each save request and answers it when it wants, so a
race that a busy server produces now and then happens every time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Route, expect

from briefs.i18n import Translator
from components.part_editor import editor_texts

ORIGIN = "http://editor.test"
SCRIPT = Path(__file__).resolve().parents[1] / "components" / "part_editor.js"
STYLESHEET = SCRIPT.with_suffix(".css")
HARNESS = """<!doctype html><html lang="nl"><body><script type="module">
import mount from "/part_editor.js";
window.kbMount = (data) => {
  const host = document.createElement("div");
  host.id = "host-" + data.version;
  document.body.append(host);
  const root = host.attachShadow({ mode: "open" });
  const cleanup = mount({ data, parentElement: root, setTriggerValue: () => {} });
  window.kbUnmount = () => { cleanup(); host.remove(); };
};
window.kbReady = true;
</script></body></html>"""
OLD = "Hoe maken we van de N8 een verbinding?"
TYPED = " Samen met de handelaars."


class SaveRequests:
    """Every save the page sends, held until the test answers it."""

    def __init__(self) -> None:
        self.held: list[Route] = []

    def hold(self, route: Route) -> None:
        self.held.append(route)

    def body(self, index: int) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.held[index].request.post_data or "{}")
        return data

    def answer(self, index: int, status: int, answer: dict[str, Any]) -> None:
        self.held[index].fulfill(
            status=status, content_type="application/json", body=json.dumps(answer)
        )


def editor(version: int, value: str) -> dict[str, Any]:
    return {
        "kind": "short_text",
        "api": "/save",
        "token": "t",
        "brief": 7,
        "part": "challenge.question",
        "value": value,
        "version": version,
        "reset": 0,
        "label": "Uitdagingsvraag",
        "label_hidden": False,
        "status": "Bewaard",
        "lang": "nl",
        "locale": "nl-BE",
        "max_length": 500,
        "height": None,
        "readonly": False,
        "refresh": False,
        "text": editor_texts(Translator("nl")),
    }


def harness(page: Page) -> SaveRequests:
    saves = SaveRequests()
    script = SCRIPT.read_text(encoding="utf-8")

    def serve(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN)
        if path == "/save":
            saves.hold(route)
        elif path == "/part_editor.js":
            route.fulfill(content_type="text/javascript", body=script)
        else:
            route.fulfill(content_type="text/html", body=HARNESS)

    page.route(f"{ORIGIN}/**", serve)
    page.goto(f"{ORIGIN}/")
    page.wait_for_function("window.kbReady === true")
    return saves


def wait_for_saves(page: Page, saves: SaveRequests, count: int) -> None:
    for _ in range(200):
        if len(saves.held) >= count:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"expected {count} save requests, got {len(saves.held)}")


def typed_into_version_3(new_page: Any) -> tuple[Page, SaveRequests, Any]:
    """An editor showing version 3; the participant adds TYPED and tabs out: one save held."""
    page = new_page()
    saves = harness(page)
    page.evaluate("data => window.kbMount(data)", editor(3, OLD))
    box = page.get_by_role("textbox", name="Uitdagingsvraag")
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(TYPED)
    page.keyboard.press("Tab")
    wait_for_saves(page, saves, 1)
    return page, saves, box


def test_a_late_save_from_a_left_step_shows_in_the_step_drawn_before_it_landed(
    new_page: Any,
) -> None:
    page, saves, box = typed_into_version_3(new_page)
    # The database is locked: the first save fails, and the editor retries by itself.
    saves.answer(0, 503, {"status": "database", "message": "De databank is even niet bereikbaar."})
    expect(page.get_by_role("alert")).to_contain_text("niet bereikbaar")
    page.evaluate("window.kbUnmount()")  # the participant opens another step
    wait_for_saves(page, saves, 2)
    assert saves.body(1)["value"] == OLD + TYPED and saves.body(1)["base"] == 3
    # The retry lands after the server drew step 1 again from version 3, before it is shown.
    saves.answer(
        1,
        200,
        {"status": "saved", "version": 4, "value": OLD + TYPED, "message": "Bewaard om 20:15"},
    )
    page.wait_for_function("sessionStorage.getItem('kernbrief:7:challenge.question') === null")
    page.evaluate("data => window.kbMount(data)", editor(3, OLD))
    expect(box).to_have_value(OLD + TYPED)
    # The next edit is based on the version that holds the typed text: no conflict, no loss.
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" Vlot.")
    page.keyboard.press("Tab")
    wait_for_saves(page, saves, 3)
    assert saves.body(2)["base"] == 4
    assert saves.body(2)["value"] == OLD + TYPED + " Vlot."


def test_a_late_save_reaching_the_step_shown_again_keeps_what_was_typed_since(
    new_page: Any,
) -> None:
    page, saves, box = typed_into_version_3(new_page)
    saves.answer(0, 503, {"status": "database", "message": "De databank is even niet bereikbaar."})
    expect(page.get_by_role("alert")).to_contain_text("niet bereikbaar")
    page.evaluate("window.kbUnmount()")
    wait_for_saves(page, saves, 2)  # the retry, held while the step is shown again
    page.evaluate("data => window.kbMount(data)", editor(3, OLD))
    expect(box).to_have_value(OLD + TYPED)  # from this tab's draft
    wait_for_saves(page, saves, 3)  # the new editor sends the draft on version 3 too
    # The old retry lands first; the participant has typed on meanwhile.
    saves.answer(
        1, 200, {"status": "saved", "version": 4, "value": OLD + TYPED, "message": "Bewaard"}
    )
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" Vlot.")
    saves.answer(
        2, 200, {"status": "saved", "version": 4, "value": OLD + TYPED, "message": "Bewaard"}
    )
    page.keyboard.press("Tab")
    wait_for_saves(page, saves, 4)
    assert saves.body(3)["base"] == 4
    assert saves.body(3)["value"] == OLD + TYPED + " Vlot."
    expect(box).to_have_value(OLD + TYPED + " Vlot.")


def test_a_save_still_on_its_way_when_the_step_is_left_is_retried_when_it_fails(
    new_page: Any,
) -> None:
    page, saves, box = typed_into_version_3(new_page)
    # The participant clicks another step while the save is still on its way; then it fails.
    page.evaluate("window.kbUnmount()")
    saves.answer(0, 503, {"status": "database", "message": "De databank is even niet bereikbaar."})
    wait_for_saves(page, saves, 2)
    assert saves.body(1)["value"] == OLD + TYPED and saves.body(1)["base"] == 3
    saves.answer(
        1, 200, {"status": "saved", "version": 4, "value": OLD + TYPED, "message": "Bewaard"}
    )
    # The answer is in (the tab's draft of the typed text is gone) before the step is back.
    page.wait_for_function("sessionStorage.getItem('kernbrief:7:challenge.question') === null")
    page.evaluate("data => window.kbMount(data)", editor(3, OLD))
    expect(box).to_have_value(OLD + TYPED)
    page.wait_for_timeout(3000)
    assert len(saves.held) == 2  # nothing left to send: no third save, no conflict


LONG_NAME = (
    "Leegstaande handelspanden in het kernwinkelgebied en de aanloopstraten, "
    "volgens de telling van het leegstandsregister op 1 juni 2023"
)


def key_figures(version: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """An editor of a table with a line of text and a year, as the server describes it."""
    return {
        **editor(version, ""),
        "kind": "rows",
        "part": "challenge.key_figures",
        "value": rows,
        "label": "Kerncijfers",
        "label_hidden": True,
        "max_length": None,
        "layout": "table",
        "columns": [
            {"name": "indicator", "label": "Indicator", "kind": "text", "weight": 2.0},
            {"name": "year", "label": "Jaar", "kind": "int", "weight": 0.7, "min": 1900},
        ],
    }


def test_a_line_of_text_in_a_table_wraps_grows_and_takes_no_line_break(new_page: Any) -> None:
    page = new_page()
    saves = harness(page)
    rows: list[dict[str, Any]] = [
        {"id": "a1", "indicator": LONG_NAME, "year": 2023},
        {"id": "b2", "indicator": "Huur"},
    ]
    page.evaluate("data => window.kbMount(data)", key_figures(3, rows))
    # With its stylesheet, as Streamlit puts it in the editor's shadow root, at 700 px.
    page.evaluate(
        """css => {
          const host = document.getElementById("host-3");
          const style = document.createElement("style");
          style.textContent = css;
          host.shadowRoot.prepend(style);
          host.style.width = "700px";
        }""",
        STYLESHEET.read_text(encoding="utf-8"),
    )
    first = page.get_by_role("textbox", name="Indicator, rij 1", exact=True)
    second = page.get_by_role("textbox", name="Indicator, rij 2", exact=True)
    # The whole text shows, over several lines, in a cell taller than the one beside it.
    size = first.evaluate(
        "f => [f.scrollWidth, f.clientWidth, f.scrollHeight, f.clientHeight, f.offsetHeight]"
    )
    assert size[0] <= size[1] and size[2] <= size[3] + 1, size
    year_height = page.get_by_role("textbox", name="Jaar, rij 1").evaluate("f => f.offsetHeight")
    assert size[4] > year_height * 1.5, (size, year_height)
    # Enter goes down to the next row, as in a spreadsheet: no line break in the text.
    first.click()
    assert first.evaluate("f => f.selectionStart === f.selectionEnd"), "a click sets a caret"
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    expect(second).to_be_focused()
    expect(first).to_have_value(LONG_NAME)
    # A pasted line break becomes a space.
    page.keyboard.press("End")
    page.keyboard.insert_text(" per m²\nin 2024")
    expect(second).to_have_value("Huur per m² in 2024")
    # Tab into a line of text selects it, as in a one-line field: typing replaces it.
    page.get_by_role("textbox", name="Jaar, rij 1").click()
    page.keyboard.press("Shift+Tab")
    expect(first).to_be_focused()
    page.keyboard.type("Leegstand")
    page.keyboard.press("Tab")
    wait_for_saves(page, saves, 1)
    sent = saves.body(0)["value"]
    assert [row["indicator"] for row in sent] == ["Leegstand", "Huur per m² in 2024"]
