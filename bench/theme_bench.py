"""Benchmark of the vacancy module at scale: a 300-building inventory on its step page, in the
export, and ten of them in the coach's comparison (issue 14, Speed).

The inventories are generated, the same on every run: building n of municipality k has its
zone, area and dates from n and k alone. Alone: `python -m bench.theme_bench`.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefs.access import Role
from briefs.brief import Brief, StoredPart
from briefs.demo import GENT, TRAJECTORIES
from briefs.export.brief_doc import ExportContext, ExportOptions
from briefs.export.document import build_export
from briefs.i18n import Translator
from briefs.parts import validate_part
from briefs.programme import Member, Trajectory
from briefs.theme_cohort import (
    chart_cells,
    cohort_vacancy,
    module_rows,
    municipality_table,
    zone_table,
)
from components.text import safe_table

ROOT = Path(__file__).resolve().parent.parent
BUILDINGS = 300
COHORT = 10
REPEAT = 15
RERUNS = 30
COUNTED_ON = dt.date(2023, 6, 1)
STREETS = ("Veldstraat", "Langemunt", "Mageleinstraat", "Kortrijksesteenweg", "Brabantdam")
ZONES = ("core_shopping_area", "approach_street", "elsewhere")
COACH = "coach903@bench.demo"
GENT_TRAJECTORY = next(tr for tr in TRAJECTORIES if tr.number == 5)


def hold_the_inventory() -> str:
    """Let ``vacancy.buildings`` hold BUILDINGS rows in this process if its spec does not yet.

    Every rows part holds at most ``MAX_ROWS`` (200) rows unless its spec declares
    ``max_rows``; the figures are for an inventory of BUILDINGS. Returns a note for the table
    when the limit had to be raised here ("" when the spec already allows it).
    """
    from pydantic import TypeAdapter

    from briefs import parts

    spec = parts.PARTS["vacancy.buildings"]
    if spec.max_rows >= BUILDINGS:
        return ""
    object.__setattr__(spec, "max_rows", BUILDINGS)  # the one spec object every module shares
    parts._ADAPTERS[spec.key] = TypeAdapter(spec.annotation)
    return f" (limit of {BUILDINGS} rows set by the benchmark: the spec still holds 200)"


def buildings(municipality: int = 0, count: int = BUILDINGS) -> list[dict[str, Any]]:
    """``count`` vacant buildings, every field filled; the same for the same arguments.

    Their empty days spread over six years before the count, so every category occurs; one in
    seven is chosen as renovation.
    """
    rows = []
    for n in range(count):
        days = (n * 37 + municipality * 11) % (6 * 365)
        rows.append(
            {
                "id": f"v{municipality}-{n}",
                "address": f"{STREETS[n % len(STREETS)]} {n + 1}",
                "zone": ZONES[(n + municipality) % len(ZONES)],
                "area": float(40 + (n * 13) % 400),
                "vacant_since": (COUNTED_ON - dt.timedelta(days=days + 1)).isoformat(),
                "category": "renovation" if n % 7 == 0 else None,
                "cause": "Eigenaar wacht op een betere huurprijs" if n % 3 else "Erfenis",
                "in_register": "yes" if n % 2 else "no",
                "tax": f"{(n % 5) * 500}.00",
            }
        )
    return rows


def vacancy_content(municipality: int = 0) -> dict[str, Any]:
    """The whole module filled: two counts, the inventory, causes, rents and instruments."""
    return {
        "vacancy.counts": [
            {"id": "c1", "counted_on": "2022-06-01", "vacant": 270, "premises": 610},
            {
                "id": "c2",
                "counted_on": COUNTED_ON.isoformat(),
                "vacant": BUILDINGS,
                "premises": 610,
            },
        ],
        "vacancy.buildings": buildings(municipality),
        "vacancy.causes": [
            {"id": f"k{n}", "cause": f"Oorzaak {n}", "effect": "some_impact", "explanation": ""}
            for n in range(5)
        ],
        "vacancy.rents": [
            {"id": f"r{n}", "street": street, "rent_low": "120.00", "rent_high": "250.00"}
            for n, street in enumerate(STREETS)
        ],
        "vacancy.instruments": [
            {
                "id": f"i{n}",
                "instrument": f"Instrument {n}",
                "kind": kind,
                "objective": "gob1",
                "cost": "10000.00",
                "owner": "Dienst economie",
            }
            for n, kind in enumerate(("stimulating", "discouraging", "spatial", "temporary"))
        ],
    }


def validated(content: dict[str, Any]) -> dict[str, Any]:
    return {key: validate_part(key, value) for key, value in content.items()}


def brief_with_module(municipality: str = "Gent", number: int = 0) -> Brief:
    """Gent's demo brief with the generated vacancy module, in a vacancy trajectory."""
    content = validated({**GENT, **vacancy_content(number)})
    parts = {key: StoredPart(value, 1) for key, value in content.items()}
    return Brief(number + 1, 5, municipality, parts, theme="vacancy")


