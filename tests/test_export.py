"""The Word export: structure, options, every stored text in place, bad input, the cohort zip."""

from __future__ import annotations

import copy
import io
import itertools
import re
import zipfile
from datetime import date
from decimal import Decimal
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefs import model as m
from briefs.brief import Brief, StoredPart
from briefs.catalogue import CATALOGUE
from briefs.demo import AVELGEM, GENT, TRAJECTORIES
from briefs.export.brief_doc import (
    ExportContext,
    ExportOptions,
    build_brief_document,
    file_name,
    safe_file_name,
)
from briefs.export.cohort import CohortMember, build_cohort_zip
from briefs.export.document import build_export
from briefs.export.docx_tools import document_text
from briefs.export.nota_doc import write_nota
from briefs.export.options import DOCUMENT_FORMS
from briefs.i18n import Translator
from briefs.parts import GROUPS, NOTA_PARTS, PART_SPECS, PARTS, ExportForm, Kind, validate_part
from briefs.present import FieldKind, Reader, row_fields
from briefs.programme import Trajectory

NL, EN = Translator("nl"), Translator("en")
TRAJECTORY = TRAJECTORIES[2]
CONTEXT = ExportContext(TRAJECTORY, ("Lotte Vandenberghe",), date(2024, 3, 1))
# Text fields that the document shows as plain text (not a choice, id or number): from the shape.
TEXT_COLUMNS = {
    field.name
    for spec in PART_SPECS
    if spec.kind in (Kind.ROWS, Kind.SKETCHES)
    for field in row_fields(spec.key)
    if field.kind in (FieldKind.TEXT, FieldKind.LONG)
    # Hours hold periods of a day ("07:00–11:00"), not free text.
    and field.name != "hours"
}


def in_a_table(key: str) -> bool:
    """Whether the document writes a part's rows in table cells rather than paragraphs."""
    spec = PARTS[key]
    tabled = spec.export in (ExportForm.TABLE, ExportForm.WIDE_TABLE, ExportForm.CARDS)
    return tabled or (spec.group is not None and GROUPS[spec.group].export != "parts")


def brief_of(content: dict[str, Any], municipality: str = "Avelgem") -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content.items()}
    return Brief(1, 1, municipality, parts)


def png(width: int = 60, height: int = 40) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def export(
    brief: Brief,
    options: ExportOptions | None = None,
    t: Translator = NL,
    images: Any = None,
    contents: bool = True,
) -> Document:
    data = build_brief_document(
        brief,
        CONTEXT,
        options or ExportOptions(),
        t,
        images or (lambda _id: png()),
        contents=contents,
    )
    return docx.Document(io.BytesIO(data))


def units(document: Document) -> list[tuple[str, str]]:
    """Every paragraph and table cell of the body as (kind, text), in order.

    Without the zero-width spaces that let a web address wrap: a reader does not see them.
    """
    found: list[tuple[str, str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                found.extend(("cell", cell.text.replace("\u200b", "")) for cell in row.cells)
        else:
            found.append((block.style.name if block.style else "", block.text))
    return found


def stored_texts(brief: Brief, keys: list[str]) -> list[tuple[str, str]]:
    """(part key, text) of every text the user typed in the given parts."""
    texts = []
    for key in keys:
        spec = PARTS[key]
        value = brief.part(key).value
        if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT) and value:
            texts.append((key, value))
        elif spec.row_model is not None:
            for row in value or []:
                texts += [
                    (key, row[c]) for c in TEXT_COLUMNS if isinstance(row.get(c), str) and row[c]
                ]
    return texts


STEP_HEADINGS = [
    "Stap 1 · Uitdaging helder benoemen",
    "Stap 2 · Wat als? Verkennen",
    "Stap 3 · Vertalen & testen",
    "Stap 4 · Stappenplan & verankering",
]


def styled(document: Document, prefix: str) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(prefix)
    ]


def test_the_document_reads_like_a_municipal_document() -> None:
    document = export(brief_of(AVELGEM))
    headings = styled(document, "Heading")
    level_one = [text for style, text in headings if style == "Heading 1"]
    assert level_one == ["Samenvatting voor het college", *STEP_HEADINGS]
    assert ("Heading 2", "Actielijst") in headings and ("Heading 2", "SWOT") in headings
    first = document.paragraphs[0]
    assert first.style is not None and first.style.name == "Title"
    assert first.text == AVELGEM["roadmap.nota_subject"]  # the nota's subject is the title
    assert document.core_properties.title == "Designbrief Avelgem"
    assert document.core_properties.author == "Lotte Vandenberghe"
    assert "leertraject 3" in document.core_properties.subject
    settings_xml = document.settings.element.xml
    assert "updateFields" in settings_xml
    footer = document.sections[0].footer.paragraphs[0]
    assert "Avelgem" in footer.text and "PAGE" in footer._p.xml


