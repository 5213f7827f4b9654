"""Why a value was refused, in words a participant understands, in their language."""

from __future__ import annotations

from decimal import Decimal

from briefs.i18n import Translator
from briefs.parts import Problem


def describe_problems(problems: list[Problem], t: Translator) -> str:
    """Return the reasons a value was refused, each naming its row and column when known."""
    described = []
    for problem in problems:
        rule = f"error.{problem.rule}"
        limit = problem.limit
        numeric = isinstance(limit, int | float | Decimal) and not isinstance(limit, bool)
        # Thousands are grouped from 10.000 on: a year reads 1900, not 1.900.
        grouped = numeric and abs(limit) >= 10_000
        limit_text = t.number(limit) if grouped else str(limit)
        text = t(rule, limit=limit_text) if t.has(rule) else t("error.other")
        column = (
            t(f"col.{problem.column}")
            if problem.column and t.has(f"col.{problem.column}")
            else None
        )
        if problem.row is not None and column:
            text = t("error.where_row", row=problem.row + 1, column=column, problem=text)
        elif column:
            text = t("error.where_column", column=column, problem=text)
        if text not in described:
            described.append(text)
    return "; ".join(described)
