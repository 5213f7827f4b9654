"""WCAG 2.1 AA and the user's language on every page of every role, in real Chromium.

axe-core (npm, installed by `make test`) checks each page at its full height; the headings must
go down one level at a time; `<html lang>` is the chosen language; Streamlit's own English words
(its buttons, hints and labels for screen readers) never show on a Dutch page.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from briefs.catalogue import CATALOGUE
from components.chrome import CHROME_KEYS
from tests.browser import LOTTE, log_in
from tests.conftest import PROJECT_ROOT, missing

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PIETER = "pieter.claes@gent.demo"
COACH = "jonas.wouters@begeleiding.demo"
ADMIN = "els.maes@programma.demo"
# Every address each role has, as app.py names them (the first is the role's home).
PAGES_BY_ROLE: dict[str | None, tuple[str, ...]] = {
    None: ("", "aanmelden", "een-adres-dat-niet-bestaat"),
    LOTTE: (
        "overzicht",
        "uitdaging",
        # The sections with their own kinds of content: a chart and its legend, choices, the
        # SWOT grid, sketches, the timeline, fields side by side.
        "uitdaging?deel=betrokkenen",
        "uitdaging?deel=draagvlak",
        "uitdaging?deel=swot",
        "verkennen",
        "verkennen?deel=richtingen",
        "testen",
        "testen?deel=schetsen",
        "stappenplan",
        "stappenplan?deel=planning",
        "stappenplan?deel=verankering",
        # Drafts as plain text, a budget table, suggestions as buttons.
        "stappenplan?deel=collegenota",
        # The trajectory's theme module (wayfinding): its tables.
        "uitdaging?deel=wegwijzing",
        "uitdaging?deel=doorsteken",
        "exporteren",
        "account",
    ),
    # The vacancy module: its charts, the spreadsheet import and the shaded instrument matrix.
    PIETER: ("uitdaging?deel=leegstand", "stappenplan?deel=instrumenten"),
    COACH: (
        "begeleiding",
        *(
            f"begeleiding?tab={tab}"
            for tab in ("review", "wijzigingen", "vergelijken", "sessies", "notities")
        ),
        "begeleiding?tab=deelnemers",
        "account",
    ),
    ADMIN: ("programma", "mensen", "logboek", "account"),
}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Streamlit's English strings, as the catalogue holds them (a template's {name} matches
# anything), and some that must never come back.
STREAMLIT_ENGLISH = [CATALOGUE[key][1] for key in CHROME_KEYS]
MONTHS_NL = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
DUTCH_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS_NL}) \d{{4}}\b")
ENGLISH_DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS_EN}) \d{{4}}\b")
# A catalogue key shown instead of its text ("overview.title").
CATALOGUE_KEY = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(k.split(".")[0]) for k in CATALOGUE})) + r")\.[a-z_]+\.?"
    r"[a-z_]*\b"
)


def drawn(page: Page, address: str, base: str) -> None:
    """Open a page by its address and wait until Streamlit has finished drawing it."""
    page.goto(f"{base}/{address}")
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=30_000
    )
    # The charts and tables draw after the run; give the browser a moment to lay them out.
    page.wait_for_timeout(500)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations, at the page's full height."""
    height = int(page.evaluate("document.documentElement.scrollHeight"))
    page.set_viewport_size({"width": 1440, "height": max(900, min(height, 20_000))})
    page.wait_for_timeout(300)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async (tags) => {
          const result = await axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact,
            where: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
          }));
        }""",
        WCAG_AA,
    )
    page.set_viewport_size({"width": 1440, "height": 900})
    return [v for v in found if v["impact"] in ("serious", "critical")]


def html_lang(page: Page, wanted: str) -> str:
    """The page's <html lang> once the app has set it (its chrome component runs after the
    page's own elements, later on a busy machine); what it is after 10 s otherwise."""
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            "(wanted) => document.documentElement.lang === wanted", arg=wanted, timeout=10_000
        )
    return str(page.evaluate("document.documentElement.lang"))


def heading_levels(page: Page) -> list[int]:
    return [
        int(tag[1])
        for tag in page.evaluate(
            "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
            ".filter((h) => h.offsetParent !== null).map((h) => h.tagName)"
        )
    ]


