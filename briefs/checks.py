"""The directive follow-up: per step, rules that say what is missing or weak in a brief."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from briefs import model as m
from briefs.brief import Brief
from briefs.links import row_name, short
from briefs.nota import brief_budget
from briefs.parts import PARTS, REQUIRED_PARTS, parts_of_group
from briefs.themes import MODULES, Finding

# Words that betray a means posing as a goal: an instrument, not a state of the centre.
MEANS_WORDS = (
    "app",
    "website",
    "campagne",
    "campaign",
    "subsidie",
    "premie",
    "grant",
    "folder",
    "brochure",
    "bord",
    "borden",
    "signs",
    "taks",
    "tax",
    "reglement",
    "regulation",
    "platform",
    "studie",
    "study",
    "logo",
)
QUESTION_OPENINGS = ("hoe kunnen we", "how might we", "how can we")
MIN_WHYS = 3
# Each quadrant of the SWOT has its own rule rather than the "empty" one.
SWOT_PARTS = tuple(spec.key for spec in parts_of_group("swot"))


@dataclass(frozen=True)
class Check:
    """One point of attention: which step and part, which rule, and the words to fill in."""

    step: int
    part: str
    code: str
    params: dict[str, str] = field(default_factory=dict)

    @classmethod
    def found(cls, finding: Finding) -> Check:
        """A theme module's finding, in the step of its part (its code is named where the
        module calls ``finding``)."""
        key, code, params = finding
        return cls(PARTS[key].step, key, code, params)


def _name(row: m.Row) -> str:
    return short(row_name(row), 50) or "—"


def _check_framing(brief: Brief) -> list[Check]:
    """The question, the goal and the whys: is the challenge well put?"""
    found: list[Check] = []
    question = brief.text("challenge.question").strip().lower()
    if question and not question.startswith(QUESTION_OPENINGS):
        found.append(Check(1, "challenge.question", "question_form"))
    goal_words = set(re.findall(r"[\wÀ-ÿ]+", brief.text("challenge.goal").lower()))
    means_word = next((word for word in MEANS_WORDS if word in goal_words), None)
    if means_word:
        found.append(Check(1, "challenge.goal", "goal_is_means", {"word": means_word}))
    whys = [why for why in brief.rows("challenge.whys", m.Why) if why.text.strip()]
    if len(whys) < MIN_WHYS:
        found.append(Check(1, "challenge.whys", "whys_short", {"count": str(len(whys))}))
    return found


def _check_evidence(brief: Brief) -> list[Check]:
    """The SWOT, the key figures, the stakeholders and who carries it: is it grounded?"""
    found = [
        Check(1, key, "swot_quadrant_empty", {"part_key": key})
        for key in SWOT_PARTS
        if not brief.is_filled(key)
    ]
    for figure in brief.rows("challenge.key_figures", m.KeyFigure):
        if figure.year is None or not figure.source.strip():
            found.append(
                Check(1, "challenge.key_figures", "figure_source", {"name": _name(figure)})
            )
    for person in brief.rows("challenge.stakeholders", m.Stakeholder):
        if person.interest is None or person.influence is None:
            found.append(
                Check(1, "challenge.stakeholders", "stakeholder_scores", {"name": _name(person)})
            )
    if not brief.text("challenge.support_lead").strip():
        found.append(Check(1, "challenge.support_lead", "no_lead"))
    return found


def _check_explore(brief: Brief) -> list[Check]:
    found: list[Check] = []
    answerable = {
        row.id
        for key in PARTS["explore.directions"].links["answers"]
        for row in brief.rows(key, PARTS[key].row_model)  # type: ignore[arg-type]
    }
    for direction in brief.rows("explore.directions", m.Direction):
        name = {"name": _name(direction)}
        if direction.answers is None:
            found.append(Check(2, "explore.directions", "direction_unlinked", name))
        elif direction.answers not in answerable:
            found.append(Check(2, "explore.directions", "link_broken", name))
        if direction.impact is None or direction.effort is None:
            found.append(Check(2, "explore.directions", "direction_unscored", name))
    return found


def _check_prototype(brief: Brief) -> list[Check]:
    found: list[Check] = []
    directions = {d.id: d for d in brief.rows("explore.directions", m.Direction)}
    tests = brief.rows("prototype.tests", m.PrototypeTest)
    tested = {test.direction for test in tests}
    for chosen in brief.values("prototype.chosen"):
        if chosen in directions and chosen not in tested:
            found.append(
                Check(
                    3, "prototype.tests", "direction_untested", {"name": _name(directions[chosen])}
                )
            )
    followed_up = {action.test for action in brief.rows("roadmap.actions", m.Action)}
    for test in tests:
        name = {"name": _name(test)}
        if test.direction is not None and test.direction not in directions:
            found.append(Check(3, "prototype.tests", "link_broken", name))
        if test.decision is None:
            found.append(Check(3, "prototype.tests", "test_no_decision", name))
        if not test.measure.strip():
            found.append(Check(3, "prototype.tests", "test_no_measure", name))
        if test.decision is m.Decision.CONTINUE and test.id not in followed_up:
            found.append(Check(4, "roadmap.actions", "test_without_action", name))
    return found


def _check_action(action: m.Action, objective_ids: set[str], test_ids: set[str]) -> list[Check]:
    """One action: who carries it, by when, for which objective, and links that still hold."""
    name = {"name": _name(action)}
    found: list[Check] = []
    if not action.owner.strip():
        found.append(Check(4, "roadmap.actions", "action_no_owner", name))
    if action.deadline is None:
        found.append(Check(4, "roadmap.actions", "action_no_deadline", name))
    elif action.start is not None and action.deadline < action.start:
        found.append(Check(4, "roadmap.actions", "action_deadline_before_start", name))
    if action.objective is None:
        found.append(Check(4, "roadmap.actions", "action_no_objective", name))
    elif action.objective not in objective_ids:
        found.append(Check(4, "roadmap.actions", "link_broken", name))
    if action.test is not None and action.test not in test_ids:
        found.append(Check(4, "roadmap.actions", "link_broken", name))
    return found


def _check_roadmap(brief: Brief) -> list[Check]:
    found: list[Check] = []
    objectives = brief.rows("roadmap.objectives", m.Objective)
    objective_ids = {objective.id for objective in objectives}
    test_ids = {test.id for test in brief.rows("prototype.tests", m.PrototypeTest)}
    actions = brief.rows("roadmap.actions", m.Action)
    for action in actions:
        found += _check_action(action, objective_ids, test_ids)
    served = {action.objective for action in actions}
    for objective in objectives:
        if objective.id not in served:
            found.append(
                Check(4, "roadmap.objectives", "objective_no_action", {"name": _name(objective)})
            )
    if not brief.is_filled("roadmap.decisions"):
        found.append(Check(4, "roadmap.decisions", "no_decision_route"))
    return found


# An amount as people type it: "€ 378.000,00", "€378,000.00", "€ 378000".
_AMOUNT = re.compile(r"€\s?(\d[\d.,\u00a0 ]*\d|\d)")


def _amount(typed: str) -> Decimal | None:
    """Read a typed amount in Flemish or English writing; None when it is no number."""
    digits = typed.replace("\u00a0", "").replace(" ", "")
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif re.search(r"[.,]\d{2}$", digits):
        decimal_mark = digits[-3]
    else:
        decimal_mark = ""
    whole, _, cents = digits.rpartition(decimal_mark) if decimal_mark else (digits, "", "")
    whole = whole.replace(".", "").replace(",", "")
    try:
        return Decimal(f"{whole}.{cents}" if cents else whole)
    except ArithmeticError:
        return None


def _check_nota(brief: Brief) -> list[Check]:
    """An accepted draft does not follow the brief: a decision naming an old budget must be seen."""
    total = brief_budget(brief).total
    named = [
        amount
        for article in brief.rows("roadmap.nota_articles", m.TextItem)
        for typed in _AMOUNT.findall(article.text)
        if (amount := _amount(typed)) is not None
    ]
    if named and total and total not in named:
        return [Check(4, "roadmap.nota_articles", "nota_budget_differs", {"amount": str(total)})]
    return []


def run_checks(brief: Brief) -> list[Check]:
    """Return every point of attention of the brief, in step order."""
    found = [
        Check(PARTS[key].step, key, "empty", {"part_key": key})
        for key in REQUIRED_PARTS
        if not brief.is_filled(key)
    ]
    found += _check_framing(brief)
    found += _check_evidence(brief)
    found += _check_explore(brief)
    found += _check_prototype(brief)
    found += _check_roadmap(brief)
    found += _check_nota(brief)
    found += _check_themes(brief)
    return sorted(found, key=lambda check: check.step)


def _check_themes(brief: Brief) -> list[Check]:
    """Every theme module's own points of attention, in the step of the part they concern."""
    return [Check.found(finding) for module in MODULES.values() for finding in module.checks(brief)]