def test_the_table_of_contents_is_written_with_links_to_the_headings() -> None:
    document = export(brief_of(AVELGEM))
    entries = styled(document, "toc ")
    headings = [(style[-1], text) for style, text in styled(document, "Heading ")]
    assert [(style[-1], text.rstrip("\t")) for style, text in entries] == [
        (level, text) for level, text in headings if level in "12"
    ]
    assert ("toc 1", "Stap 3 · Vertalen & testen\t") in entries
    body = document.element.body
    anchors = [link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))]
    marks = {mark.get(qn("w:name")) for mark in body.iter(qn("w:bookmarkStart"))}
    assert len(anchors) == len(entries) and set(anchors) <= marks
    assert 'TOC \\o "1-2"' in body.xml and "PAGEREF" in body.xml
    contents = [p.text for p in document.paragraphs if p.style and p.style.name == "TOC Heading"]
    assert contents == ["Inhoud"]
    short = export(brief_of(AVELGEM), ExportOptions(steps=frozenset({1})), contents=False)
    assert styled(short, "toc ") == [] and "Inhoud" not in [p.text for p in short.paragraphs]


def test_the_title_page_names_question_college_date_and_programme_without_a_page_number() -> None:
    decisions = [
        {"id": "d1", "body": "management_team", "date": "2024-05-02"},
        {"id": "d2", "body": "college", "date": "2024-06-24"},
    ]
    # Without a collegenota subject the challenge question is the title.
    brief = brief_of({**AVELGEM, "roadmap.nota_subject": "", "roadmap.decisions": decisions})
    document = export(brief)
    texts = [p.text for p in document.paragraphs[:4]]
    assert texts[:2] == [AVELGEM["challenge.question"], "Designbrief · Avelgem"]
    assert "Voorgelegd aan het college op 24 juni 2024" in texts
    facts = dict((row.cells[0].text, row.cells[1].text) for row in document.tables[0].rows)
    assert facts["Programma"] == "VLAIO · Bedrijvige kern"
    assert "Versie" not in facts  # nothing was saved: an empty row is left out
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert "PAGE" not in first.first_page_footer._element.xml
    assert all(not s.different_first_page_header_footer for s in document.sections[1:])
    english = export(brief_of({"challenge.question": "", "roadmap.decisions": []}), t=EN)
    assert english.paragraphs[0].text == "Design brief"
    assert not any("college" in p.text for p in english.paragraphs[:3])


def test_properties_are_dated_now_and_never_name_python_docx() -> None:
    data = build_brief_document(brief_of(AVELGEM), CONTEXT, ExportOptions(), NL, lambda _: png())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        package = {
            name: archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith(".xml")
        }
    assert not any("python-docx" in text for text in package.values())
    assert "2013" not in package["docProps/core.xml"]
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.created is not None and properties.created.year >= 2025
    assert properties.modified == properties.created
    assert properties.last_modified_by == "Lotte Vandenberghe" and properties.language == "nl-BE"
    document = export(
        brief_of(
            {
                **AVELGEM,
                "prototype.sketches": [{"id": "s1", "image_id": 1, "caption": "Eerste schets"}],
            }
        )
    )
    pictures = list(document.element.body.iter(qn("wp:docPr")))
    assert [(p.get("descr"), p.get("title")) for p in pictures] == [
        ("Eerste schets", "Eerste schets")
    ]


def test_summary_comes_first_and_the_action_list_is_landscape() -> None:
    document = export(brief_of(AVELGEM))
    texts = [p.text for p in document.paragraphs]
    assert texts.index("Samenvatting voor het college") < texts.index(
        "Stap 1 · Uitdaging helder benoemen"
    )
    orientations = [section.orientation for section in document.sections]
    assert any(o == 1 for o in orientations) and orientations[0] == 0 and orientations[-1] == 0
    landscape = next(s for s in document.sections if s.orientation == 1)
    assert landscape.page_width is not None and landscape.page_height is not None
    assert landscape.page_width > landscape.page_height


def test_swot_is_a_two_by_two_table_with_shaded_quadrant_headings() -> None:
    document = export(brief_of(AVELGEM))
    swot = next(t for t in document.tables if t.rows[0].cells[0].text == "Sterktes")
    assert len(swot.rows) == 4 and len(swot.columns) == 2
    assert [swot.rows[0].cells[1].text, swot.rows[2].cells[0].text, swot.rows[2].cells[1].text] == [
        "Zwaktes",
        "Kansen",
        "Bedreigingen",
    ]
    assert "w:shd" in swot.rows[0].cells[0]._tc.xml
    assert [p.text for p in swot.rows[1].cells[1].paragraphs][:2] == [
        "Z1\u00a0Brede doortocht zonder groen",
        "Z2\u00a0Weinig en slecht gelegen oversteekplaatsen",
    ]
    assert swot.rows[3].cells[1].text == "—"
    marked = export(brief_of(AVELGEM), ExportOptions(empty="mark"))
    swot = next(t for t in marked.tables if t.rows[0].cells[0].text == "Sterktes")
    assert swot.rows[3].cells[1].text == "nog in te vullen"


