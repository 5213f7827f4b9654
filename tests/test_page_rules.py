"""Which pages each role may open: one rule for the navigation and for every page's own check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefs.access import ROLE_PAGES, Principal, Role, may_open, pages_of
from briefs.steps import STEP_SPECS

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def person(role: Any) -> Principal:
    return Principal(1, "Iemand", "iemand@gemeente.be", role, "Avelgem", frozenset({3}))


def test_every_page_a_role_is_offered_exists() -> None:
    for names in ROLE_PAGES.values():
        for name in names:
            assert (PROJECT_ROOT / "pages" / f"{name}.py").is_file(), name


def test_participants_get_the_steps_and_staff_do_not() -> None:
    steps = {step.key for step in STEP_SPECS}
    assert steps <= set(pages_of(person(Role.PARTICIPANT)))
    for role in (Role.COACH, Role.ADMIN):
        assert not steps & set(pages_of(person(role)))
        assert not may_open(person(role), "challenge")
    assert not may_open(person(Role.COACH), "people")
    assert may_open(person(Role.ADMIN), "people")


def test_a_visitor_may_only_sign_in() -> None:
    assert pages_of(None) == ("login",)
    assert not may_open(None, "account")


def test_a_role_nobody_listed_gets_its_account_page_only() -> None:
    assert pages_of(person("auditor")) == ("account",)
    assert not may_open(person("auditor"), "audit")
