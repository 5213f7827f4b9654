"""The collegenota's figures and drafts: the budget per year and text drafted from the brief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from briefs import model as m
from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.links import root_cause
from briefs.present import Reader, row_fields
from briefs.theme_choice import shown_themes
from briefs.themes import MODULES

CENT = Decimal("0.01")
# Catalogue keys of the legal bases offered as suggestions for "Juridische grond", in order.
LEGAL_SUGGESTIONS = (
    "nota.legal.local_government",
    "nota.legal.cycle",
    "nota.legal.plan",
    "nota.legal.retail",
)


@dataclass(frozen=True)
class BudgetSplit:
    """The action list's budgets per calendar year, and those that fall in no year."""

    per_year: dict[int, Decimal] = field(default_factory=dict)
    # Actions with a budget but no start, no deadline or a deadline before the start.
    unplaced: tuple[m.Action, ...] = ()

    @property
    def unplaced_total(self) -> Decimal:
        return sum((action.budget or Decimal(0) for action in self.unplaced), Decimal(0))

    @property
    def total(self) -> Decimal:
        return sum(self.per_year.values(), Decimal(0)) + self.unplaced_total


def _days_per_year(start: dt.date, end: dt.date) -> dict[int, int]:
    """Days of each calendar year from ``start`` to ``end``, both included."""
    days: dict[int, int] = {}
    for year in range(start.year, end.year + 1):
        first = max(start, dt.date(year, 1, 1))
        last = min(end, dt.date(year, 12, 31))
        days[year] = (last - first).days + 1
    return days


def split_action(budget: Decimal, start: dt.date, end: dt.date) -> dict[int, Decimal]:
    """Split one budget over the years from ``start`` to ``end`` by their days, in cents.

    Each year but the last gets its share rounded to the cent; the last gets what remains,
    so the parts always add up to the budget exactly.
    """
    days = _days_per_year(start, end)
    total_days = sum(days.values())
    years = sorted(days)
    parts: dict[int, Decimal] = {}
    for year in years[:-1]:
        share = budget * days[year] / total_days
        parts[year] = share.quantize(CENT, rounding=ROUND_HALF_UP)
    parts[years[-1]] = budget - sum(parts.values(), Decimal(0))
    return parts


def budget_per_year(actions: Iterable[m.Action]) -> BudgetSplit:
    """Return the budgets of ``actions`` per calendar year, in proportion to their days.

    An action with a budget but without start or deadline, or with a deadline before its
    start, cannot be placed: it is listed apart, never dropped. A zero or empty budget adds
    nothing anywhere.
    """
    per_year: dict[int, Decimal] = {}
    unplaced: list[m.Action] = []
    for action in actions:
        if not action.budget:
            continue
        start, end = action.start, action.deadline
        if start is None or end is None or end < start:
            unplaced.append(action)
            continue
        for year, amount in split_action(action.budget, start, end).items():
            per_year[year] = per_year.get(year, Decimal(0)) + amount
    return BudgetSplit(dict(sorted(per_year.items())), tuple(unplaced))


def brief_budget(brief: Brief) -> BudgetSplit:
    return budget_per_year(brief.rows("roadmap.actions", m.Action))


