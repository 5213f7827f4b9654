"""What only a browser shows: logins, language, downloads and feedback, in real Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from core.settings import DEMO_PASSWORD
from tests.browser import LOTTE, Stored, log_in
from tests.test_typing import wait_for


def test_text_typed_in_a_field_survives_a_reload(
    app_server: str, new_page: Any, demo_url: str
) -> None:
    typed = "Getypt in de browser: de doortocht moet een verbinding worden.\nTweede regel ✓"
    page = new_page()
    log_in(page, app_server)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    page.goto(f"{app_server}/uitdaging")
    field = page.get_by_role("textbox", name="Probleemstelling")
    expect(field).to_be_visible(timeout=30_000)
    field.fill(typed)
    page.get_by_role("heading", name="Kerncijfers").click()
    # Other parts say "Bewaard om" already: the reload waits for the save itself.
    wait_for(lambda: Stored(demo_url).value("challenge.problem") == typed)
    page.reload()
    field = page.get_by_role("textbox", name="Probleemstelling")
    expect(field).to_have_value(typed, timeout=30_000)


def test_the_language_choice_survives_a_page_change(app_server: str, new_page: Any) -> None:
    page = new_page()
    log_in(page, app_server)
    page.goto(f"{app_server}/?taal=en")
    expect(page.locator("h1").first).to_have_text("My design brief", timeout=30_000)
    page.get_by_role("link", name="2 · Explore").first.click()
    expect(page.locator("h1").first).to_have_text("Step 2 · What if? Explore", timeout=15_000)


def test_the_word_document_downloads_in_the_browser(
    app_server: str, new_page: Any, tmp_path: Path
) -> None:
    import docx

    page = new_page(accept_downloads=True)
    log_in(page, app_server)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    page.goto(f"{app_server}/exporteren")
    page.get_by_role("button", name="Document maken").click()
    # The default: the collegenota with the design brief as its annex, in Word.
    download_button = page.get_by_role("button", name="Download Collegenota en designbrief Avelgem")
    expect(download_button).to_be_visible(timeout=30_000)
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename.startswith("Collegenota en designbrief Avelgem ")
    assert download.suggested_filename.endswith(".docx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    document = docx.Document(str(target))
    assert document.core_properties.title == "Collegenota Avelgem"
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Collegenota" and "Bijlage 1 bij de collegenota" in texts
    # Then the brief alone, as PDF.
    page.get_by_text("Alleen de designbrief", exact=True).click()
    page.get_by_text("PDF, om te versturen", exact=True).click()
    page.get_by_role("button", name="Document maken").click()
    pdf_button = page.get_by_role("button", name="Download Designbrief Avelgem")
    expect(pdf_button).to_be_visible(timeout=60_000)
    with page.expect_download() as info:
        pdf_button.click()
    assert info.value.suggested_filename.endswith(".pdf")
    pdf = tmp_path / "brief.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_login_survives_a_refresh_and_a_logout_leaves_nothing_behind(
    app_server: str, new_page: Any
) -> None:
    page = new_page()
    context = page.context
    page.goto(f"{app_server}/auth/login")
    page.get_by_label("E-mailadres").fill(LOTTE)
    page.get_by_label("Wachtwoord").fill("niet het wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("Aanmelden lukt niet")
    log_in(page, app_server)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    cookie = next(c for c in context.cookies() if c["name"] == "kernbrief_login")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("kernbrief_login") == -1
    page.reload()
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    second = context.new_page()
    second.goto(app_server)
    expect(second.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=15_000)
    page.go_back()
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)
    expect(page.get_by_text("Avelgem ligt langs de gewestweg")).to_have_count(0)
    second.reload()
    expect(second.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)


def test_another_site_cannot_log_a_user_out(app_server: str, new_page: Any) -> None:
    page = new_page()
    log_in(page, app_server)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    # A second origin, served by the test: a link, an image and a self-sending form that all
    # aim at the logout address.
    elsewhere = "http://elders.test/"
    page.context.route(
        f"{elsewhere}**",
        lambda route: route.fulfill(
            content_type="text/html",
            body=(
                f"<img src='{app_server}/auth/logout'>"
                f"<form id='forged' method='post' action='{app_server}/auth/logout'>"
                "<input name='csrf' value='geraden'></form>"
                f"<a href='{app_server}/auth/logout'>Lees meer</a>"
            ),
        ),
    )
    page.goto(elsewhere)
    page.get_by_role("link", name="Lees meer").click()
    expect(page.locator("h1").first).to_have_text("Afmelden bij Kernbrief", timeout=15_000)
    page.goto(elsewhere)
    page.evaluate("document.getElementById('forged').submit()")
    # Refused for its origin before the form's CSRF value is even looked at.
    expect(page.locator("body")).to_contain_text("komt van een andere website")
    page.goto(app_server)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    # The form that the logout address shows does log out, with one click.
    page.goto(f"{app_server}/auth/logout")
    page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("h1").first).to_have_text("Aanmelden bij Kernbrief", timeout=15_000)
    assert not [c for c in page.context.cookies() if c["name"] == "kernbrief_login"]
    page.goto(app_server)
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)


def test_editing_the_address_reaches_no_other_data(app_server: str, new_page: Any) -> None:
    page = new_page()
    log_in(page, app_server, "pieter.claes@gent.demo")
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    for address in ("/uitdaging?brief=24&brief_id=24", "/logboek", "/mensen", "/programma"):
        page.goto(f"{app_server}{address}")
        page.wait_for_timeout(1500)
        expect(page.get_by_text("Avelgem ligt langs de gewestweg")).to_have_count(0)
        expect(page.get_by_text("login_failed")).to_have_count(0)
        expect(page.get_by_text("lotte.vandenberghe@avelgem.demo")).to_have_count(0)


def test_an_invitee_confirms_the_address_sets_a_password_and_lands_in_the_brief(
    demo_url: str, new_page: Any, tmp_path: Path
) -> None:
    import email
    import email.policy
    import re

    from storage.accounts import AccountStore
    from storage.db import make_engine
    from storage.repository import SqlProgrammeStore
    from tests.browser import AppServer

    engine = make_engine(demo_url)
    accounts = AccountStore(engine)
    coach = accounts.principal_by_email("jonas.wouters@begeleiding.demo")
    assert coach is not None
    trajectory = next(t.id for t in SqlProgrammeStore(engine).trajectories() if t.number == 3)
    code = accounts.invite(coach, trajectory, "Avelgem")  # a colleague of the same municipality
    outbox = tmp_path / "outbox"
    server = AppServer(demo_url, tmp_path / "streamlit.log")
    server.env.update(
        KERNBRIEF_MAIL_BACKEND="outbox",
        KERNBRIEF_OUTBOX_DIR=str(outbox),
        KERNBRIEF_PUBLIC_URL=server.base,
    )
    base = server.start()
    try:
        page = new_page()
        page.goto(f"{base}/auth/invite?code={code}")
        page.get_by_label("E-mailadres").fill("collega@avelgem.demo")
        page.get_by_role("button", name="Stuur mij een code").click()
        expect(
            page.get_by_text("We hebben een code gestuurd naar collega@avelgem.demo")
        ).to_be_visible()
        [mailed] = list(outbox.glob("*.eml"))
        message = email.message_from_bytes(mailed.read_bytes(), policy=email.policy.default)
        assert message["To"] == "collega@avelgem.demo"
        body = message.get_body(("plain",))
        assert body is not None
        found = re.search(r"^(\d{4} \d{4})$", body.get_content(), re.MULTILINE)
        assert found
        page.get_by_label("Code uit de e-mail").fill(found.group(1))
        page.get_by_label("Naam").fill("Collega Avelgem")
        page.get_by_label("Nieuw wachtwoord (minstens 12 tekens)").fill("een goed wachtwoord")
        page.get_by_label("Nieuw wachtwoord, nog eens").fill("een goed wachtwoord")
        page.get_by_role("button", name="Account aanmaken").click()
        expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
        expect(page.get_by_text("Collega Avelgem (Avelgem)")).to_be_visible()
        page.goto(f"{base}/auth/invite?code={code}")
        expect(page.get_by_text("Deze link werd al gebruikt")).to_be_visible()
    finally:
        server.stop()


def test_a_coachs_feedback_reaches_the_participants_overview(
    app_server: str, new_page: Any
) -> None:
    coach = new_page(viewport={"width": 1400, "height": 1400})
    log_in(coach, app_server, "jonas.wouters@begeleiding.demo")
    expect(coach.locator("h1").first).to_have_text("Begeleiding", timeout=30_000)
    # The workspace opens on its overview: who is behind for the next session.
    expect(coach.get_by_text("Achter voor sessie 3")).to_be_visible(timeout=30_000)
    coach.get_by_role("tab", name="Review").click()
    expect(coach).to_have_url(re.compile(r"tab=review"))
    expect(coach.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=30_000
    )
    thread = coach.get_by_label("Je feedback")
    expect(thread).to_be_visible(timeout=30_000)
    thread.fill("Graag nog een kerncijfer over de oversteekplaatsen.")
    coach.get_by_role("heading", name="Een designbrief bekijken").click()
    coach.get_by_role("button", name="Versturen").click()
    # The thread shows it as text (the reply box may still hold it for a moment).
    sent = coach.get_by_test_id("stText").filter(
        has_text="Graag nog een kerncijfer over de oversteekplaatsen."
    )
    expect(sent).to_be_visible(timeout=15_000)
    expect(thread).to_have_value("", timeout=15_000)
    participant = new_page()
    log_in(participant, app_server)
    expect(participant.get_by_text("Nieuwe feedback: 1")).to_be_visible(timeout=30_000)


def test_another_site_cannot_frame_a_signed_in_page(app_server: str, new_page: Any) -> None:
    page = new_page()
    log_in(page, app_server)
    answer = page.request.get(f"{app_server}/overzicht")
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["content-security-policy"] == "frame-ancestors 'none'"
    # A page of another origin (here about:blank) puts the app in a frame: Chromium refuses.
    page.goto("about:blank")
    page.set_content(f"<iframe id='framed' src='{app_server}/overzicht'></iframe>")
    page.wait_for_timeout(3_000)
    framed = next(frame for frame in page.frames if frame != page.main_frame)
    assert not framed.url.startswith(app_server), framed.url
    assert "Mijn designbrief" not in framed.content()


def test_a_page_opened_before_logging_in_is_where_the_login_returns_in_the_same_tab(
    app_server: str, new_page: Any
) -> None:
    page = new_page()
    page.goto(f"{app_server}/stappenplan")
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)
    link = page.get_by_role("link", name="Aanmelden")
    expect(link).to_have_attribute("target", "_self", timeout=30_000)
    link.click()
    expect(page.locator("h1").first).to_have_text("Aanmelden bij Kernbrief", timeout=30_000)
    assert len(page.context.pages) == 1, "the login form opened in a new tab"
    page.get_by_label("E-mailadres").fill(LOTTE)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1").first).to_have_text(
        "Stap 4 · Stappenplan & verankering", timeout=30_000
    )
    # Only an address of this app is followed: another site's is dropped.
    page.goto(f"{app_server}/auth/login?volgende=https://example.org")
    expect(page.locator("form")).to_have_attribute("action", "/auth/login?taal=nl")