def forget_formats() -> None:
    """Empty the remembered dates and amounts (briefs/i18n.py) and parsed rows
    (briefs/parts.py), as a fresh server has them."""
    from briefs import i18n
    from briefs.parts import forget_parsed_rows

    forget_parsed_rows()

    for remembered in (i18n.format_day, i18n.format_short_day, i18n.format_money):
        remembered.cache_clear()
    i18n.format_number.cache_clear()


def loaded(brief: Brief) -> Brief:
    """The brief as a page or an export loads it from the database: a new object, which has
    read none of its rows yet (``Brief.rows`` keeps what it read for the object's life)."""
    return Brief(brief.id, brief.trajectory_id, brief.municipality, dict(brief.parts), brief.theme)


def median_ms(action: Callable[[], object], repeat: int = REPEAT, cold: bool = False) -> float:
    """The median time of ``action`` in ms; ``cold``: nothing formatted before each run."""
    timings = []
    for _ in range(repeat):
        if cold:
            forget_formats()
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def export_ms() -> tuple[float, float, float]:
    """The brief with its 300 buildings to Word, the same brief without the module, and the
    module's chart images alone (every maker in briefs/export/theme_figures.py)."""
    t = Translator("nl")
    context = ExportContext(GENT_TRAJECTORY, ("Pieter Claes",), dt.date(2024, 3, 1))
    with_module = brief_with_module()
    without = Brief(1, 5, "Gent", {k: StoredPart(v, 1) for k, v in validated(GENT).items()})

    def export(brief: Brief) -> bytes:
        return build_export(loaded(brief), context, ExportOptions(), t, lambda _id: None)

    def charts() -> None:
        from briefs.export.theme_figures import FIGURES

        brief = loaded(with_module)
        for maker in FIGURES.values():
            maker(brief, t)

    export(with_module), export(without)  # first runs import python-docx and build templates
    ours, bare, images = [], [], []
    for _ in range(REPEAT):
        ours.append(median_ms(lambda: export(with_module), 1, cold=True))
        bare.append(median_ms(lambda: export(without), 1, cold=True))
        images.append(median_ms(charts, 1, cold=True))
    return statistics.median(ours), statistics.median(bare), statistics.median(images)


def compare_ms() -> tuple[float, float]:
    """The compare view's data for ten such briefs: the vacancy sums (tables and chart data),
    and all ten inventories side by side as one table (3,000 lines)."""
    t = Translator("nl")
    cohort = [brief_with_module(f"Gemeente {k}", k) for k in range(COHORT)]
    today = dt.date(2024, 3, 1)

    def sums() -> object:
        summed = cohort_vacancy([loaded(brief) for brief in cohort], today)
        for headers, lines in (zone_table(summed, t), municipality_table(summed, t)):
            safe_table(lines, headers)
        return chart_cells(summed)

    def side_by_side() -> object:
        headers, lines = module_rows("vacancy.buildings", [loaded(b) for b in cohort], t)
        return safe_table(lines, headers)

    sums(), side_by_side()
    return median_ms(sums, cold=True), median_ms(side_by_side, cold=True)


# --- the step page, under AppTest as the signed-in participant --------------------------------
def _database() -> tuple[str, str, str]:
    """A seeded database with two bench briefs holding Gent's demo content: one in a vacancy
    trajectory with the generated module, one in a trajectory without a module; their
    participants' e-mail addresses."""
    from storage.accounts import AccountStore
    from storage.db import make_engine
    from storage.migrate import upgrade
    from storage.repository import SqlProgrammeStore
    from storage.seed import seed_demo

    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='kernbrief-theme-bench-')) / 'bench.db'}"
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, dt.date.today(), demo_accounts=False)
    programme, accounts = SqlProgrammeStore(engine), AccountStore(engine)
    emails = []
    for number, theme, content in (
        (901, "vacancy", {**GENT, **vacancy_content()}),
        (902, "", GENT),  # no theme: no module
    ):
        name = f"Benchgemeente {number}"
        trajectory_id = programme.add_trajectory(
            Trajectory(
                0, number, f"Proeftraject {number}", theme, "bench", members=(Member(name),)
            ),
            [],
        )
        brief_id = programme.add_brief(trajectory_id, name)
        _fill(engine, brief_id, validated(content))
        email = f"deelnemer{number}@bench.demo"
        accounts.create_user(
            name, email, Role.PARTICIPANT, name, secrets.token_urlsafe(16), (trajectory_id,)
        )
        emails.append(email)
    members = tuple(Member(f"Benchgemeente 903-{k}") for k in range(COHORT))
    cohort = Trajectory(0, 903, "Proeftraject 903", "vacancy", "bench", members=members)
    cohort_id = programme.add_trajectory(cohort, [])
    for k, member in enumerate(members):
        brief_id = programme.add_brief(cohort_id, member.municipality)
        _fill(engine, brief_id, validated({**GENT, **vacancy_content(k)}))
    accounts.create_user(
        "Bench coach", COACH, Role.COACH, "", secrets.token_urlsafe(16), (cohort_id,)
    )
    engine.dispose()
    return url, emails[0], emails[1]


