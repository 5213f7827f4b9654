"""The vacancy module: its categories, figures, checks, storage, page, document and nota."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from collections import Counter
from decimal import Decimal
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from briefs.brief import Brief, StoredPart
from briefs.checks import run_checks
from briefs.demo import GENT as GENT_PERSON
from briefs.export.brief_doc import ExportOptions, build_brief_document
from briefs.export.docx_tools import document_text
from briefs.i18n import Translator
from briefs.nota import draft_arguments
from briefs.parts import PARTS, PartValidationError, redrawn_after_saving, validate_part
from briefs.present import Reader, row_fields
from briefs.themes.vacancy import (
    MAX_AREA,
    VacancyCategory,
    VacancyCount,
    VacantBuilding,
    Zone,
    by_category,
    by_zone,
    category_of,
    reference_day,
    tally,
    vacancy_rates,
)
from briefs.themes.vacancy_demo import AALST, BRASSCHAAT, GENT, GENT_COUNT_DAY
from components import steps
from storage.repository import SqlBriefStore, SqlProgrammeStore
from tests.apps import editors, send_saved
from tests.conftest import Seed
from tests.test_export import CONTEXT, png, units
from tests.test_pages import PIETER, STEP_FILES, open_page, save_as_editor, texts

NL, EN = Translator("nl"), Translator("en")
R, S, L, T = (
    VacancyCategory.RENOVATION,
    VacancyCategory.STARTING,
    VacancyCategory.LONG_TERM,
    VacancyCategory.STRUCTURAL,
)
CORE, APPROACH, ELSEWHERE = Zone.CORE_SHOPPING, Zone.APPROACH, Zone.ELSEWHERE
VACANCY_PARTS = ("vacancy.counts", "vacancy.buildings", "vacancy.causes", "vacancy.rents")


def brief_of(content: dict[str, Any], municipality: str = "Gent") -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content.items()}
    return Brief(1, 1, municipality, parts, theme="vacancy")


def since(day: str, category: VacancyCategory | None = None) -> VacantBuilding:
    return VacantBuilding(vacant_since=dt.date.fromisoformat(day), category=category)


def codes(brief: Brief) -> list[tuple[str, str]]:
    return [(check.code, check.params.get("name", "")) for check in run_checks(brief)]


# --- the categories at their boundaries ---------------------------------------------------
@pytest.mark.parametrize(
    ("vacant_since", "on", "expected"),
    [
        ("2023-06-01", "2023-06-01", S),  # empty since today: starting
        ("2022-06-02", "2023-06-01", S),  # a day short of a year
        ("2022-06-01", "2023-06-01", L),  # exactly one year
        ("2020-06-02", "2023-06-01", L),  # a day short of three years
        ("2020-06-01", "2023-06-01", T),  # exactly three years
        ("2001-01-01", "2023-06-01", T),
        # 29 February: its anniversary in another year is 1 March.
        ("2020-02-29", "2021-02-28", S),
        ("2020-02-29", "2021-03-01", L),
        ("2020-02-29", "2023-02-28", L),
        ("2020-02-29", "2023-03-01", T),
        ("2020-02-29", "2024-02-28", T),
        ("2021-02-28", "2024-02-29", T),  # to a 29 February: three years and a day
        ("2021-03-01", "2024-02-29", L),  # a day short of three years
        ("2021-02-28", "2024-02-28", T),
    ],
)
def test_the_category_follows_from_how_long_a_building_stood_empty(
    vacant_since: str, on: str, expected: VacancyCategory
) -> None:
    assert category_of(since(vacant_since), dt.date.fromisoformat(on)) is expected


def test_a_date_after_the_day_judged_or_none_gives_no_category() -> None:
    assert category_of(since("2023-06-02"), GENT_COUNT_DAY) is None
    assert category_of(VacantBuilding(), GENT_COUNT_DAY) is None


def test_a_chosen_category_wins_over_the_date() -> None:
    assert category_of(since("2010-01-01", R), GENT_COUNT_DAY) is R
    assert category_of(since("2023-05-01", T), GENT_COUNT_DAY) is T
    # Renovation is chosen even without a date, or with one after the day judged.
    assert category_of(VacantBuilding(category=R), GENT_COUNT_DAY) is R
    assert category_of(since("2030-01-01", R), GENT_COUNT_DAY) is R


def test_the_day_judged_is_the_latest_count_else_today() -> None:
    counts = [VacancyCount(counted_on=dt.date(2022, 6, 1)), VacancyCount(), VacancyCount()]
    counts.append(VacancyCount(counted_on=dt.date(2023, 6, 1)))
    assert reference_day(counts, dt.date(2025, 1, 1)) == dt.date(2023, 6, 1)
    assert reference_day([VacancyCount()], dt.date(2025, 1, 1)) == dt.date(2025, 1, 1)


# --- Gent's demo against the seed ----------------------------------------------------------
# The seed's count of 1 June 2023 in Gent, written out by hand: 52 buildings, 37 in the centre
# of which 23 in the core shopping area. The split of the 29 outside the core into approach
# streets and elsewhere is the demo's; the column and row totals are the seed's.
SEED_TABLE = {
    #            renovation, starting, long-term, structural
    CORE: (4, 5, 11, 3),
    APPROACH: (2, 6, 5, 1),
    ELSEWHERE: (1, 7, 6, 1),
}


def gent_buildings() -> list[VacantBuilding]:
    return brief_of(GENT).rows("vacancy.buildings", VacantBuilding)


def test_gents_inventory_adds_up_to_the_seeds_count_of_1_june_2023() -> None:
    buildings = gent_buildings()
    day = reference_day(brief_of(GENT).rows("vacancy.counts", VacancyCount), dt.date.today())
    assert day == dt.date(2023, 6, 1)
    expected = Counter(
        {
            (zone, category): n
            for zone, numbers in SEED_TABLE.items()
            for category, n in zip((R, S, L, T), numbers, strict=True)
        }
    )
    assert tally(buildings, day) == expected
    assert by_category(buildings, day) == {R: 7, S: 18, L: 22, T: 5}
    assert sum(by_category(buildings, day).values()) == 52
    assert by_zone(buildings)[CORE] == 23
    assert by_zone(buildings)[CORE] + by_zone(buildings)[APPROACH] == 37
    # Only renovation is chosen; the others follow from 'vacant since'.
    assert {b.category for b in buildings} == {R, None}


def test_a_building_without_zone_or_category_is_counted_as_not_known() -> None:
    buildings = [VacantBuilding(zone=CORE), since("2023-01-01")]
    assert by_category(buildings, GENT_COUNT_DAY) == {R: 0, S: 1, L: 0, T: 0, None: 1}
    assert by_zone(buildings) == {CORE: 1, APPROACH: 0, ELSEWHERE: 0, None: 1}


def test_the_rate_is_vacant_over_premises_per_count_in_date_order() -> None:
    counts = [
        VacancyCount(counted_on=dt.date(2023, 6, 1), vacant=52, premises=650),
        VacancyCount(counted_on=dt.date(2021, 6, 1), vacant=41, premises=662),
        VacancyCount(counted_on=dt.date(2022, 6, 1), vacant=46, premises=None),  # left out
        VacancyCount(counted_on=dt.date(2020, 6, 1), vacant=3, premises=0),  # left out
        VacancyCount(counted_on=None, vacant=3, premises=30),  # left out
    ]
    rates = vacancy_rates(counts)
    assert [rate.day for rate in rates] == [dt.date(2021, 6, 1), dt.date(2023, 6, 1)]
    assert rates[-1].rate == pytest.approx(0.08)
    assert rates[0].rate == pytest.approx(41 / 662)


# --- points of attention -------------------------------------------------------------------
def test_gents_demo_inventory_raises_no_point_of_attention() -> None:
    content = GENT_PERSON | GENT
    assert not [code for code, _ in codes(brief_of(content)) if "vacancy" in code]


@pytest.mark.parametrize(
    ("content", "part", "row", "fix", "code", "name"),
    [
        (BRASSCHAAT, "vacancy.buildings", "bb2", {"category": "renovation"}, "vacancy_no_category",
         "Bredabaan 402"),
        (BRASSCHAAT, "vacancy.buildings", "bb2", {"vacant_since": "2022-01-01"},
         "vacancy_no_category", "Bredabaan 402"),
        (BRASSCHAAT, "vacancy.buildings", "bb3", {"vacant_since": "2023-08-01"},
         "vacancy_after_count", "Lage Kaart 12"),
        (BRASSCHAAT, "vacancy.instruments", "vi2", {"objective": "bob1"},
         "instrument_no_objective", "Leegstandsregister bijhouden"),
        (AALST, "vacancy.instruments", "vi3", {"kind": "temporary"}, "instrument_no_type",
         "Pop-upcontracten in leegstaande panden"),
    ],
)  # fmt: skip
def test_each_check_fires_and_stops_when_fixed(
    content: dict[str, Any], part: str, row: str, fix: dict[str, Any], code: str, name: str
) -> None:
    assert (code, name) in codes(brief_of(content))
    fixed = copy.deepcopy(content)
    for stored in fixed[part]:
        if stored["id"] == row:
            stored.update(fix)
    assert (code, name) not in codes(brief_of(fixed))


def test_a_later_count_settles_a_building_dated_after_the_earlier_one() -> None:
    content = copy.deepcopy(BRASSCHAAT)
    assert ("vacancy_after_count", "Lage Kaart 12") in codes(brief_of(content))
    content["vacancy.counts"].append({"id": "bc2", "counted_on": "2024-01-15", "vacant": 5})
    assert ("vacancy_after_count", "Lage Kaart 12") not in codes(brief_of(content))


def test_the_after_count_check_names_both_days_as_flanders_writes_them() -> None:
    from components.workspace import check_message

    [check] = [c for c in run_checks(brief_of(BRASSCHAAT)) if c.code == "vacancy_after_count"]
    assert check.step == 1 and check.part == "vacancy.buildings"
    assert check_message(check, NL) == (
        "Leegstaand pand ‘Lage Kaart 12’ staat pas leeg sinds 15 november 2023, na de laatste "
        "telling (1 september 2023)."
    )


def test_instruments_link_to_objectives_and_actions_and_causes_can_be_answered() -> None:
    assert PARTS["vacancy.instruments"].links == {
        "objective": ("roadmap.objectives",),
        "action": ("roadmap.actions",),
    }
    assert "vacancy.causes" in PARTS["explore.directions"].links["answers"]
    reader = Reader(brief_of(AALST, "Aalst"), NL)
    [first, *_] = reader.rows("vacancy.instruments", AALST["vacancy.instruments"])
    objective, action = reader.link("aob1"), reader.link("aa1")
    assert objective.startswith("Doelstelling 1") and action.startswith("Actie 1")
    assert objective in first and action in first


# --- validation --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "row", "rule"),
    [
        ("vacancy.buildings", {"area": MAX_AREA + 1}, "less_than_equal"),
        ("vacancy.buildings", {"area": -1}, "greater_than_equal"),
        ("vacancy.buildings", {"zone": "centrum"}, "enum"),
        ("vacancy.buildings", {"category": "tijdelijk"}, "enum"),
        ("vacancy.buildings", {"vacant_since": "2023-02-30"}, "date_from_datetime_parsing"),
        ("vacancy.buildings", {"vacant_since": "0023-06-01"}, "date_range"),
        ("vacancy.buildings", {"tax": "-5"}, "greater_than_equal"),
        ("vacancy.buildings", {"tax": "12,50"}, "decimal_parsing"),
        ("vacancy.buildings", {"in_register": "misschien"}, "enum"),
        ("vacancy.buildings", {"address": "a" * 501}, "string_too_long"),
        ("vacancy.counts", {"vacant": -1}, "greater_than_equal"),
        ("vacancy.counts", {"premises": 100_001}, "less_than_equal"),
        ("vacancy.counts", {"vacant": 2.5}, "int_from_float"),
        ("vacancy.causes", {"effect": "huge"}, "enum"),
        ("vacancy.rents", {"rent_low": "abc"}, "decimal_parsing"),
        ("vacancy.rents", {"rent_high": "254.405"}, "decimal_max_places"),
        ("vacancy.instruments", {"kind": "fiscal"}, "enum"),
    ],
)
def test_rows_outside_the_rules_are_refused(key: str, row: dict[str, Any], rule: str) -> None:
    with pytest.raises(PartValidationError) as refused:
        validate_part(key, [{"id": "x", **row}])
    problem = refused.value.problems[0]
    assert problem.rule.startswith(rule.split("_from")[0]), problem
    assert problem.column == next(iter(row))


def test_amounts_are_stored_in_cents_and_dates_as_iso() -> None:
    [rent] = validate_part("vacancy.rents", [{"id": "r", "street": "x", "rent_low": 208}])
    assert rent["rent_low"] == "208.00"
    [building] = validate_part("vacancy.buildings", [{"id": "b", "vacant_since": "2023-06-01"}])
    assert building["vacant_since"] == "2023-06-01"


def test_saving_a_vacancy_part_redraws_the_charts_that_read_it() -> None:
    redrawn = {item.key for item in redrawn_after_saving("vacancy.counts", 1)}  # type: ignore[union-attr]
    assert redrawn == {"vacancy.counts", "vacancy.buildings"}
    redrawn = {item.key for item in redrawn_after_saving("vacancy.rents", 1)}  # type: ignore[union-attr]
    assert redrawn == {"vacancy.rents"}


# --- storage on SQLite and PostgreSQL ------------------------------------------------------
def test_the_demo_seeds_the_module_and_a_saved_inventory_reloads_exactly(
    engine: Engine, seed: Seed
) -> None:
    seed(engine, dt.date(2024, 3, 1))
    programme, store = SqlProgrammeStore(engine), SqlBriefStore(engine)
    refs = {(ref.municipality, ref.id) for ref in programme.briefs_of("Gent")}
    [(_, gent)] = refs
    brief = store.load(gent)
    for key in VACANCY_PARTS:
        assert brief.part(key).value == validate_part(key, GENT[key]), key
    # The person's own brief content is kept beside the module's.
    assert brief.text("challenge.question") == GENT_PERSON["challenge.question"]
    # Aalst's matrix comes with the objectives and actions it serves.
    aalst = next(
        r.id for r in programme.briefs_of("Aalst") if r.trajectory_id == brief.trajectory_id
    )
    loaded = store.load(aalst)
    assert loaded.part("vacancy.instruments").value == validate_part(
        "vacancy.instruments", AALST["vacancy.instruments"]
    )
    assert [row["id"] for row in loaded.part("roadmap.objectives").value] == ["aob1", "aob2"]
    edited = copy.deepcopy(GENT["vacancy.buildings"])
    edited[0].update(
        address="Veldstraat 1 — ‘hoekpand’ <b>", area=123.5, tax=Decimal("1999.5"), zone=None
    )
    stored = store.save_part(
        gent, "vacancy.buildings", edited, brief.part("vacancy.buildings").version, "t"
    )
    again = store.load(gent).part("vacancy.buildings")
    assert again.version == stored.version
    assert again.value[0]["address"] == "Veldstraat 1 — ‘hoekpand’ <b>"
    assert again.value[0]["area"] == 123.5 and again.value[0]["zone"] is None
    assert again.value[0]["tax"] == "1999.50"
    assert again.value[1:] == validate_part("vacancy.buildings", GENT["vacancy.buildings"])[1:]


# --- the step page -------------------------------------------------------------------------------
def test_pieter_sees_the_vacancy_tab_with_its_parts_and_charts(demo_url: str) -> None:
    at = open_page(STEP_FILES[1], who=PIETER, section="leegstand")
    assert "Leegstand" in [tab.label for tab in at.tabs]
    assert set(editors(at)) == set(VACANCY_PARTS)
    titles = [subheader.value for subheader in at.subheader]
    for title in (
        "Verloop van de leegstandsgraad",
        "Leegstaande panden per zone en categorie",
        "Huurprijzen per straat",
    ):
        assert title in titles
    charts = at.get("plotly_chart")
    assert len(charts) == 3
    data = json.dumps([json.loads(chart.proto.spec)["data"] for chart in charts])
    assert "Kernwinkelgebied" in data and "Sint-Pieters-Nieuwstraat" in data
    assert not at.exception
    assert "Leegstaand pand" not in texts(at)  # Gent's inventory is complete


def test_saving_a_count_redraws_the_rate_and_the_inventory_chart(demo_url: str) -> None:
    at = open_page(STEP_FILES[1], who=PIETER, section="leegstand")
    rows = [dict(row) for row in editors(at)["vacancy.counts"]["value"]]
    rows.append({"id": "new", "counted_on": "2024-06-01", "vacant": 60, "premises": 600})
    status, answer = save_as_editor(at, "vacancy.counts", rows)
    assert status == 200
    steps.DRAWN.clear()
    version = answer["version"]
    assert isinstance(version, int)
    send_saved(at, "vacancy.counts", version)
    assert steps.DRAWN == {
        "fragment-vacancy-counts": 1,
        "fragment-vacancy-buildings": 1,
        "step-checks": 1,
    }
    rate = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert rate["y"][-1] == 10.0 and len(rate["y"]) == 4


# --- the document and the collegenota --------------------------------------------------------
def export(brief: Brief, t: Translator = NL) -> docx.document.Document:
    data = build_brief_document(brief, CONTEXT, ExportOptions(), t, lambda _id: png())
    return docx.Document(io.BytesIO(data))


def image_count(document: docx.document.Document) -> int:
    return sum(1 for rel in document.part.rels.values() if rel.reltype.endswith("/image"))


def stored_cells(brief: Brief, t: Translator) -> list[tuple[str, str]]:
    """Every stored value of the module as the document writes it (dates long or short)."""
    reader = Reader(brief, t)
    found = []
    for key in VACANCY_PARTS:
        fields = row_fields(key)
        for row in brief.part(key).value:
            for field in fields:
                value = row.get(field.name)
                if value is None or value == "":
                    continue
                forms = {reader.cell(field, value), reader.cell(field, value, short_dates=True)}
                found.append((key, "|".join(sorted(document_text(f) for f in forms))))
    return found


def assert_every_value_is_written(brief: Brief, t: Translator) -> docx.document.Document:
    document = export(brief, t)
    everything = "\n".join(text for _, text in units(document))
    for key, forms in stored_cells(brief, t):
        assert any(form in everything for form in forms.split("|")), (key, forms)
    return document


def test_gents_module_is_in_the_document_with_its_three_charts() -> None:
    brief = brief_of(GENT_PERSON | GENT)
    document = assert_every_value_is_written(brief, NL)
    assert len(document.inline_shapes) == 3 == image_count(document)
    # The vacancy tax adds up; rents per m² in different streets do not.
    totals = [p.text for p in document.paragraphs if p.text.startswith("Totaal ")]
    assert "Totaal leegstandsheffing: €\xa040.000,00" in totals
    assert not any(total.endswith(("2.950,40", "1.058,40")) for total in totals)
    captions = [p.text for p in document.paragraphs if p.style and p.style.name == "Caption"]
    assert any("Leegstaande panden per zone en categorie op 1 juni 2023" in c for c in captions)
    assert any("Leegstandsgraad per telling, 1 juni 2021 tot 1 juni 2023" in c for c in captions)
    assert any("Gevraagde huurprijzen per straat" in c for c in captions)
    english = export(brief, EN)
    captions = [p.text for p in english.paragraphs if p.style and p.style.name == "Caption"]
    assert any("Vacant buildings by zone and category on 1 June 2023" in c for c in captions)
    alt = {shape._inline.docPr.get("descr") for shape in english.inline_shapes}
    assert "Rents asked per street (€/m²/year, from low to high)" in alt


def test_without_counts_or_rents_only_the_inventory_chart_is_drawn() -> None:
    brief = brief_of({"vacancy.buildings": GENT["vacancy.buildings"][:3]})
    assert image_count(export(brief)) == 1
    brief = brief_of({"vacancy.counts": GENT["vacancy.counts"][:1]})
    assert image_count(export(brief)) == 0


SAFE_TEXT = st.text(alphabet=st.characters(blacklist_characters="⟦⟧", codec="utf-8"), max_size=30)
DAYS = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
MONEY = st.decimals(0, 10_000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def inventories(draw: st.DrawFn) -> dict[str, Any]:
    """Any counts, buildings, causes and rents: texts, choices, dates, numbers and amounts."""
    counter = iter(range(100_000))

    def text() -> str:
        return f"⟦{next(counter)}⟧{draw(SAFE_TEXT)}"

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(st.none() | strategy)

    def rows(prefix: str, make: Any) -> list[dict[str, Any]]:
        return [{"id": f"{prefix}{n}", **make()} for n in range(draw(st.integers(0, 5)))]

    return {
        "vacancy.counts": rows(
            "c",
            lambda: {
                "counted_on": maybe(DAYS.map(str)),
                "vacant": maybe(st.integers(0, 500)),
                "premises": maybe(st.integers(0, 5000)),
            },
        ),
        "vacancy.buildings": rows(
            "b",
            lambda: {
                "address": text(),
                "zone": maybe(st.sampled_from(list(Zone))),
                "area": maybe(st.floats(0, MAX_AREA, allow_nan=False).map(lambda x: round(x, 1))),
                "vacant_since": maybe(DAYS.map(str)),
                "category": maybe(st.sampled_from(list(VacancyCategory))),
                "cause": text(),
                "in_register": maybe(st.sampled_from(["yes", "no"])),
                "tax": maybe(MONEY.map(str)),
            },
        ),
        "vacancy.causes": rows(
            "o",
            lambda: {
                "cause": text(),
                "effect": maybe(st.sampled_from(["no_impact", "some_impact", "large_impact"])),
                "explanation": text(),
            },
        ),
        "vacancy.rents": rows(
            "r",
            lambda: {
                "street": text(),
                "rent_low": maybe(MONEY.map(str)),
                "rent_high": maybe(MONEY.map(str)),
                "note": text(),
            },
        ),
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=inventories())
def test_any_inventory_exports_every_stored_value_and_its_charts(content: dict[str, Any]) -> None:
    brief = brief_of(content)
    document = assert_every_value_is_written(brief, NL)
    counts = brief.rows("vacancy.counts", VacancyCount)
    expected = (
        bool(brief.rows("vacancy.buildings", VacantBuilding))
        + (len(vacancy_rates(counts)) >= 2)
        + any(r.get("rent_low") or r.get("rent_high") for r in content["vacancy.rents"])
    )
    assert image_count(document) == expected


def test_the_nota_draft_argues_from_the_inventory() -> None:
    brief = brief_of(GENT_PERSON | GENT)
    text = draft_arguments(brief, NL)
    assert (
        "Op 1 juni 2023 stonden 52 panden leeg: 7 verbouw, 18 aanvang, 22 langdurig en "
        "5 structureel; 23 daarvan in het kernwinkelgebied. Dat is een leegstandsgraad van 8 %."
    ) in text
    english = draft_arguments(brief, EN)
    assert "On 1 June 2023, 52 buildings stood vacant: 7 renovation, 18 starting" in english
    # Without a count there is no day to name: the inventory says nothing in the nota.
    undated = brief_of({"vacancy.buildings": GENT["vacancy.buildings"]})
    assert "panden leeg" not in draft_arguments(undated, NL)


def test_a_street_name_stays_text_on_the_chart_and_in_the_image() -> None:
    from briefs.export.vacancy_figures import street_rents
    from components.charts import rents_chart

    hostile = "<a href='https://e.x'>klik</a> $\\frac{$ <b>"  # bad mathtext
    rows = [{"id": "r", "street": hostile, "rent_low": "100.00", "rent_high": "150.00"}]
    figure = rents_chart(rows, NL)
    assert figure is not None
    tick = figure.layout.yaxis.ticktext[0]
    assert "<a" not in tick and tick.startswith("&lt;a href=")
    assert all("<a" not in text for text in figure.data[0].hovertext)
    [(image, caption)] = street_rents(brief_of({"vacancy.rents": rows}), NL)
    assert image.startswith(b"\x89PNG") and "€/m²/jaar" in caption


def test_the_categories_keep_their_colours_apart_and_readable_on_screen_and_on_paper() -> None:
    from briefs.export.vacancy_figures import CATEGORY_COLOURS as PAPER
    from components.charts import CATEGORY_COLOURS as SCREEN
    from tests.test_charts import contrast_with_white

    assert len(set(SCREEN.values())) == len(SCREEN) == len(VacancyCategory) + 1
    assert {(c.value if c else None): colour for c, colour in PAPER.items()} == SCREEN
    assert all(contrast_with_white(colour) >= 3 for colour in SCREEN.values())


def test_the_nota_draft_counts_only_what_stood_vacant_that_day_and_adds_up() -> None:
    content = copy.deepcopy(GENT)
    content["vacancy.buildings"] += [
        {"id": "x1", "address": "Checkstraat 2"},  # vacant, since when not known
        {"id": "x2", "address": "Toekomststraat 3", "vacant_since": "2025-09-01"},
    ]
    text = draft_arguments(brief_of(content), NL)
    # The building of 2025 was not vacant on 1 June 2023; the undated one is, category unknown.
    assert (
        "Op 1 juni 2023 stonden 53 panden leeg: 7 verbouw, 18 aanvang, 22 langdurig, "
        "5 structureel en 1 zonder gekende categorie"
    ) in text


def test_the_zone_chart_stacks_each_category_as_tall_as_its_count() -> None:
    from PIL import Image

    from briefs.export.chart_canvas import pixels
    from briefs.export.vacancy_figures import CATEGORY_COLOURS, vacancy_by_zone

    [(image, caption)] = vacancy_by_zone(brief_of(GENT), NL)
    assert caption == "Leegstaande panden per zone en categorie op 1 juni 2023"
    chart = Image.open(io.BytesIO(image)).convert("RGB")
    assert chart.size == (pixels(7.0), pixels(3.6))
    colours = {
        tuple(int(colour[k : k + 2], 16) for k in (1, 3, 5)): category
        for category, colour in CATEGORY_COLOURS.items()
        if category is not None  # its grey is also an edge pixel of the black words
    }
    below_legend = range(pixels(0.45) + 4, chart.height)
    # The first bar (all zones) is the leftmost coloured column under the legend; its left
    # edge is clear of the numbers written in the middle of each segment.
    first = next(
        x
        for x in range(chart.width)
        if any(chart.getpixel((x, y)) in colours for y in below_legend)
    )
    heights = Counter(
        colours[pixel] for y in below_legend if (pixel := chart.getpixel((first + 3, y))) in colours
    )
    counted = {VacancyCategory.RENOVATION: 7, VacancyCategory.STARTING: 18}
    counted |= {VacancyCategory.LONG_TERM: 22, VacancyCategory.STRUCTURAL: 5}
    assert set(heights) == set(counted)
    per_building = sum(heights.values()) / 52
    for category, count in counted.items():
        assert abs(heights[category] - count * per_building) <= 2, (category, heights)


def test_the_charts_write_in_a_font_with_accents_euro_and_square_metres() -> None:
    from briefs.export.chart_canvas import font

    face = font(10)
    assert face.getname() == ("DejaVu Sans", "Book")
    # A missing glyph is drawn as the font's empty box, one width for every such character.
    missing = face.getlength("\uffff")
    assert all(face.getlength(c) != missing for c in "€²éëè…–")


def test_the_zone_chart_has_its_numbers_in_a_table_under_it() -> None:
    document = export(brief_of(GENT))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Zone"]
    lines = [[cell.text for cell in row.cells] for row in table.rows]
    assert lines[0] == ["Zone", "Verbouw", "Aanvang", "Langdurig", "Structureel", "Totaal"]
    by_zone = {line[0]: line[1:] for line in lines[1:]}
    # The seed's figures of 1 June 2023: 7/18/22/5, 23 of them in the kernwinkelgebied.
    assert by_zone["Alle zones"] == ["7", "18", "22", "5", "52"]
    assert by_zone["Kernwinkelgebied"][-1] == "23"
    assert sum(int(line[-1]) for zone, line in by_zone.items() if zone != "Alle zones") == 52
    # It stands right after the chart's caption, which names it; no title of its own.
    body = [child.tag.rsplit("}", 1)[1] for child in document.element.body]
    captions = [p for p in document.paragraphs if p.text.startswith("Figuur")]
    zone_caption = next(p for p in captions if "per zone en categorie" in p.text)
    after = list(document.element.body).index(zone_caption._p) + 1
    assert body[after] == "tbl" and document.element.body[after] is table._tbl


def test_axis_values_and_crowded_labels_never_write_over_each_other() -> None:
    from briefs.export.chart_canvas import Chart, text_width

    # A narrow plot (long street names beside it) and one very high rent.
    chart = Chart(3.0, left=3.3, right=1.2, number=NL.number)
    steps = chart.fitting_steps(99_999, across=True)
    spacing = (chart.x1 - chart.x0) * (steps[1] - steps[0]) / (steps[-1] - steps[0])
    assert steps[-1] >= 99_999
    assert max(text_width(NL.number(value)) for value in steps) < spacing
    # Of two labels on one spot, the first is written and the second left out.
    taken: list[tuple[float, float, float, float]] = []
    chart.text_with_room((100, 100), "01/03/2025", taken)
    chart.text_with_room((110, 100), "01/04/2025", taken)
    chart.text_with_room((400, 100), "01/03/2026", taken)
    assert len(taken) == 2 and taken[1][0] > taken[0][2]


def test_figures_that_cannot_be_are_pointed_out_with_their_numbers() -> None:
    from components.workspace import check_message

    found = {c.code: c for c in run_checks(brief_of(BRASSCHAAT)) if c.step == 1}
    assert check_message(found["vacancy_over_premises"], NL) == (
        "De telling van 1 september 2022 telt meer leegstaande panden (178) dan handelspanden (6)."
    )
    assert check_message(found["vacancy_over_premises_undated"], NL) == (
        "Een telling zonder datum telt meer leegstaande panden (9) dan handelspanden (7)."
    )
    assert check_message(found["rent_inverted"], NL) == (
        "Huurprijs in ‘Bredabaan’: ‘van’ is hoger dan ‘tot’."
    )
    fixed = copy.deepcopy(BRASSCHAAT)
    fixed["vacancy.counts"] = [
        {**count, "vacant": 6} if count["id"] != "bc1" else count
        for count in fixed["vacancy.counts"]
    ]
    fixed["vacancy.rents"][0]["rent_high"] = "240.00"  # as many vacant as premises is possible
    left = {code for code, _ in codes(brief_of(fixed))}
    assert not {"vacancy_over_premises", "vacancy_over_premises_undated", "rent_inverted"} & left
