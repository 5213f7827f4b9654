"""PDF export by LibreOffice: the service, the command line and the export page's choice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefs.export.options import ExportOptions
from briefs.i18n import Translator
from services.exports import export_brief
from services.operator import operator_store
from services.pdf import pdf_converter
from storage.db import make_engine
from tests.conftest import missing, run_manage
from tests.test_pages import avelgem, open_page


@pytest.fixture
def libreoffice() -> str:
    found = pdf_converter()
    if found is None:
        missing("LibreOffice (Debian package 'libreoffice-writer')")
    if shutil.which("pdftotext") is None:
        missing("poppler-utils (pdftotext)")
    assert found is not None
    return found


def pdf_text(data: bytes, folder: Path) -> str:
    path = folder / "out.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return " ".join(text.split())


def test_a_brief_exported_as_pdf_is_a_pdf_with_its_content(
    libreoffice: str, demo_url: str, tmp_path: Path
) -> None:
    store = operator_store(make_engine(demo_url))
    name, data = export_brief(
        store, avelgem(demo_url), ExportOptions(form="brief"), Translator("nl"), pdf=True
    )
    assert name.startswith("Designbrief Avelgem ") and name.endswith(".pdf")
    assert data.startswith(b"%PDF")
    text = pdf_text(data, tmp_path)
    assert "Stap 1 · Uitdaging helder benoemen" in text
    assert "Opmaak RUP Avelgem centrum" in text


def test_the_command_line_writes_a_pdf_and_says_so_when_it_cannot(
    libreoffice: str, demo_url: str, tmp_path: Path
) -> None:
    env = {**os.environ, "DATABASE_URL": demo_url, "KERNBRIEF_DATABASE_URL": demo_url}
    brief = str(avelgem(demo_url))
    done = run_manage(
        "export-brief", brief, "-o", str(tmp_path), "--vorm", "brief", "--pdf", env=env
    )
    assert done.returncode == 0, done.stderr
    written = list(tmp_path.glob("Designbrief Avelgem *.pdf"))
    assert len(written) == 1 and written[0].read_bytes().startswith(b"%PDF")
    refused = run_manage(
        "export-brief",
        brief,
        "-o",
        str(tmp_path / "none"),
        "--pdf",
        env={**env, "KERNBRIEF_SOFFICE": str(tmp_path / "no-libreoffice")},
    )
    assert refused.returncode == 1
    assert "De PDF kon niet gemaakt worden" in refused.stderr
    assert not (tmp_path / "none").exists()


def test_the_export_page_offers_pdf_only_where_libreoffice_is(
    demo_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KERNBRIEF_SOFFICE", str(tmp_path / "no-libreoffice"))
    at = open_page("pages/export.py")
    assert at.radio(key="export_file_kind").disabled
    assert any("LibreOffice is er niet geïnstalleerd" in c.value for c in at.caption)


def test_the_export_page_builds_a_pdf_when_asked(libreoffice: str, demo_url: str) -> None:
    at = open_page("pages/export.py")
    brief_id = avelgem(demo_url)
    at.radio(key="export_form").set_value("brief")
    at.radio(key="export_file_kind").set_value("pdf").run()
    at.button(key="export_build").click().run()
    assert not at.exception
    name, data, _ = at.session_state[f"export:{brief_id}"]
    assert name.endswith(".pdf") and data.startswith(b"%PDF")
    assert at.get("download_button")[0].proto.label == f"Download {name}"


def test_a_pdf_that_fails_says_to_use_word_and_offers_nothing(
    demo_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("KERNBRIEF_SOFFICE", str(broken))
    at = open_page("pages/export.py")
    at.radio(key="export_file_kind").set_value("pdf").run()
    at.button(key="export_build").click().run()
    assert any("De PDF kon niet gemaakt worden" in e.value for e in at.error)
    assert not at.get("download_button")


def test_the_pdfs_contents_give_the_page_each_heading_is_on(
    libreoffice: str, demo_url: str, tmp_path: Path
) -> None:
    store = operator_store(make_engine(demo_url))
    _, data = export_brief(store, avelgem(demo_url), ExportOptions(), Translator("nl"), pdf=True)
    path = tmp_path / "both.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    sheets = [[" ".join(line.split()) for line in sheet.splitlines()] for sheet in text.split("\f")]
    contents = next(sheet for sheet in sheets if sheet and sheet[0] == "Inhoud")
    entries = {}
    for line in contents[1:]:
        found = re.fullmatch(r"(.+?)\.{3,}\s*(\d+)", line)
        if found:
            entries[found.group(1).strip()] = int(found.group(2))
    steps = [heading for heading in entries if heading.startswith("Stap ")]
    assert len(steps) == 4 and len(entries) > 20
    for heading, page in entries.items():
        assert heading in sheets[page - 1], (heading, page)
