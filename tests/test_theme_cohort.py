"""The coach's comparison of the theme modules: vacancy summed, module rows side by side."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from sqlalchemy import Engine

from briefs.brief import Brief, StoredPart
from briefs.i18n import Translator
from briefs.parts import THEMES_PART, validate_part
from briefs.theme_cohort import cohort_vacancy, module_rows, municipality_table, zone_table
from briefs.themes import vacancy
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore
from tests.apps import app_as

COACH = "jonas.wouters@begeleiding.demo"  # coaches trajectories 3 and 5
TODAY = dt.date(2025, 1, 1)
NL = Translator("nl")
NUMBERS = itertools.count(1)


def brief(number: int, municipality: str, theme: str, content: dict[str, Any]) -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content.items()}
    return Brief(number, 1, municipality, parts, theme=theme)


def building(
    zone: str | None, since: str | None = None, category: str | None = None
) -> dict[str, Any]:
    return {
        "id": f"b{next(NUMBERS)}",
        "address": "Markt 1",
        "zone": zone,
        "vacant_since": since,
        "category": category,
    }


def count(day: str) -> dict[str, Any]:
    return {"id": f"c-{day}", "counted_on": day, "vacant": 3, "premises": 100}


# Counted on 1 June 2023: the building empty since 1 March 2021 is long-term (two years).
AALST = {
    "vacancy.counts": [count("2022-06-01"), count("2023-06-01")],
    "vacancy.buildings": [
        building("core_shopping_area", "2021-03-01"),
        building("core_shopping_area", "2020-01-01", "renovation"),
        building("approach_street", "2023-01-01"),
        building("elsewhere", "2019-05-01"),
    ],
}
# Counted a year later: the same date makes that building structural (three years).
DIEST = {
    "vacancy.counts": [count("2024-06-01")],
    "vacancy.buildings": [
        building("core_shopping_area", "2021-03-01"),
        building("approach_street", "2024-01-15"),
        building(None, "2022-06-01"),
    ],
}
# No count: judged on today (1 January 2025); one building with neither date nor category.
HALLE = {
    "vacancy.buildings": [
        building("core_shopping_area", "2024-06-01"),
        building("approach_street"),
    ],
}


def cohort() -> list[Brief]:
    return [
        brief(1, "Diest", "vacancy", DIEST),
        brief(2, "Aalst", "vacancy", AALST),
        brief(3, "Halle", "wayfinding", HALLE),  # another theme: its data keeps it shown
        brief(4, "Avelgem", "wayfinding", {"roadmap.objectives": [{"id": "o1", "title": "X"}]}),
        brief(5, "Hulshout", "dna", {THEMES_PART: ["vacancy"]}),  # added, still empty
    ]


def test_inventories_sum_per_zone_and_category_each_on_its_own_day() -> None:
    summed = cohort_vacancy(cohort(), TODAY)
    headers, lines = zone_table(summed, NL)
    assert headers == [
        "Zone",
        "Verbouw",
        "Aanvang",
        "Langdurig",
        "Structureel",
        "Categorie onbekend",
        "Totaal",
    ]
    # By hand: Aalst on 1 June 2023, Diest on 1 June 2024, Halle on 1 January 2025.
    assert lines == [
        ["Kernwinkelgebied", 1, 1, 1, 1, 0, 4],
        ["Aanloopstraat", 0, 2, 0, 0, 1, 3],
        ["Elders", 0, 0, 0, 1, 0, 1],
        ["Zone niet ingevuld", 0, 0, 1, 0, 0, 1],
        ["Totaal", 1, 3, 2, 2, 1, 9],
    ]


def test_each_municipality_on_its_reference_day_and_only_briefs_showing_the_module() -> None:
    summed = cohort_vacancy(cohort(), TODAY)
    headers, lines = municipality_table(summed, NL)
    assert headers[:2] == ["Gemeente", "Peildatum"]
    # Avelgem does not show the module; Hulshout added it and has no buildings yet.
    assert [line[0] for line in lines] == ["Aalst", "Diest", "Halle", "Hulshout"]
    assert [line[1] for line in lines] == [
        "1 juni 2023",
        "1 juni 2024",
        "1 januari 2025",
        "1 januari 2025",
    ]
    by_municipality = {line[0]: dict(zip(headers, line, strict=True)) for line in lines}
    # The same "vacant since 1 March 2021": long-term for Aalst, structural for Diest.
    assert by_municipality["Aalst"]["Langdurig"] == 1
    assert by_municipality["Aalst"]["Structureel"] == 1  # since May 2019
    assert by_municipality["Diest"]["Structureel"] == 1
    assert by_municipality["Diest"]["Langdurig"] == 1  # since 1 June 2022, two years
    assert by_municipality["Halle"]["Categorie onbekend"] == 1
    assert [by_municipality[name]["Totaal"] for name in by_municipality] == [4, 3, 2, 0]
    assert by_municipality["Aalst"]["Kernwinkelgebied"] == 2
    assert summed.with_data == 3 and len(summed.inventories) == 4


def test_the_gent_demo_carries_the_seed_counts_of_1_june_2023() -> None:
    """52 buildings: 7 renovation, 18 starting, 22 long-term, 5 structural; 23 in the core."""
    content = vacancy.MODULE.demo.get((5, "Gent"))
    assert content, "the vacancy module's demo has no inventory for Gent (trajectory 5)"
    summed = cohort_vacancy([brief(1, "Gent", "vacancy", content)], TODAY)
    [gent] = summed.inventories
    assert gent.on == dt.date(2023, 6, 1)
    assert gent.total == 52
    assert [gent.by_category(category) for category in vacancy.VacancyCategory] == [7, 18, 22, 5]
    assert gent.by_zone(vacancy.Zone.CORE_SHOPPING) == 23


def test_module_rows_side_by_side_with_links_as_their_labels() -> None:
    instruments = {
        "roadmap.objectives": [{"id": "o1", "title": "Leegstand terugdringen"}],
        "vacancy.instruments": [
            {
                "id": "i1",
                "instrument": "=Heffing verhogen",
                "kind": "discouraging",
                "objective": "o1",
            }
        ],
    }
    briefs = [
        brief(1, "Torhout", "vacancy", instruments),
        brief(2, "Brugge", "vacancy", instruments),
        brief(3, "Avelgem", "wayfinding", {}),
    ]
    headers, lines = module_rows("vacancy.instruments", briefs, NL)
    assert headers[:4] == ["Gemeente", "Instrument", "Type", "Doelstelling"]
    assert [line[:4] for line in lines] == [
        ["Brugge", "=Heffing verhogen", "Ontradend", "Doelstelling 1 · Leegstand terugdringen"],
        ["Torhout", "=Heffing verhogen", "Ontradend", "Doelstelling 1 · Leegstand terugdringen"],
    ]


def _trajectory_id(engine: Engine, number: int) -> int:
    programme = SqlProgrammeStore(engine)
    return next(tr.id for tr in programme.trajectories() if tr.number == number)


def _save(engine: Engine, municipality: str, key: str, value: Any) -> None:
    brief_id = SqlProgrammeStore(engine).briefs_of(municipality)[0].id
    store = SqlBriefStore(engine)
    store.save_part(brief_id, key, value, store.current(brief_id, key).version, "test")


def _frames(at: Any) -> list[Any]:
    return [frame.value for frame in at.dataframe]


def test_the_coach_sees_the_cohorts_vacancy_summed_and_briefs_without_the_module_left_out(
    demo_url: str,
) -> None:
    engine = make_engine(demo_url)
    # Trajectory 3 works on wayfinding: only Avelgem, with an inventory, shows vacancy.
    _save(engine, "Avelgem", "vacancy.counts", [count("2023-06-01")])
    _save(engine, "Avelgem", "vacancy.buildings", AALST["vacancy.buildings"])
    at = app_as(COACH, coach_tab="Vergelijken")
    at.selectbox(key="dashboard_trajectory").select(_trajectory_id(engine, 3)).run()
    at.selectbox(key="compare_part").select("vacancy").run()
    assert not at.exception
    captions = [caption.value for caption in at.caption]
    assert "1 van de 4 gemeenten tonen de module Leegstand; 1 daarvan hebben panden" in " ".join(
        captions
    )
    assert any("eigen peildatum" in caption for caption in captions)
    summed, each = _frames(at)[-2:]
    assert list(summed.iloc[-1]) == ["Totaal", 1, 1, 1, 1, 4]
    assert list(each["Gemeente"]) == ["Avelgem"]
    assert list(each["Totaal"]) == [4]
    assert at.get("plotly_chart")


def test_the_coach_sees_gents_demo_inventory_in_trajectory_5(demo_url: str) -> None:
    engine = make_engine(demo_url)
    at = app_as(COACH, coach_tab="Vergelijken")
    at.selectbox(key="dashboard_trajectory").select(_trajectory_id(engine, 5)).run()
    at.selectbox(key="compare_part").select("vacancy").run()
    assert not at.exception
    summed, each = _frames(at)[-2:]
    gent = each[each["Gemeente"] == "Gent"].iloc[0]
    assert gent["Peildatum"] == "1 juni 2023"
    assert [gent["Verbouw"], gent["Aanvang"], gent["Langdurig"], gent["Structureel"]] == [
        7,
        18,
        22,
        5,
    ]
    assert gent["Kernwinkelgebied"] == 23 and gent["Totaal"] == 52
    # The totals are the municipalities' figures added up (Gent's alone if no other has any).
    total = summed.iloc[-1]
    assert total["Zone"] == "Totaal"
    assert total["Totaal"] == each["Totaal"].sum() >= 52
    assert total["Langdurig"] == each["Langdurig"].sum()
    core = summed[summed["Zone"] == "Kernwinkelgebied"].iloc[0]
    assert core["Totaal"] == each["Kernwinkelgebied"].sum()


def test_the_coach_compares_a_modules_rows_and_hears_how_many_show_it(demo_url: str) -> None:
    engine = make_engine(demo_url)
    _save(
        engine,
        "Avelgem",
        "vacancy.instruments",
        [{"id": "i1", "instrument": "Pop-upregeling", "kind": "temporary", "objective": "ob1"}],
    )
    at = app_as(COACH, coach_tab="Vergelijken")
    at.selectbox(key="dashboard_trajectory").select(_trajectory_id(engine, 3)).run()
    at.selectbox(key="compare_part").select("vacancy.instruments").run()
    assert not at.exception
    table = _frames(at)[-1]
    assert list(table.columns[:2]) == ["Gemeente", "Instrument"]
    assert list(table["Gemeente"]) == ["Avelgem"]
    assert list(table["Doelstelling"]) == [
        "Doelstelling 1 · Veilige doorsteken tussen beide kanten van de kern"
    ]
    captions = " ".join(caption.value for caption in at.caption)
    assert "1 van de 4 gemeenten tonen de module Leegstand; 1 daarvan vulden" in captions
    # Every module's rows part is offered, each under its module's name.
    options = at.selectbox(key="compare_part").options
    assert "4 · Leegstand · Instrumentenmatrix" in options


def test_a_part_declaring_more_rows_holds_them_and_others_keep_the_limit() -> None:
    from pydantic import TypeAdapter, ValidationError

    from briefs import model as m
    from briefs.part_spec import Kind, part_spec

    rows = [{"id": f"r{n}", "address": f"Markt {n}"} for n in range(300)]
    inventory = part_spec(
        "x.inventory", Kind.ROWS, 1, row_model=vacancy.VacantBuilding, max_rows=500
    )
    assert len(TypeAdapter(inventory.annotation).validate_python(rows)) == 300
    usual = part_spec("x.usual", Kind.ROWS, 1, row_model=vacancy.VacantBuilding)
    assert usual.max_rows == m.MAX_ROWS == 200
    try:
        TypeAdapter(usual.annotation).validate_python(rows)
    except ValidationError as error:
        assert error.errors()[0]["type"] == "too_long"
    else:
        raise AssertionError("300 rows passed a part that holds 200")


def test_remembered_formats_read_as_before() -> None:
    from decimal import Decimal

    assert NL.money(Decimal("1250")) == NL.money(Decimal("1250.00")) == "€\xa01.250,00"
    assert NL.number(1.5) == "1,5" and NL.number(2) == "2"
    assert NL.day(dt.date(2023, 6, 1)) == "1 juni 2023"
    assert Translator("en").day(dt.date(2023, 6, 1)) == "1 June 2023"


def test_every_module_part_is_compared_among_the_briefs_showing_its_module(
    demo_url: str,
) -> None:
    """Whatever a module declares (the KPIs of centre management too) is offered and drawn."""
    from briefs.parts import PART_SPECS
    from briefs.theme_choice import shown_themes
    from tests.apps import choose_every_theme

    engine = make_engine(demo_url)
    choose_every_theme("Avelgem")
    at = app_as(COACH, coach_tab="Vergelijken")
    at.selectbox(key="dashboard_trajectory").select(_trajectory_id(engine, 3)).run()
    programme = SqlProgrammeStore(engine)
    refs = programme.briefs_in(_trajectory_id(engine, 3))
    briefs = SqlBriefStore(engine).load_many([ref.id for ref in refs])
    assert len(briefs) == 4
    theme_parts = [spec for spec in PART_SPECS if spec.theme is not None]
    assert theme_parts
    for spec in theme_parts:
        at.selectbox(key="compare_part").select(spec.key).run()
        assert not at.exception, spec.key
        # Avelgem shows every module now; the others their trajectory's (wayfinding) and any
        # module the demo gave them.
        shown = sum(1 for one in briefs if spec.theme in shown_themes(one))
        assert shown >= 1
        module = NL(f"enum.{spec.theme}")
        captions = " ".join(caption.value for caption in at.caption)
        said = f"{shown} van de 4 gemeenten tonen de module {module}; "
        assert re.search(re.escape(said) + r"\d daarvan vulden", captions), (spec.key, captions)
