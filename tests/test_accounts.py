"""Accounts on SQLite and PostgreSQL: login, throttling, sessions, invitations, resets, audit."""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from sqlalchemy import Engine, select, update

from briefs.access import Principal, Role
from briefs.export.brief_doc import ExportOptions
from briefs.i18n import Translator
from core import security
from core.security import sign, unsign
from core.settings import DEMO_PASSWORD, ConfigurationError, settings
from manage import main as manage_main
from services.accounts import accept_invitation, change_password, reset_password
from services.exports import export_brief, export_cohort
from services.operator import OPERATOR, operator_store
from storage.accounts import (
    LOCK_AFTER,
    LOCK_FOR,
    AccountRefused,
    AccountStore,
    CodeRefused,
    LoginRefused,
)
from storage.audit import AuditLog
from storage.email_checks import EmailChecks
from storage.invitations import InvitationStore
from storage.logins import CLIENT_SLOW_AFTER, MAX_DELAY_SECONDS, THROTTLE_WINDOW
from storage.repository import NotFound, SqlProgrammeStore
from storage.tables import LoginThrottleRow, PersonRow
from tests.conftest import Clock, person

LOTTE = "lotte.vandenberghe@avelgem.demo"
COACH = "jonas.wouters@begeleiding.demo"
ADMIN = "els.maes@programma.demo"


def accept(accounts: AccountStore, code: str, name: str, email: str, password: str) -> int:
    """Accept an invitation as the invite route does, on the test's clock; one without an
    address with the code that would have been mailed to ``email``."""
    email_code = ""
    invitations = InvitationStore(accounts.engine, accounts.clock)
    try:
        row = invitations.usable(code, "invitation")
    except CodeRefused:
        row = None  # accept_invitation says why
    if row is not None and not row.email:
        email_code = EmailChecks(accounts.engine, accounts.clock).issue(row.id, email)
    return accept_invitation(
        accounts.engine, code, name, email, password, clock=accounts.clock, email_code=email_code
    )


def reset(accounts: AccountStore, code: str, password: str) -> int:
    return reset_password(accounts.engine, code, password, clock=accounts.clock)


def change(accounts: AccountStore, who: Principal, current: str, new: str) -> None:
    """Change a password as the account page does, from no login of this store's own."""
    change_password(accounts.engine, who, current, new, None, clock=accounts.clock)


def trajectory_id(engine: Engine, number: int) -> int:
    return next(t.id for t in SqlProgrammeStore(engine).trajectories() if t.number == number)


def actions(accounts: AccountStore) -> list[str]:
    return [entry.action for entry in accounts.audit_log(person(accounts, ADMIN))]


def test_a_demo_participant_logs_in_and_a_wrong_password_is_refused(accounts: AccountStore) -> None:
    principal = accounts.authenticate(LOTTE.upper(), DEMO_PASSWORD, "10.0.0.1")
    assert principal.role is Role.PARTICIPANT and principal.municipality == "Avelgem"
    with pytest.raises(LoginRefused):
        accounts.authenticate(LOTTE, "not the password", "10.0.0.1")
    with pytest.raises(LoginRefused):
        accounts.authenticate("nobody@nowhere.demo", DEMO_PASSWORD, "10.0.0.1")
    assert actions(accounts)[:3] == ["login_failed", "login_failed", "login"]


def fail_times(accounts: AccountStore, email: str, client: str, times: int = LOCK_AFTER) -> None:
    for _ in range(times):
        with pytest.raises(LoginRefused):
            accounts.authenticate(email, "wrong password", client)


def test_repeated_failures_slow_down_then_lock_that_account_from_that_client(
    accounts: AccountStore, clock: Clock
) -> None:
    delays = []
    for _ in range(LOCK_AFTER):
        delays.append(accounts.delay_for(LOTTE, "10.0.0.2"))
        with pytest.raises(LoginRefused):
            accounts.authenticate(LOTTE, "wrong password", "10.0.0.2")
    assert delays[0] == 0 and delays[-1] > delays[-2] > 0
    # Locked: from this client even the right password is refused, with the same answer.
    with pytest.raises(LoginRefused):
        accounts.authenticate(LOTTE, DEMO_PASSWORD, "10.0.0.2")
    assert actions(accounts)[0] == "login_refused_locked"
    clock.now += LOCK_FOR + timedelta(seconds=1)
    assert accounts.authenticate(LOTTE, DEMO_PASSWORD, "10.0.0.2").email == LOTTE


