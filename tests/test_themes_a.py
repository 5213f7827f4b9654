"""The DNA, wayfinding and mixed-use modules: rows, storage, checks, document, collegenota, page."""

from __future__ import annotations

import copy
import io
import os
from datetime import date
from typing import Any

import docx
import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from briefs.brief import Brief, StoredPart
from briefs.checks import run_checks
from briefs.demo import TRAJECTORIES
from briefs.export.brief_doc import ExportContext, ExportOptions, build_brief_document
from briefs.i18n import Translator
from briefs.model import Theme
from briefs.nota import draft_arguments
from briefs.parts import PARTS, THEMES_PART, Kind, PartValidationError, validate_part
from briefs.present import EMPTY_CELL, Reader
from briefs.steps import STEP_SPECS
from briefs.themes import MODULES
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore
from tests.apps import editors, login_token, on_section
from tests.conftest import Seed

NL, EN = Translator("nl"), Translator("en")
THEMES = (Theme.DNA, Theme.WAYFINDING, Theme.MIXED_USE)
LOTTE = "lotte.vandenberghe@avelgem.demo"
SEED_DAY = date(2024, 3, 1)


def brief_of(content: dict[str, Any], municipality: str = "Testgemeente") -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content.items()}
    return Brief(1, 1, municipality, parts)


def found(content: dict[str, Any]) -> set[tuple[str, str, str]]:
    """The module checks a brief of ``content`` raises, as (part, code, name)."""
    return {
        (check.part, check.code, check.params.get("name", ""))
        for check in run_checks(brief_of(content))
        if check.part.split(".")[0] in {theme.value for theme in THEMES}
    }


def demo_of(theme: Theme) -> tuple[tuple[int, str], dict[str, Any]]:
    [(place, content)] = MODULES[theme].demo.items()
    return place, content


# --- rows validate --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "row", "rule"),
    [
        ("dna.core_values", {"core_value": "x" * 501}, "string_too_long"),
        ("dna.target_groups", {"audience": "tourists"}, "enum"),
        ("dna.translations", {"domain": "advertising"}, "enum"),
        ("dna.translations", {"translation": "x", "expresses": ""}, "string_too_short"),
        ("dna.assets", {"asset": "x", "owner": "y"}, "extra_forbidden"),
        ("wayfinding.sources", {"name": "P", "capacity": -1}, "greater_than_equal"),
        ("wayfinding.sources", {"name": "P", "capacity": 100_001}, "less_than_equal"),
        ("wayfinding.sources", {"name": "P", "capacity": 12.5}, "int_from_float"),
        ("wayfinding.sources", {"name": "P", "source_kind": "airport"}, "enum"),
        ("wayfinding.signs", {"place": "Markt", "sign_state": "broken"}, "enum"),
        ("wayfinding.signs", {"place": "Markt", "checked_on": "0024-03-12"}, "date_range"),
        (
            "wayfinding.signs",
            {"place": "Markt", "checked_on": "2024-02-30"},
            "date_from_datetime_parsing",
        ),
        ("wayfinding.missing_links", {"passage": "x" * 501}, "string_too_long"),
        ("mixed_use.sites", {"site": "S", "nuisance": "loud"}, "enum"),
        ("mixed_use.sites", {"site": "S", "lever": "subsidy"}, "enum"),
        ("mixed_use.sites", {"site": "S", "permit_until": "2101-01-01"}, "date_range"),
        (
            "mixed_use.sites",
            {"site": "S", "permit_until": "31/12/2025"},
            "date_from_datetime_parsing",
        ),
        ("mixed_use.sites", [{"site": "S"}] * 201, "too_long"),
    ],
)
def test_rows_out_of_their_limits_are_refused_with_the_rule(key: str, row: Any, rule: str) -> None:
    with pytest.raises(PartValidationError) as refused:
        validate_part(key, row if isinstance(row, list) else [row])
    assert refused.value.problems[0].rule == rule


def test_the_claim_and_the_long_texts_have_their_limits() -> None:
    with pytest.raises(PartValidationError):
        validate_part("dna.claim", "x" * 501)
    with pytest.raises(PartValidationError):
        validate_part("mixed_use.ambition", "x" * 20_001)
    assert validate_part("dna.distinctiveness", "x" * 20_000) == "x" * 20_000


