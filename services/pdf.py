"""PDF from a Word document, by LibreOffice when the server has it installed."""

from __future__ import annotations

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
    """Return the PDF of a .docx; LibreOffice also fills in the table of contents' pages."""
    command = pdf_converter()
    if command is None:
        raise PdfFailed("LibreOffice is not installed")
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
