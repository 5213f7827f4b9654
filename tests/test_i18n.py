"""One catalogue, complete in Dutch and English; Flemish formatting of dates and money."""

from __future__ import annotations

import ast
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from briefs import model as m
from briefs.catalogue import CATALOGUE
from briefs.i18n import Translator, format_day, format_moment, format_money, format_number
from briefs.parts import PART_SPECS

ROOT = Path(__file__).resolve().parent.parent
KEY_IN_CALL = re.compile(r"""(?<![\w.])t\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def test_every_string_exists_in_both_languages() -> None:
    for key, (dutch, english) in CATALOGUE.items():
        assert dutch.strip() and english.strip(), key
        assert set(re.findall(r"{(\w+)}", dutch)) == set(re.findall(r"{(\w+)}", english)), key


def test_every_part_has_title_guidance_and_example() -> None:
    for spec in PART_SPECS:
        for suffix in ("title", "help", "example"):
            assert f"part.{spec.key}.{suffix}" in CATALOGUE


def test_every_enum_value_and_column_has_a_label() -> None:
    for spec in PART_SPECS:
        if spec.row_model is not None:
            for name in spec.row_model.model_fields:
                assert name == "id" or f"col.{name}" in CATALOGUE, name
    for enum in (
        m.SupportLevel,
        m.Department,
        m.TestForm,
        m.Decision,
        m.ActionStatus,
        m.Priority,
        m.DecisionBody,
        m.DecisionStatus,
    ):
        for member in enum:
            assert f"enum.{member.value}" in CATALOGUE, member


def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for folder in ("briefs", "components", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(
                re.findall(r"""(?<![\w.])t\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text())
            )
    assert used, "the scan found no keys"
    assert sorted(used - set(CATALOGUE)) == []


def test_languages_differ_and_fall_back_to_dutch() -> None:
    assert Translator("en")("nav.step1") == "1 · Challenge"
    assert Translator("nl")("nav.step1") == "1 · Uitdaging"
    assert Translator("fr")("nav.step1") == "1 · Uitdaging"


def test_formats_follow_nl_be() -> None:
    assert format_day(date(2023, 12, 19)) == "19 december 2023"
    # Babel keeps the euro sign and the amount together with a no-break space.
    assert format_money(Decimal("1250")) == "€\u00a01.250,00"
    assert format_number(1250.5) == "1.250,5"
    assert format_moment(datetime(2023, 12, 19, 9, 30, tzinfo=UTC)) == "19 december 2023 10:30"


def audit_actions() -> set[str]:
    """Every action name the code writes to the audit log: the second argument of each
    ``….record(actor, "action", …)`` or ``….audit(actor, "action", …)`` call."""
    found: set[str] = set()
    paths = [ROOT / "manage.py"]
    for folder in ("storage", "services", "web", "components"):
        paths += list((ROOT / folder).rglob("*.py"))
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("record", "audit")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                found.add(node.args[1].value)
    return found


def test_every_audit_action_has_a_label() -> None:
    actions = audit_actions()
    assert {"login", "login_failed", "invitation", "role_changed", "password_reset"} <= actions
    assert sorted(a for a in actions if f"audit.action.{a}" not in CATALOGUE) == []


def test_each_language_writes_dates_times_amounts_and_numbers_its_own_way() -> None:
    dutch, english = Translator("nl"), Translator("en")
    moment = datetime(2023, 12, 19, 9, 30, tzinfo=UTC)  # 10:30 in Brussels
    assert dutch.day(date(2023, 12, 19)) == "19 december 2023"
    assert english.day(date(2023, 12, 19)) == "19 December 2023"
    assert dutch.short_day(date(2023, 3, 1)) == english.short_day(date(2023, 3, 1)) == "01/03/2023"
    assert dutch.moment(moment) == "19 december 2023 10:30"
    assert english.moment(moment) == "19 December 2023 10:30"
    assert dutch.clock(moment) == english.clock(moment) == "10:30"
    assert dutch.money(Decimal("1250")) == "€\u00a01.250,00"
    assert english.money(Decimal("1250")) == "€1,250.00"
    assert dutch.number(1250.5) == "1.250,5"
    assert english.number(1250.5) == "1,250.5"