def test_rows_within_their_limits_are_kept_as_json() -> None:
    [sign] = validate_part(
        "wayfinding.signs",
        [{"id": "b1", "place": "Markt", "sign_state": "damaged", "checked_on": date(2024, 3, 12)}],
    )
    assert sign == {
        "id": "b1",
        "place": "Markt",
        "sign_type": None,
        "sign_state": "damaged",
        "checked_on": "2024-03-12",
        "response": "",
    }
    [source] = validate_part("wayfinding.sources", [{"name": "P", "capacity": 100_000}])
    assert source["capacity"] == 100_000
    [site] = validate_part("mixed_use.sites", [{"site": "S", "lever": "land_policy"}])
    assert site["lever"] == "land_policy" and site["nuisance"] is None


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.value)
def test_every_demo_value_is_valid(theme: Theme) -> None:
    _, content = demo_of(theme)
    assert {PARTS[key].theme for key in content} == {theme}
    for key, value in content.items():
        assert validate_part(key, value) == value, key


# --- stored and loaded back --------------------------------------------------------------------


def brief_id(engine: Engine, number: int, municipality: str) -> int:
    programme = SqlProgrammeStore(engine)
    trajectory = next(t.id for t in programme.trajectories() if t.number == number)
    return next(
        ref.id for ref in programme.briefs_of(municipality) if ref.trajectory_id == trajectory
    )


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.value)
def test_the_demo_is_seeded_into_its_brief_and_a_change_is_loaded_back(
    engine: Engine, seed: Seed, theme: Theme
) -> None:
    seed(engine, SEED_DAY)
    (number, municipality), content = demo_of(theme)
    store, brief = SqlBriefStore(engine), brief_id(engine, number, municipality)
    loaded = store.load(brief)
    assert loaded.theme == theme.value
    for key, value in content.items():
        assert loaded.part(key).value == value, key
    key = next(key for key in content if PARTS[key].kind is Kind.ROWS)
    rows = copy.deepcopy(content[key])
    rows[0]["id"] = "nieuw1"
    rows.append({**rows[-1], "id": "nieuw2"})
    before = store.current(brief, key)
    store.save_part(brief, key, rows, before.version, "tester")
    again = store.load(brief).part(key)
    assert again.value == rows and again.version == before.version + 1


def test_saras_hulshout_brief_stays_empty_while_hulshout_in_trajectory_1_has_its_dna(
    engine: Engine, seed: Seed
) -> None:
    seed(engine, SEED_DAY)
    store = SqlBriefStore(engine)
    assert store.load(brief_id(engine, 3, "Hulshout")).parts == {}
    assert store.load(brief_id(engine, 1, "Hulshout")).text("dna.claim")


# --- checks --------------------------------------------------------------------------------


def values(count: int) -> list[dict[str, str]]:
    return [{"id": f"v{n}", "core_value": f"Waarde {n}", "reason": ""} for n in range(count)]


@pytest.mark.parametrize("count", [1, 2, 6, 7])
def test_fewer_than_three_or_more_than_five_core_values_are_flagged(count: int) -> None:
    checks = run_checks(brief_of({"dna.core_values": values(count)}))
    [check] = [check for check in checks if check.code == "dna_values_count"]
    assert (check.step, check.part, check.params) == (1, "dna.core_values", {"count": str(count)})


@pytest.mark.parametrize("count", [0, 3, 5])
def test_three_to_five_core_values_or_none_yet_are_not_flagged(count: int) -> None:
    assert not found({"dna.core_values": values(count)})


def test_a_target_group_without_what_it_looks_for_is_flagged_until_it_says() -> None:
    group = {"id": "g1", "audience": "visitors", "segment": "Fietsers", "looks_for": ""}
    assert found({"dna.target_groups": [group]}) == {
        ("dna.target_groups", "dna_group_no_need", "Fietsers")
    }
    group["looks_for"] = "Een terras aan de Nete"
    assert not found({"dna.target_groups": [group]})
    # A group named without choosing its kind is a group too.
    unsorted = {"id": "g2", "audience": None, "segment": "Scholieren", "looks_for": ""}
    assert found({"dna.target_groups": [unsorted]}) == {
        ("dna.target_groups", "dna_group_no_need", "Scholieren")
    }


def test_a_claim_is_flagged_until_it_is_translated_into_every_domain() -> None:
    content: dict[str, Any] = {"dna.claim": "Groen dorp aan de Nete", "dna.translations": []}
    [check] = [c for c in run_checks(brief_of(content)) if c.code == "dna_claim_untranslated"]
    assert (check.step, check.part) == (2, "dna.translations")
    assert check.params == {"count": "0", "total": "3"}
    for number, domain in enumerate(("marketing", "public_space", "products_services")):
        assert found(content) == {("dna.translations", "dna_claim_untranslated", "")}
        content["dna.translations"].append(
            {"id": f"t{number}", "domain": domain, "translation": f"Vertaling {number}"}
        )
    assert not found(content)
    # Without a claim there is nothing to translate yet.
    assert not found({"dna.translations": []})


