"""The exported documents open in LibreOffice and print the expected pages and text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sqlalchemy import Engine

from briefs.export.brief_doc import ExportOptions
from briefs.i18n import Translator
from manage import main as manage_main
from services.exports import export_brief
from services.operator import operator_store
from storage.db import make_engine
from storage.repository import SqlProgrammeStore
from tests.conftest import missing


def office() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        missing("LibreOffice (Debian package 'libreoffice-writer')")
    assert found is not None
    return found


def to_pdf(document: Path) -> tuple[int, str]:
    """Convert with LibreOffice; return the page count and the text of the PDF."""
    profile = document.parent / "lo-profile"
    subprocess.run(
        [
            office(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(document.parent),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = document.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return pages, text


@pytest.fixture
def demo_engine(demo_url: str) -> Engine:
    return make_engine(demo_url)


def test_demo_briefs_convert_to_pdf_with_their_content(demo_engine: Engine, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        missing("poppler-utils (pdftotext)")
    programme = SqlProgrammeStore(demo_engine)
    for municipality, expected in (
        ("Avelgem", ["Opmaak RUP Avelgem centrum", "Grondoorzaak", "Figuur 2"]),
        ("Gent", ["Leegstandsbeheerder aanstellen", "Sterk en divers winkelaanbod"]),
    ):
        brief_id = programme.briefs_of(municipality)[0].id
        name, data = export_brief(
            operator_store(demo_engine),
            brief_id,
            ExportOptions(form="brief"),
            Translator("nl"),
            today=date(2024, 3, 1),
        )
        path = tmp_path / name
        path.write_bytes(data)
        pages, text = to_pdf(path)
        flat = " ".join(text.split())
        assert pages >= 6, (municipality, pages)
        # The title page has no page number; the second page does.
        assert f"{municipality} · Designbrief · pagina 1 van" not in flat
        assert f"{municipality} · Designbrief · pagina 2 van {pages}" in flat
        assert "Samenvatting voor het college" in flat or municipality == "Gent"
        for snippet in expected:
            assert snippet in flat, (municipality, snippet)


# The Dutch month names that English does not share (april, september … are both).
DUTCH_MONTHS = ["januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober"]


def test_the_pdf_lists_the_steps_in_its_contents_and_english_has_no_dutch_month(
    demo_engine: Engine, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        missing("poppler-utils (pdftotext)")
    brief_id = SqlProgrammeStore(demo_engine).briefs_of("Avelgem")[0].id
    texts = {}
    for language in ("nl", "en"):
        name, data = export_brief(
            operator_store(demo_engine),
            brief_id,
            ExportOptions(form="brief"),
            Translator(language),
            today=date(2024, 3, 1),
        )
        path = tmp_path / language / name
        path.parent.mkdir()
        path.write_bytes(data)
        texts[language] = to_pdf(path)[1]
    # The table of contents is on the second page, filled without Word.
    contents = texts["nl"].split("\f")[1]
    assert contents.splitlines()[0].strip() == "Inhoud"
    for step in (
        "Stap 1 · Uitdaging helder benoemen",
        "Stap 2 · Wat als? Verkennen",
        "Stap 3 · Vertalen & testen",
        "Stap 4 · Stappenplan & verankering",
    ):
        assert step in contents, step
    words = set(texts["en"].lower().split())
    assert not words & set(DUTCH_MONTHS), words & set(DUTCH_MONTHS)
    assert "Step 4 · Roadmap & anchoring" in texts["en"].split("\f")[1]
    assert "june" in words or "july" in words or "september" in words


LETTERS = r"[^\W\d_]+"


def _written_words(data: bytes) -> tuple[set[str], Counter[str]]:
    """The words of ≥ 6 letters in the document's table cells, and how often each word is
    written in the document's body (tables, headings, contents)."""
    document = docx.Document(io.BytesIO(data))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    words = {word for text in cells for word in re.findall(LETTERS, text) if len(word) >= 6}
    paragraphs = (
        "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
        for paragraph in document.element.body.iter(qn("w:p"))
    )
    return words, Counter(word for text in paragraphs for word in re.findall(LETTERS, text))