def test_links_between_steps_and_the_root_cause_are_visible() -> None:
    document = export(brief_of(AVELGEM))
    all_text = "\n".join(text for _, text in units(document))
    assert "→\u00a0Actie 1" in all_text
    numbered = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"
    ]
    assert numbered[-1].text.startswith("Grondoorzaak: ")
    directions = next(
        t
        for t in document.tables
        if t.rows[0].cells[1].text == "Titel" and "Beantwoordt" in [c.text for c in t.rows[0].cells]
    )
    assert directions.rows[1].cells[3].text.startswith("Grondoorzaak · De kern werd langs")
    assert directions.rows[2].cells[3].text == "Z1 · Brede doortocht zonder groen"


def test_sketches_are_figures_with_numbered_captions_and_a_bad_image_becomes_a_note() -> None:
    document = export(
        brief_of(
            {
                **AVELGEM,
                "prototype.sketches": [
                    {"id": "s1", "image_id": 1, "caption": "Eerste schets"},
                    {"id": "s2", "image_id": 2, "caption": "Kapotte schets"},
                ],
            }
        ),
        images=lambda image_id: png() if image_id == 1 else b"not an image",
    )
    captions = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    assert captions == ["Figuur 1: Eerste schets", "Figuur 2: Kapotte schets"]
    assert len(document.inline_shapes) == 1
    assert any("kon niet gelezen worden" in p.text for p in document.paragraphs)


def test_options_leave_out_steps_sketches_and_summary() -> None:
    brief = brief_of(AVELGEM)
    document = export(brief, ExportOptions(steps=frozenset({1}), summary=False, sketches=False))
    text = "\n".join(t for _, t in units(document))
    assert "Stap 1 · Uitdaging helder benoemen" in text
    assert "Stap 4 · Stappenplan & verankering" not in text
    assert "Opmaak RUP Avelgem centrum" not in text
    assert "Samenvatting voor het college" not in text
    assert len(document.inline_shapes) == 0


def test_empty_parts_are_left_out_or_marked() -> None:
    empty = brief_of({"challenge.problem": "Alleen dit."})
    left_out = "\n".join(t for _, t in units(export(empty, ExportOptions(empty="omit"))))
    marked = "\n".join(t for _, t in units(export(empty, ExportOptions(empty="mark"))))
    assert "Kerncijfers" not in left_out and "nog in te vullen" not in left_out
    assert "Kerncijfers" in marked and marked.count("nog in te vullen") > 10
    assert "Alleen dit." in left_out and "Alleen dit." in marked


def test_marking_empty_parts_marks_the_collegenota_too_and_turns_no_page_for_nothing() -> None:
    empty = brief_of({"challenge.problem": "Alleen dit."})
    data = build_export(empty, CONTEXT, ExportOptions(empty="mark"), NL, lambda _id: png())
    document = docx.Document(io.BytesIO(data))
    nota, _ = body_after_annex_mark(document)
    for heading in (
        "Onderwerp",
        "Aanleiding en context",
        "Adviezen",
        "Argumentatie",
        "Financiële gevolgen",
        "Besluit",
    ):
        assert nota[nota.index(heading) + 1] == "nog in te vullen", heading
    # No part holds anything wide: every page stays portrait.
    assert all(
        (section.page_width or 0) < (section.page_height or 0) for section in document.sections
    )
    omitted = build_export(empty, CONTEXT, ExportOptions(empty="omit", form="nota"), NL, png)
    nota, _ = body_after_annex_mark(docx.Document(io.BytesIO(omitted)))
    assert "Onderwerp" not in nota and "nog in te vullen" not in nota


def test_the_action_list_columns_that_do_not_fit_follow_in_a_second_table_by_number() -> None:
    document = export(brief_of(AVELGEM))
    heads = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    main = next(head for head in heads if head[1:3] == ["Titel", "Trekker"])
    assert "Test" not in main and "Budget" in main
    continued = next(t for t in document.tables if t.rows[0].cells[-1].text == "Test")
    # Only the actions with a test, by their number in the action list.
    assert [row.cells[0].text for row in continued.rows[1:]] == ["1", "3", "5", "6", "7"]
    texts = [text for _, text in units(document)]
    assert "Actielijst (vervolg)" in texts


def test_each_form_names_its_own_subject_in_the_properties() -> None:
    subjects = {}
    for form in DOCUMENT_FORMS:
        for t in (NL, EN):
            options = ExportOptions(form=form)
            data = build_export(brief_of(AVELGEM), CONTEXT, options, t, png)
            subjects[form, t.language] = docx.Document(io.BytesIO(data)).core_properties.subject
    assert subjects["nota", "nl"] == subjects["both", "nl"] == "Collegenota Avelgem — leertraject 3"
    assert subjects["nota", "en"] == "Decision note Avelgem — trajectory 3"
    assert subjects["brief", "nl"] == "Designbrief Avelgem — leertraject 3"
    assert subjects["brief", "en"] == "Design brief Avelgem — trajectory 3"