def test_a_missing_link_needs_both_ends_and_an_owner() -> None:
    points = {
        "wayfinding.sources": [{"id": "p1", "name": "Parking Markt"}],
        "wayfinding.destinations": [{"id": "d1", "name": "Schelde"}],
    }
    link = {"id": "l1", "passage": "Doorsteek site", "from_point": "p1", "to_point": None}
    content = {**points, "wayfinding.missing_links": [link]}
    assert found(content) == {
        ("wayfinding.missing_links", "wayfinding_link_no_ends", "Doorsteek site"),
        ("wayfinding.missing_links", "wayfinding_link_no_owner", "Doorsteek site"),
    }
    link["to_point"], link["land_owner"] = "d1", "Eigenaar site"
    assert not found({**points, "wayfinding.missing_links": [link]})
    # An end whose point was removed is no end.
    del points["wayfinding.destinations"]
    assert found({**points, "wayfinding.missing_links": [link]}) == {
        ("wayfinding.missing_links", "wayfinding_link_no_ends", "Doorsteek site")
    }


@pytest.mark.parametrize("state", ["outdated", "damaged", "misleading", "sign_missing"])
def test_a_sign_not_in_order_needs_an_action(state: str) -> None:
    sign = {"id": "s1", "place": "Bushalte Markt", "sign_state": state, "response": ""}
    assert found({"wayfinding.signs": [sign]}) == {
        ("wayfinding.signs", "wayfinding_sign_no_action", "Bushalte Markt")
    }
    sign["response"] = "Nieuwe plattegrond"
    assert not found({"wayfinding.signs": [sign]})


def test_a_sign_in_order_or_not_yet_judged_needs_no_action() -> None:
    signs = [
        {"id": "s1", "place": "Markt", "sign_state": "in_good_order"},
        {"id": "s2", "place": "Kerk", "sign_state": None},
    ]
    assert not found({"wayfinding.signs": signs})


@pytest.mark.parametrize("nuisance", ["slight_nuisance", "noticeable_nuisance", "severe_nuisance"])
def test_a_site_with_nuisance_needs_a_lever(nuisance: str) -> None:
    site = {"id": "s1", "site": "Schrijnwerkerij", "nuisance": nuisance, "lever": None}
    assert found({"mixed_use.sites": [site]}) == {
        ("mixed_use.sites", "mixed_use_nuisance_no_lever", "Schrijnwerkerij")
    }
    site["lever"] = "dialogue"
    assert not found({"mixed_use.sites": [site]})


def test_a_site_without_nuisance_needs_no_lever() -> None:
    sites = [
        {"id": "s1", "site": "Coworking", "nuisance": "no_nuisance"},
        {"id": "s2", "site": "Bakkerij", "nuisance": None},
    ]
    assert not found({"mixed_use.sites": sites})


def test_each_demo_shows_each_of_its_modules_checks() -> None:
    expected = {
        Theme.DNA: {"dna_values_count", "dna_group_no_need", "dna_claim_untranslated"},
        Theme.WAYFINDING: {
            "wayfinding_link_no_ends",
            "wayfinding_link_no_owner",
            "wayfinding_sign_no_action",
        },
        Theme.MIXED_USE: {"mixed_use_nuisance_no_lever"},
    }
    for theme, codes in expected.items():
        _, content = demo_of(theme)
        assert {code for _, code, _ in found(content)} == codes, theme


# --- the document and the collegenota -----------------------------------------------------------


