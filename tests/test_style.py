"""House style: a Word template's styles and header reach the export; broken ones are refused."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from playwright.sync_api import expect
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from briefs.access import Principal, Role
from briefs.brief import Brief, StoredPart
from briefs.demo import AVELGEM, TRAJECTORIES
from briefs.export.brief_doc import ExportContext, ExportOptions, build_brief_document
from briefs.export.style import (
    TemplateProblem,
    TemplateRefused,
    base_document,
    check_template,
    has_own_footer,
)
from briefs.i18n import Translator
from briefs.parts import validate_part
from briefs.progress import fullest
from services.exports import export_brief
from services.operator import OPERATOR
from storage.db import make_engine
from storage.house_styles import HouseStyles
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore
from storage.secure import SecureBriefStore
from tests.apps import page_as
from tests.browser import log_in, settled
from tests.conftest import Seed

NL, EN = Translator("nl"), Translator("en")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = "Gemeente Testegem huisstijl"
ADMIN_EMAIL = "els.maes@programma.demo"
DOTX_TYPE = b"wordprocessingml.template.main+xml"


def repack(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The package ``data`` with parts replaced (or left out, for None)."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = change.get(info.filename, source.read(info))
            if content is not None:
                target.writestr(info, content)
    return buffer.getvalue()


def make_dotx(drop: tuple[str, ...] = (), footer: str = "") -> bytes:
    """A .dotx as Word saves one: Courier New on Normal and Heading 1, a header text."""
    document = docx.Document()
    for name in ("Normal", "Heading 1"):
        document.styles[name].font.name = "Courier New"
    document.styles["Heading 1"].font.size = Pt(20)
    document.sections[0].header.paragraphs[0].text = HEADER
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    document.add_paragraph("Tekst van het sjabloon die niet in de export hoort")
    for style_id in drop:
        style = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        style.getparent().remove(style)
    buffer = io.BytesIO()
    document.save(buffer)
    types = zipfile.ZipFile(buffer).read("[Content_Types].xml")
    dotx = repack(
        buffer.getvalue(),
        {"[Content_Types].xml": types.replace(b"document.main+xml", b"template.main+xml")},
    )
    assert DOTX_TYPE in zipfile.ZipFile(io.BytesIO(dotx)).read("[Content_Types].xml")
    return dotx


def brief() -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in AVELGEM.items()}
    return Brief(1, 1, "Avelgem", parts)


def exported(template: bytes | None) -> zipfile.ZipFile:
    context = ExportContext(TRAJECTORIES[2], ("Lotte",), date(2024, 3, 1), template=template)
    data = build_brief_document(brief(), context, ExportOptions(), NL, lambda _id: None)
    return zipfile.ZipFile(io.BytesIO(data))


def style_of(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"{W}style[@{W}styleId='{style_id}']")
    assert found is not None, style_id
    return found


def test_a_template_gives_the_export_its_font_and_header() -> None:
    package = exported(make_dotx())
    styles = etree.fromstring(package.read("word/styles.xml"))
    for style_id in ("Normal", "Heading1"):
        fonts = style_of(styles, style_id).find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}ascii") == "Courier New"
    headers = [name for name in package.namelist() if re.match(r"word/header\d*\.xml", name)]
    assert any(HEADER.encode() in package.read(name) for name in headers)
    body = package.read("word/document.xml").decode()
    assert "Tekst van het sjabloon" not in body
    assert "Samenvatting voor het college" in body
    # Its document relationship still reaches the header: the section kept its reference.
    assert re.search(r"<w:headerReference [^>]*w:type=\"default\"", body)
    # No footer of its own: the page numbers are added.
    footers = "".join(
        package.read(name).decode() for name in package.namelist() if "footer" in name
    )
    assert "PAGE" in footers and "Avelgem" in footers


def test_a_template_footer_is_kept_and_no_page_numbers_are_added() -> None:
    template = make_dotx(footer="Stadhuis Testegem · Markt 1")
    assert has_own_footer(base_document(template))
    package = exported(template)
    footers = "".join(
        package.read(name).decode() for name in package.namelist() if "footer" in name
    )
    assert "Stadhuis Testegem" in footers
    assert "NUMPAGES" not in footers


def test_missing_list_and_caption_styles_are_supplied_with_working_bullets() -> None:
    package = exported(make_dotx(drop=("ListBullet", "ListNumber", "Caption", "Title")))
    styles = etree.fromstring(package.read("word/styles.xml"))
    bullet = style_of(styles, "ListBullet")
    num_id = bullet.find(f"{W}pPr/{W}numPr/{W}numId")
    assert num_id is not None
    numbering = etree.fromstring(package.read("word/numbering.xml"))
    nums = {n.get(f"{W}numId") for n in numbering.findall(f"{W}num")}
    assert num_id.get(f"{W}val") in nums
    # The supplied styles take the template's font: no Arial of ours creeps in.
    assert bullet.find(f".//{W}rFonts") is None
    assert style_of(styles, "Caption") is not None


def test_every_heading_and_the_timeline_legend_keep_with_what_follows_in_a_template() -> None:
    # A template whose heading styles do not keep with the next paragraph, as many do not.
    dotx = make_dotx()
    styles = zipfile.ZipFile(io.BytesIO(dotx)).read("word/styles.xml")
    template = repack(dotx, {"word/styles.xml": re.sub(rb"<w:keepNext/>", b"", styles)})
    for source in (None, template):
        document = docx.Document(io.BytesIO(build(source)))
        styled = [(p, p.style) for p in document.paragraphs if p.style is not None]
        headings = [(p, style) for p, style in styled if str(style.name).startswith("Heading")]
        assert len(headings) > 20
        alone = [
            p.text
            for p, style in headings
            if not (p.paragraph_format.keep_with_next or style.paragraph_format.keep_with_next)
        ]
        assert alone == []
        legend = next(p for p in document.paragraphs if p.text.startswith("Gekleurde vakjes"))
        assert legend.paragraph_format.keep_with_next


def test_a_dutch_word_template_with_kop_ids_is_accepted() -> None:
    """Dutch Word gives 'heading 1' the id Kop1; the export writes Heading1."""
    data = make_dotx()
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    dutch = styles.replace(b'w:styleId="Heading1"', b'w:styleId="Kop1"')
    dutch = dutch.replace(b'w:val="Heading1"', b'w:val="Kop1"')
    template = repack(data, {"word/styles.xml": dutch})
    assert check_template(template) is None
    written = etree.fromstring(exported(template).read("word/styles.xml"))
    fonts = style_of(written, "Heading1").find(f"{W}rPr/{W}rFonts")
    assert fonts is not None and fonts.get(f"{W}ascii") == "Courier New"


def xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "geen Word")
    return buffer.getvalue()


def macro_template() -> bytes:
    data = make_dotx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    macro = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
    return repack(
        data,
        {
            "[Content_Types].xml": types.replace(
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                macro,
            )
        },
    )


@pytest.mark.parametrize(
    ("data", "reason", "words"),
    [
        (make_dotx()[:3000], "not_zip", "geen Word-bestand"),
        (b"%PDF-1.7 not a template", "not_zip", "geen Word-bestand"),
        (plain_zip(), "not_office", "zip-archief maar geen Office-document"),
        (xlsx(), "not_word", "Excel"),
        (macro_template(), "macros", "macro's"),
        (repack(make_dotx(), {"word/styles.xml": b"<w:styles"}), "broken", "beschadigd"),
        (make_dotx(drop=("Heading1", "Heading2")), "missing_styles", "Kop 1, Kop 2"),
        (b"PK" + b"\0" * (11 * 1024 * 1024), "too_large", "10 MB"),
    ],
    ids=["cut", "pdf", "zip", "xlsx", "macros", "broken", "missing", "large"],
)
def test_a_template_that_cannot_serve_is_refused_with_its_reason(
    data: bytes, reason: str, words: str
) -> None:
    problem = check_template(data)
    assert problem is not None and problem.reason == reason
    assert words in problem.message(NL)
    with pytest.raises(TemplateRefused):
        base_document(data)


def test_the_missing_styles_are_named_in_both_languages() -> None:
    problem = TemplateProblem("missing_styles", ("Normal", "Heading1"))
    assert "Standaard, Kop 1" in problem.message(NL)
    assert "Normal, Heading 1" in problem.message(EN)


# --- the built-in style -------------------------------------------------------------------
def half_points(element: etree._Element | None) -> int | None:
    size = element.find(f"{W}rPr/{W}sz") if element is not None else None
    return int(size.get(f"{W}val")) if size is not None else None


def test_the_builtin_style_is_one_sans_serif_family_at_a_calm_size() -> None:
    package = exported(None)
    styles = etree.fromstring(package.read("word/styles.xml"))
    fonts = {
        value
        for element in styles.iter(f"{W}rFonts")
        for name, value in element.attrib.items()
        if name.endswith(("ascii", "hAnsi", "cs", "eastAsia"))
    }
    assert fonts == {"Arial"}
    assert not [e for e in styles.iter(f"{W}rFonts") if any("Theme" in a for a in e.attrib)]
    normal = half_points(style_of(styles, "Normal"))
    assert normal is not None and 20 <= normal <= 22
    spacing = style_of(styles, "Normal").find(f"{W}pPr/{W}spacing")
    assert spacing is not None and spacing.get(f"{W}after") == "120"
    colours = {
        style_of(styles, s).find(f"{W}rPr/{W}color").get(f"{W}val")
        for s in ("Heading1", "Heading2", "Heading3", "Title")
    }
    assert colours == {"1F3864"}


def test_every_table_font_is_at_least_nine_points() -> None:
    body = etree.fromstring(exported(None).read("word/document.xml"))
    tables = body.findall(f".//{W}tbl")
    assert len(tables) > 5
    sizes = [int(s.get(f"{W}val")) for t in tables for s in t.iter(f"{W}sz")]
    assert sizes and min(sizes) >= 18


def test_no_trace_of_python_docx_and_created_today() -> None:
    package = exported(None)
    for name in package.namelist():
        assert b"python-docx" not in package.read(name), name
    assert "docProps/thumbnail.jpeg" not in package.namelist()
    document = docx.Document(io.BytesIO(build(None)))
    properties = document.core_properties
    assert properties.created is not None and properties.created.date() == date.today()
    assert properties.last_modified_by == "Avelgem"  # the authors, else the municipality
    app = package.read("docProps/app.xml").decode()
    assert "<Application>Kernbrief</Application>" in app


def build(template: bytes | None) -> bytes:
    context = ExportContext(TRAJECTORIES[2], (), date(2024, 3, 1), template=template)
    return build_brief_document(brief(), context, ExportOptions(), NL, lambda _id: None)


# --- storage and access ---------------------------------------------------------------------
ADMIN = Principal(1, "Els Maes", "els@programma.demo", Role.ADMIN, "")


def test_templates_round_trip_and_the_export_takes_the_nearest(engine: Engine, seed: Seed) -> None:
    ids = seed(engine, date.today())
    store = HouseStyles(engine)
    programme, gent = make_dotx(), make_dotx(footer="Stad Gent")
    store.upload(ADMIN, None, "programma.dotx", programme)
    store.upload(ADMIN, "Gent", "gent.dotx", gent)
    store.upload(ADMIN, "Gent", "gent-2.dotx", gent)  # replaces the first
    active = store.active(ADMIN)
    assert [(s.municipality, s.file_name, s.uploaded_by) for s in active] == [
        (None, "programma.dotx", "Els Maes"),
        ("Gent", "gent-2.dotx", "Els Maes"),
    ]
    assert active[1].size == len(gent)
    assert store.data(ADMIN, "Gent") == gent
    secure = SecureBriefStore(SqlBriefStore(engine), SqlProgrammeStore(engine), OPERATOR)
    assert secure.house_style(ids["Gent"]) == gent
    assert secure.house_style(ids["Avelgem"]) == programme
    assert store.remove(ADMIN, None)
    assert secure.house_style(ids["Avelgem"]) is None
    _name, data = export_brief(secure, ids["Gent"], ExportOptions(), NL)
    footers = zipfile.ZipFile(io.BytesIO(data))
    assert any(b"Stad Gent" in footers.read(n) for n in footers.namelist() if "footer" in n)


@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.COACH])
def test_only_admins_upload_or_remove_templates(engine: Engine, role: Role) -> None:
    store = HouseStyles(engine)
    store.upload(ADMIN, None, "programma.dotx", make_dotx())
    someone = Principal(2, "Jonas", "jonas@x.be", role, "Gent", frozenset({1}))
    with pytest.raises(NotFound):
        store.upload(someone, "Gent", "eigen.dotx", make_dotx())
    with pytest.raises(NotFound):
        store.remove(someone, None)
    with pytest.raises(NotFound):
        store.active(someone)
    assert [s.file_name for s in store.active(ADMIN)] == ["programma.dotx"]


def test_a_refused_template_stores_nothing(engine: Engine) -> None:
    store = HouseStyles(engine)
    with pytest.raises(TemplateRefused):
        store.upload(ADMIN, None, "kapot.dotx", b"kapot")
    assert store.active(ADMIN) == []


# --- the admin's screen ----------------------------------------------------------------------
def test_the_admin_uploads_a_template_and_a_refused_one_is_named(demo_url: str) -> None:
    at = page_as(ADMIN_EMAIL, "programme")
    assert any("Huisstijl" in h.value for h in at.header)
    at.file_uploader(key="style_file").upload("kapot.dotx", make_dotx(drop=("Heading1",)))
    at.button(key="FormSubmitter:style_upload-Sjabloon bewaren").click().run()
    assert any("Kop 1" in e.value for e in at.error)
    assert any("nog geen sjabloon" in i.value for i in at.info)
    at.file_uploader(key="style_file").upload("testegem.dotx", make_dotx())
    at.button(key="FormSubmitter:style_upload-Sjabloon bewaren").click().run()
    assert not at.error
    shown = at.dataframe[-1].value
    assert list(shown.iloc[0])[:3] == ["Het hele programma", "testegem.dotx", "Els Maes"]


def test_a_backup_and_restore_keep_the_templates(tmp_path: Path) -> None:
    from storage.backup import backup, restore
    from storage.db import make_engine
    from storage.migrate import upgrade

    source = f"sqlite:///{tmp_path / 'source.db'}"
    engine = make_engine(source)
    upgrade(engine)
    template = make_dotx()
    HouseStyles(engine).upload(ADMIN, "Gent", "gent.dotx", template)
    engine.dispose()
    backup(source, tmp_path / "backup.json", logical=True)
    target = f"sqlite:///{tmp_path / 'target.db'}"
    restore(tmp_path / "backup.json", target)
    restored = HouseStyles(make_engine(target))
    assert restored.data(ADMIN, "Gent") == template
    assert [s.file_name for s in restored.active(ADMIN)] == ["gent.dotx"]


def two_templates(demo_url: str) -> tuple[int, int]:
    """The programme's template and Avelgem's in the demo database; return their ids."""
    store = HouseStyles(make_engine(demo_url))
    programme = store.upload(ADMIN, None, "programma.dotx", make_dotx())
    avelgem = store.upload(ADMIN, "Avelgem", "avelgem.dotx", make_dotx(footer="Avelgem"))
    return programme.id, avelgem.id


def confirmations(at: AppTest) -> list[str]:
    """The removal questions on screen and the keys of the buttons that answer them."""
    asked = [w.value for w in at.warning if "verwijderen?" in w.value]
    keys = [str(b.key) for b in at.button]
    answers = [key for key in keys if key.startswith(("style_remove:", "style_remove_no:"))]
    return asked + answers


def test_removing_a_template_leaves_no_confirmation_open_for_the_next(demo_url: str) -> None:
    programme, avelgem = two_templates(demo_url)
    at = page_as(ADMIN_EMAIL, "programme")
    assert confirmations(at) == []
    at.button(key=f"style_remove_ask:{programme}").click().run()
    assert confirmations(at) == [
        "Het sjabloon voor Het hele programma verwijderen? De documenten krijgen dan het "
        "sjabloon van het programma of de ingebouwde stijl.",
        f"style_remove:{programme}",
        f"style_remove_no:{programme}",
    ]
    at.button(key=f"style_remove:{programme}").click().run()
    # Avelgem's template moved up to where the programme's stood: nothing of it is open.
    assert confirmations(at) == []
    assert [s.file_name for s in HouseStyles(make_engine(demo_url)).active(ADMIN)] == [
        "avelgem.dotx"
    ]
    assert [t.value for t in at.text] == ["Avelgem · avelgem.dotx"]
    at.button(key=f"style_remove_ask:{avelgem}").click().run()
    assert len(confirmations(at)) == 3
    at.button(key=f"style_remove_no:{avelgem}").click().run()
    assert confirmations(at) == []
    assert [s.file_name for s in HouseStyles(make_engine(demo_url)).active(ADMIN)] == [
        "avelgem.dotx"
    ]


def sample_text(at: AppTest, scope: str) -> str:
    """The body text of the sample document the session made with the template of ``scope``."""
    _name, data = at.session_state[f"style_preview:{scope}"]
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_sample_uses_the_fullest_brief_of_its_scope(demo_url: str) -> None:
    """The programme's first brief (Aalst) is empty; Avelgem's holds the most, Gent has its own."""
    programme, _avelgem = two_templates(demo_url)
    gent = HouseStyles(make_engine(demo_url)).upload(ADMIN, "Gent", "gent.dotx", make_dotx())
    at = page_as(ADMIN_EMAIL, "programme")
    at.button(key=f"style_sample:{programme}").click().run()
    text = sample_text(at, "")
    assert "Avelgem" in text and "Aalst" not in text
    assert " ".join(AVELGEM["challenge.problem"].split()[:8]) in text
    at.button(key=f"style_sample:{gent.id}").click().run()
    text = sample_text(at, "Gent")
    assert "Gent" in text and "Avelgem" not in text


def test_the_fullest_brief_is_the_one_with_most_parts_filled_in() -> None:
    empty = Brief(1, 1, "Aalst", {})
    some = Brief(2, 1, "Gent", {"challenge.problem": StoredPart("Iets", 1)})
    full = brief()
    assert fullest([empty, full, some]) is full
    assert fullest([empty, some, full]) is full
    assert fullest([empty, some]) is some
    assert fullest([empty]) is empty
    assert fullest([]) is None


# --- the admin's screen in Chromium ----------------------------------------------------------
def test_in_the_browser_a_removal_closes_and_the_next_is_reached_by_keyboard(
    demo_url: str, app_server: str, new_page: Any
) -> None:
    programme, avelgem = two_templates(demo_url)
    page = new_page()
    log_in(page, app_server, ADMIN_EMAIL)
    page.goto(f"{app_server}/programma")
    expect(page.get_by_role("heading", name="Huisstijl")).to_be_visible(timeout=30_000)
    yes = page.get_by_role("button", name="Ja, verwijderen")
    question = page.get_by_text("verwijderen? De documenten krijgen")
    page.locator(f".st-key-style_remove_ask-{programme} button").click()
    expect(yes).to_have_count(1)
    yes.click()
    settled(page)
    expect(page.get_by_text("Avelgem · avelgem.dotx")).to_be_visible()
    # Where the programme's template stood, Avelgem's asks nothing: a second click is safe.
    expect(yes).to_have_count(0)
    expect(question).to_have_count(0)
    # The keyboard: Enter on the removal asks, and the answers come right after it.
    page.locator(f".st-key-style_remove_ask-{avelgem} button").focus()
    page.keyboard.press("Enter")
    expect(question).to_have_count(1, timeout=30_000)
    settled(page)
    focused = page.locator(":focus")
    page.keyboard.press("Tab")
    expect(focused).to_have_text("Ja, verwijderen")
    page.keyboard.press("Tab")
    expect(focused).to_have_text("Annuleren")
    page.keyboard.press("Enter")
    expect(question).to_have_count(0, timeout=30_000)
    assert [s.file_name for s in HouseStyles(make_engine(demo_url)).active(ADMIN)] == [
        "avelgem.dotx"
    ]