def test_an_english_document_writes_amounts_as_english_does_and_a_dutch_one_as_flanders() -> None:
    document = export(brief_of(AVELGEM), t=EN)
    text = "\n".join(t for _, t in units(document))
    assert "Step 4 · Roadmap & anchoring" in text and "Action list" in text
    assert "€25,000.00" in text
    assert "Total budget: €378,000.00" in text
    dutch = "\n".join(t for _, t in units(export(brief_of(AVELGEM))))
    assert "€\u00a025.000,00" in dutch
    assert "Totaal budget: €\u00a0378.000,00" in dutch
    # The cells carry the euro sign: the column's title does not repeat it.
    for written in (document, export(brief_of(AVELGEM))):
        action_list = next(
            t
            for t in written.tables
            if [c.text for c in t.rows[0].cells[1:3]] in (["Title", "Owner"], ["Titel", "Trekker"])
        )
        titles = [cell.text for cell in action_list.rows[0].cells]
        assert "Budget" in titles and not any("(€)" in title for title in titles)


def test_english_names_the_college_one_way_explained_once_in_the_nota() -> None:
    board = "Board of Mayor and Aldermen"
    named = [en for nl, en in CATALOGUE.values() if re.search(r"\bcollege\b|aldermen", en, re.I)]
    assert len(named) > 10
    assert [en for en in named if board not in en or re.search(r"\bcollege\b", en)] == []
    brief = brief_of({**AVELGEM, "roadmap.nota_articles": [{"text": "Eerste."}]})
    data = build_export(brief, CONTEXT, ExportOptions(form="nota"), EN, png)
    text = "\n".join(t for _, t in units(docx.Document(io.BytesIO(data))))
    assert text.count(f"{board} (CBS)") == 1 and "college of mayor" not in text.lower()


def test_every_demo_text_is_in_the_document() -> None:
    """Every text in the brief; the collegenota's in the nota written in front of it."""
    for content in (AVELGEM, GENT):
        brief = brief_of(content)
        everything = "\n".join(t for _, t in units(export(brief)))
        for key, text in stored_texts(brief, [k for k in PARTS if k not in NOTA_PARTS]):
            assert document_text(text) in everything, (key, text)
        nota = docx.Document()
        write_nota(nota, brief, CONTEXT, NL, annexed=True)
        in_nota = "\n".join(t for _, t in units(nota))
        for key, text in stored_texts(brief, list(NOTA_PARTS)):
            assert document_text(text) in in_nota, (key, text)


def test_the_file_name_names_municipality_and_date() -> None:
    brief = brief_of({}, municipality="Puurs-Sint-Amands/Test")
    assert (
        file_name(brief, NL, date(2024, 3, 1))
        == "Designbrief Puurs-Sint-Amands-Test 2024-03-01.docx"
    )


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("CON", "_CON.docx"),
        ("lpt1", "_lpt1.docx"),
        ("Nul.rapport", "_Nul.rapport.docx"),
        ("Oud\tTurnhout. ", "Oud Turnhout.docx"),
        ("a:b*c?", "a-b-c-.docx"),
        ("x" * 300, "x" * 115 + ".docx"),
    ],
)
def test_file_names_are_valid_on_windows(stem: str, expected: str) -> None:
    assert safe_file_name(stem) == expected


# --- hypothesis: arbitrary text everywhere, arbitrary list lengths --------------------------
SAFE_TEXT = st.text(alphabet=st.characters(blacklist_characters="⟦⟧", codec="utf-8"), max_size=60)


@st.composite
def arbitrary_briefs(draw: st.DrawFn) -> dict[str, Any]:
    """Any text in every text part and column, any number of rows, any links between them."""
    counter = iter(range(100_000))

    def text() -> str:
        return f"⟦{next(counter)}⟧{draw(SAFE_TEXT)}"

    content: dict[str, Any] = {}
    for spec in PARTS.values():
        if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
            content[spec.key] = text()
        elif spec.kind is Kind.ROWS and spec.row_model is not None:
            rows = []
            for index in range(draw(st.integers(0, 4))):
                row: dict[str, Any] = {"id": f"{spec.key}-{index}"}
                for name in spec.row_model.model_fields:
                    if name in TEXT_COLUMNS and name != "link":
                        row[name] = text()
                rows.append(row)
            content[spec.key] = rows
    for spec in PARTS.values():
        for column, targets in spec.links.items():
            ids = [row["id"] for key in targets for row in content.get(key, [])]
            if spec.kind is Kind.MULTI:
                content[spec.key] = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
                continue
            for row in content.get(spec.key, []):
                row[column] = draw(st.sampled_from([None, *ids]))
    return content


