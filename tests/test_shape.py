"""The brief's shape is declared once: every consumer shows every declared part.

A part added to ``briefs/parts.py`` and forgotten by a screen, the document, the read-only
view, the checks, the progress or the change view makes one of these tests fail.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from streamlit.testing.v1 import AppTest

from briefs.brief import Brief, StoredPart
from briefs.changes import changes_since
from briefs.checks import run_checks
from briefs.content import has_content
from briefs.demo import TRAJECTORIES
from briefs.export.brief_doc import ExportContext, ExportOptions, build_brief_document
from briefs.export.nota_doc import write_nota
from briefs.i18n import Translator
from briefs.parts import (
    GROUPS,
    NOTA_PARTS,
    PART_SPECS,
    PARTS,
    REQUIRED_PARTS,
    ExportForm,
    Group,
    Kind,
    PartSpec,
    section_of,
    sections_of_step,
    step_layout,
    validate_part,
)
from briefs.present import FieldKind, Reader, row_fields
from briefs.progress import step_progress
from briefs.steps import STEP_SPECS, STEPS
from tests.apps import choose_every_theme, editors, login_token, on_section

NL, EN = Translator("nl"), Translator("en")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOTTE = "lotte.vandenberghe@avelgem.demo"


def _row_id(key: str) -> str:
    return key.replace(".", "-") + "-1"


def _field_value(spec: PartSpec, field: Any) -> Any:
    if field.kind is FieldKind.LINK:
        return _row_id(spec.links[field.name][0])
    if field.kind is FieldKind.CHOICE:
        return list(field.options)[-1].value
    if field.kind is FieldKind.DATE:
        return "2025-05-14"
    if field.kind is FieldKind.MONEY:
        return "1250.00"
    if field.kind is FieldKind.INT:
        return field.low if field.low is not None else 2
    if field.kind is FieldKind.NUMBER:
        return 3.5
    if field.name == "link":  # a web address: only http(s) is accepted
        return f"https://voorbeeld.be/{spec.key}"
    if field.name == "hours":  # periods of a day: only times are accepted
        return "07:00–11:00"
    return f"{spec.key}.{field.name} ingevuld"


def filled_value(spec: PartSpec) -> Any:
    """A value for the part with every field filled in, links pointing at real rows."""
    if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return f"{spec.key} ingevuld"
    if spec.kind is Kind.CHOICE:
        assert spec.options is not None
        return list(spec.options)[-1].value
    if spec.kind is Kind.MULTI:
        if spec.options is not None:
            return [list(spec.options)[-1].value]
        return [_row_id(spec.links[""][0])]
    if spec.kind is Kind.SKETCHES:
        return [{"id": _row_id(spec.key), "image_id": 1, "caption": f"{spec.key} bijschrift"}]
    row = {field.name: _field_value(spec, field) for field in row_fields(spec.key)}
    return [{"id": _row_id(spec.key), **row}]


def brief_with(values: dict[str, Any]) -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in values.items()}
    return Brief(1, 1, "Avelgem", parts)


FILLED = brief_with({spec.key: filled_value(spec) for spec in PART_SPECS})
EMPTY = Brief(1, 1, "Avelgem", {})


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def _text_of(document: Any) -> str:
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    # Without the zero-width spaces that let a web address wrap after its slashes.
    return "\n".join(texts).replace("\u200b", "")


CONTEXT = ExportContext(TRAJECTORIES[2], ("Lotte Vandenberghe",))


def _document_text(brief: Brief, t: Translator) -> str:
    data = build_brief_document(brief, CONTEXT, ExportOptions(), t, lambda _id: _png())
    return _text_of(docx.Document(io.BytesIO(data)))


def _nota_text(brief: Brief, t: Translator) -> str:
    document = docx.Document()
    write_nota(document, brief, CONTEXT, t, annexed=True)
    return _text_of(document)


# --- the declaration itself -----------------------------------------------------------------


def test_every_part_is_laid_out_once_in_its_own_step() -> None:
    for step in STEPS:
        laid_out = [
            spec.key
            for item in step_layout(step)
            for spec in (item.parts if isinstance(item, Group) else (item,))
        ]
        assert sorted(laid_out) == sorted(s.key for s in PART_SPECS if s.step == step)
        assert len(laid_out) == len(set(laid_out))


def test_groups_hold_neighbouring_parts_of_one_step() -> None:
    order = list(PARTS)
    for group in GROUPS:
        members = [spec for spec in PART_SPECS if spec.group == group]
        assert members, f"group {group} has no parts"
        assert len({spec.step for spec in members}) == 1
        places = [order.index(spec.key) for spec in members]
        assert places == list(range(places[0], places[0] + len(places)))


def test_every_step_has_its_page_file_address_and_words() -> None:
    addresses = [step.address for step in STEP_SPECS]
    assert len(set(addresses)) == len(addresses)
    for step in STEP_SPECS:
        assert (PROJECT_ROOT / step.page_file).is_file()
        assert f"step_page({step.number})" in (PROJECT_ROOT / step.page_file).read_text()
        for t in (NL, EN):
            assert t.has(step.title_key) and t.has(f"step.{step.number}.intro")
            assert t.has(f"nav.step{step.number}")


def test_every_insight_has_something_that_draws_it() -> None:
    from components.steps import CHARTS, NOTICES

    insights = [spec.insight for spec in PART_SPECS if spec.insight is not None]
    assert insights
    for insight in insights:
        assert insight.name in CHARTS or insight.name in NOTICES, insight.name


def test_every_part_field_and_choice_has_its_words_in_both_languages() -> None:
    for spec in PART_SPECS:
        for t in (NL, EN):
            for suffix in ("title", "help", "example"):
                assert t.has(f"part.{spec.key}.{suffix}"), (spec.key, suffix)
            if spec.kind is Kind.ROWS:
                for field in row_fields(spec.key):
                    assert t.has(f"col.{field.name}"), (spec.key, field.name)
                    for option in field.options or []:
                        assert t.has(f"enum.{option.value}"), option
            for option in spec.options or []:
                assert t.has(f"enum.{option.value}"), option


# --- every consumer ---------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEP_SPECS, ids=lambda step: step.key)
def test_every_part_is_on_its_step_page_in_the_tab_of_its_section(demo_url: str, step: Any) -> None:
    # With every module added, every declared part has its place on a step page.
    choose_every_theme("Avelgem")
    at = AppTest.from_file("../app.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(LOTTE)
    at.run()
    at.switch_page(step.page_file).run()
    seen: list[str] = []
    for section in sections_of_step(step.number):
        on_section(at, section.key)
        assert not at.exception, at.exception
        tabs = [tab.label for tab in at.tabs]
        assert tabs == [NL(other.title_key) for other in sections_of_step(step.number)]
        shown = set(editors(at))
        headings = {element.value for element in at.header}
        for spec in PART_SPECS:
            if spec.step != step.number or section_of(spec.key) != section:
                continue
            seen.append(spec.key)
            if spec.kind is Kind.SKETCHES:
                assert NL(f"part.{spec.key}.title") in headings, spec.key
            else:
                assert spec.key in shown, spec.key
        # Only the open section is drawn.
        assert all(section_of(key) == section for key in shown), (section.key, shown)
    assert sorted(seen) == sorted(spec.key for spec in PART_SPECS if spec.step == step.number)


@pytest.mark.parametrize("t", [NL, EN], ids=["nl", "en"])
def test_every_part_is_in_the_document_with_its_title_and_content(t: Translator) -> None:
    """Every part in the brief, with its title; the collegenota's parts in the nota instead,
    under the nota's own headings, and never again in the brief."""
    brief_text, nota_text = _document_text(FILLED, t), _nota_text(FILLED, t)
    reader = Reader(FILLED, t)
    for spec in PART_SPECS:
        if spec.export is ExportForm.NONE:
            # It shapes the brief (which modules it shows) and says nothing to a reader.
            assert t(f"part.{spec.key}.title") not in brief_text + nota_text, spec.key
            continue
        if spec.key in NOTA_PARTS:
            text = nota_text
            # Filled-in text names its part ("roadmap.nota_subject ingevuld"); the subject is
            # also the brief's title, on its first line, and nowhere else.
            assert spec.key not in brief_text.split("\n", 1)[1], spec.key
        else:
            text = brief_text
            assert t(f"part.{spec.key}.title") in text, spec.key
        value = FILLED.part(spec.key).value
        if spec.kind is Kind.ROWS:
            for cell in reader.rows(spec.key, value)[0]:
                assert cell in text, (spec.key, cell)
        else:
            assert reader.scalar(spec.key, value) in text, spec.key


