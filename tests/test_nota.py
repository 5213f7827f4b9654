"""The collegenota: budget per year, drafts, the Word nota, and drafts taken over on a click."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

import docx
import pytest

from briefs import model as m
from briefs.brief import Brief, StoredPart
from briefs.checks import run_checks
from briefs.demo import AVELGEM, TRAJECTORIES
from briefs.export.brief_doc import ExportContext, ExportOptions, build_brief_document
from briefs.export.nota_doc import write_nota
from briefs.i18n import Translator
from briefs.nota import (
    brief_budget,
    budget_per_year,
    draft_advice,
    draft_arguments,
    draft_articles,
    draft_context,
    split_action,
)
from briefs.parts import validate_part
from components.workspace import check_message
from tests.apps import editors
from tests.browser import Stored
from tests.test_pages import STEP_FILES, open_page

NL, EN = Translator("nl"), Translator("en")
CONTEXT = ExportContext(TRAJECTORIES[3], ("Lotte Vandenberghe",), today=date(2024, 6, 20))


def action(
    budget: str | None, start: str | None, deadline: str | None, title: str = ""
) -> m.Action:
    return m.Action.model_validate(
        {"title": title, "budget": budget, "start": start, "deadline": deadline}
    )


def brief_of(values: dict[str, Any]) -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in values.items()}
    return Brief(1, 3, "Avelgem", parts)


AVELGEM_BRIEF = brief_of(AVELGEM)


# --- the budget per year --------------------------------------------------------------------


def test_a_budget_spanning_years_is_split_by_days_including_a_leap_year() -> None:
    # 1 Dec 2023 – 31 Dec 2024: 31 days of 2023 and 366 of the leap year 2024.
    split = budget_per_year([action("3970.00", "2023-12-01", "2024-12-31")])
    assert split.per_year == {2023: Decimal("310.00"), 2024: Decimal("3660.00")}
    assert split.total == Decimal("3970.00") and not split.unplaced


def test_cents_always_add_up_to_the_budget_and_the_remainder_goes_to_the_last_year() -> None:
    # 100.00 over 1 day of 2024, 365 of 2025 and 1 of 2026; rounding is made up in 2026.
    parts = split_action(Decimal("100.00"), date(2024, 12, 31), date(2026, 1, 1))
    assert sum(parts.values()) == Decimal("100.00")
    assert parts[2024] == Decimal("0.27") and parts[2026] == Decimal("0.27")
    assert parts[2025] == Decimal("99.46")
    odd = split_action(Decimal("0.01"), date(2024, 7, 1), date(2025, 6, 30))
    assert odd == {2024: Decimal("0.01"), 2025: Decimal("0.00")}
    third = split_action(Decimal("100.00"), date(2023, 12, 31), date(2024, 1, 1))
    assert third == {2023: Decimal("50.00"), 2024: Decimal("50.00")}


def test_the_sum_per_year_equals_the_sum_of_the_action_budgets() -> None:
    actions = [
        action("1000.00", "2024-01-01", "2024-12-31"),
        action("2000.00", "2024-07-01", "2025-06-30"),
        action("999.99", "2025-02-01", "2027-03-15"),
    ]
    split = budget_per_year(actions)
    assert sum(split.per_year.values()) == Decimal("3999.99")
    assert list(split.per_year) == [2024, 2025, 2026, 2027]
    assert split.per_year[2024] == Decimal("1000.00") + Decimal("1008.22")


def test_budgets_without_dates_or_with_a_deadline_before_the_start_are_listed_apart() -> None:
    no_start = action("300.00", None, "2025-01-01", "Zonder start")
    no_dates = action("200.00", None, None, "Zonder data")
    backwards = action("50.00", "2025-03-01", "2025-02-01", "Achterstevoren")
    zero = action("0.00", "2025-01-01", "2025-12-31", "Nul")
    empty = action(None, None, None, "Geen budget")
    placed = action("100.00", "2025-01-01", "2025-12-31")
    split = budget_per_year([no_start, no_dates, backwards, zero, empty, placed])
    assert split.per_year == {2025: Decimal("100.00")}
    assert [a.title for a in split.unplaced] == ["Zonder start", "Zonder data", "Achterstevoren"]
    assert split.unplaced_total == Decimal("550.00")
    assert split.total == Decimal("650.00")


def test_no_budget_at_all_is_an_empty_split() -> None:
    split = budget_per_year([action("0.00", "2025-01-01", "2025-12-31"), action(None, None, None)])
    assert split.per_year == {} and split.unplaced == () and split.total == 0


# --- the drafts ---------------------------------------------------------------------------


def test_the_arguments_name_the_root_cause_the_chosen_directions_and_what_the_tests_showed() -> (
    None
):
    text = draft_arguments(AVELGEM_BRIEF, NL)
    assert "De grondoorzaak van het probleem: De kern werd langs de steenweg gepland" in text
    chosen = set(AVELGEM["prototype.chosen"])
    for direction in AVELGEM["explore.directions"]:
        assert (direction["title"] in text) == (direction["id"] in chosen), direction["title"]
    assert "De tijdelijke doorsteek werd druk gebruikt." in text
    english = draft_arguments(AVELGEM_BRIEF, EN)
    assert english.startswith("The root cause of the problem: ")
    assert "What the tests showed:" in english


def test_drafts_skip_what_the_brief_leaves_empty() -> None:
    brief = brief_of({"challenge.problem": "Te veel leegstand."})
    assert draft_context(brief, NL) == "Te veel leegstand."
    assert draft_arguments(brief, NL) == ""
    assert draft_advice(brief, NL) == []
    assert draft_articles(brief, NL) == [
        "Het college keurt het plan goed, zoals beschreven in de designbrief in bijlage."
    ]


def test_the_context_draft_holds_situation_problem_and_key_figures() -> None:
    text = draft_context(AVELGEM_BRIEF, EN)
    assert text.startswith("Avelgem ligt langs de gewestweg N8")
    assert "\n\nSome key figures:\n• " in text
    figure = "\n• Oversteekplaatsen op de doortocht: 4 plaatsen (2023; source: Eigen telling"
    assert figure in text


def test_the_drafted_articles_approve_the_plan_and_budget_and_go_to_the_council() -> None:
    articles = draft_articles(AVELGEM_BRIEF, NL)
    # The subject reads as a decision, so the plan is not named by it.
    assert articles[0] == (
        "Het college keurt het plan goed, zoals beschreven in de designbrief in bijlage."
    )
    assert articles[1] == (
        "Het college keurt het budget van €\u00a0378.000,00 voor 2024–2026 goed, in te "
        "schrijven op 0200/22400000 Wegen en doorsteken."
    )
    assert articles[2] == (
        "Het college belast schepen van mobiliteit en ruimtelijke ordening met de uitvoering."
    )
    assert articles[3] == "Het college legt het plan voor aan de gemeenteraad."
    without_council = brief_of({**AVELGEM, "roadmap.decisions": AVELGEM["roadmap.decisions"][:2]})
    assert "gemeenteraad" not in " ".join(draft_articles(without_council, NL))


def test_the_advice_draft_has_the_steps_before_the_college_and_the_departments() -> None:
    rows = draft_advice(AVELGEM_BRIEF, NL)
    assert [(row["adviser"], row["date"], row["verdict"]) for row in rows][:2] == [
        ("Managementteam (MAT)", "2024-06-10", "favourable"),
        ("Dienst Ruimte", None, None),
    ]
    assert len(rows) == 1 + len(AVELGEM["challenge.departments"])
    validate_part("roadmap.nota_advice", rows)


# --- the nota in Word ---------------------------------------------------------------------


def nota_document(brief: Brief, t: Translator, annexed: bool = True) -> Any:
    document = docx.Document()
    write_nota(document, brief, CONTEXT, t, annexed=annexed)
    return document


def test_the_articles_are_numbered_one_to_n_in_the_document() -> None:
    articles = ["Eerste.", "Tweede.", "", "Derde."]
    brief = brief_of({"roadmap.nota_articles": [{"text": text} for text in articles]})
    document = nota_document(brief, NL)
    written = [p for p in document.paragraphs if p.text.startswith("Artikel ")]
    assert [p.text for p in written] == [
        "Artikel 1. Eerste.",
        "Artikel 2. Tweede.",
        "Artikel 3. Derde.",
    ]
    assert all(p.runs[0].bold for p in written)
    english = nota_document(brief, EN)
    assert "Article 3. Derde." in [p.text for p in english.paragraphs]


def test_the_nota_has_its_sections_in_order_and_leaves_out_empty_ones() -> None:
    document = nota_document(AVELGEM_BRIEF, NL)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Collegenota",
        "Onderwerp",
        "Aanleiding en context",
        "Juridische grond",
        "Adviezen",
        "Argumentatie",
        "Financiële gevolgen",
        "Besluit",
        "Bijlagen",
    ]
    assert "1. Designbrief Avelgem" in [p.text for p in document.paragraphs]
    alone = nota_document(brief_of({"roadmap.nota_subject": "Een plan"}), EN, annexed=False)
    headings = [p.text for p in alone.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Decision note (collegenota) for the Board of Mayor and Aldermen (CBS)",
        "Subject",
    ]


def test_the_financial_consequences_show_each_year_the_total_and_what_fits_no_year() -> None:
    document = nota_document(AVELGEM_BRIEF, NL)
    budget = document.tables[2]  # after the facts table and the advice
    cells = [[cell.text for cell in row.cells] for row in budget.rows]
    split = budget_per_year(AVELGEM_BRIEF.rows("roadmap.actions", m.Action))
    assert cells[0] == ["Jaar", "Bedrag"]
    assert [row[0] for row in cells[1:]] == [
        "2024",
        "2025",
        "2026",
        "In geen jaar te plaatsen",
        "Totaal",
    ]
    assert cells[-1][1] == NL.money(split.total) == "€\u00a0378.000,00"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "€\u00a011.000,00 valt in geen enkel jaar: Extra fietsparkeerplaatsen" in text
    assert "naar verhouding van het aantal dagen" in text
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[3].rows}
    assert facts["Budgetlijn"] == "0200/22400000 Wegen en doorsteken"
    assert facts["Visum van de financieel directeur nodig"] == "Ja"


def test_the_nota_parts_are_not_repeated_in_the_annexed_brief() -> None:
    data = build_brief_document(AVELGEM_BRIEF, CONTEXT, ExportOptions(), NL, lambda _id: None)
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Besluitvorming" in text  # the brief's own decision route is there
    for key in ("roadmap.nota_arguments", "roadmap.nota_context", "roadmap.nota_legal"):
        first_line = AVELGEM[key].split("\n")[0][:60]
        assert first_line not in text, key
    assert "Artikel 1." not in text and "Dienst financiën" not in text


# --- taking a draft over on the step page ---------------------------------------------------


def _clear(stored: Stored, key: str) -> None:
    brief = stored.briefs.load(stored.brief_id)
    stored.briefs.save_part(stored.brief_id, key, PARTS_EMPTY[key], brief.part(key).version, "t")


PARTS_EMPTY = {"roadmap.nota_arguments": "", "roadmap.nota_articles": []}


def test_an_accepted_draft_is_stored_shown_and_never_overwritten_afterwards(demo_url: str) -> None:
    stored = Stored(demo_url)
    _clear(stored, "roadmap.nota_arguments")
    at = open_page(STEP_FILES[4], section="collegenota")
    draft = draft_arguments(stored.briefs.load(stored.brief_id), NL)
    assert draft in [element.value for element in at.text]
    reset = editors(at)["roadmap.nota_arguments"]["reset"]
    key = f"nota:replace:{stored.brief_id}:roadmap.nota_arguments:"
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    assert stored.value("roadmap.nota_arguments") == draft
    shown = editors(at)["roadmap.nota_arguments"]
    assert shown["value"] == draft and shown["reset"] == reset + 1
    # The brief changes: a new root cause. The stored text stays as accepted; the suggestion
    # under it follows the brief.
    brief = stored.briefs.load(stored.brief_id)
    whys = [*brief.part("challenge.whys").value, {"text": "Niemand voelt zich eigenaar."}]
    stored.briefs.save_part(
        stored.brief_id, "challenge.whys", whys, brief.part("challenge.whys").version, "t"
    )
    again = open_page(STEP_FILES[4], section="collegenota")
    assert stored.value("roadmap.nota_arguments") == draft
    assert editors(again)["roadmap.nota_arguments"]["value"] == draft
    assert any("Niemand voelt zich eigenaar." in element.value for element in again.text)


def test_a_filled_field_asks_first_and_can_keep_its_text(demo_url: str) -> None:
    stored = Stored(demo_url)
    before = stored.value("roadmap.nota_context")
    at = open_page(STEP_FILES[4], section="collegenota")
    # A filled field first asks, right under the button; cancelling changes nothing.
    ask = f"nota_ask:{stored.brief_id}:roadmap.nota_context"
    replace_key = f"nota:replace:{stored.brief_id}:roadmap.nota_context:"
    assert replace_key not in [button.key for button in at.button]
    at.button(key=f"{ask}:open").click().run()
    assert at.button(key=replace_key).label == "Vervangen"
    at.button(key=f"{ask}:cancel").click().run()
    assert replace_key not in [button.key for button in at.button]
    assert stored.value("roadmap.nota_context") == before
    at.button(key=f"{ask}:open").click().run()
    at.button(key=f"nota:append:{stored.brief_id}:roadmap.nota_context:").click().run()
    draft = draft_context(stored.briefs.load(stored.brief_id), NL)
    assert stored.value("roadmap.nota_context") == before.rstrip() + "\n\n" + draft
    # The question closes once answered.
    assert replace_key not in [button.key for button in at.button]


def test_adding_the_advice_draft_after_rows_leaves_out_the_rows_already_there(
    demo_url: str,
) -> None:
    stored = Stored(demo_url)
    before = stored.value("roadmap.nota_advice")
    draft = draft_advice(stored.briefs.load(stored.brief_id), NL)
    at = open_page(STEP_FILES[4], section="collegenota")
    ask = f"nota_ask:{stored.brief_id}:roadmap.nota_advice"
    at.button(key=f"{ask}:open").click().run()
    at.button(key=f"nota:append:{stored.brief_id}:roadmap.nota_advice:").click().run()
    after = stored.value("roadmap.nota_advice")
    named = [(row["adviser"], row["date"]) for row in after]
    assert len(named) == len(set(named)), named
    assert after[: len(before)] == before
    assert ("Managementteam (MAT)", "2024-06-10") in named
    assert len(after) == len(before) + len(
        [
            row
            for row in draft
            if (row["adviser"], row["date"]) not in {(b["adviser"], b["date"]) for b in before}
        ]
    )


def test_a_draft_taken_over_a_newer_save_is_refused_and_said(demo_url: str) -> None:
    stored = Stored(demo_url)
    _clear(stored, "roadmap.nota_articles")
    at = open_page(STEP_FILES[4], section="collegenota")
    # Meanwhile another session saves an article.
    brief = stored.briefs.load(stored.brief_id)
    theirs = [{"id": "x1", "text": "Artikel van iemand anders."}]
    version = brief.part("roadmap.nota_articles").version
    stored.briefs.save_part(stored.brief_id, "roadmap.nota_articles", theirs, version, "t")
    at.button(key=f"nota:replace:{stored.brief_id}:roadmap.nota_articles:").click().run()
    assert [row["text"] for row in stored.value("roadmap.nota_articles")] == [
        "Artikel van iemand anders."
    ]
    assert any("niet bewaard" in element.value for element in at.warning)


def test_a_legal_suggestion_adds_its_line_once(demo_url: str) -> None:
    stored = Stored(demo_url)
    before = stored.value("roadmap.nota_legal")
    at = open_page(STEP_FILES[4], section="collegenota")
    first = at.button(key=f"nota:append:{stored.brief_id}:roadmap.nota_legal:0")
    assert first.disabled  # the Decreet over het lokaal bestuur is in the demo's text already
    at.button(key=f"nota:append:{stored.brief_id}:roadmap.nota_legal:3").click().run()
    retail = NL("nota.legal.retail")
    assert stored.value("roadmap.nota_legal") == before + "\n" + retail
    assert at.button(key=f"nota:append:{stored.brief_id}:roadmap.nota_legal:3").disabled


def test_the_budget_per_year_and_what_fits_no_year_are_shown_under_the_visum(demo_url: str) -> None:
    at = open_page(STEP_FILES[4], section="collegenota")
    tables = [e.value for e in at.markdown if e.value.startswith("| Jaar")]
    assert len(tables) == 1
    assert "| 2024 | € 54\\.791,70 |" in tables[0].replace("\u00a0", " ")
    warnings = [e.value for e in at.warning]
    assert any("valt in geen enkel jaar" in w and "Zone 30 in het centrum" in w for w in warnings)


@pytest.mark.parametrize("key", ["roadmap.nota_context", "roadmap.nota_arguments"])
def test_drafts_are_shown_as_plain_text_never_markdown(demo_url: str, key: str) -> None:
    at = open_page(STEP_FILES[4], section="collegenota")
    draft = (draft_context if key.endswith("context") else draft_arguments)(
        Stored(demo_url).briefs.load(Stored(demo_url).brief_id), NL
    )
    assert draft in [element.value for element in at.text]
    assert not any(draft in element.value for element in at.markdown)


def test_in_the_browser_the_field_shows_the_accepted_draft_and_keeps_it(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    from playwright.sync_api import expect

    from tests.browser import log_in, part, settled

    stored = Stored(demo_url)
    _clear(stored, "roadmap.nota_arguments")
    draft = draft_arguments(stored.briefs.load(stored.brief_id), NL)
    page = new_page()
    log_in(page, app_server)
    page.goto(f"{app_server}/stappenplan?deel=collegenota")
    field = part(page, "roadmap.nota_arguments").get_by_role("textbox").first
    expect(field).to_have_value("", timeout=30_000)
    box = page.locator(".st-key-nota_draft-roadmap-nota_arguments")
    box.get_by_text("Voorstel op basis van je brief").click()
    # As a user would: the click once the opened panel has been drawn (not during its run).
    settled(page)
    box.get_by_role("button", name="Voorstel overnemen").click()
    expect(field).to_have_value(draft, timeout=30_000)
    assert stored.value("roadmap.nota_arguments") == draft
    page.reload()
    expect(field).to_have_value(draft, timeout=30_000)
    # Now filled: by keyboard, the question opens under the button and Tab reaches its answers.
    box.get_by_text("Voorstel op basis van je brief").click()
    ask = box.get_by_role("button", name="Voorstel overnemen")
    ask.focus()
    page.keyboard.press("Enter")
    expect(box.get_by_role("button", name="Vervangen")).to_be_visible(timeout=30_000)
    settled(page)
    focused = "document.activeElement && document.activeElement.innerText.trim()"
    names = []
    for _ in range(3):
        page.keyboard.press("Tab")
        names.append(page.evaluate(focused))
    assert names == ["Vervangen", "Achteraan toevoegen", "Annuleren"]
    page.keyboard.press("Enter")
    expect(box.get_by_role("button", name="Vervangen")).to_have_count(0, timeout=30_000)
    assert stored.value("roadmap.nota_arguments") == draft


@pytest.mark.parametrize(
    ("article", "differs"),
    [
        ("Het college keurt het budget van € 378.000,00 goed.", False),
        ("Het college keurt het budget van €\u00a0378.000,00 voor 2024–2026 goed.", False),
        ("The college approves the budget of €378,000.00.", False),
        ("Het college keurt het budget van € 378000 goed.", False),
        ("Het college keurt het budget van € 368.000,00 goed.", True),
        ("The college approves the budget of €368,000.00.", True),
        ("Het college keurt het plan goed.", False),
    ],
)
def test_a_decision_naming_another_amount_than_the_action_list_is_a_point_of_attention(
    article: str, differs: bool
) -> None:
    brief = brief_of({**AVELGEM, "roadmap.nota_articles": [{"id": "a1", "text": article}]})
    assert brief_budget(brief).total == Decimal("378000.00")
    found = [check for check in run_checks(brief) if check.code == "nota_budget_differs"]
    assert bool(found) is differs
    if differs:
        assert found[0].part == "roadmap.nota_articles"
        assert check_message(found[0], NL) == (
            "Het besluit van je collegenota noemt een ander bedrag dan de actielijst, die nu "
            "€\u00a0378.000,00 telt: pas het artikel aan of neem het voorstel opnieuw over."
        )
