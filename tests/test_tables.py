"""Tables fit the width and hide nothing, in real Chromium on the real server (issue 12).

At a desktop's width every column of a table is in view without scrolling sideways and its
text wraps instead of being cut off; on a phone every row is a card that shows each field
under its label with the row's buttons at the bottom, and what is typed in a card is saved.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from briefs.i18n import Translator
from briefs.parts import PARTS, Kind, parts_of_step
from briefs.present import row_fields
from tests.apps import choose_every_theme
from tests.browser import Stored, log_in, open_section, open_step, part

PIETER = "pieter.claes@gent.demo"  # Gent: the long key figures of the issue
STEPS = {
    1: ("uitdaging", "Stap 1 · Uitdaging helder benoemen"),
    2: ("verkennen", "Stap 2 · Wat als? Verkennen"),
    3: ("testen", "Stap 3 · Vertalen & testen"),
    4: ("stappenplan", "Stap 4 · Stappenplan & verankering"),
}
SAVED = re.compile(r"^Bewaard om \d\d:\d\d")
nl = Translator("nl")


def labels(key: str) -> tuple[list[str], list[str]]:
    """A table part's column labels: those shown as columns, and those shown under each row."""
    fields = row_fields(key)
    under = PARTS[key].details
    return (
        [nl(f"col.{f.name}") for f in fields if f.name not in under],
        [nl(f"col.{f.name}") for f in fields if f.name in under],
    )


def table(page: Page, key: str) -> Locator:
    return part(page, key).locator(".kb-rows[role=group]")


def first_row(page: Page, key: str) -> Locator:
    return table(page, key).locator(".kb-rows-body > .kb-row").first


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not shown"
    return {"x": found["x"], "y": found["y"], "width": found["width"], "height": found["height"]}


def scrolls_sideways(locator: Locator) -> bool:
    return bool(locator.evaluate("el => el.scrollWidth > el.clientWidth"))


def cut_off(locator: Locator) -> list[str]:
    """The text fields of a table whose text does not fit in them (scrolled away, cut off)."""
    found: list[str] = locator.locator("input[type=text], textarea").evaluate_all(
        """fields => fields
            .filter((f) => f.scrollWidth > f.clientWidth + 1 || f.scrollHeight > f.clientHeight + 1)
            .map((f) => f.getAttribute("aria-label") + ": " + f.value)"""
    )
    return found


def open_gent(page: Page, base: str, step: int) -> None:
    log_in(page, base, PIETER)
    open_step(page, base, *STEPS[step])


def test_at_1440_every_column_of_the_key_figures_and_the_action_list_is_in_view(
    app_server: str, new_page: Any
) -> None:
    width = 1440
    page = new_page(viewport={"width": width, "height": 900})
    log_in(page, app_server, PIETER)
    for step, key in ((1, "challenge.key_figures"), (4, "roadmap.actions")):
        open_step(page, app_server, *STEPS[step])
        rows = table(page, key)
        head = rows.locator(".kb-head")
        expect(head).to_be_visible(timeout=30_000)
        head.scroll_into_view_if_needed()
        columns, under = labels(key)
        cells = head.locator(".kb-cell")
        shown = [text.replace("\u2060", "") for text in cells.all_inner_texts()]
        assert shown == columns, (key, shown)
        for n in range(cells.count()):
            header = box(cells.nth(n))
            assert header["x"] >= 0 and header["x"] + header["width"] <= width, (key, shown[n])
        # The first row: every field in view, those without a column under their label.
        row = first_row(page, key)
        fields = row.locator("input, textarea, select")
        assert fields.count() == len(columns) + len(under)
        for n in range(fields.count()):
            expect(fields.nth(n)).to_be_visible()
            assert box(fields.nth(n))["x"] + box(fields.nth(n))["width"] <= width, (key, n)
        for label in under:
            shown_label = row.locator("label", has_text=re.compile(f"^{re.escape(label)}$"))
            expect(shown_label).to_be_visible()
            assert box(shown_label)["x"] + box(shown_label)["width"] <= width
        assert not scrolls_sideways(rows), key
        assert cut_off(rows) == [], key
    assert not page.evaluate("document.documentElement.scrollWidth > innerWidth")