def test_an_empty_brief_writes_no_part_title() -> None:
    text = _document_text(EMPTY, NL)
    for spec in PART_SPECS:
        assert NL(f"part.{spec.key}.title") not in text, spec.key


@pytest.mark.parametrize("t", [NL, EN], ids=["nl", "en"])
def test_every_part_reads_in_words_not_stored_values(t: Translator) -> None:
    reader = Reader(FILLED, t)
    for spec in PART_SPECS:
        value = FILLED.part(spec.key).value
        if spec.kind is Kind.ROWS:
            headers = reader.headers(spec.key)
            assert not any(header.startswith("col.") for header in headers)
            cells = reader.rows(spec.key, value)[0]
            assert all(cell for cell in cells), (spec.key, cells)
            stored = value[0]
            for field, cell in zip(row_fields(spec.key), cells, strict=True):
                if field.kind in (FieldKind.CHOICE, FieldKind.LINK):
                    assert cell != stored[field.name], (spec.key, field.name)
        else:
            shown = reader.scalar(spec.key, value)
            assert shown and "None" not in shown and "[" not in shown, (spec.key, shown)
            if spec.kind in (Kind.CHOICE, Kind.MULTI):
                assert shown != str(value) and shown not in (
                    value if isinstance(value, list) else [value]
                )