def after_title_page(document: Document) -> list[tuple[str, str]]:
    """The units of the body after the title page and the table of contents."""
    found = units(document)
    start = next(i for i, (kind, _) in enumerate(found) if kind.startswith("Heading"))
    return found[start:]


def row_places(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def numbered_in_document(document: Document, brief: Brief, key: str, row: dict[str, Any]) -> bool:
    """Whether the row a label points at is in the document under the label's number."""
    number = [r["id"] for r in brief.part(key).value].index(row["id"]) + 1
    code, name = NL(f"link.{key}", n=number), document_text(row.get("text") or row.get("title"))
    texts = [p.text for p in document.paragraphs]
    if key.startswith("challenge.swot"):
        cells = {p.text for table in document.tables for c in table._cells for p in c.paragraphs}
        return f"{code}\u00a0{name}" in cells
    if key == "challenge.whys":
        return any(text.endswith(name) for text in texts)
    if PARTS[key].export is ExportForm.CARDS:
        return any(text.startswith(f"{code} · ") for text in texts)
    return any(cells[0] == str(number) and name in cells for cells in row_places(document))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=arbitrary_briefs(), empty=st.sampled_from(["omit", "mark"]))
def test_any_brief_exports_each_text_once_and_every_reference_resolves(
    content: dict[str, Any], empty: str
) -> None:
    brief = brief_of(content)
    document = export(brief, ExportOptions(empty=empty))  # type: ignore[arg-type]
    found = after_title_page(document)
    labels = Reader(brief, NL).labels
    shown = sorted({document_text(label) for label in labels.values()}, key=len, reverse=True)

    def without_labels(text: str) -> str:
        for label in shown:
            text = text.replace(label, "")
        return text

    typed = stored_texts(brief, list(PARTS))
    assert len(typed) >= len(
        [s for s in PARTS.values() if s.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT)]
    )
    nota = docx.Document()
    write_nota(nota, brief, CONTEXT, NL, annexed=True)
    in_nota = units(nota)
    for key, text in typed:
        expected = document_text(text)
        places = [kind for kind, unit in found if expected in without_labels(unit)]
        # The collegenota's parts stand in the nota only; its subject is also its title.
        nota_places = [kind for kind, unit in in_nota if expected in without_labels(unit)]
        if key in NOTA_PARTS:
            places, found_elsewhere = nota_places, places
            assert not found_elsewhere, (key, expected, found_elsewhere)
        # The nota's subject is also its title, as one clean line (so not always the same text).
        counts = (1, 2) if key == "roadmap.nota_subject" else (1,)
        assert len(places) in counts, (key, expected, places)
        if PARTS[key].kind is Kind.ROWS and in_a_table(key):
            assert places[0] == "cell", (key, places)
    # Every reference names a row that the document shows under that number.
    everything = "\n".join(text for _, text in found)
    rows_by_id = {
        row["id"]: (key, row)
        for key, value in content.items()
        if isinstance(value, list)
        for row in value
        if isinstance(row, dict)
    }
    for row_id, label in labels.items():
        if document_text(label) in everything:
            key, row = rows_by_id[row_id]
            assert numbered_in_document(document, brief, key, row), (label, key)
    if empty == "omit":
        blocks = [(kind, text) for kind, text in found if kind != "Normal" or text.strip()]
        for (kind, _), (following, text) in itertools.pairwise(blocks):
            if kind.startswith("Heading ") and following.startswith("Heading "):
                assert following[-1] > kind[-1], (kind, following, text)


def test_hostile_and_huge_input_exports() -> None:
    hostile = "<w:p>&amp;</w:t>\x01\x0b\r\nregel 2\ttab " + "x" * 300 + " \u202e\ufeff😀"
    actions = [
        {
            "id": f"a{i}",
            "title": f"Actie {i} {hostile[:100]}",
            "owner": "Dienst",
            "status": "idea",
            "budget": "1250",
            "start": "2024-01-01",
            "deadline": "2027-12-31",
        }
        for i in range(200)
    ]
    brief = brief_of(
        {
            "challenge.context": hostile + "y" * 19_000,
            "roadmap.actions": actions,
            "roadmap.summary": hostile,
        }
    )
    document = export(brief)
    everything = "\n".join(t for _, t in units(document))
    assert document_text(hostile) in everything
    assert "\x01" not in everything and "regel 2" in everything
    # Its columns that do not fit follow in a second table: the first holds title and owner.
    action_table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells[1:3]] == ["Titel", "Trekker"]
    )
    assert len(action_table.rows) == 201


def test_exporting_never_changes_the_brief() -> None:
    brief = brief_of(AVELGEM)
    # A copy, not the same lists and dicts: a writer that changes them in place must fail here.
    before = copy.deepcopy({key: part.value for key, part in brief.parts.items()})
    export(brief)
    assert {key: part.value for key, part in brief.parts.items()} == before
    assert before == {key: validate_part(key, value) for key, value in AVELGEM.items()}


