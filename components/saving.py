"""Saving one part of a brief with its base version, and remembering why a save failed."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError

from briefs.i18n import Translator, format_number
from briefs.parts import PartValidationError, Problem
from components.state import PartProblem, PartState, brief_store, part_state, set_part_state
from storage.repository import StaleWrite


def attempt_save(brief_id: int, key: str, value: Any, base_version: int, author: str) -> bool:
    """Save ``value``; on failure keep it in the part's state with the reason. Return success."""
    state = part_state(brief_id, key) or PartState(base_version, value)
    try:
        saved = brief_store(fresh=True).save_part(brief_id, key, value, base_version, author)
    except PartValidationError as error:
        state.problem = PartProblem("invalid", value, problems=error.problems)
    except StaleWrite as error:
        state.problem = PartProblem(
            "conflict", value, theirs=error.current.value, theirs_version=error.current.version
        )
    except (OperationalError, DBAPIError):
        state.problem = PartProblem("database", value)
    else:
        state.base_version = saved.version
        state.shown_value = saved.value
        state.problem = None
        state.saved_now = saved.saved_at
        set_part_state(brief_id, key, state)
        return True
    set_part_state(brief_id, key, state)
    return False


def take_theirs(brief_id: int, key: str) -> None:
    """Drop this session's version and show what the database holds."""
    state = part_state(brief_id, key)
    if state is None or state.problem is None:
        return
    state.base_version = state.problem.theirs_version
    state.shown_value = state.problem.theirs
    state.problem = None
    state.editor_generation += 1
    set_part_state(brief_id, key, state)


def keep_mine(brief_id: int, key: str, author: str) -> None:
    """Save this session's version on top of the newer one, after the user chose so."""
    state = part_state(brief_id, key)
    if state is None or state.problem is None:
        return
    if attempt_save(brief_id, key, state.problem.mine, state.problem.theirs_version, author):
        state.editor_generation += 1
        set_part_state(brief_id, key, state)


def retry(brief_id: int, key: str, author: str) -> None:
    state = part_state(brief_id, key)
    if state is not None and state.problem is not None:
        attempt_save(brief_id, key, state.problem.mine, state.base_version, author)


def describe_problems(problems: list[Problem], t: Translator) -> str:
    """Return the reasons a value was refused, in words a participant understands."""
    described = []
    for problem in problems:
        rule = f"error.{problem.rule}"
        limit = problem.limit
        limit_text = format_number(limit) if isinstance(limit, int | float) else str(limit)
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