def years_text(years: list[int]) -> str:
    """'2025', '2024–2026': the span of the years a budget falls in."""
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def joined(items: list[str], t: Translator) -> str:
    """'a, b en c' in Dutch, 'a, b and c' in English."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("nota.draft.and") + items[-1]


def _lines(*blocks: str) -> str:
    return "\n\n".join(block.strip() for block in blocks if block.strip())


def _figure_line(figure: m.KeyFigure, t: Translator) -> str:
    value = t.number(figure.value) if figure.value is not None else ""
    main = " ".join(part for part in (value, figure.unit.strip()) if part)
    line = f"{figure.indicator.strip()}: {main}" if main else figure.indicator.strip()
    extra = [str(figure.year) if figure.year else ""]
    if figure.source.strip():
        extra.append(t("nota.draft.figure_source", source=figure.source.strip()))
    notes = "; ".join(part for part in extra if part)
    return f"• {line} ({notes})" if notes else f"• {line}"


def draft_context(brief: Brief, t: Translator) -> str:
    """The situation, the problem and the key figures, as a start for 'Aanleiding en context'."""
    figures = [
        _figure_line(figure, t)
        for figure in brief.rows("challenge.key_figures", m.KeyFigure)
        if figure.indicator.strip()
    ]
    listed = "\n".join([t("nota.draft.figures"), *figures]) if figures else ""
    return _lines(brief.text("challenge.context"), brief.text("challenge.problem"), listed)


def _chosen_directions(brief: Brief) -> list[m.Direction]:
    chosen = set(brief.values("prototype.chosen"))
    return [d for d in brief.rows("explore.directions", m.Direction) if d.id in chosen]


def _direction_line(direction: m.Direction) -> str:
    title, description = direction.title.strip(), " ".join(direction.description.split())
    return f"• {title}: {description}" if title and description else f"• {title or description}"


def _test_line(test: m.PrototypeTest, t: Translator) -> str:
    found = " ".join(" ".join(text.split()) for text in (test.result, test.lesson) if text.strip())
    decision = t(f"enum.{test.decision.value}") if test.decision else ""
    head = test.idea.strip()
    line = f"{head}: {found}" if head and found else head or found
    return f"• {line} ({decision})" if decision else f"• {line}"


def draft_arguments(brief: Brief, t: Translator) -> str:
    """The root cause, the chosen directions and what the tests showed, for 'Argumentatie'."""
    cause = root_cause(brief)
    directions = [_direction_line(d) for d in _chosen_directions(brief)]
    tests = [
        _test_line(test, t)
        for test in brief.rows("prototype.tests", m.PrototypeTest)
        if test.result.strip() or test.lesson.strip()
    ]
    return _lines(
        t("nota.draft.root_cause", text=cause) if cause else "",
        *(MODULES[theme].argument(brief, t) for theme in shown_themes(brief)),
        "\n".join([t("nota.draft.directions"), *directions]) if directions else "",
        "\n".join([t("nota.draft.tests"), *tests]) if tests else "",
    )


def college_day(brief: Brief) -> dt.date | None:
    """The day the decision route puts the brief before the college, if it does (the first)."""
    for step in brief.rows("roadmap.decisions", m.DecisionStep):
        if step.body is m.DecisionBody.CBS and step.date is not None:
            return step.date
    return None


def nota_title(brief: Brief) -> str:
    """The nota's title: its subject, or else the brief's challenge question."""
    return brief.text("roadmap.nota_subject").strip() or brief.text("challenge.question").strip()


def _budget_article(brief: Brief, t: Translator) -> str:
    split = brief_budget(brief)
    if not split.total:
        return ""
    amount, years = t.money(split.total), years_text(list(split.per_year))
    line = brief.text("roadmap.budget_line").strip()
    if not years:
        years = "—"
    if line:
        return t("nota.article.budget_line", amount=amount, years=years, line=line)
    return t("nota.article.budget", amount=amount, years=years)


def _in_sentence(name: str) -> str:
    """'Schepen van mobiliteit' as it reads mid-sentence; 'MAT' or 'AWV' stay as they are."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _owner(brief: Brief, t: Translator) -> str:
    lead = brief.text("challenge.support_lead").strip()
    if lead:
        return _in_sentence(lead)
    owners: list[str] = []
    for action in brief.rows("roadmap.actions", m.Action):
        owner = action.owner.strip()
        if owner and owner not in owners:
            owners.append(owner)
    return joined(owners, t)


def _goes_to_council(brief: Brief) -> bool:
    steps = brief.rows("roadmap.decisions", m.DecisionStep)
    return any(step.body is m.DecisionBody.COUNCIL for step in steps)


def draft_articles(brief: Brief, t: Translator) -> list[str]:
    """Draft the decision's articles: the plan, its budget, who carries it out, the council."""
    # The plan unnamed: a subject reads as a decision ("… goedkeuring van …"), not as a name.
    articles = [t("nota.article.plan_unnamed"), _budget_article(brief, t)]
    owner = _owner(brief, t)
    if owner:
        articles.append(t("nota.article.owner", owner=owner))
    if _goes_to_council(brief):
        articles.append(t("nota.article.council"))
    return [article for article in articles if article]


_VERDICTS = {
    m.DecisionStatus.APPROVED: m.AdviceVerdict.FAVOURABLE,
    m.DecisionStatus.REJECTED: m.AdviceVerdict.UNFAVOURABLE,
}


def draft_advice(brief: Brief, t: Translator) -> list[dict[str, Any]]:
    """Rows of advice: each step of the decision route before the college, then the departments.

    The college and the council decide, they do not advise. An approved step reads as a
    favourable advice, a rejected one as unfavourable; the rest is left for the user.
    """
    rows: list[dict[str, Any]] = []
    for step in brief.rows("roadmap.decisions", m.DecisionStep):
        if step.body in (m.DecisionBody.CBS, m.DecisionBody.COUNCIL) or step.body is None:
            continue
        verdict = _VERDICTS.get(step.status) if step.status else None
        rows.append(
            m.Advice(
                adviser=t(f"enum.{step.body.value}"), date=step.date, verdict=verdict
            ).model_dump(mode="json")
        )
    for department in brief.values("challenge.departments"):
        name = t(f"enum.{department}")
        rows.append(m.Advice(adviser=t("nota.draft.department", name=name)).model_dump(mode="json"))
    return rows


def advice_lines(brief: Brief, rows: list[dict[str, Any]], t: Translator) -> list[str]:
    """Advice rows as one line each ('MAT · 10 juni 2024 · Gunstig'), for a draft shown as text."""
    reader = Reader(brief, t)
    fields = row_fields("roadmap.nota_advice")
    return [
        " · ".join(filter(None, (reader.cell(f, row.get(f.name)) for f in fields))) for row in rows
    ]