def test_typos_of_one_colleague_do_not_stop_another_behind_the_same_address(
    accounts: AccountStore,
) -> None:
    """Five wrong passwords for A from office address X; colleague B at X still gets in."""
    office = "193.190.1.10"
    fail_times(accounts, LOTTE, office)
    assert accounts.delay_for(COACH, office) == 0
    assert accounts.authenticate(COACH, DEMO_PASSWORD, office).email == COACH


def test_an_attacker_who_knows_an_email_cannot_lock_its_owner_out(
    accounts: AccountStore, clock: Clock
) -> None:
    """Five (and fifty) wrong passwords for A from attacker X; A still gets in from Y."""
    fail_times(accounts, LOTTE, "203.0.113.66")
    assert accounts.authenticate(LOTTE, DEMO_PASSWORD, "10.0.0.7").email == LOTTE
    # Many attackers at once only slow the account down, up to a cap; never a lock.
    for number in range(10):
        fail_times(accounts, LOTTE, f"203.0.113.{number}", 2)
    assert 0 < accounts.delay_for(LOTTE, "10.0.0.8") <= MAX_DELAY_SECONDS
    assert accounts.authenticate(LOTTE, DEMO_PASSWORD, "10.0.0.8").email == LOTTE
    # The attacker's own address stays locked for that account.
    with pytest.raises(LoginRefused):
        accounts.authenticate(LOTTE, DEMO_PASSWORD, "203.0.113.66")


def test_one_client_trying_many_accounts_is_slowed_down_not_locked(
    accounts: AccountStore,
) -> None:
    for number in range(CLIENT_SLOW_AFTER + 3):
        with pytest.raises(LoginRefused):
            accounts.authenticate(f"guess{number}@gent.demo", "password123", "10.6.6.6")
    assert accounts.delay_for(LOTTE, "10.6.6.6") > accounts.delay_for(LOTTE, "10.0.0.3") == 0
    assert accounts.authenticate(LOTTE, DEMO_PASSWORD, "10.6.6.6").email == LOTTE


def test_the_throttle_keeps_no_emails_and_forgets_old_failures(
    accounts: AccountStore, clock: Clock
) -> None:
    long_email = "x" * 600 + "@gent.demo"  # longer than the key column
    fail_times(accounts, long_email, "10.0.0.9", 1)
    fail_times(accounts, LOTTE, "10.0.0.9", LOCK_AFTER)
    with accounts.engine.connect() as connection:
        keys = [row.key for row in connection.execute(select(LoginThrottleRow))]
    assert keys and all(len(key) < 80 and "@" not in key for key in keys)
    clock.now += THROTTLE_WINDOW + LOCK_FOR + timedelta(seconds=1)
    fail_times(accounts, "other@gent.demo", "10.0.0.10", 1)
    with accounts.engine.connect() as connection:
        assert len(connection.execute(select(LoginThrottleRow)).all()) == 3


def test_sessions_end_when_idle_on_logout_and_on_reset(
    accounts: AccountStore, clock: Clock
) -> None:
    lotte = person(accounts, LOTTE)
    idle = timedelta(minutes=30)
    token = accounts.start_login_session(lotte.person_id)
    assert accounts.resolve_login_session(token, idle) == lotte
    clock.now += timedelta(minutes=20)
    assert accounts.resolve_login_session(token, idle) == lotte
    clock.now += timedelta(minutes=31)
    assert accounts.resolve_login_session(token, idle) is None
    first, second = (
        accounts.start_login_session(lotte.person_id),
        accounts.start_login_session(lotte.person_id),
    )
    accounts.end_login_session(first)
    assert accounts.resolve_login_session(first, idle) is None
    assert accounts.resolve_login_session(second, idle) == lotte
    code = accounts.request_reset(person(accounts, COACH), LOTTE)
    reset(accounts, code, "een nieuw wachtwoord")
    assert accounts.resolve_login_session(second, idle) is None
    assert accounts.authenticate(LOTTE, "een nieuw wachtwoord", "x").email == LOTTE
    with pytest.raises(CodeRefused) as reused:
        reset(accounts, code, "nog een wachtwoord")
    assert reused.value.reason == "used"