def test_emptiness_and_progress_follow_every_part() -> None:
    for spec in PART_SPECS:
        assert not has_content(spec.key, spec.empty), spec.key
        assert has_content(spec.key, FILLED.part(spec.key).value), spec.key
    assert step_progress(FILLED) == dict.fromkeys(STEPS, 1.0)
    assert step_progress(EMPTY) == dict.fromkeys(STEPS, 0.0)


def test_every_required_part_is_asked_for_until_it_is_filled() -> None:
    empty = {check.part for check in run_checks(EMPTY) if check.code == "empty"}
    assert empty == set(REQUIRED_PARTS)
    assert not [check for check in run_checks(FILLED) if check.code == "empty"]


def test_the_change_view_names_every_changed_part_in_words() -> None:
    before = datetime(2025, 1, 1, tzinfo=UTC)
    history = {
        spec.key: [StoredPart(FILLED.part(spec.key).value, 1, before + timedelta(days=1), "Lotte")]
        for spec in PART_SPECS
    }
    changes = changes_since(history, before, Reader(FILLED, NL))
    assert [change.key for change in changes] == [spec.key for spec in PART_SPECS]
    for change in changes:
        assert change.lines, change.key
        assert not any("None" in line or "['" in line for line in change.lines), change


def test_every_added_row_is_named_in_the_change_view() -> None:
    before = datetime(2025, 1, 1, tzinfo=UTC)
    history = {
        spec.key: [StoredPart(FILLED.part(spec.key).value, 1, before + timedelta(days=1), "Lotte")]
        for spec in PART_SPECS
        if spec.row_model is not None
    }
    for change in changes_since(history, before, Reader(FILLED, NL)):
        assert change.lines == tuple(line for line in change.lines if line != "+ —"), change
