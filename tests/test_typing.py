"""Nothing a participant types is lost, tried as people work, in real Chromium on the real server.

Clicking another step while typing, closing the tab, a database that stops or locks, a server
that dies, typing fast in a table, a colleague saving the same table, restoring history, and
opening pages by their address.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from briefs.parts import Kind, parts_of_step
from storage import edit_access
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from tests.browser import (
    LOTTE,
    AppServer,
    Stored,
    log_in,
    open_section,
    open_step,
    part,
    post_json,
)
from tests.conftest import TEST_SECRET_KEY
from tests.postgres import PostgresMissing, running_postgres

STEP1 = ("uitdaging", "Stap 1 · Uitdaging helder benoemen")
STEP2_TITLE = "Stap 2 · Wat als? Verkennen"
STEP4 = ("stappenplan", "Stap 4 · Stappenplan & verankering")
SARA = "sara.peeters@hulshout.demo"
SAVED = re.compile(r"^Bewaard om \d\d:\d\d")
# The brief's own text parts of step 1 (a theme module's stand in tabs only some briefs have).
STEP1_TEXTS = [
    spec.key
    for spec in parts_of_step(1)
    if spec.kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT) and spec.theme is None
]


def step_page(page: Page, base: str, step: tuple[str, str], email: str = LOTTE) -> Page:
    """Log in through the form and open a step by its address."""
    log_in(page, base, email)
    open_step(page, base, *step)
    return page


def hold_write_lock(database: str, seconds: int = 120) -> subprocess.Popen[str]:
    """Hold SQLite's write lock from another process until released (at most ``seconds``).

    Released by the test (``release``), not after a fixed time: on a busy machine the save
    must still be tried while the lock is held, however long typing took.
    """
    locker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import select, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True)\n"
            "select.select([sys.stdin], [], [], float(sys.argv[2])); c.execute('COMMIT')",
            database,
            str(seconds),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    return locker


def release(locker: subprocess.Popen[str]) -> None:
    """Let the database go: the process commits its empty transaction and ends."""
    assert locker.stdin is not None
    locker.stdin.write("\n")
    locker.stdin.flush()
    locker.wait(timeout=30)


def field(page: Page, key: str) -> Any:
    return part(page, key).get_by_role("textbox").first


def status(page: Page, key: str) -> Any:
    return part(page, key).get_by_role("status")


def type_at_end(page: Page, key: str, text: str, delay: float = 0) -> None:
    box = field(page, key)
    box.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text, delay=delay)


def leave_field(page: Page) -> None:
    """Click on empty page space, as people do to 'get out of' a field."""
    page.locator("h1").first.click()


def wait_for(condition: Any, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def test_clicking_another_step_while_typing_keeps_every_field(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    before, revisions = stored.values(), stored.revisions()
    page = step_page(new_page(), app_server, STEP1)
    type_at_end(page, "challenge.problem", " En de bus stopt er niet.")
    # Straight to the sidebar, without leaving the field first.
    page.get_by_role("link", name="2 · Verkennen").first.click()
    expect(page.locator("h1").first).to_have_text(STEP2_TITLE, timeout=30_000)
    page.wait_for_timeout(2000)
    expect(page.locator("h1").first).to_have_text(STEP2_TITLE)
    page.get_by_role("link", name="1 · Uitdaging").first.click()
    expect(page.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
    problem = before["challenge.problem"] + " En de bus stopt er niet."
    expect(field(page, "challenge.problem")).to_have_value(problem, timeout=15_000)
    for key in STEP1_TEXTS:
        if key != "challenge.problem":
            open_section(page, key)
            expect(field(page, key)).to_have_value(before[key])
    open_section(page, "challenge.goal")
    type_at_end(page, "challenge.goal", " Vlot.")
    leave_field(page)
    expect(status(page, "challenge.goal")).to_have_text(SAVED, timeout=15_000)
    after = stored.values()
    assert {key for key in after if after[key] != before.get(key)} == {
        "challenge.problem",
        "challenge.goal",
    }
    assert after["challenge.problem"] == problem
    assert after["challenge.goal"] == before["challenge.goal"] + " Vlot."
    assert stored.revisions() == revisions + 2


def test_clicking_another_section_while_typing_keeps_the_text_and_empties_nothing(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    before, revisions = stored.values(), stored.revisions()
    page = step_page(new_page(), app_server, STEP1)
    type_at_end(page, "challenge.problem", " Getypt vlak voor een ander tabblad.")
    # Straight to another section's tab, the cursor still in the field.
    page.get_by_role("tab", name="Scope en doel", exact=True).click()
    expect(part(page, "challenge.goal")).to_be_visible(timeout=30_000)
    problem = before["challenge.problem"] + " Getypt vlak voor een ander tabblad."
    wait_for(lambda: stored.value("challenge.problem") == problem)
    open_section(page, "challenge.problem")
    expect(field(page, "challenge.problem")).to_have_value(problem)
    page.wait_for_timeout(1500)
    after = stored.values()
    assert {key for key in after if after[key] != before.get(key)} == {"challenge.problem"}
    assert stored.revisions() == revisions + 1


def test_moving_through_fields_without_typing_saves_nothing(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    """An empty brief, every field entered and left by keyboard and mouse: no revision at all."""
    stored = Stored(demo_url, "Hulshout")
    page = step_page(new_page(), app_server, STEP1, SARA)
    field(page, "challenge.context").focus()
    for _press in range(60):
        page.keyboard.press("Tab")
    for key in ("challenge.support_mat", "challenge.question", "challenge.goal"):
        open_section(page, key).locator("select, textarea, input").first.click()
        leave_field(page)
    page.get_by_role("link", name="2 · Verkennen").first.click()
    expect(page.locator("h1").first).to_have_text(STEP2_TITLE, timeout=30_000)
    page.get_by_role("link", name="1 · Uitdaging").first.click()
    expect(page.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
    page.wait_for_timeout(3000)
    assert stored.revisions() == 0
    assert stored.values() == {}


def test_closing_the_tab_while_typing_keeps_the_paragraph(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    before = stored.value("roadmap.summary")
    page = step_page(new_page(), app_server, STEP4)
    open_section(page, "roadmap.summary")
    paragraph = "\nTot slot: de raad beslist in maart, de werken starten in september."
    type_at_end(page, "roadmap.summary", paragraph)
    page.close(run_before_unload=True)
    wait_for(lambda: stored.value("roadmap.summary") == before + paragraph)


def test_typing_without_a_pause_saves_once_after_the_pause(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP1)
    open_section(page, "challenge.scope_out")
    revisions = stored.revisions()
    type_at_end(page, "challenge.scope_out", " Ook de markt valt erbuiten.", delay=150)
    assert stored.revisions() == revisions, "no save while typing without a pause"
    expect(status(page, "challenge.scope_out")).to_have_text(SAVED, timeout=15_000)
    page.wait_for_timeout(1500)
    assert stored.revisions() == revisions + 1
    assert stored.value("challenge.scope_out").endswith("Ook de markt valt erbuiten.")


def test_three_rows_typed_quickly_are_all_stored_and_no_blank_row(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP1)
    threats = open_section(page, "challenge.swot_threats")
    threats.get_by_role("button", name="+ Rij toevoegen").click()
    for index, item in enumerate(("Retailparken buiten de kern", "Stijgende huren", "Verkeer")):
        page.keyboard.type(item, delay=20)
        if index < 2:
            page.keyboard.press("Enter")
    leave_field(page)
    expect(threats.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    assert [row["text"] for row in stored.value("challenge.swot_threats")] == [
        "Retailparken buiten de kern",
        "Stijgende huren",
        "Verkeer",
    ]
    # A table with several columns: Tab to the next cell, Enter to a new row.
    figures = open_section(page, "challenge.key_figures")
    count = len(stored.value("challenge.key_figures"))
    figures.get_by_role("button", name="+ Rij toevoegen").click()
    for cells in (("Leegstaande panden", "52", "panden", "2023", "Register"), ("Huur", "125,50")):
        for position, cell in enumerate(cells):
            page.keyboard.type(cell)
            if position < len(cells) - 1:
                page.keyboard.press("Tab")
        if cells[0] != "Huur":
            page.keyboard.press("Enter")
    figures.get_by_role("button", name="+ Rij toevoegen").click()  # an empty row, left empty
    leave_field(page)
    expect(figures.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    rows = stored.value("challenge.key_figures")
    assert len(rows) == count + 2
    assert (rows[-2]["indicator"], rows[-2]["value"], rows[-2]["year"]) == (
        "Leegstaande panden",
        52.0,
        2023,
    )
    assert (rows[-1]["indicator"], rows[-1]["value"]) == ("Huur", 125.5)


def test_rows_edited_during_a_conflict_are_kept_by_keep_mine(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP4)
    risks = open_section(page, "roadmap.risks")
    expect(risks.get_by_role("textbox").first).to_be_visible(timeout=15_000)
    # Sara changes the same row the user is about to change: that is a real conflict.
    current = stored.briefs.load(stored.brief_id).part("roadmap.risks")
    theirs = [dict(row) for row in current.value]
    theirs[0]["mitigation"] = "Maatregel van Sara"
    stored.briefs.save_part(stored.brief_id, "roadmap.risks", theirs, current.version, "Sara <s>")
    first = risks.get_by_role("textbox", name="Maatregel, rij 1")
    first.fill("Mijn maatregel één")
    expect(risks.get_by_text("Niets is overschreven")).to_be_visible(timeout=15_000)
    assert stored.value("roadmap.risks")[0]["mitigation"] == "Maatregel van Sara"
    risks.get_by_role("textbox", name="Maatregel, rij 2").fill("Mijn maatregel twee")
    page.wait_for_timeout(1500)
    assert stored.value("roadmap.risks")[0]["mitigation"] == "Maatregel van Sara", "not saved yet"
    risks.get_by_role("button", name="Mijn versie bewaren").click()
    expect(risks.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    saved = stored.value("roadmap.risks")
    assert saved[0]["mitigation"] == "Mijn maatregel één"
    assert saved[1]["mitigation"] == "Mijn maatregel twee"


def test_a_part_and_a_step_can_be_restored_from_history(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url, "Hulshout")
    page = step_page(new_page(), app_server, STEP1, SARA)
    for text in ("Eerste probleemstelling.", "Tweede probleemstelling."):
        field(page, "challenge.problem").fill(text)
        leave_field(page)
        expect(status(page, "challenge.problem")).to_have_text(SAVED, timeout=15_000)
        page.wait_for_timeout(300)
    problem = part(page, "challenge.problem")
    problem.get_by_role("button", name="Geschiedenis").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("Versie 2 · ")).to_be_visible(timeout=15_000)
    dialog.get_by_role("button", name="Deze versie terugzetten").click()  # only version 1 offers it
    expect(field(page, "challenge.problem")).to_have_value(
        "Eerste probleemstelling.", timeout=15_000
    )
    history = stored.briefs.revisions(stored.brief_id, "challenge.problem")
    assert [revision.value for revision in history] == [
        "Eerste probleemstelling.",
        "Tweede probleemstelling.",
        "Eerste probleemstelling.",
    ]
    # The whole step back to an earlier moment: both parts return together. Saves less than
    # two seconds apart are one moment, so the moments here are kept further apart.
    page.wait_for_timeout(2500)
    open_section(page, "challenge.goal")
    field(page, "challenge.goal").fill("Doel na de probleemstelling.")
    leave_field(page)
    expect(status(page, "challenge.goal")).to_have_text(SAVED, timeout=15_000)
    page.wait_for_timeout(2500)
    open_section(page, "challenge.problem")
    field(page, "challenge.problem").fill("Derde probleemstelling.")
    leave_field(page)
    expect(status(page, "challenge.problem")).to_have_text(SAVED, timeout=15_000)
    open_section(page, "challenge.goal")
    field(page, "challenge.goal").fill("Ander doel.")
    leave_field(page)
    expect(status(page, "challenge.goal")).to_have_text(SAVED, timeout=15_000)
    page.get_by_role("button", name="Geschiedenis van deze stap").click()
    dialog = page.get_by_role("dialog")
    moment = dialog.get_by_role("combobox")
    expect(moment).to_have_value(re.compile(r" · Doel · Sara Peeters$"), timeout=15_000)
    expect(dialog.get_by_text("Probleemstelling", exact=True)).to_be_visible()
    dialog.get_by_role("button", name="Stap terugzetten naar dit moment").click()
    goal = "Doel na de probleemstelling."
    expect(field(page, "challenge.goal")).to_have_value(goal, timeout=15_000)
    open_section(page, "challenge.problem")
    expect(field(page, "challenge.problem")).to_have_value("Eerste probleemstelling.")
    assert stored.value("challenge.problem") == "Eerste probleemstelling."
    assert stored.value("challenge.goal") == "Doel na de probleemstelling."


def test_a_coach_sees_the_history_but_cannot_restore(app_server: str, new_page: Any) -> None:
    page = new_page(viewport={"width": 1400, "height": 1400})
    log_in(page, app_server, "jonas.wouters@begeleiding.demo")
    expect(page.locator("h1").first).to_have_text("Begeleiding", timeout=30_000)
    page.get_by_role("tab", name="Review").click()
    # The tab's content is drawn by the rerun the click asks for: wait until it is done, or
    # the click below may land on a button that is being replaced.
    expect(page.get_by_role("heading", name="Een designbrief bekijken")).to_be_visible()
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=30_000
    )
    page.get_by_role("button", name="Geschiedenis", exact=True).first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("Versie 1 · ")).to_be_visible(timeout=15_000)
    expect(dialog.get_by_text("alleen de gemeente zelf kan een versie terugzetten")).to_be_visible()
    expect(dialog.get_by_role("button", name="Deze versie terugzetten")).to_have_count(0)


def test_a_write_lock_longer_than_the_busy_timeout_empties_nothing(
    demo_url: str, new_page: Any, tmp_path: Path
) -> None:
    server = AppServer(demo_url, tmp_path / "streamlit.log", KERNBRIEF_DB_TIMEOUT="2")
    base = server.start()
    stored = Stored(demo_url)
    try:
        page = step_page(new_page(), base, STEP1)
        before = stored.values()
        database = demo_url.removeprefix("sqlite:///")
        open_section(page, "challenge.question")
        locker = hold_write_lock(database)
        type_at_end(page, "challenge.question", " Samen met de handelaars.")
        leave_field(page)
        alert = part(page, "challenge.question").get_by_role("alert")
        expect(alert).to_contain_text("de databank is even niet bereikbaar", timeout=15_000)
        page.get_by_role("link", name="2 · Verkennen").first.click()
        expect(page.locator("h1").first).to_have_text(STEP2_TITLE, timeout=30_000)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        page.get_by_role("link", name="1 · Uitdaging").first.click()
        expect(page.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
        open_section(page, "challenge.question")
        question = before["challenge.question"] + " Samen met de handelaars."
        expect(field(page, "challenge.question")).to_have_value(question, timeout=15_000)
        release(locker)
        expect(status(page, "challenge.question")).to_have_text(SAVED, timeout=45_000)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        after = stored.values()
        assert {key for key in after if after[key] != before[key]} == {"challenge.question"}
        assert after["challenge.question"] == question
        check = sqlite3.connect(database)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
    finally:
        server.stop()


def test_postgresql_stopping_and_starting_again_changes_only_what_was_edited(
    new_page: Any, tmp_path: Path
) -> None:
    try:
        outage = running_postgres("kernbrief_outage")
        postgres = outage.__enter__()
    except PostgresMissing:
        from tests.conftest import missing

        missing("PostgreSQL (initdb, pg_ctl)")
        return
    try:
        url = postgres.url("kernbrief_outage")
        engine = make_engine(url)
        upgrade(engine)
        seed_demo(engine, date.today(), demo_accounts=False)
        engine.dispose()
        server = AppServer(url, tmp_path / "streamlit.log", KERNBRIEF_DB_TIMEOUT="3")
        base = server.start()
        stored = Stored(url)
        try:
            page = new_page()
            log_in(page, base)
            open_step(page, base, *STEP1)
            open_section(page, "challenge.scope_in")
            before = stored.values()
            stored.dispose()
            postgres.stop()
            type_at_end(page, "challenge.scope_in", " Ook het stationsplein.")
            leave_field(page)
            alert = part(page, "challenge.scope_in").get_by_role("alert")
            expect(alert).to_contain_text("niet bereikbaar", timeout=20_000)
            expect(field(page, "challenge.scope_in")).to_have_value(
                before["challenge.scope_in"] + " Ook het stationsplein."
            )
            page.get_by_role("link", name="2 · Verkennen").first.click()
            expect(page.get_by_text("zoals hij het laatst geladen werd")).to_be_visible(
                timeout=30_000
            )
            expect(page.get_by_test_id("stException")).to_have_count(0)
            postgres.start()
            page.get_by_role("link", name="1 · Uitdaging").first.click()
            expect(page.locator("h1").first).to_have_text(STEP1[1], timeout=30_000)
            open_section(page, "challenge.scope_in")
            expect(status(page, "challenge.scope_in")).to_have_text(SAVED, timeout=60_000)
            type_at_end(page, "challenge.means", " En meer groen.")
            leave_field(page)
            expect(status(page, "challenge.means")).to_have_text(SAVED, timeout=20_000)
            after = stored.values()
            assert {key for key in after if after[key] != before[key]} == {
                "challenge.scope_in",
                "challenge.means",
            }
            assert after["challenge.scope_in"] == before["challenge.scope_in"] + (
                " Ook het stationsplein."
            )
            for key in STEP1_TEXTS:
                assert after[key], f"{key} was emptied"
        finally:
            server.stop()
            stored.dispose()
    finally:
        outage.__exit__(None, None, None)


def test_a_server_killed_while_typing_never_claims_the_text_was_saved(
    demo_url: str, new_page: Any, tmp_path: Path
) -> None:
    server = AppServer(demo_url, tmp_path / "streamlit.log")
    base = server.start()
    stored = Stored(demo_url)
    try:
        page = step_page(new_page(), base, STEP1)
        before = stored.value("challenge.context")
        type_at_end(page, "challenge.context", " Getypt vlak voor de crash.")
        server.kill()
        page.wait_for_timeout(2500)
        expect(status(page, "challenge.context")).not_to_have_text(SAVED)
        assert stored.value("challenge.context") == before
        server.start()
        page.wait_for_timeout(3000)
        expect(status(page, "challenge.context")).to_have_text(SAVED, timeout=60_000)
        assert stored.value("challenge.context") == before + " Getypt vlak voor de crash."
    finally:
        server.stop()


def test_every_confirmed_save_survives_a_killed_server(demo_url: str, tmp_path: Path) -> None:
    server = AppServer(demo_url, tmp_path / "streamlit.log")
    base = server.start()
    stored = Stored(demo_url)
    engine = make_engine(demo_url)
    accounts = AccountStore(engine)
    principal = accounts.principal_by_email(LOTTE)
    assert principal is not None
    token = edit_access.issue(
        principal, accounts.start_login_session(principal.person_id), TEST_SECRET_KEY.encode()
    )
    confirmed: list[tuple[int, str]] = []
    stop = threading.Event()

    def burst() -> None:
        version = stored.briefs.load(stored.brief_id).part("challenge.problem").version
        number = 0
        while not stop.is_set():
            number += 1
            text = f"Versie {number} van de probleemstelling."
            payload = {
                "brief": stored.brief_id,
                "part": "challenge.problem",
                "value": text,
                "base": version,
                "token": token,
            }
            try:
                code, answer = post_json(base, "/api/part", payload)
            except OSError:
                return
            if code == 200:
                version = answer["version"]
                confirmed.append((version, text))

    writer = threading.Thread(target=burst)
    writer.start()
    try:
        wait_for(lambda: len(confirmed) >= 30, timeout=60)
        server.kill()
        stop.set()
        writer.join(timeout=30)
        server.start()
        kept = {
            r.version: r.value
            for r in stored.briefs.revisions(stored.brief_id, "challenge.problem")
        }
        assert all(kept.get(version) == text for version, text in confirmed)
        last_version, last_text = confirmed[-1]
        current = stored.briefs.load(stored.brief_id).part("challenge.problem")
        assert current.version >= last_version
        if current.version == last_version:
            assert current.value == last_text
    finally:
        stop.set()
        server.stop()
        engine.dispose()


ADDRESSES = {
    None: {"uitdaging": "Welkom bij Kernbrief", "overzicht": "Welkom bij Kernbrief"},
    LOTTE: {
        "overzicht": "Mijn designbrief",
        "uitdaging": STEP1[1],
        "verkennen": STEP2_TITLE,
        "testen": "Stap 3 · Vertalen & testen",
        "stappenplan": STEP4[1],
        "exporteren": "Collegenota en designbrief exporteren",
        "account": "Mijn account",
        "begeleiding": "Niet beschikbaar",
        "aanmelden": "Mijn designbrief",
        "bestaat-niet": "Pagina niet gevonden",
        "uitdaging/extra": "Pagina niet gevonden",
        "auth/onzin": "Pagina niet gevonden",
    },
    "jonas.wouters@begeleiding.demo": {
        "begeleiding": "Begeleiding",
        "account": "Mijn account",
        "uitdaging": "Niet beschikbaar",
    },
    "els.maes@programma.demo": {
        "programma": "Programma",
        "begeleiding": "Begeleiding",
        "mensen": "Mensen en rollen",
        "logboek": "Logboek",
    },
}


def test_no_address_of_any_role_says_page_not_found_in_english(
    demo_url: str, new_page: Any, tmp_path: Path
) -> None:
    # A fresh server, reached first by a deep link: the case Streamlit gets wrong by itself.
    server = AppServer(demo_url, tmp_path / "streamlit.log")
    base = server.start()
    try:
        for who, addresses in ADDRESSES.items():
            page = new_page()
            if who is not None:
                log_in(page, base, who)
            for address, title in addresses.items():
                page.goto(f"{base}/{address}")
                expect(page.locator("h1").first).to_have_text(title, timeout=30_000)
                page.wait_for_timeout(500)
                expect(page.get_by_text("does not seem to exist")).to_have_count(0)
                expect(page.get_by_text("Page not found", exact=True)).to_have_count(0)
    finally:
        server.stop()


def test_a_keyboard_alone_reaches_types_in_and_saves_a_field(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP1)
    field(page, "challenge.context").focus()
    problem = field(page, "challenge.problem")
    for _press in range(8):
        if problem.evaluate("el => el.getRootNode().activeElement === el"):
            break
        page.keyboard.press("Tab")
    assert problem.evaluate("el => el.getRootNode().activeElement === el"), "Tab reaches it"
    page.keyboard.press("Control+End")
    page.keyboard.type(" Met het toetsenbord.")
    page.keyboard.press("Tab")
    expect(status(page, "challenge.problem")).to_have_text(SAVED, timeout=15_000)
    assert stored.value("challenge.problem").endswith(" Met het toetsenbord.")


def test_one_wrong_cell_never_keeps_the_rest_of_the_table_from_being_saved(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP1)
    figures = part(page, "challenge.key_figures")
    count = len(stored.value("challenge.key_figures"))
    figures.get_by_role("button", name="+ Rij toevoegen").click()
    for cell in ("Leegstaande winkelpanden", "48", "panden", "2023", "Leegstandsregister"):
        page.keyboard.type(cell)
        page.keyboard.press("Tab")
    figures.get_by_role("button", name="+ Rij toevoegen").click()
    for cell in ("Bezettingsgraad", "ca. 90%", "procent"):
        page.keyboard.type(cell)
        page.keyboard.press("Tab")
    alert = figures.get_by_role("alert")
    expect(alert).to_contain_text(f"rij {count + 2}, kolom ‘Waarde’: dit is geen getal")
    expect(figures.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    rows = stored.value("challenge.key_figures")
    assert (rows[-2]["indicator"], rows[-2]["value"]) == ("Leegstaande winkelpanden", 48.0)
    assert (rows[-1]["indicator"], rows[-1]["value"], rows[-1]["unit"]) == (
        "Bezettingsgraad",
        None,
        "procent",
    )
    expect(figures.get_by_role("textbox", name=f"Waarde, rij {count + 2}")).to_have_value("ca. 90%")
    # Closing now would lose the cell that could not be saved: the browser asks first.
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()


def test_a_save_waiting_for_the_database_goes_through_after_leaving_the_step(
    demo_url: str, new_page: Any, tmp_path: Path
) -> None:
    server = AppServer(demo_url, tmp_path / "streamlit.log", KERNBRIEF_DB_TIMEOUT="2")
    base = server.start()
    stored = Stored(demo_url)
    try:
        page = step_page(new_page(), base, STEP1)
        open_section(page, "challenge.scope_out")
        before = stored.value("challenge.scope_out")
        database = demo_url.removeprefix("sqlite:///")
        locker = hold_write_lock(database)
        type_at_end(page, "challenge.scope_out", " Ook de parkings.")
        leave_field(page)
        alert = part(page, "challenge.scope_out").get_by_role("alert")
        expect(alert).to_contain_text("niet bereikbaar", timeout=15_000)
        page.get_by_role("link", name="2 · Verkennen").first.click()
        expect(page.locator("h1").first).to_have_text(STEP2_TITLE, timeout=30_000)
        release(locker)
        wait_for(lambda: stored.value("challenge.scope_out") == before + " Ook de parkings.", 60)
    finally:
        server.stop()


def test_two_tabs_editing_different_rows_of_a_table_are_merged(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    first = step_page(new_page(), app_server, STEP4)
    second = step_page(new_page(), app_server, STEP4)
    risks_first = open_section(first, "roadmap.risks")
    risks_second = open_section(second, "roadmap.risks")
    risks_first.get_by_role("button", name="+ Rij toevoegen").click()
    first.keyboard.type("Risico uit het eerste tabblad")
    leave_field(first)
    expect(risks_first.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    risks_second.get_by_role("textbox", name="Maatregel, rij 1").fill("Maatregel uit het tweede")
    leave_field(second)
    expect(risks_second.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    expect(risks_second.get_by_text("Niets is overschreven")).to_have_count(0)
    expect(
        risks_second.get_by_role("textbox", name=re.compile(r"^Risico, rij \d+$")).last
    ).to_have_value("Risico uit het eerste tabblad")
    rows = stored.value("roadmap.risks")
    assert rows[0]["mitigation"] == "Maatregel uit het tweede"
    assert rows[-1]["risk"] == "Risico uit het eerste tabblad"


def focused_label(page: Page) -> str:
    return str(
        page.evaluate(
            """() => {
              let node = document.activeElement;
              while (node && node.shadowRoot && node.shadowRoot.activeElement) {
                node = node.shadowRoot.activeElement;
              }
              return node ? node.getAttribute("aria-label") || node.tagName : "";
            }"""
        )
    )


def test_keyboard_moves_and_removals_keep_the_focus_in_the_table(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP1)
    strengths = open_section(page, "challenge.swot_strengths")
    before = [row["text"] for row in stored.value("challenge.swot_strengths")]
    strengths.get_by_role("button", name="Rij 2 omhoog").focus()
    page.keyboard.press("Enter")
    assert focused_label(page) == "Rij 1 omlaag", "the arrow at the top is disabled, focus stays"
    strengths.get_by_role("button", name="Rij 1 verwijderen").focus()
    page.keyboard.press("Enter")
    assert focused_label(page).startswith("Tekst, "), "focus goes to a cell, not a delete button"
    page.keyboard.press("Tab")
    expect(strengths.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    assert [row["text"] for row in stored.value("challenge.swot_strengths")] == before[:1] + before[
        2:
    ]


def test_a_refused_cell_keeps_what_was_stored_and_what_was_typed(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP4)
    actions = part(page, "roadmap.actions")
    before = stored.value("roadmap.actions")
    budget = actions.get_by_role("textbox", name="Budget (€), Actie 1", exact=True)
    expect(budget).to_have_value("25.000,00", timeout=15_000)
    budget.fill("1.250,505")
    actions.get_by_role("textbox", name="Trekker, Actie 1", exact=True).fill("Dienst ruimte")
    page.keyboard.press("Tab")
    expect(actions.get_by_role("alert")).to_contain_text(
        "rij 1, kolom ‘Budget (€)’: gebruik hoogstens twee cijfers na de komma"
    )
    expect(actions.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    saved = stored.value("roadmap.actions")
    assert saved[0]["owner"] == "Dienst ruimte", "the rest of the row is saved"
    assert saved[0]["budget"] == before[0]["budget"] == "25000.00", "the stored amount stays"
    page.once("dialog", lambda dialog: dialog.accept())
    page.reload()
    expect(
        part(page, "roadmap.actions").get_by_role("textbox", name="Budget (€), Actie 1", exact=True)
    ).to_have_value("1.250,505", timeout=30_000)


def test_numbers_typed_the_flemish_way_are_read_right_in_english_too(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    stored = Stored(demo_url)
    page = new_page()
    log_in(page, app_server)
    page.goto(f"{app_server}/uitdaging?taal=en")
    expect(page.locator("h1").first).to_have_text("Step 1 · Name the challenge", timeout=30_000)
    figures = part(page, "challenge.key_figures")
    count = len(stored.value("challenge.key_figures"))
    figures.get_by_role("button", name="+ Add a row").click()
    for cell in ("Bezetting", "12,5", "procent", "1850"):
        page.keyboard.type(cell)
        page.keyboard.press("Tab")
    figures.get_by_role("button", name="+ Add a row").click()
    for cell in ("Panden", "1.250"):
        page.keyboard.type(cell)
        page.keyboard.press("Tab")
    alert = figures.get_by_role("alert")
    expect(alert).to_contain_text(f"row {count + 1}, column ‘Year’: may not be below 1900")
    expect(alert).to_contain_text(f"row {count + 2}, column ‘Value’: this could be a thousand")
    expect(figures.get_by_role("status")).to_have_text(re.compile("^Saved at"), timeout=15_000)
    rows = stored.value("challenge.key_figures")
    assert (rows[-2]["indicator"], rows[-2]["value"], rows[-2]["year"]) == ("Bezetting", 12.5, None)
    assert (rows[-1]["indicator"], rows[-1]["value"]) == ("Panden", None)


def test_a_sketch_keeps_the_caption_typed_just_before_the_file_was_dropped(
    app_server: str, new_page: Any, demo_url: str, tmp_path: Path
) -> None:
    from PIL import Image

    stored = Stored(demo_url, "Hulshout")
    picture = tmp_path / "schets.png"
    Image.new("RGB", (120, 80), (20, 120, 200)).save(picture)
    step3 = ("testen?deel=schetsen", "Stap 3 · Vertalen & testen")
    page = step_page(new_page(), app_server, step3, SARA)
    caption = page.get_by_label(re.compile("^Bijschrift"))
    caption.fill("Plan van de doorsteek")
    page.wait_for_timeout(600)
    page.locator("input[type=file]").set_input_files(str(picture))
    wait_for(lambda: len(stored.value("prototype.sketches")) == 1, timeout=30)
    assert stored.value("prototype.sketches")[0]["caption"] == "Plan van de doorsteek"


def test_typing_in_the_actions_while_a_renamed_objective_redraws_them_keeps_focus_and_text(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    """Renaming an objective changes the choices of the actions' objective column, and the
    table is built anew around the cell being typed in: the cursor stays in that cell."""
    stored = Stored(demo_url)
    page = step_page(new_page(), app_server, STEP4)
    objectives = part(page, "roadmap.objectives")
    actions = part(page, "roadmap.actions")
    before = stored.value("roadmap.actions")
    objectives.get_by_role("textbox", name="Titel, Doelstelling 1", exact=True).fill(
        "Een hernoemde doelstelling"
    )
    # Straight from the objective into the second action's title, as people do: leaving the
    # objectives saves them, and the redrawn actions arrive while the user types.
    title = actions.get_by_role("textbox", name="Titel, Actie 2", exact=True)
    title.click()
    page.keyboard.press("End")
    page.keyboard.type(" eerst", delay=30)
    choice = actions.get_by_role("combobox", name="Doelstelling, Actie 1", exact=True)
    expect(choice.locator("option", has_text="Een hernoemde doelstelling")).to_have_count(1)
    page.keyboard.type(" en dan", delay=30)
    assert focused_label(page) == "Titel, Actie 2"
    expect(title).to_have_value(before[1]["title"] + " eerst en dan")
    page.keyboard.press("Tab")
    page.keyboard.type("Dienst lokale economie")
    leave_field(page)
    expect(actions.get_by_role("status")).to_have_text(SAVED, timeout=15_000)
    saved = stored.value("roadmap.actions")
    assert saved[0]["title"] == before[0]["title"], "the first action is untouched"
    assert saved[1]["title"] == before[1]["title"] + " eerst en dan"
    assert saved[1]["owner"] == "Dienst lokale economie"


def test_an_objective_renamed_then_left_for_an_action_or_empty_space_shows_in_the_actions(
    app_server: str, new_page: Any
) -> None:
    """Leaving the objectives for another part, or for empty page space, redraws the actions'
    choice of objective: the user can pick the new name without typing anything else."""
    page = step_page(new_page(), app_server, STEP4)
    objectives = part(page, "roadmap.objectives")
    actions = part(page, "roadmap.actions")
    choice = actions.get_by_role("combobox", name="Doelstelling, Actie 1", exact=True)
    for name, leave in (
        ("Eerst hernoemd", lambda: actions.get_by_role("textbox", name="Trekker, Actie 3").click()),
        ("Dan nog eens hernoemd", lambda: leave_field(page)),
    ):
        objectives.get_by_role("textbox", name="Titel, Doelstelling 1", exact=True).fill(name)
        leave()
        expect(choice.locator("option", has_text=name)).to_have_count(1, timeout=15_000)