def english_chrome(page: Page) -> list[str]:
    """Streamlit's English strings found in the page's visible text and labels."""
    shown = page.evaluate(
        """() => {
          const found = [document.body.innerText];
          for (const el of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
            for (const a of ["aria-label", "placeholder", "title"]) {
              if (el.getAttribute(a)) found.push(el.getAttribute(a));
            }
          }
          return found;
        }"""
    )
    lines = [line.strip() for text in shown for line in text.splitlines() if line.strip()]
    patterns = [
        re.compile("^" + re.sub(r"\\\{\w+\\\}", ".+", re.escape(english)) + "$")
        for english in STREAMLIT_ENGLISH
    ]
    return sorted({line for line in lines for pattern in patterns if pattern.match(line)})


@pytest.fixture
def axe_available() -> None:
    if not AXE.exists():
        missing("axe-core (npm install, part of make test)")


@pytest.mark.parametrize(
    "email",
    list(PAGES_BY_ROLE),
    ids=["visitor", "participant", "vacancy-participant", "coach", "admin"],
)
def test_every_page_of_every_role_meets_wcag_aa_in_dutch(
    email: str | None, app_server: str, new_page: Any, axe_available: None
) -> None:
    page = new_page()
    if email is not None:
        log_in(page, app_server, email)
    problems = {}
    titles: dict[str, set[str]] = {}
    for address in PAGES_BY_ROLE[email]:
        drawn(page, address, app_server)
        found = []
        if violations := axe_violations(page):
            found.append("axe: " + ", ".join(f"{v['id']} at {v['where']}" for v in violations))
        levels = heading_levels(page)
        skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if not levels or levels[0] != 1 or skips:
            found.append(f"headings {levels}")
        if (lang := html_lang(page, "nl")) != "nl":
            found.append(f"lang={lang}")
        if english := english_chrome(page):
            found.append(f"English: {english}")
        # WCAG 2.4.2: the browser tab names the page, then the app.
        title = page.title()
        if not title.endswith(" · Kernbrief") and title != "Aanmelden bij Kernbrief":
            found.append(f"title {title!r}")
        if address:  # "" is the home page's twin address
            titles.setdefault(title, set()).add(address.split("?")[0])
        if found:
            problems[f"/{address}"] = found
    same = {title: pages for title, pages in titles.items() if len(pages) > 1}
    assert not problems, problems
    assert not same, f"pages that share a title: {same}"


def test_the_login_form_starts_in_the_address_field_and_names_its_fields(
    app_server: str, new_page: Any, axe_available: None
) -> None:
    page = new_page()
    page.goto(f"{app_server}/auth/login")
    expect(page.get_by_label("E-mailadres")).to_be_focused()
    expect(page.get_by_label("E-mailadres")).to_have_attribute("autocomplete", "username")
    expect(page.get_by_label("Wachtwoord")).to_have_attribute("autocomplete", "current-password")
    expect(page.get_by_text("Wachtwoord vergeten?")).to_be_visible()
    assert axe_violations(page) == []
    # After a refused password the address stays, and the cursor waits in the password field.
    page.get_by_label("E-mailadres").fill(LOTTE)
    page.get_by_label("Wachtwoord").fill("niet het wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Wachtwoord")).to_be_focused()


def test_english_pages_say_so_keep_streamlits_own_words_and_write_dates_in_english(
    app_server: str, new_page: Any
) -> None:
    page = new_page()
    log_in(page, app_server, LOTTE)
    drawn(page, "overzicht", app_server)
    page.get_by_label("Taal").click()
    page.get_by_role("option", name="English").click()
    expect(page.locator("h1").first).to_have_text("My design brief", timeout=30_000)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to main content")).to_have_count(1)
    # Dates as English writes them, on every page of the participant (a Dutch month is written
    # in lower case, an English one capitalised).
    for address in PAGES_BY_ROLE[LOTTE]:
        # The address keeps the language, as a refresh or a bookmark does.
        drawn(page, f"{address}{'&' if '?' in address else '?'}taal=en", app_server)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        body = page.locator("body").inner_text()
        assert not DUTCH_DATE.findall(body), (address, DUTCH_DATE.findall(body))
        assert not CATALOGUE_KEY.findall(body), (address, CATALOGUE_KEY.findall(body))
    drawn(page, "overzicht?taal=en", app_server)
    expect(page.get_by_text(ENGLISH_DATE).first).to_be_visible()
