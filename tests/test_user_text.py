"""User text stays text: never markup, an icon or a spreadsheet formula, names included."""

from __future__ import annotations

import json
import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from components.text import md_literal, spreadsheet_cell, spreadsheet_safe
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore
from tests.apps import app_as, on_coach_tab, on_section, page_as

COACH = "jonas.wouters@begeleiding.demo"
LOTTE = "lotte.vandenberghe@avelgem.demo"
ADMIN = "els.maes@programma.demo"
HOSTILE = "**Vet** [klik](javascript:alert(1)) :material/verified: <b>x</b>"
# Short enough to reach a check line whole (names are cut at 50 characters there).
SHORT_HOSTILE = ":material/verified: [klik](javascript:x) **Vet**"
FORMULA = "=cmd|' /C calc'!A0"
# What Streamlit's browser side turns into an icon: it rewrites ":material/" in the markdown
# source to ":material_", then matches these in the text that markdown leaves.
ICON = re.compile(r":material_\w+:|:streamlit:")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown_by_streamlit(markdown: str) -> str:
    """The text Streamlit's markdown shows for ``markdown`` that holds no markup of its own."""
    return MARKDOWN_ESCAPE.sub(r"\1", markdown.replace(":material/", ":material_"))


def assert_literal(markdown: str, typed: str) -> None:
    """``markdown`` shows ``typed`` as typed: no icon, link, emphasis or HTML."""
    assert ":material/" not in markdown
    assert "[klik](" not in markdown and "**Vet**" not in markdown and "<b>" not in markdown
    shown = shown_by_streamlit(markdown)
    assert not ICON.search(shown), shown
    assert typed in shown.replace("\u2060", "")


# --- the helpers -------------------------------------------------------------------------------
def test_md_literal_leaves_no_icon_emoji_or_markup() -> None:
    for typed in (HOSTILE, ":material_verified:", ":streamlit: :smile:", "a :red[rood] $x$"):
        escaped = md_literal(typed)
        assert_literal(escaped, typed)
        assert not re.search(r":[\w+-][\w_+-]*:", shown_by_streamlit(escaped))


def test_spreadsheet_cells_that_start_like_a_formula_get_an_apostrophe() -> None:
    for dangerous in ("=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx", FORMULA):
        assert spreadsheet_cell(dangerous) == "'" + dangerous
    for harmless in ("Avelgem", "1 = 1", "", "'=x", 5, -2, None):
        assert spreadsheet_cell(harmless) == harmless
    frame = pd.DataFrame({"=naam": ["=a", "b"], "n": [-1, 2]})
    safe = spreadsheet_safe(frame)
    assert list(safe.columns) == ["'=naam", "n"]
    assert list(safe["'=naam"]) == ["'=a", "b"] and list(safe["n"]) == [-1, 2]
    assert list(frame["=naam"]) == ["=a", "b"], "the frame given is left as it was"
    assert spreadsheet_safe(pd.DataFrame()).empty
    empty = spreadsheet_safe(pd.DataFrame([], columns=["-a", "b"]))
    assert empty.empty and list(empty.columns) == ["'-a", "b"]
    when = pd.DataFrame({"x": pd.to_datetime(["2024-01-01"]), "y": ["=1"]})
    assert spreadsheet_safe(when)["x"].dtype == when["x"].dtype
    assert list(spreadsheet_safe(when)["y"]) == ["'=1"]


# --- on screen ---------------------------------------------------------------------------------
def _set_last_why(url: str, brief_id: int, text: str) -> None:
    briefs = SqlBriefStore(make_engine(url))
    whys = briefs.load(brief_id).part("challenge.whys")
    rows = [dict(row) for row in whys.value]
    rows[-1]["text"] = text
    briefs.save_part(brief_id, "challenge.whys", rows, whys.version, "collega")


def test_a_typed_municipality_name_stays_text_on_the_coach_dashboard(demo_url: str) -> None:
    programme = SqlProgrammeStore(make_engine(demo_url))
    avelgem = programme.briefs_of("Avelgem")[0]
    hostile_id = programme.ensure_member(avelgem.trajectory_id, HOSTILE)
    _set_last_why(demo_url, avelgem.id, FORMULA)
    at = app_as(COACH)
    assert not at.exception
    figure = json.loads(
        next(c.proto.spec for c in at.get("plotly_chart") if "heatmap" in c.proto.spec)
    )
    names = figure["data"][0]["y"]
    assert "**Vet** [klik](javascript:alert(1)) :material/verified: &lt;b&gt;x&lt;/b&gt;" in names
    assert not any("<b>" in name for name in names)
    on_coach_tab(at, "Notities")
    at.selectbox(key="review_brief").select(hostile_id).run()
    label = next(e.value for e in at.header if "Privénotities" in e.value)
    assert_literal(label, HOSTILE)
    on_coach_tab(at, "Vergelijken")
    at.selectbox(key="compare_part").select("root_cause").run()
    causes = at.dataframe[-1].value
    assert list(causes["Grondoorzaak"]) == ["'" + FORMULA]


def test_icon_syntax_in_a_brief_stays_text_in_the_root_cause_and_the_checks(
    demo_url: str,
) -> None:
    brief_id = SqlProgrammeStore(make_engine(demo_url)).briefs_of("Avelgem")[0].id
    briefs = SqlBriefStore(make_engine(demo_url))
    _set_last_why(demo_url, brief_id, HOSTILE)
    figures = briefs.load(brief_id).part("challenge.key_figures")
    rows = [dict(row) for row in figures.value]
    rows[0]["indicator"], rows[0]["source"] = SHORT_HOSTILE, ""
    briefs.save_part(brief_id, "challenge.key_figures", rows, figures.version, "collega")
    at = app_as(LOTTE)
    at.switch_page("pages/challenge.py").run()
    on_section(at, "ontwerpvraag")
    assert not at.exception
    root = next(info.value for info in at.info if str(info.value).startswith("Grondoorzaak"))
    assert_literal(str(root), HOSTILE)
    check = next(m.value for m in at.markdown if "mist een jaar of een bron" in m.value)
    assert_literal(str(check), SHORT_HOSTILE)


def test_the_audit_log_offers_no_formula_to_a_spreadsheet(demo_url: str) -> None:
    AccountStore(make_engine(demo_url)).audit(FORMULA, "@action", "+31 target", "-client")
    at: AppTest = page_as(ADMIN, "audit")
    assert not at.exception
    log = at.dataframe[0].value
    row = log[log["Wie"] == "'" + FORMULA].iloc[0]
    assert list(row)[1:] == ["'" + FORMULA, "'@action", "'+31 target", "'-client"]


def test_a_typed_municipality_name_stays_text_in_the_start_pages_table(demo_url: str) -> None:
    programme = SqlProgrammeStore(make_engine(demo_url))
    avelgem = programme.briefs_of("Avelgem")[0]
    programme.ensure_member(avelgem.trajectory_id, HOSTILE + " | Extra kolom")
    at = AppTest.from_file("../app.py", default_timeout=30).run()
    table = next(m.value for m in at.markdown if "| Titel |" in m.value)
    row = next(line for line in table.splitlines() if "Extra kolom" in line)
    # Four cells, as in the header: the typed "|" does not open a fifth.
    assert len(re.findall(r"(?<!\\)\|", row)) == 5
    assert_literal(row.split(" | ")[2], f"Avelgem, {HOSTILE} | Extra kolom")
