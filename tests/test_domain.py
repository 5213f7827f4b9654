"""The brief's rules without storage or UI: validation, checks, links and progress."""

from __future__ import annotations

import ast
import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import briefs.checks as checks_module
from briefs import model as m
from briefs.brief import Brief, StoredPart
from briefs.catalogue import CATALOGUE
from briefs.checks import run_checks
from briefs.demo import AVELGEM, DEMO_BRIEFS, DEMO_PEOPLE, GENT
from briefs.i18n import Translator
from briefs.links import chains, link_labels
from briefs.parts import PART_SPECS, PARTS, PartValidationError, validate_part
from briefs.progress import step_progress
from briefs.themes import MODULES

t = Translator("nl")


def brief_of(content: dict[str, Any]) -> Brief:
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content.items()}
    return Brief(1, 1, "Testgemeente", parts)


def codes(brief: Brief) -> set[tuple[str, str]]:
    return {(check.code, check.params.get("name", "")) for check in run_checks(brief)}


def test_every_part_key_names_its_step_or_its_theme() -> None:
    for spec in PART_SPECS:
        prefix = spec.key.split(".")[0]
        if spec.theme is None:
            assert prefix == {1: "challenge", 2: "explore", 3: "prototype", 4: "roadmap"}[spec.step]
        else:
            assert prefix == spec.theme.value, spec.key


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("challenge.question", "v" * 501, "string_too_long"),
        ("challenge.context", "v" * 20_001, "string_too_long"),
        ("challenge.stakeholders", [{"name": "x", "interest": 6}], "less_than_equal"),
        ("challenge.stakeholders", [{"name": "x", "influence": 0}], "greater_than_equal"),
        ("roadmap.actions", [{"title": "x", "budget": "-5"}], "greater_than_equal"),
        ("explore.practices", [{"name": "x", "link": "javascript:alert(1)"}], "web_address"),
        ("challenge.whys", [{"text": "w"}] * 201, "too_long"),
    ],
)
def test_limits_are_refused_with_the_rule_that_was_broken(key: str, value: Any, rule: str) -> None:
    with pytest.raises(PartValidationError) as refused:
        validate_part(key, value)
    assert refused.value.problems[0].rule == rule


def test_text_is_kept_exactly_as_typed() -> None:
    hostile = (
        "  <script>alert(1)</script>\r\n[x](javascript:alert(1)) ![i](http://e/x.png) $x$ :red[a]  "
    )
    assert validate_part("challenge.problem", hostile) == hostile


def test_amounts_are_stored_in_cents() -> None:
    [action] = validate_part("roadmap.actions", [{"title": "a", "budget": 1250}])
    assert action["budget"] == "1250.00"
    assert m.Action(title="a", budget=Decimal("12.5")).budget == Decimal("12.50")


def test_the_richest_demo_brief_is_valid_and_flags_its_weak_spots() -> None:
    found = codes(brief_of(AVELGEM))
    assert ("swot_quadrant_empty", "") in found
    assert ("action_no_owner", "Oversteekbaarheid via wegmarkering site Byttebier") in found
    assert ("action_no_objective", "Zone 30 in het centrum") in found
    assert ("action_no_deadline", "Zone 30 in het centrum") in found
    assert any(code == "action_deadline_before_start" for code, _ in found)
    assert ("direction_unlinked", "Zone 30 in het centrum") in found
    assert ("direction_untested", "Vergroening van de doortocht") in found
    assert ("test_no_decision", "Wandelroute met tijdelijke pijlen") in found
    assert ("question_form", "") not in found


def test_the_vacancy_demo_brief_flags_goal_and_question() -> None:
    found = codes(brief_of(GENT))
    assert ("question_form", "") in found
    assert ("goal_is_means", "") in found
    assert ("no_lead", "") in found
    assert ("no_decision_route", "") in found