# The order of the children of table and cell properties, as ECMA-376 Part 1 declares the
# sequences CT_TblPr and CT_TcPr (and CT_TrPr); Word may offer to repair a file out of order.
SCHEMA_SEQUENCES = {
    "tblPr": (
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    ),
    "tcPr": (
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
        "headers",
        "cellIns",
        "cellDel",
        "cellMerge",
        "tcPrChange",
    ),
    "trPr": (
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
        "ins",
        "del",
        "trPrChange",
    ),
}


def out_of_schema_order(document: Document) -> list[tuple[str, list[str]]]:
    """Every table, row or cell property element whose children break the schema sequence."""
    wrong = []
    for name, sequence in SCHEMA_SEQUENCES.items():
        for properties in document.element.body.iter(qn(f"w:{name}")):
            children = [etree.QName(child).localname for child in properties]
            positions = [sequence.index(c) if c in sequence else -1 for c in children]
            if -1 in positions or positions != sorted(set(positions)):
                wrong.append((name, children))
    return wrong


def test_table_and_cell_properties_are_in_schema_order() -> None:
    document = export(brief_of(AVELGEM))
    assert document.element.body.find(f".//{qn('w:tblCellMar')}") is not None
    assert document.element.body.find(f".//{qn('w:tcPr')}/{qn('w:shd')}") is not None
    assert out_of_schema_order(document) == []
    members = [CohortMember(brief_of(AVELGEM), ExportContext(TRAJECTORY), lambda _id: png())]
    data = build_cohort_zip(TRAJECTORY, members, ExportOptions(), NL)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            assert out_of_schema_order(docx.Document(io.BytesIO(archive.read(name)))) == [], name


def test_the_cohort_zip_holds_every_brief_and_an_overview() -> None:
    trajectory = Trajectory(
        3,
        3,
        "Kernen langs steenwegen & wayfinding",
        "wayfinding",
        "2023",
        coaches=("OMGEVING", "MINT"),
    )
    members = [
        CohortMember(brief_of(AVELGEM, "Avelgem"), ExportContext(trajectory), lambda _id: png()),
        CohortMember(brief_of(GENT, "Gent"), ExportContext(trajectory), lambda _id: png()),
        CohortMember(brief_of({}, "Hulshout"), ExportContext(trajectory), lambda _id: png()),
    ]
    shares: list[float] = []
    data = build_cohort_zip(trajectory, members, ExportOptions(), NL, progress=shares.append)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist())
        overview = docx.Document(io.BytesIO(archive.read("Overzicht van het leertraject 3.docx")))
    assert len(names) == 4
    assert any(name.startswith("Collegenota en designbrief Gent ") for name in names)
    text = "\n".join(t for _, t in units(overview))
    assert AVELGEM["challenge.question"] in text
    assert "Eigenaars voelen geen urgentie en worden niet aangesproken." in text
    assert "Projectzones met doorsteken" in text
    assert "Lopend: 3" in text
    assert shares[-1] == 1.0 and shares == sorted(shares)
    # The overview: A4, a page number in the footer, the cohort's budget, an empty brief in a line.
    section = overview.sections[0]
    assert section.page_width is not None and round(section.page_width.cm, 1) == 21.0
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert footer.startswith("Overzicht van het leertraject 3 · pagina ")
    assert "NUMPAGES" in section.footer._element.xml
    # It has no title page: its first page shows that footer too.
    assert not section.different_first_page_header_footer
    total = sum(
        Decimal(str(a.get("budget") or 0)) for c in (AVELGEM, GENT) for a in c["roadmap.actions"]
    )
    assert f"Budget van het leertraject: {NL.money(total)}" in text
    hulshout = [t for _, t in units(overview)]
    assert hulshout[hulshout.index("Hulshout") + 1] == "nog niet ingevuld"
    assert "On hold" not in text and overview.core_properties.language == "nl-BE"


@pytest.mark.parametrize("rows", [0, 1, 40])
def test_action_rows_are_all_in_the_table(rows: int) -> None:
    actions = [{"id": f"a{i}", "title": f"Actie nummer {i}"} for i in range(rows)]
    document = export(brief_of({"roadmap.actions": actions}))
    titles = [
        row.cells[1].text for t in document.tables if len(t.columns) == 12 for row in t.rows[1:]
    ]
    assert titles == [f"Actie nummer {i}" for i in range(rows)]
    grid = [t for t in document.tables if len(t.columns) == 12]
    if grid:
        assert grid[0].rows[0]._tr.find(qn("w:trPr")) is not None


def test_dates_use_nl_be() -> None:
    text = "\n".join(t for _, t in units(export(brief_of(AVELGEM))))
    assert "10 juni 2024" in text
    assert "01/09/2024" in text
    assert NL(f"enum.{m.ActionStatus.RUNNING.value}") in text