def document_text(brief: Brief, t: Translator) -> str:
    context = ExportContext(TRAJECTORIES[2], ("Lotte Vandenberghe",), SEED_DAY)
    data = build_brief_document(brief, context, ExportOptions(), t, lambda _id: b"")
    document = docx.Document(io.BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(texts).replace("\u200b", "")


@pytest.mark.parametrize("t", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.value)
def test_every_demo_value_is_in_the_exported_document(theme: Theme, t: Translator) -> None:
    (_, municipality), content = demo_of(theme)
    brief = brief_of(content, municipality)
    text = document_text(brief, t)
    assert t("theme.module_title", theme=t(f"enum.{theme.value}")) in text
    reader = Reader(brief, t)
    for key, value in content.items():
        assert t(f"part.{key}.title") in text, key
        if PARTS[key].kind is Kind.ROWS:
            # A wide table writes its dates short (31/03/2027); an empty cell stays empty.
            long, short = reader.rows(key, value), reader.rows(key, value, short_dates=True)
            for row, short_row in zip(long, short, strict=True):
                for cell, short_cell in zip(row, short_row, strict=True):
                    assert cell == EMPTY_CELL or cell in text or short_cell in text, (key, cell)
        else:
            assert reader.scalar(key, value) in text, key


def test_the_collegenota_argues_from_each_modules_figures() -> None:
    _, dna = demo_of(Theme.DNA)
    argued = draft_arguments(brief_of(dna), NL)
    assert "De kern profileert zich met de claim ‘Hulshout, groen dorp aan de Nete’." in argued
    assert "steunt op de kernwaarden Groen aan de Nete, Dorps en hartelijk, Samen" in argued
    assert "Het DNA is al vertaald naar marketing, publieke ruimte." in argued
    _, wayfinding = demo_of(Theme.WAYFINDING)
    argued = draft_arguments(brief_of(wayfinding), NL)
    assert "3 bronpunten met samen 180 plaatsen, 3 knooppunten en 4 bestemmingen" in argued
    assert "Er ontbreken 4 doorsteken, en 3 van de 5 geïnventariseerde borden" in argued
    _, mixed_use = demo_of(Theme.MIXED_USE)
    argued = draft_arguments(brief_of(mixed_use), EN)
    assert "We mapped 5 sites with economic activity in the centre; 3 of them" in argued
    assert "dialogue (1), permit (1), land policy (1), zoning (plan, regulation) (1)" in argued
    assert draft_arguments(brief_of({}), NL) == ""


# --- the step page ---------------------------------------------------------------------------


def show_modules(municipality: str, themes: list[Theme]) -> None:
    """Add modules to the municipality's brief, as its participant does in step 1."""
    engine = make_engine(os.environ["DATABASE_URL"])
    store, [ref] = SqlBriefStore(engine), SqlProgrammeStore(engine).briefs_of(municipality)
    current = store.current(ref.id, THEMES_PART)
    store.save_part(ref.id, THEMES_PART, [t.value for t in themes], current.version, "test")


def step_page(step: int) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(LOTTE)
    at.run()
    return at.switch_page(STEP_SPECS[step - 1].page_file).run()


def test_lottes_step_one_shows_the_wayfinding_tabs_with_avelgems_points(demo_url: str) -> None:
    at = step_page(1)
    tabs = [tab.label for tab in at.tabs]
    assert NL("step_section.wegwijzing") in tabs and NL("step_section.doorsteken") in tabs
    # Her trajectory's theme is wayfinding: no other module unless she adds it.
    assert NL("step_section.dna") not in tabs and NL("step_section.verweving") not in tabs
    on_section(at, "wegwijzing")
    assert not at.exception
    shown = editors(at)
    assert {"wayfinding.sources", "wayfinding.nodes", "wayfinding.destinations"} <= set(shown)
    assert "Parking Markt" in str(shown["wayfinding.sources"])
    on_section(at, "doorsteken")
    shown = editors(at)
    assert {"wayfinding.missing_links", "wayfinding.signs"} <= set(shown)
    assert "Doorsteek site Byttebier" in str(shown["wayfinding.missing_links"])
    assert NL("check.wayfinding_sign_no_action", name="Uitgang Parking Markt") in str(
        [element.value for element in at.markdown]
    )


def test_an_added_module_opens_its_tabs_and_parts(demo_url: str) -> None:
    show_modules("Avelgem", [Theme.DNA, Theme.MIXED_USE])
    at = step_page(1)
    tabs = [tab.label for tab in at.tabs]
    assert tabs.index(NL("step_section.dna")) == tabs.index(NL("step_section.situatie")) + 1
    on_section(at, "dna")
    assert not at.exception
    assert {
        "dna.core_values",
        "dna.assets",
        "dna.distinctiveness",
        "dna.target_groups",
        "dna.claim",
    } <= set(editors(at))
    on_section(at, "verweving")
    assert {"mixed_use.sites", "mixed_use.ambition"} <= set(editors(at))
    at = step_page(2)
    assert NL("step_section.dna-vertalen") in [tab.label for tab in at.tabs]
    on_section(at, "dna-vertalen")
    assert not at.exception
    assert set(editors(at)) == {"dna.translations"}