def check_codes() -> set[str]:
    """Every code the checks can report: the third argument of each Check(...) call in the
    checks module, the second of each finding(...) call in a theme module."""
    named = set()
    themes = Path(checks_module.__file__).parent / "themes"
    sources = [(Path(checks_module.__file__), "Check", 2)]
    sources += [(path, "finding", 1) for path in sorted(themes.glob("*.py"))]
    for path, call, position in sources:
        named |= _codes_in(path, call, position)
    return named


def _codes_in(path: Path, call: str, position: int) -> set[str]:
    named = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == call):
            continue
        code = node.args[position] if len(node.args) > position else None
        # A code computed at run time would escape this list; the checks name each one.
        assert isinstance(code, ast.Constant) and isinstance(code.value, str), ast.unparse(node)
        named.add(code.value)
    return named


def test_every_check_code_is_found_and_has_its_text() -> None:
    named = check_codes()
    assert {"empty", "swot_quadrant_empty", "link_broken"} <= named
    texts = {key for key in CATALOGUE if key.startswith("check.")}
    assert {f"check.{code}" for code in named} == texts


def demo_briefs() -> list[dict[str, Any]]:
    """The content of every demo brief: the people's, with the theme modules' demo added."""
    briefs: dict[tuple[int, str], dict[str, Any]] = {
        (person.trajectories[0], person.municipality): dict(
            DEMO_BRIEFS.get(person.municipality, {})
        )
        for person in DEMO_PEOPLE
        if person.role == "participant"
    }
    for module in MODULES.values():
        for place, content in module.demo.items():
            briefs.setdefault(place, {}).update(content)
    return list(briefs.values())


def test_the_demo_briefs_together_show_every_check() -> None:
    every_code = check_codes()
    shown = {code for brief in (*demo_briefs(), {}) for code, _ in codes(brief_of(brief))}
    # A broken link cannot be made in the app's own tables; its rule is tested above.
    assert every_code - shown == {"link_broken"}


def test_fixing_a_weak_spot_removes_its_check() -> None:
    content = copy.deepcopy(AVELGEM)
    for action in content["roadmap.actions"]:
        action["owner"] = action["owner"] or "Dienst mobiliteit"
    assert not any(code == "action_no_owner" for code, _ in codes(brief_of(content)))


def test_an_action_pointing_at_a_removed_objective_is_a_broken_link() -> None:
    content = copy.deepcopy(AVELGEM)
    content["roadmap.objectives"] = content["roadmap.objectives"][1:]
    found = codes(brief_of(content))
    assert ("link_broken", "Projectzones met doorsteken afbakenen") in found


def test_an_empty_brief_lists_what_is_missing_and_has_no_progress() -> None:
    empty = Brief(1, 1, "Leeg")
    found = run_checks(empty)
    assert {check.part for check in found if check.code == "empty"} >= {
        "challenge.question",
        "roadmap.actions",
    }
    assert step_progress(empty) == {1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}


def test_progress_counts_filled_parts_per_step() -> None:
    progress = step_progress(brief_of({"challenge.context": "x", "challenge.problem": " "}))
    # The theme modules and the choice of them are optional: they are not counted.
    step_one = [
        spec
        for spec in PART_SPECS
        if spec.step == 1 and spec.theme is None and spec.key != "challenge.themes"
    ]
    assert progress[1] == pytest.approx(1 / len(step_one))


def test_chains_follow_root_cause_to_objective() -> None:
    lines = chains(brief_of(AVELGEM), t)
    full = [
        line
        for line in lines
        if line.action and "Projectzones met doorsteken afbakenen" in line.action
    ]
    assert full
    assert full[0].origin is not None and full[0].origin.startswith("Grondoorzaak")
    assert full[0].test is not None and "Doorsteek site Byttebier" in full[0].test
    assert full[0].objective is not None and "Veilige doorsteken" in full[0].objective
    untested = [line for line in lines if "Zone 30" in line.direction]
    assert untested and untested[0].test is None and untested[0].origin is None


