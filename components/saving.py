"""Saving the sketches of a brief through Streamlit, with their base version and any problem."""

from __future__ import annotations

from typing import Any

from briefs.parts import PartValidationError
from components.state import PartProblem, PartState, brief_store, part_state, set_part_state
from storage.db import DATABASE_ERRORS
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
    except DATABASE_ERRORS:
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