def _fill(engine: Any, brief_id: int, content: dict[str, Any]) -> None:
    """Store the parts in bulk, as bench/review_bench.py does: saving them one by one is slow."""
    from sqlalchemy import insert

    from storage.tables import BriefPartRow

    now = dt.datetime.now(dt.UTC)
    rows = [
        {"brief_id": brief_id, "key": key, "value": value, "version": 1, "saved_at": now}
        | {"saved_by": "bench"}
        for key, value in content.items()
    ]
    with engine.begin() as connection:
        connection.execute(insert(BriefPartRow), rows)


def _page(email: str, section: str | None) -> Any:
    from streamlit.testing.v1 import AppTest

    from storage.accounts import AccountStore
    from storage.db import make_engine

    accounts = AccountStore(make_engine(os.environ["DATABASE_URL"]))
    person = accounts.principal_by_email(email)
    assert person is not None
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.session_state["auth_token"] = accounts.start_login_session(person.person_id)
    app.run()
    app.switch_page("pages/challenge.py").run()
    if section is not None:
        app.query_params["deel"] = section
        app.run()
    assert not app.exception, app.exception
    return app


def page_ms() -> tuple[float, float, float]:
    """Median reruns of step 1: first section with the module (300 buildings), the module's
    own section, and the first section of the same brief without the module; interleaved."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    # As in bench/run_all.py: a server compiles the scripts once, AppTest on every run.
    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[misc,assignment]
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[misc,assignment]
    url, with_email, without_email = _database()
    os.environ["DATABASE_URL"] = url
    first = _page(with_email, None)
    inventory = _page(with_email, "leegstand")
    assert any("Veldstraat 1" in str(element.proto) for element in inventory.get("bidi_component"))
    without = _page(without_email, None)
    timings: dict[str, list[float]] = {"first": [], "inventory": [], "without": []}
    for _ in range(RERUNS):
        timings["first"].append(median_ms(first.run, 1))
        timings["inventory"].append(median_ms(inventory.run, 1))
        timings["without"].append(median_ms(without.run, 1))
    return (
        statistics.median(timings["first"]),
        statistics.median(timings["inventory"]),
        statistics.median(timings["without"]),
    )


def coach_compare_ms() -> tuple[float, float]:
    """Median reruns of the coach's compare tab on the cohort of ten inventories: the vacancy
    sums, and the inventories side by side (run after ``page_ms``, which made the database)."""
    from streamlit.testing.v1 import AppTest

    from storage.accounts import AccountStore
    from storage.db import make_engine

    accounts = AccountStore(make_engine(os.environ["DATABASE_URL"]))
    coach = accounts.principal_by_email(COACH)
    assert coach is not None
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.session_state["auth_token"] = accounts.start_login_session(coach.person_id)
    app.query_params["tab"] = "vergelijken"
    app.run()
    figures = []
    for view in ("vacancy", "vacancy.buildings"):
        app.selectbox(key="compare_part").select(view).run()
        assert not app.exception, app.exception
        assert len(app.dataframe[-1].value) == (COHORT if view == "vacancy" else COHORT * BUILDINGS)
        figures.append(median_ms(app.run, RERUNS))
    return figures[0], figures[1]


def figures() -> list[str]:
    note = hold_the_inventory()
    first, inventory, without = page_ms()
    coach_sums, coach_rows = coach_compare_ms()
    export_with, export_without, chart_images = export_ms()
    sums, side_by_side = compare_ms()
    return [
        f"| rerun step 1 with a {BUILDINGS}-building vacancy inventory{note}, its first section"
        f" / the same page without the module | {first:.1f} ms / {without:.1f} ms"
        f" = {first / without:.2f}× | ≤ 1.5× |",
        f"| rerun step 1 on the inventory's own section ({BUILDINGS} buildings) / the page"
        f" without the module | {inventory:.1f} ms / {without:.1f} ms"
        f" = {inventory / without:.2f}× | ≤ 1.5× |",
        f"| export that brief to Word ({BUILDINGS} buildings; without the module"
        f" {export_without:.0f} ms) | {export_with:.0f} ms | ≤ 600 ms |",
        f"| … of which the vacancy chapter's chart images (Pillow)"
        f" | {chart_images:.0f} ms | reported |",
        f"| cohort comparison, {COHORT} inventories of {BUILDINGS}: vacancy per zone and"
        f" category, per municipality, chart data | {sums:.0f} ms | ≤ 500 ms |",
        f"| same {COHORT} inventories side by side in one table ({COHORT * BUILDINGS} lines)"
        f" | {side_by_side:.0f} ms | ≤ 500 ms |",
        f"| coach's compare tab on those {COHORT} briefs (rerun, signed in): the vacancy sums /"
        f" the inventories side by side | {coach_sums:.0f} ms / {coach_rows:.0f} ms | reported |",
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("KERNBRIEF_SECRET_KEY", secrets.token_urlsafe(48))
    print("\n".join(figures()))