# --- issue 8: what XML forbids, pasted anywhere, never blocks an export ---------------------
# Every character XML 1.0 cannot hold: the C0 controls except tab, LF and CR, U+FFFE, U+FFFF,
# and unpaired surrogates (the first and last high and low ones).
XML_FORBIDDEN = [
    *(chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"),
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
]
# What a one-line name turns into a space rather than drops: line and column breaks.
NAME_BREAKS = "\x0b\x0c\x1c\x1d\x1e"


def stored_as_typed(content: dict[str, Any], municipality: str) -> Brief:
    """A brief whose text holds exactly what was typed, as data stored before any cleaning."""
    parts = {}
    for key, value in content.items():
        if isinstance(value, list):
            # The model gives every column its default; the typed text then goes in unchecked.
            shape = [
                {name: v for name, v in row.items() if name == "id" or not isinstance(v, str)}
                for row in value
            ]
            checked = validate_part(key, shape)
            value = [{**row, **typed} for row, typed in zip(checked, value, strict=True)]
        parts[key] = StoredPart(value, 1)
    return Brief(1, 1, municipality, parts)


def content_holding(char: str, rows: int = 2) -> dict[str, Any]:
    """Every text part and every text column of every list part, each holding ``char``."""
    counter = iter(range(100_000))

    def text() -> str:
        return f"⟦{next(counter)}⟧ voor{char}na"

    content: dict[str, Any] = {}
    for spec in PARTS.values():
        if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
            content[spec.key] = text()
        elif spec.row_model is not None:
            content[spec.key] = [
                {
                    "id": f"{spec.key}-{index}",
                    **({"image_id": 1} if spec.kind is Kind.SKETCHES else {}),
                    **{
                        name: f"https://voorbeeld.be/{text()}" if name == "link" else text()
                        for name in spec.row_model.model_fields
                        if name in TEXT_COLUMNS
                    },
                }
                for index in range(rows)
            ]
    return content


def no_forbidden(text: str) -> bool:
    return not any(char in text for char in XML_FORBIDDEN)


def footer_text(document: Document) -> str:
    return "".join(p.text for p in document.sections[0].footer.paragraphs)


@pytest.mark.parametrize("char", XML_FORBIDDEN, ids=lambda char: f"U+{ord(char):04X}")
def test_a_forbidden_character_in_any_name_or_text_still_exports(char: str) -> None:
    brief = stored_as_typed(content_holding(char), f"Sint{char}Niklaas")
    trajectory = Trajectory(
        3, 3, f"Kernen{char}langs steenwegen", "wayfinding", "2023", coaches=(f"Jonas{char}W",)
    )
    context = ExportContext(trajectory, (f"Lotte{char}Vandenberghe", "An Peeters"), CONTEXT.today)
    data = build_brief_document(brief, context, ExportOptions(), NL, lambda _id: png())
    document = docx.Document(io.BytesIO(data))
    gap = " " if char in NAME_BREAKS else ""
    municipality, author = f"Sint{gap}Niklaas", f"Lotte{gap}Vandenberghe"
    properties = document.core_properties
    assert properties.title == f"Designbrief {municipality}"
    assert properties.subject == f"Designbrief {municipality} — leertraject 3"
    assert properties.author == f"{author}, An Peeters"
    assert footer_text(document).startswith(f"{municipality} · Designbrief")
    found = units(document)
    everything = "\n".join(text for _, text in found)
    assert no_forbidden(everything)
    assert ("cell", f"{author}, An Peeters") in found and ("cell", f"Jonas{gap}W") in found
    assert ("Subtitle", f"Designbrief · {municipality}") in found
    # Body text keeps every typed word; a vertical tab or form feed becomes a line break.
    typed = stored_texts(brief, [key for key in PARTS if key not in NOTA_PARTS])
    assert len(typed) > 60
    expected_gap = "\n" if char in "\x0b\x0c" else ""
    for key, text in typed:
        assert text.replace(char, expected_gap) in everything, (key, text)
    # The collegenota in front of it, with the same names and texts.
    nota = docx.Document()
    write_nota(nota, brief, context, NL, annexed=True)
    in_nota = "\n".join(text for _, text in units(nota))
    assert no_forbidden(in_nota)
    assert ("cell", municipality) in units(nota) and f"Designbrief {municipality}" in in_nota
    for key, text in stored_texts(brief, list(NOTA_PARTS)):
        assert text.replace(char, expected_gap) in in_nota, (key, text)
    assert file_name(brief, NL, CONTEXT.today) == f"Designbrief {municipality} 2024-03-01.docx"


def test_a_pasted_vertical_tab_is_a_line_break_in_the_text_and_a_space_in_a_name() -> None:
    brief = brief_of({"challenge.context": "Regel één\x0bRegel twee"}, "Oud-\x0bTurnhout")
    document = export(brief)
    assert ("Normal", "Regel één\nRegel twee") in units(document)
    assert ("Subtitle", "Oud- Turnhout") in units(document)
    assert file_name(brief, NL, CONTEXT.today) == "Designbrief Oud- Turnhout 2024-03-01.docx"


def test_long_author_lists_fit_the_document_properties() -> None:
    authors = tuple(f"Medewerker nummer {n} van de dienst lokale economie" for n in range(12))
    context = ExportContext(TRAJECTORY, authors, CONTEXT.today)
    data = build_brief_document(brief_of(AVELGEM), context, ExportOptions(), NL, lambda _: png())
    document = docx.Document(io.BytesIO(data))
    assert len(document.core_properties.author) <= 255
    assert document.core_properties.author.startswith("Medewerker nummer 0 van de dienst")
    assert document.core_properties.author.endswith("…")
    title_page = [text for kind, text in units(document) if kind == "cell"]
    assert ", ".join(authors) in title_page


PASTED = st.text(
    alphabet=st.sampled_from(XML_FORBIDDEN) | st.characters(codec="utf-8"), min_size=1, max_size=20
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    municipalities=st.lists(PASTED, min_size=1, max_size=3),
    author=PASTED,
    coach=PASTED,
    text=PASTED,
)
def test_the_cohort_zip_builds_whatever_names_and_text_were_pasted(
    municipalities: list[str], author: str, coach: str, text: str
) -> None:
    trajectory = Trajectory(3, 3, f"Traject {text}", "wayfinding", "2023", coaches=(coach,))
    content = {
        "challenge.question": f"Hoe kunnen we {text}?",
        "challenge.whys": [{"id": "w1", "text": text}],
        "explore.directions": [{"id": "d1", "title": text, "impact": 5}],
        "roadmap.actions": [{"id": "a1", "title": text, "status": "running"}],
        "prototype.sketches": [{"id": "s1", "image_id": 1, "caption": text}],
    }
    members = [
        CohortMember(
            stored_as_typed(content, name),
            ExportContext(trajectory, (author, "An Peeters"), CONTEXT.today),
            lambda _id: png(),
        )
        for name in municipalities
    ]
    data = build_cohort_zip(trajectory, members, ExportOptions(), NL)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert len(names) == len(members) + 1
        for name in names:
            assert name.endswith(".docx") and no_forbidden(name)
            assert all(ord(char) >= 0x20 for char in name)
            document = docx.Document(io.BytesIO(archive.read(name)))
            assert no_forbidden("\n".join(t for _, t in units(document)))
            assert no_forbidden(document.core_properties.author or "")


def body_after_annex_mark(document: Document) -> tuple[list[str], list[str]]:
    """The texts before the annex's mark (the nota) and from it on (the annexed brief)."""
    texts = [text for _, text in units(document)]
    mark = "Bijlage 1 bij de collegenota"
    if mark not in texts:
        return texts, []
    at = texts.index(mark)
    return texts[:at], texts[at:]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=arbitrary_briefs(), form=st.sampled_from(["both", "nota", "brief"]))
