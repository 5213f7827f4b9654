"""A brief filled in with the keyboard alone, in Chromium: log in, fill a text part, add a table
row, open another section and go on to the next step, with Tab, arrows, Enter and typing only."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from briefs.i18n import Translator
from briefs.model import Theme
from briefs.parts import sections_of_step
from tests.browser import Stored, log_in, part, settled
from tests.test_typing import SARA, SAVED, STEP1, STEP2_TITLE

# Sara's trajectory (3) is about wayfinding: its module's tabs follow the first one.
STEP1_TABS = [Translator("nl")(s.title_key) for s in sections_of_step(1, (Theme.WAYFINDING,))]

# What has the focus, through the shadow roots of the part editor: its role, name and text.
FOCUSED = """() => {
  let node = document.activeElement;
  while (node && node.shadowRoot && node.shadowRoot.activeElement) {
    node = node.shadowRoot.activeElement;
  }
  if (!node) return "";
  const root = node.getRootNode();
  const labelledBy = node.getAttribute("aria-labelledby");
  const byId = labelledBy && root.getElementById ? root.getElementById(labelledBy) : null;
  const name = node.getAttribute("aria-label")
    || (node.labels && node.labels.length ? node.labels[0].innerText : "")
    || (byId ? byId.innerText : "") || "";
  return `${node.tagName} ${node.getAttribute("role") || ""} ${name} ${node.innerText || ""}`;
}"""


def focused(page: Page) -> str:
    return str(page.evaluate(FOCUSED))


def tab_to(page: Page, wanted: str, presses: int = 120, key: str = "Tab") -> None:
    """Press Tab until the focused element's description matches ``wanted`` (a regex)."""
    pattern = re.compile(wanted)
    for _press in range(presses):
        if pattern.search(focused(page)):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{wanted!r} not reached with {key}; focus is on {focused(page)!r}")


def test_a_brief_can_be_filled_in_with_the_keyboard_alone(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url, "Hulshout")
    page = new_page()
    page.goto(f"{app_server}/auth/login")
    # The login form starts in the address field.
    expect(page.get_by_label("E-mailadres")).to_be_focused()
    page.keyboard.type(SARA)
    page.keyboard.press("Tab")
    page.keyboard.type("kernbrief-demo")
    page.keyboard.press("Enter")
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    settled(page)
    # To step 1 by its link in the sidebar. The focus shows as an outline, not as the grey
    # background that marks the page shown.
    tab_to(page, r"^A .*1 · Uitdaging")
    look = """() => {
          const style = getComputedStyle(document.activeElement);
          return [style.outlineStyle, style.outlineWidth, style.backgroundColor];
        }"""
    # The app's style sheet comes with its chrome component, after the page's own elements (on
    # a busy machine a moment after the run ends): wait for it, then check what it shows.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => ({look})()[0] === 'solid'", timeout=10_000)
    assert page.evaluate(look) == ["solid", "3px", "rgba(0, 0, 0, 0)"]
    page.keyboard.press("Enter")
    expect(page.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
    settled(page)
    # The first text part: typed in and saved when Tab leaves it.
    tab_to(page, r"^TEXTAREA .*Aanleiding en context")
    page.keyboard.type("Het centrum loopt leeg sinds de ringweg er is.")
    page.keyboard.press("Tab")
    expect(part(page, "challenge.context").get_by_role("status")).to_have_text(
        SAVED, timeout=15_000
    )
    # A row in the key figures: the add button, then a cell after the other.
    tab_to(page, r"^BUTTON .*Rij toevoegen")
    page.keyboard.press("Enter")
    for cell in ("Leegstaande panden", "31", "panden", "2024", "Leegstandsregister"):
        page.keyboard.type(cell)
        page.keyboard.press("Tab")
    figures = part(page, "challenge.key_figures")
    expect(figures.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    # Another section: its tab, reached with Shift+Tab, then the arrow keys.
    tab_to(page, r"tab .*Situatie en cijfers", key="Shift+Tab")
    for _tab in range(STEP1_TABS.index("Betrokkenen")):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.get_by_role("tab", name="Betrokkenen", exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    expect(part(page, "challenge.stakeholders")).to_be_visible(timeout=30_000)
    settled(page)
    # On to step 2 with the sidebar link, from wherever the focus is now.
    tab_to(page, r"^A .*2 · Verkennen", key="Shift+Tab", presses=200)
    page.keyboard.press("Enter")
    expect(page.locator("h1").first).to_have_text(STEP2_TITLE, timeout=30_000)
    assert stored.value("challenge.context") == "Het centrum loopt leeg sinds de ringweg er is."
    row = stored.value("challenge.key_figures")[-1]
    assert (row["indicator"], row["value"], row["year"], row["source"]) == (
        "Leegstaande panden",
        31.0,
        2024,
        "Leegstandsregister",
    )


def test_back_and_links_between_sections_show_what_the_address_names(
    app_server: str, new_page: Any
) -> None:
    page = new_page()
    log_in(page, app_server, SARA)
    page.goto(f"{app_server}/uitdaging")
    expect(page.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
    settled(page)
    selected = page.get_by_role("tab", selected=True)
    page.get_by_role("tab", name="Betrokkenen", exact=True).click()
    expect(page).to_have_url(re.compile(r"deel=betrokkenen"))
    expect(part(page, "challenge.stakeholders")).to_be_visible(timeout=30_000)
    # Back: the address and the section shown go back together.
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"deel="))
    expect(selected).to_have_text("Situatie en cijfers", timeout=30_000)
    expect(part(page, "challenge.context")).to_be_visible(timeout=30_000)
    settled(page)
    # A link to the next section: that section's tab has the focus, in view, so the keyboard
    # goes on from there.
    following = STEP1_TABS[1]
    onwards = page.get_by_role("link", name=f"Volgende: {following}")
    onwards.focus()
    page.keyboard.press("Enter")
    expect(selected).to_have_text(following, timeout=30_000)
    expect(page.get_by_role("tab", name=following, exact=True)).to_be_focused(timeout=10_000)
    expect(page.get_by_role("tab", name=following, exact=True)).to_be_in_viewport()
