"""PDF from a Word document, by LibreOffice when the server has it installed."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

# LibreOffice writes what it converts into one profile directory and refuses a second
# instance on the same profile, so conversions in one process take turns on their own
# profile (a fresh one per process: another server process has its own).
_TURN = threading.Lock()
_PROFILE = Path(tempfile.gettempdir()) / f"kernbrief-libreoffice-{os.getpid()}"
TIMEOUT_SECONDS = 120


class PdfFailed(Exception):
    """LibreOffice is missing, timed out or wrote no PDF."""


def pdf_converter() -> str | None:
    """Return LibreOffice's command when the server can make PDFs, else None."""
    configured = os.environ.get("KERNBRIEF_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes) -> bytes:
    """Return the PDF of a .docx, with the table of contents' page numbers filled in.

    LibreOffice prints the contents as written and does not update their PAGEREF fields, so
    a first PDF tells on which page each heading landed, and a second one prints the numbers.
    Without pdftotext (Debian's poppler-utils) the entries stay without numbers.
    """
    command = pdf_converter()
    if command is None:
        raise PdfFailed("LibreOffice is not installed")
    first = _convert(command, docx)
    numbered = _with_contents_pages(docx, first)
    return first if numbered is None else _convert(command, numbered)


def _with_contents_pages(docx: bytes, pdf: bytes) -> bytes | None:
    # python-docx when a PDF is made, not when the export page opens (see services/exports.py).
    from docx import Document

    from briefs.export.docx_tools import contents_entries, fill_contents_pages

    document = Document(io.BytesIO(docx))
    entries = contents_entries(document)
    sheets = _page_texts(pdf) if entries else None
    if not sheets:
        return None
    pages: dict[str, int] = {}
    cursor = 0
    for anchor, heading in entries:
        wanted = " ".join(heading.split())
        found = next(
            (n for n in range(cursor, len(sheets)) if wanted in sheets[n]),
            None,
        )
        if found is not None:
            pages[anchor], cursor = found + 1, found
    fill_contents_pages(document, pages)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_texts(pdf: bytes) -> list[set[str]] | None:
    """Each page's lines, whitespace made single; None without pdftotext."""
    reader = shutil.which("pdftotext")
    if reader is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
        source.write(pdf)
        source.flush()
        try:
            done = subprocess.run(
                [reader, "-layout", source.name, "-"], capture_output=True, timeout=60, check=True
            )
        except (subprocess.SubprocessError, OSError):
            return None
    text = done.stdout.decode("utf-8", "replace")
    # A heading is a line of its own; the contents' own lines end in dot leaders and a number.
    return [
        {" ".join(line.split()) for line in sheet.splitlines() if line.strip()}
        for sheet in text.split("\f")
    ]


def _convert(command: str, docx: bytes) -> bytes:
    with _TURN, tempfile.TemporaryDirectory(prefix="kernbrief-pdf-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(docx)
        try:
            subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={_PROFILE.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir",
                    work,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (subprocess.SubprocessError, OSError) as failure:
            raise PdfFailed(type(failure).__name__) from failure
        result = source.with_suffix(".pdf")
        if not result.exists():
            raise PdfFailed("no PDF written")
        return result.read_bytes()