def test_an_invitation_creates_an_enrolled_account_with_a_brief(
    accounts: AccountStore, engine: Engine
) -> None:
    coach = person(accounts, COACH)
    code = accounts.invite(coach, trajectory_id(engine, 3), "Kortrijk", "an@kortrijk.demo")
    assert accounts.invitation(code)[1:] == ("Kortrijk", "an@kortrijk.demo")
    person_id = accept(accounts, code, "An Kortrijk", "ignored@x.demo", "lang genoeg wachtwoord")
    invitee = accounts.principal(person_id)
    assert invitee is not None and invitee.email == "an@kortrijk.demo"
    assert invitee.trajectory_ids == {trajectory_id(engine, 3)}
    assert [r.municipality for r in SqlProgrammeStore(engine).briefs_of("Kortrijk")] == ["Kortrijk"]
    with pytest.raises(CodeRefused) as reused:
        accept(accounts, code, "Iemand", "iemand@x.demo", "lang genoeg wachtwoord")
    assert reused.value.reason == "used"
    assert "invitation" in actions(accounts) and "invitation_accepted" in actions(accounts)


def test_a_failure_after_the_claim_leaves_the_invitation_usable(
    accounts: AccountStore, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = accounts.invite(person(accounts, COACH), trajectory_id(engine, 3), "Kortrijk")

    def broken(*_args: object) -> None:
        raise RuntimeError("the database went away after the claim")

    # The last write of the use case fails: the claim, the account and the brief go with it.
    with monkeypatch.context() as patched, pytest.raises(RuntimeError):
        patched.setattr(AuditLog, "record", broken)
        accept(accounts, code, "An Kortrijk", "an@kortrijk.demo", "lang genoeg wachtwoord")
    assert accounts.principal_by_email("an@kortrijk.demo") is None
    assert SqlProgrammeStore(engine).briefs_of("Kortrijk") == []
    assert accounts.invitation(code)[1] == "Kortrijk"
    person_id = accept(accounts, code, "An Kortrijk", "an@kortrijk.demo", "lang genoeg wachtwoord")
    assert person(accounts, "an@kortrijk.demo").person_id == person_id


def test_an_expired_invitation_is_refused(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    code = accounts.invite(person(accounts, COACH), trajectory_id(engine, 5), "Lokeren")
    clock.now += timedelta(days=15)
    with pytest.raises(CodeRefused) as expired:
        accept(accounts, code, "Laat", "laat@lokeren.demo", "lang genoeg wachtwoord")
    assert expired.value.reason == "expired"
    with pytest.raises(CodeRefused) as unknown:
        accounts.invitation("made-up-code")
    assert unknown.value.reason == "unknown"


def test_an_eleventh_municipality_is_refused_but_a_colleague_is_welcome(
    accounts: AccountStore, engine: Engine
) -> None:
    admin = person(accounts, ADMIN)
    full = trajectory_id(engine, 1)  # ten municipalities in the source
    with pytest.raises(AccountRefused) as refused:
        accounts.invite(admin, full, "Kortrijk")
    assert refused.value.reason == "trajectory_full"
    code = accounts.invite(admin, full, "Veurne")
    accept(accounts, code, "Collega Veurne", "collega@veurne.demo", "lang genoeg wachtwoord")
    nine = trajectory_id(engine, 4)
    pending = accounts.invite(admin, nine, "Oostende")
    accept(
        accounts,
        accounts.invite(admin, nine, "Knokke-Heist"),
        "K",
        "k@knokke.demo",
        "lang genoeg wachtwoord",
    )
    with pytest.raises(CodeRefused) as late:
        accept(accounts, pending, "O", "o@oostende.demo", "lang genoeg wachtwoord")
    assert late.value.reason == "full"


def test_coaches_invite_and_reset_only_in_their_own_trajectories(
    accounts: AccountStore, engine: Engine
) -> None:
    coach = person(accounts, COACH)
    with pytest.raises(NotFound):
        accounts.invite(coach, trajectory_id(engine, 1), "Turnhout")
    participant = person(accounts, LOTTE)
    with pytest.raises(NotFound):
        accounts.invite(participant, trajectory_id(engine, 3), "Kortrijk")
    with pytest.raises(NotFound):
        accounts.request_reset(coach, ADMIN)
    with pytest.raises(NotFound):
        accounts.request_reset(participant, "pieter.claes@gent.demo")
    assert accounts.request_reset(coach, "pieter.claes@gent.demo")


def test_only_admins_change_roles_and_read_the_audit_log(accounts: AccountStore) -> None:
    admin, coach = person(accounts, ADMIN), person(accounts, COACH)
    with pytest.raises(NotFound):
        accounts.set_role(coach, LOTTE, Role.ADMIN)
    with pytest.raises(NotFound):
        accounts.audit_log(coach)
    accounts.set_role(admin, LOTTE, Role.COACH)
    assert person(accounts, LOTTE).role is Role.COACH
    assert accounts.audit_log(admin)[0].action == "role_changed"


def test_passwords_are_hashed_with_argon2_and_can_be_changed(accounts: AccountStore) -> None:
    lotte = person(accounts, LOTTE)
    with accounts.engine.connect() as connection:
        stored = connection.exec_driver_sql(
            "SELECT password_hash FROM people WHERE email = 'lotte.vandenberghe@avelgem.demo'"
        ).scalar_one()
    assert stored.startswith("$argon2id$") and DEMO_PASSWORD not in stored
    with pytest.raises(AccountRefused) as wrong:
        change(accounts, lotte, "niet juist", "een nieuw wachtwoord")
    assert wrong.value.reason == "wrong_password"
    with pytest.raises(AccountRefused) as short:
        change(accounts, lotte, DEMO_PASSWORD, "kort")
    assert short.value.reason == "password_short"
    change(accounts, lotte, DEMO_PASSWORD, "een nieuw wachtwoord")
    assert accounts.authenticate(LOTTE, "een nieuw wachtwoord", "y") == lotte


def test_cookie_values_are_signed() -> None:
    key = b"k" * 40
    signed = sign("token-123", key)
    assert unsign(signed, key) == "token-123"
    assert unsign(signed.replace("token-123", "token-124"), key) is None
    assert unsign(signed, b"another key that is long enough") is None
    assert unsign("no-signature", key) is None


def test_production_refuses_to_start_without_a_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("KERNBRIEF_SECRET_KEY")
    with pytest.raises(ConfigurationError, match="KERNBRIEF_SECRET_KEY ontbreekt"):
        settings().signing_key()
    monkeypatch.setenv("KERNBRIEF_SECRET_KEY", "te kort")
    with pytest.raises(ConfigurationError, match="te kort"):
        settings().signing_key()
    monkeypatch.delenv("KERNBRIEF_SECRET_KEY")
    monkeypatch.setenv("KERNBRIEF_DEMO", "1")
    monkeypatch.setenv("KERNBRIEF_DEMO_KEY_FILE", str(tmp_path / "key"))
    generated = settings().signing_key()
    assert len(generated) >= 32 and settings().signing_key() == generated
    assert (tmp_path / "key").stat().st_mode & 0o077 == 0


def test_settings_are_validated_and_follow_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KERNBRIEF_IDLE_MINUTES", "90")
    monkeypatch.setenv("DATABASE_URL", "postgresql://kern@db.example/kernbrief")
    assert settings().idle_minutes == 90
    assert settings().database_url == "postgresql+psycopg://kern@db.example/kernbrief"
    monkeypatch.setenv("KERNBRIEF_IDLE_MINUTES", "anderhalf uur")
    with pytest.raises(ConfigurationError, match="KERNBRIEF_IDLE_MINUTES is ongeldig"):
        settings()
    monkeypatch.setenv("KERNBRIEF_IDLE_MINUTES", "0")
    with pytest.raises(ConfigurationError, match="positief"):
        settings()


def test_building_an_account_store_hashes_no_password(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refusing:
        def hash(self, _password: str) -> str:
            raise AssertionError("hashed while building a store")

    monkeypatch.setattr(security, "_HASHER", Refusing())
    AccountStore(engine)
    AccountStore(engine)


def test_operators_create_invite_and_set_roles_from_the_command_line(
    demo_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("een sterk wachtwoord\n"))
    assert (
        manage_main(
            [
                "create-user",
                "nieuw@diest.demo",
                "--naam",
                "Nieuwe Coach",
                "--rol",
                "coach",
                "--traject",
                "5",
                "--wachtwoord-uit-stdin",
            ]
        )
        == 0
    )
    assert manage_main(["invite", "5", "--gemeente", "Diest", "--email", "x@diest.demo"]) == 0
    assert manage_main(["set-role", "nieuw@diest.demo", "admin"]) == 0
    output = capsys.readouterr().out
    assert "/auth/invite?code=" in output
    from storage.db import make_engine

    accounts = AccountStore(make_engine(demo_url))
    assert (
        accounts.authenticate("nieuw@diest.demo", "een sterk wachtwoord", "cli").role is Role.ADMIN
    )
    assert manage_main(["set-role", "onbekend@x.demo", "admin"]) == 1
    assert OPERATOR.role is Role.ADMIN


# --- issue 8: a pasted control character never reaches a stored name -----------------------
def has_control(text: str) -> bool:
    return any(
        unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff" for char in text
    )


def test_a_name_pasted_with_a_vertical_tab_is_stored_as_one_clean_line(
    accounts: AccountStore, engine: Engine
) -> None:
    coach = person(accounts, COACH)
    code = accounts.invite(coach, trajectory_id(engine, 3), " Kortrijk\x0b\r\n", "an@kortrijk.demo")
    assert accounts.invitation(code)[1] == "Kortrijk"
    person_id = accept(
        accounts, code, "An\x0bVan\x01den\tBerghe\ufffe\r\n", "", "lang genoeg wachtwoord"
    )
    invitee = accounts.principal(person_id)
    assert invitee is not None
    assert invitee.name == "An Vanden Berghe" and not has_control(invitee.name)
    assert invitee.municipality == "Kortrijk"
    assert [r.municipality for r in SqlProgrammeStore(engine).briefs_of("Kortrijk")] == ["Kortrijk"]
    stored = [name for name, email, _, _ in accounts.people(person(accounts, ADMIN))]
    assert "An Vanden Berghe" in stored and not any(has_control(name) for name in stored)


def test_a_name_of_only_control_characters_is_a_missing_name(
    accounts: AccountStore, engine: Engine
) -> None:
    code = accounts.invite(person(accounts, COACH), trajectory_id(engine, 3), "Kortrijk")
    with pytest.raises(AccountRefused) as refused:
        accept(accounts, code, "\x0b\t\x01 ", "leeg@kortrijk.demo", "lang genoeg ww")
    assert refused.value.reason == "name_missing"


# Single sign-on, names included, is tested in tests/test_single_sign_on.py.


def test_an_operator_pasting_a_name_stores_it_clean(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("een sterk wachtwoord\n"))
    command = ["create-user", "nieuw@diest.demo", "--naam", "Nieuwe\x0bCoach\x07"]
    command += ["--gemeente", "Diest\r\n", "--wachtwoord-uit-stdin"]
    assert manage_main(command) == 0
    from storage.db import make_engine

    created = AccountStore(make_engine(demo_url)).principal_by_email("nieuw@diest.demo")
    assert created is not None
    assert (created.name, created.municipality) == ("Nieuwe Coach", "Diest")


def test_a_name_stored_before_cleaning_no_longer_blocks_the_exports(
    accounts: AccountStore, engine: Engine
) -> None:
    # Data typed before names were cleaned: the export must cope on its own.
    with engine.begin() as connection:
        connection.execute(
            update(PersonRow).where(PersonRow.email == LOTTE).values(name="Lotte\x0bVan\x01B")
        )
    store = operator_store(engine)
    [avelgem] = SqlProgrammeStore(engine).briefs_of("Avelgem")
    name, data = export_brief(store, avelgem.id, ExportOptions(), Translator("nl"))
    assert name.startswith("Collegenota en designbrief Avelgem ")
    document = docx.Document(io.BytesIO(data))
    assert "Lotte VanB" in document.core_properties.author
    zip_name, archive_data = export_cohort(store, 3, ExportOptions(), Translator("nl"))
    assert zip_name.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(archive_data)) as archive:
        assert len(archive.namelist()) >= 2
        for member in archive.namelist():
            assert not has_control(member)
            docx.Document(io.BytesIO(archive.read(member)))


def test_the_demo_key_is_never_readable_by_others_not_even_while_it_is_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("KERNBRIEF_SECRET_KEY")
    monkeypatch.setenv("KERNBRIEF_DEMO", "1")
    monkeypatch.setenv("KERNBRIEF_DEMO_KEY_FILE", str(tmp_path / "key"))

    def no_chmod(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a key made readable first and restricted after")

    old_mask = os.umask(0o022)
    try:
        # Created with its final mode: nothing needs to restrict it afterwards.
        monkeypatch.setattr(Path, "chmod", no_chmod)
        monkeypatch.setattr(os, "chmod", no_chmod)
        key = settings().signing_key()
    finally:
        os.umask(old_mask)
    assert len(key) >= 32
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600