def test_at_800_px_every_table_of_every_step_shows_all_its_columns(
    app_server: str, new_page: Any
) -> None:
    """The content beside the sidebar is about 800 px wide at a window of 1260 px."""
    choose_every_theme("Gent")  # every module's tables are in view
    page = new_page(viewport={"width": 1260, "height": 900})
    log_in(page, app_server, PIETER)
    checked = []
    for step, (address, title) in STEPS.items():
        open_step(page, app_server, address, title)
        for spec in parts_of_step(step):
            if spec.kind is not Kind.ROWS or len(row_fields(spec.key)) < 2:
                continue
            open_section(page, spec.key)
            rows = table(page, spec.key)
            add = part(page, spec.key).get_by_role("button", name="+ Rij toevoegen")
            expect(add).to_be_visible(timeout=30_000)
            if rows.locator(".kb-rows-body > .kb-row").count() == 0:
                add.click()  # an empty table shows its columns with its first row
            rows.scroll_into_view_if_needed()
            edge = box(rows)
            assert 780 <= edge["width"] <= 820, edge
            columns, _under = labels(spec.key)
            cells = rows.locator(".kb-head .kb-cell")
            expect(cells).to_have_count(len(columns))
            for n in range(cells.count()):
                header = box(cells.nth(n))
                assert header["x"] + header["width"] <= edge["x"] + edge["width"], (spec.key, n)
            fields = first_row(page, spec.key).locator("input, textarea, select")
            for n in range(fields.count()):
                field = box(fields.nth(n))
                assert field["width"] >= 40, (spec.key, n, field)
                assert field["x"] + field["width"] <= edge["x"] + edge["width"], (spec.key, n)
            assert not scrolls_sideways(rows), spec.key
            checked.append(spec.key)
    assert {"challenge.key_figures", "explore.directions", "roadmap.actions"} <= set(checked)
    assert len(checked) == len(
        [k for k, s in PARTS.items() if s.kind is Kind.ROWS and len(row_fields(k)) > 1]
    )


@pytest.fixture
def phone(app_server: str, new_page: Any) -> Page:
    page: Page = new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    open_gent(page, app_server, 1)
    return page


def test_on_a_phone_a_key_figure_is_a_card_with_every_field_under_its_label(
    phone: Page,
) -> None:
    page, width = phone, 390
    key = "challenge.key_figures"
    expect(first_row(page, key)).to_be_visible(timeout=30_000)
    expect(table(page, key).locator(".kb-head")).to_be_hidden()
    columns, _under = labels(key)
    assert "Jaar" in columns and "Bron" in columns
    figures = part(page, key)
    bottom = 0.0
    last: dict[str, float] = {}
    for label in columns:
        # Still named for a screen reader with its row, and shown under a visible label.
        field = figures.get_by_role("textbox", name=f"{label}, rij 1", exact=True)
        field.scroll_into_view_if_needed()
        expect(field).to_be_visible()
        shown = first_row(page, key).locator(f"label[for='{field.get_attribute('id')}']")
        expect(shown).to_be_visible()
        expect(shown).to_have_text(label)
        place, above = box(field), box(shown)
        assert place["x"] >= 0 and place["x"] + place["width"] <= width, label
        assert above["y"] + above["height"] <= place["y"] + 1, f"{label}: label above its field"
        assert place["x"] - 2 <= above["x"] <= place["x"] + place["width"], label
        assert place["y"] >= bottom, f"{label}: the fields follow each other down the card"
        bottom = place["y"]
        last = place
    # The row's buttons close the card, the button for a new row comes after the cards.
    for name in ("Rij 1 omlaag", "Rij 1 verwijderen"):
        button = figures.get_by_role("button", name=name, exact=True)
        expect(button).to_be_visible()
        assert box(button)["y"] >= last["y"] + last["height"], name
    card = box(first_row(page, key))
    assert card["x"] >= 0 and card["x"] + card["width"] <= width
    add = figures.get_by_role("button", name="+ Rij toevoegen")
    last_card = box(table(page, key).locator(".kb-rows-body > .kb-row").last)
    assert box(add)["y"] >= last_card["y"] + last_card["height"]
    assert not scrolls_sideways(table(page, key))
    assert not page.evaluate("document.documentElement.scrollWidth > innerWidth")


def test_on_a_phone_what_is_typed_in_a_card_is_saved(phone: Page, demo_url: str) -> None:
    page = phone
    stored = Stored(demo_url, "Gent", 5)
    key = "challenge.key_figures"
    before = stored.value(key)
    source = part(page, key).get_by_role("textbox", name="Bron, rij 2", exact=True)
    source.scroll_into_view_if_needed()
    source.tap()
    page.keyboard.press("Control+A")
    page.keyboard.type("Leegstandsregister Gent, telling van 1 juni 2023", delay=15)
    expect(part(page, key).get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    for _wait in range(100):
        after = stored.value(key)
        if after[1]["source"] != before[1]["source"]:
            break
        page.wait_for_timeout(200)
    assert after[1]["source"] == "Leegstandsregister Gent, telling van 1 juni 2023"
    assert after[1]["source"] != before[1]["source"]
    assert [row["indicator"] for row in after] == [row["indicator"] for row in before]
