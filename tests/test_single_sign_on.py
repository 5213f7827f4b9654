"""Single sign-on on SQLite and PostgreSQL: which person a provider's claims are, and logout."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from briefs.access import Role
from manage import main as manage_main
from services import single_sign_on as sso
from services.accounts import accept_invitation
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.email_checks import EmailCodeRefused
from storage.identities import IdentityStore
from storage.migrate import migrate_to, upgrade
from storage.people import PeopleStore
from storage.repository import SqlProgrammeStore
from storage.tables import AuditRow, AuthSessionRow, SsoIdentityRow
from tests.conftest import TEST_SECRET_KEY, Clock

ISSUER = "https://login.gemeente.example"
KEY = TEST_SECRET_KEY.encode()
IDLE = timedelta(minutes=120)
LOTTE = "lotte.vandenberghe@avelgem.demo"
COACH = "jonas.wouters@begeleiding.demo"


def claims(sub: str, email: str, verified: Any = True, issued: int = 1, **more: Any) -> dict:
    """Claims as Streamlit keeps them in st.user after a round trip (``issued`` is its iat)."""
    return {
        "iss": ISSUER,
        "sub": sub,
        "email": email,
        "email_verified": verified,
        "iat": 1_700_000_000 + issued,
        "nonce": f"n{issued}",
        "is_logged_in": True,
        **more,
    }


def sign_in(accounts: AccountStore, given: dict, clock: Clock) -> sso.SignIn:
    return sso.sign_in(accounts.engine, given, KEY, IDLE, "10.1.2.3", clock)


def trajectory_id(engine: Engine, number: int) -> int:
    return next(t.id for t in SqlProgrammeStore(engine).trajectories() if t.number == number)


def audit(engine: Engine) -> list[tuple[str, str, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(select(AuditRow).order_by(AuditRow.id)).all()
    return [(r.actor, r.action, r.target, r.client) for r in rows]


def links(engine: Engine) -> list[tuple[int, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(select(SsoIdentityRow).order_by(SsoIdentityRow.id)).all()
    return [(r.person_id, r.issuer, r.subject) for r in rows]


def verified_coach(accounts: AccountStore) -> int:
    """An account the operator made: its address counts as verified."""
    return accounts.create_user(
        "An Peeters", "an.peeters@gent.be", Role.COACH, password=None, email_verified=True
    )


def test_a_linked_identity_lands_in_its_account_whatever_its_email_says_later(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    an = verified_coach(accounts)
    first = sign_in(accounts, claims("an-1", "An.Peeters@gent.be"), clock)
    assert first.outcome == sso.SIGNED_IN and first.principal is not None
    assert first.principal.person_id == an
    assert links(engine) == [(an, ISSUER, "an-1")]
    # Renamed at the provider, even to the address of someone else who has an account here.
    later = sign_in(accounts, claims("an-1", LOTTE, verified=False, issued=2), clock)
    assert later.principal is not None and later.principal.person_id == an
    assert [a for _actor, a, _t, _c in audit(engine)][-3:] == [
        "sso_linked",
        "sso_login",
        "sso_login",
    ]
    assert audit(engine)[-1] == ("an.peeters@gent.be", "sso_login", f"{ISSUER} an-1", "10.1.2.3")


def test_an_address_someone_registered_in_advance_is_not_taken_over(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    # An open invitation now mails a code to the address typed, so the attacker cannot
    # register the victim's address that way any more (tests/test_mail.py); an account made
    # before that rule, whose address nobody checked, stands in for one here.
    coach = accounts.principal_by_email(COACH)
    assert coach is not None
    code = accounts.invite(coach, trajectory_id(engine, 5), "Lokeren")
    with pytest.raises(EmailCodeRefused):
        accept_invitation(
            engine, code, "Aanvaller", "victim@lokeren.be", "een lang wachtwoord", clock=clock
        )
    accounts.create_user("Aanvaller", "victim@lokeren.be", Role.PARTICIPANT, "Lokeren", None)
    # The victim signs on; the provider vouches for the address, but ours never checked it.
    refused = sign_in(accounts, claims("victim-1", "victim@lokeren.be"), clock)
    assert (refused.outcome, refused.principal) == (sso.REFUSED, None)
    assert links(engine) == []
    assert audit(engine)[-1] == (
        "victim@lokeren.be",
        "sso_refused",
        f"{ISSUER} victim-1 · account_email_not_verified",
        "10.1.2.3",
    )


def test_an_address_the_provider_does_not_vouch_for_links_nothing(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    verified_coach(accounts)
    for number, verified in enumerate((False, None, "false", 1), start=1):
        given = claims(f"x-{number}", "an.peeters@gent.be", verified=verified)
        assert sign_in(accounts, given, clock).outcome == sso.REFUSED
    assert links(engine) == []
    assert audit(engine)[-1][2].endswith("· email_not_verified_by_provider")
    # Some providers send the claim as the string "true".
    assert sign_in(accounts, claims("x-5", "an.peeters@gent.be", "true"), clock).principal


def test_a_second_identity_of_the_same_provider_is_not_linked_by_email(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    an = verified_coach(accounts)
    assert sign_in(accounts, claims("an-1", "an.peeters@gent.be"), clock).principal
    other = sign_in(accounts, claims("an-2", "an.peeters@gent.be", issued=2), clock)
    assert other.outcome == sso.REFUSED
    assert links(engine) == [(an, ISSUER, "an-1")]
    assert audit(engine)[-1][2] == f"{ISSUER} an-2 · other_identity_linked"
    # Another provider may vouch for the same person.
    elsewhere = claims("an-3", "an.peeters@gent.be", iss="https://andere.example")
    assert sign_in(accounts, elsewhere, clock).principal


def test_an_unknown_identity_is_refused_and_each_refusal_is_audited(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    refused = sign_in(accounts, claims("nobody", "stranger@corp.example"), clock)
    assert refused.outcome == sso.REFUSED
    assert audit(engine)[-1] == (
        "stranger@corp.example",
        "sso_refused",
        f"{ISSUER} nobody · no_account",
        "10.1.2.3",
    )
    no_subject = {"iss": ISSUER, "email": "an.peeters@gent.be", "email_verified": True}
    assert sign_in(accounts, no_subject, clock).outcome == sso.REFUSED
    assert audit(engine)[-1][1:3] == ("sso_refused", "no iss/sub")


def test_an_invitation_for_the_address_makes_a_linked_account_with_a_clean_name(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    coach = accounts.principal_by_email(COACH)
    assert coach is not None
    accounts.invite(coach, trajectory_id(engine, 5), "Lokeren\x0b", "sso@lokeren.be")
    unvouched = claims("sso-1", "sso@lokeren.be", verified=False, name="Sso")
    assert sign_in(accounts, unvouched, clock).outcome == sso.REFUSED
    given = claims("sso-1", "SSO@lokeren.be", issued=2, name="Sso\x0bGebruiker\x00")
    matched = sign_in(accounts, given, clock).principal
    assert matched is not None
    assert (matched.name, matched.municipality) == ("Sso Gebruiker", "Lokeren")
    assert links(engine) == [(matched.person_id, ISSUER, "sso-1")]
    assert PeopleStore(engine).account_for_email("sso@lokeren.be") == (matched.person_id, True)


def test_every_tab_of_one_sign_in_shares_one_login_session(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    verified_coach(accounts)
    given = claims("an-1", "an.peeters@gent.be")
    first, second = sign_in(accounts, given, clock), sign_in(accounts, dict(given), clock)
    assert first.token == second.token and second.principal == first.principal
    with engine.connect() as connection:
        sessions = connection.execute(select(func.count()).select_from(AuthSessionRow)).scalar()
    assert sessions == 1
    assert [a for _actor, a, _t, _c in audit(engine)].count("sso_login") == 1


def test_logout_and_idle_time_end_a_sign_in_for_good(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    verified_coach(accounts)
    given = claims("an-1", "an.peeters@gent.be")
    signed = sign_in(accounts, given, clock)
    sso.end_sign_in(engine, signed.token, "an.peeters@gent.be", "10.1.2.3")
    assert audit(engine)[-1] == ("an.peeters@gent.be", "sso_logout", "", "10.1.2.3")
    # Streamlit's identity cookie of that sign-in may still be around: it starts nothing.
    assert sign_in(accounts, given, clock).outcome == sso.ENDED
    assert IdentityStore(engine).started(signed.token)
    # A new round trip to the provider is a new sign-in; idle time ends it like a password login.
    again = claims("an-1", "an.peeters@gent.be", issued=2)
    assert sign_in(accounts, again, clock).outcome == sso.SIGNED_IN
    clock.now += IDLE + timedelta(minutes=1)
    assert sign_in(accounts, again, clock).outcome == sso.ENDED


def test_the_operator_can_link_an_identity_by_hand(
    accounts: AccountStore, engine: Engine, clock: Clock
) -> None:
    lotte = accounts.principal_by_email(LOTTE)
    assert lotte is not None
    sso.link_identity(engine, LOTTE, ISSUER, "lotte-entra")
    # Entra ID, for one, sends no email_verified: the link alone decides.
    given = claims("lotte-entra", "lotte@elders.example", verified=None)
    assert sign_in(accounts, given, clock).principal == lotte


def test_accounts_the_operator_creates_have_a_verified_address(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("een sterk wachtwoord\n"))
    command = ["create-user", "nieuw@diest.be", "--naam", "Nieuwe Coach", "--rol", "coach"]
    assert manage_main([*command, "--wachtwoord-uit-stdin"]) == 0
    engine = make_engine(demo_url)
    people = PeopleStore(engine)
    created = people.account_for_email("nieuw@diest.be")
    assert created is not None and created[1] is True
    # The demo people are seeded, not typed by the operator: not verified.
    lotte = people.account_for_email(LOTTE)
    assert lotte is not None and lotte[1] is False
    link = ["link-identity", "nieuw@diest.be", "--issuer", ISSUER, "--subject", "diest-1"]
    assert manage_main(link) == 0
    assert links(engine) == [(created[0], ISSUER, "diest-1")]
    assert manage_main(link) == 1  # linked already
    assert audit(engine)[-1][:3] == ("operator", "sso_linked", f"{ISSUER} diest-1 → nieuw@diest.be")
    engine.dispose()


def test_the_migration_verifies_only_addresses_someone_else_chose(engine: Engine) -> None:
    migrate_to(engine, "0007_demo_people", down=True)
    now = datetime(2024, 3, 1, tzinfo=UTC)
    with engine.begin() as connection:
        for email, demo in [
            ("operator@gent.be", False),
            ("invited@gent.be", False),
            ("typed@gent.be", False),
            ("lotte@avelgem.demo", True),
        ]:
            connection.execute(
                text(
                    "INSERT INTO people (email, name, role, municipality, active, demo)"
                    " VALUES (:email, 'X', 'participant', '', true, :demo)"
                ),
                {"email": email, "demo": demo},
            )
        connection.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, target, client) VALUES"
                " (:now, 'operator', 'user_created', ' Operator@Gent.be', ''),"
                " (:now, 'operator', 'user_created', 'lotte@avelgem.demo', ''),"
                " (:now, 'typed@gent.be', 'user_created', 'typed@gent.be', '')"
            ),
            {"now": now},
        )
        for code, email, used in [("a", "invited@gent.be", now), ("b", "", now)]:
            connection.execute(
                text(
                    "INSERT INTO one_time_codes (code_hash, purpose, municipality, email,"
                    " created_at, expires_at, used_at)"
                    " VALUES (:code, 'invitation', 'Gent', :email, :now, :now, :used)"
                ),
                {"code": code, "email": email, "now": now, "used": used},
            )
    upgrade(engine)
    with engine.connect() as connection:
        verified = connection.execute(
            text("SELECT email FROM people WHERE email_verified = true ORDER BY email")
        ).scalars()
        assert list(verified) == ["invited@gent.be", "operator@gent.be"]