def test_link_labels_number_rows_and_name_the_root_cause() -> None:
    labels = link_labels(brief_of(AVELGEM), ["challenge.whys", "challenge.swot_weaknesses"], t)
    assert labels["why1"].startswith("Waarom 1 · ")
    assert labels["why4"].startswith("Grondoorzaak · ")
    assert labels["w2"] == "Z2 · Weinig en slecht gelegen oversteekplaatsen"


def test_link_columns_point_at_parts_with_rows() -> None:
    for spec in PART_SPECS:
        for targets in spec.links.values():
            assert all(PARTS[target].row_model is not None for target in targets)


# --- issue 8: a too-long cell is not a too-long list ----------------------------------------
def refused_problems(key: str, value: Any) -> list[Any]:
    with pytest.raises(PartValidationError) as refused:
        validate_part(key, value)
    return refused.value.problems


def test_a_too_long_cell_is_reported_with_its_row_column_and_limit() -> None:
    from briefs.messages import describe_problems

    problems = refused_problems("challenge.swot_strengths", [{"id": "a", "text": "x" * 501}])
    assert [(p.rule, p.row, p.column, p.limit) for p in problems] == [
        ("string_too_long", 0, "text", 500)
    ]
    message = describe_problems(problems, t)
    assert "rij 1" in message and "kolom ‘Tekst’" in message
    assert "500 tekens" in message and "rijen" not in message
    english = describe_problems(problems, Translator("en"))
    assert "row 1" in english and "500 characters" in english and "rows" not in english


def test_a_too_long_cell_further_down_names_that_row() -> None:
    rows = [{"id": f"r{i}", "insight": "kort"} for i in range(3)]
    rows[2]["insight"] = "x" * 20_001
    [problem] = refused_problems("explore.expert_insights", rows)
    assert (problem.rule, problem.row, problem.column, problem.limit) == (
        "string_too_long",
        2,
        "insight",
        20_000,
    )


def test_too_many_rows_stays_the_row_count_rule() -> None:
    from briefs.messages import describe_problems

    rows = [{"id": f"r{i}", "text": "x"} for i in range(m.MAX_ROWS + 1)]
    problems = refused_problems("challenge.swot_strengths", rows)
    assert [(p.rule, p.row, p.column, p.limit) for p in problems] == [
        ("too_long", None, None, m.MAX_ROWS)
    ]
    assert describe_problems(problems, t) == "de lijst heeft meer dan 200 rijen"


def test_a_negative_budget_is_refused_on_its_row_and_column() -> None:
    from briefs.messages import describe_problems

    problems = refused_problems("roadmap.actions", [{"id": "a", "budget": "-500"}])
    assert [(p.rule, p.row, p.column) for p in problems] == [("greater_than_equal", 0, "budget")]
    assert problems[0].limit == 0
    assert describe_problems(problems, t) == (
        "rij 1, kolom ‘Budget (€)’: de waarde mag niet lager zijn dan 0"
    )


def test_rows_read_once_per_content_never_mix_two_briefs_with_the_same_version() -> None:
    actions = "roadmap.actions"

    def brief_with(titles: list[str]) -> Brief:
        rows = [{"id": f"a{k}", "title": title} for k, title in enumerate(titles)]
        return Brief(1, 1, "Gent", {actions: StoredPart(validate_part(actions, rows), 1)})

    first, other = brief_with(["Pop-upwinkel"]), brief_with(["Gevelpremie", "Leegstandstaks"])
    assert [row.title for row in first.rows(actions, m.Action)] == ["Pop-upwinkel"]
    assert [row.title for row in other.rows(actions, m.Action)] == ["Gevelpremie", "Leegstandstaks"]
    # A save puts a new stored part in the brief: the next read follows it.
    other.parts[actions] = StoredPart(validate_part(actions, [{"id": "b", "title": "Nieuw"}]), 2)
    assert [row.title for row in other.rows(actions, m.Action)] == ["Nieuw"]
    # Each read is its own list: a caller may sort or extend it without touching the next.
    read = first.rows(actions, m.Action)
    read.clear()
    assert len(first.rows(actions, m.Action)) == 1