def test_any_brief_exports_in_each_form_with_the_nota_and_the_brief_each_in_their_place(
    content: dict[str, Any], form: str
) -> None:
    brief = brief_of(content)
    data = build_export(brief, CONTEXT, ExportOptions(form=form), NL, lambda _id: png())  # type: ignore[arg-type]
    nota, annex = body_after_annex_mark(docx.Document(io.BytesIO(data)))
    nota_text, annex_text = "\n".join(nota), "\n".join(annex)
    typed_nota = [document_text(text) for _, text in stored_texts(brief, list(NOTA_PARTS))]
    typed_brief = [
        document_text(text)
        for key, text in stored_texts(brief, [k for k in PARTS if k not in NOTA_PARTS])
    ]
    if form == "brief":
        assert not annex and "Collegenota" not in nota_text
        assert all(text in nota_text for text in typed_brief)
        return
    assert nota[0] == "Collegenota"
    # Every typed text of the nota is in it; the nota's parts never come back in the annex.
    assert [text for text in typed_nota if text not in nota_text] == []
    # (The subject is the annex's title too, on its title page.)
    inside = [
        document_text(text)
        for key, text in stored_texts(brief, list(NOTA_PARTS))
        if key != "roadmap.nota_subject"
    ]
    assert not any(text in annex_text for text in inside)
    articles = [line for line in nota if line.startswith("Artikel ")]
    assert [line.split(".")[0] for line in articles] == [
        f"Artikel {n}" for n in range(1, len(articles) + 1)
    ]
    if form == "both":
        assert "Inhoud" in annex and all(text in annex_text for text in typed_brief)
    else:
        assert not annex and "Inhoud" not in nota and STEP_HEADINGS[0] not in nota_text