def test_no_word_of_the_demo_tables_is_broken_over_two_lines(
    demo_engine: Engine, tmp_path: Path
) -> None:
    brief_id = SqlProgrammeStore(demo_engine).briefs_of("Avelgem")[0].id
    for language in ("nl", "en"):
        name, data = export_brief(
            operator_store(demo_engine),
            brief_id,
            ExportOptions(form="brief"),
            Translator(language),
            today=date(2024, 3, 1),
        )
        path = tmp_path / language / name
        path.parent.mkdir()
        path.write_bytes(data)
        printed = Counter(re.findall(LETTERS, to_pdf(path)[1]))
        words, written = _written_words(data)
        # The action list's long words, which broke inside before (Projectzone|s …).
        assert {"Projectzones", "grondgebiedzaken", "Campusdoorsteek", "OMGEVING"} <= words
        # A word broken inside prints as two pieces: the whole word then prints less often
        # than it is written (the footer and contents only print words more often).
        broken = {
            word: (written[word], printed[word]) for word in words if printed[word] < written[word]
        }
        assert broken == {}, (language, broken)


def test_the_collegenota_comes_first_with_the_brief_as_its_annex_and_alone_is_short(
    demo_engine: Engine, tmp_path: Path
) -> None:
    brief_id = SqlProgrammeStore(demo_engine).briefs_of("Avelgem")[0].id
    documents = {}
    for form in ("both", "nota"):
        name, data = export_brief(
            operator_store(demo_engine),
            brief_id,
            ExportOptions(form=form),
            Translator("nl"),
            today=date(2024, 3, 1),
        )
        path = tmp_path / form / name
        path.parent.mkdir()
        path.write_bytes(data)
        documents[form] = to_pdf(path)
    pages, text = documents["both"]
    sheets = [" ".join(sheet.split()) for sheet in text.split("\f")]
    # The nota opens the document, numbered from its first page.
    assert sheets[0].startswith("Collegenota Avelgem verbonden")
    assert f"Avelgem · Collegenota · pagina 1 van {pages}" in sheets[0]
    assert "Artikel 1." in " ".join(sheets[:4]) and "Bijlagen" in " ".join(sheets[:4])
    # Then the annex: its title page without a number, then its table of contents.
    annex = next(i for i, sheet in enumerate(sheets) if "Bijlage 1 bij de collegenota" in sheet)
    assert "pagina" not in sheets[annex]
    assert sheets[annex + 1].startswith("Inhoud")
    assert "Stap 4 · Stappenplan & verankering" in sheets[annex + 1]
    # The annex lists its own headings only (the footer names the whole document).
    assert "Collegenota" not in sheets[annex + 1].rsplit("Avelgem ·", 1)[0]
    nota_pages, nota_text = documents["nota"]
    assert nota_pages < annex + 1 <= pages - 6
    assert "Inhoud" not in nota_text and "Stap 1 · Uitdaging" not in nota_text


def test_the_command_line_exports_a_brief_and_a_trajectory(
    demo_url: str, demo_engine: Engine, tmp_path: Path
) -> None:
    brief_id = SqlProgrammeStore(demo_engine).briefs_of("Gent")[0].id
    assert (
        manage_main(
            [
                "export-brief",
                str(brief_id),
                "-o",
                str(tmp_path),
                "--language",
                "en",
                "--vorm",
                "brief",
            ]
        )
        == 0
    )
    written = list(tmp_path.glob("Design brief Gent *.docx"))
    assert len(written) == 1
    cohort = tmp_path / "cohort"
    assert manage_main(["export-trajectory", "5", "-o", str(cohort)]) == 0
    names = sorted(path.name for path in cohort.iterdir())
    assert len(names) == 8  # seven municipalities and the overview
    assert "Overzicht van het leertraject 5.docx" in names
