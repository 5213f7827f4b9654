"""What only a browser shows: a field saves on blur and survives a page reload (real Chromium)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, missing
from tests.postgres import free_port

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        missing("Chromium (Debian package 'chromium')")
    return found


@pytest.fixture
def app_server(demo_url: str, tmp_path: Path) -> Iterator[str]:
    """Serve the app on a free port, on the seeded demo database."""
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": demo_url},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the app did not start: " + (tmp_path / "streamlit.log").read_text())
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_text_typed_in_a_field_survives_a_reload(app_server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    typed = "Getypt in de browser: de doortocht moet een verbinding worden.\nTweede regel ✓"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        # Streamlit shows a false "Page not found" on a fresh server's very first deep link
        # (streamlit/streamlit#9992), so the session starts on the main page.
        page.goto(f"{app_server}/?deelnemer=1")
        expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
        page.goto(f"{app_server}/uitdaging?deelnemer=1")
        field = page.get_by_role("textbox", name="Probleemstelling")
        expect(field).to_be_visible(timeout=30_000)
        field.fill(typed)
        page.get_by_role("heading", name="Kerncijfers").click()
        expect(page.get_by_text("Bewaard om").first).to_be_visible(timeout=15_000)
        page.reload()
        field = page.get_by_role("textbox", name="Probleemstelling")
        expect(field).to_have_value(typed, timeout=30_000)
        browser.close()


def test_the_language_choice_survives_a_page_change(app_server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{app_server}/?deelnemer=1&taal=en")
        expect(page.locator("h1").first).to_have_text("My design brief", timeout=30_000)
        page.get_by_role("link", name="2 · Explore").first.click()
        expect(page.locator("h1").first).to_have_text("Step 2 · What if? Explore", timeout=15_000)
        browser.close()


def test_the_word_document_downloads_in_the_browser(app_server: str, tmp_path: Path) -> None:
    import docx
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.goto(f"{app_server}/?deelnemer=1")
        expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
        page.goto(f"{app_server}/exporteren?deelnemer=1")
        page.get_by_role("button", name="Document maken").click()
        download_button = page.get_by_role("button", name="Download Designbrief Avelgem")
        expect(download_button).to_be_visible(timeout=30_000)
        with page.expect_download() as info:
            download_button.click()
        download = info.value
        assert download.suggested_filename.startswith("Designbrief Avelgem ")
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        browser.close()
    document = docx.Document(str(target))
    assert document.core_properties.title == "Designbrief Avelgem"
