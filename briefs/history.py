"""A part's saved versions: what it was at a moment, and a short account of what changed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from briefs.brief import StoredPart, saved_by_name
from briefs.content import without_blank_rows
from briefs.i18n import Translator
from briefs.links import row_name, short
from briefs.parts import PARTS, Kind, parse_part, parts_of_step

_WORD = re.compile(r"\S+")
SNIPPET_WORDS = 8
BURST = timedelta(seconds=2)


def value_at(revisions: list[StoredPart], moment: datetime, key: str) -> StoredPart:
    """Return the version of a part that was current at ``moment`` (empty if none yet)."""
    current = None
    for revision in revisions:
        if revision.saved_at is not None and revision.saved_at <= moment:
            current = revision
    return current if current is not None else StoredPart(PARTS[key].empty, 0)


@dataclass(frozen=True)
class Moment:
    """A burst of saves in one step: when it ended, which parts, by whom."""

    at: datetime
    keys: tuple[str, ...]
    names: tuple[str, ...]


def step_moments(
    history: dict[str, list[StoredPart]], step: int, current: dict[str, Any]
) -> list[Moment]:
    """The moments a step can be restored to that would change something, newest first.

    Saves less than BURST apart form one moment: leaving a table saves several parts at
    once, and nobody means the state between those saves.
    """
    keys = {spec.key for spec in parts_of_step(step)}
    saves = sorted(
        (revision.saved_at, key, saved_by_name(revision.saved_by))
        for key, found in history.items()
        if key in keys
        for revision in found
        if revision.saved_at is not None
    )
    bursts: list[list[tuple[datetime, str, str]]] = []
    for save in saves:
        if bursts and save[0] - bursts[-1][-1][0] <= BURST:
            bursts[-1].append(save)
        else:
            bursts.append([save])
    moments = []
    for burst in reversed(bursts):
        at = burst[-1][0]
        if step_at(history, step, at) == current:
            continue
        moments.append(
            Moment(
                at,
                tuple(dict.fromkeys(key for _at, key, _name in burst)),
                tuple(dict.fromkeys(name for _at, _key, name in burst if name)),
            )
        )
    return moments


def step_at(history: dict[str, list[StoredPart]], step: int, moment: datetime) -> dict[str, Any]:
    """Return the value of every part of a step as it was at ``moment``."""
    return {
        spec.key: value_at(history.get(spec.key, []), moment, spec.key).value
        for spec in parts_of_step(step)
    }


def _counted(key: str, items: list[Any]) -> str:
    """The catalogue key for one item ("1 woord") or several ("3 woorden")."""
    return f"{key}_one" if len(items) == 1 else key


def _snippet(words: list[str]) -> str:
    text = " ".join(words[:SNIPPET_WORDS])
    return text + (" …" if len(words) > SNIPPET_WORDS else "")


def _text_change(old: str, new: str, t: Translator) -> str:
    before, after = _WORD.findall(old or ""), _WORD.findall(new or "")
    added: list[str] = []
    removed: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            removed += before[i1:i2]
        if tag in ("insert", "replace"):
            added += after[j1:j2]
    parts = []
    if added:
        parts.append(
            t(_counted("history.words_added", added), count=len(added), words=_snippet(added))
        )
    if removed:
        parts.append(
            t(
                _counted("history.words_removed", removed),
                count=len(removed),
                words=_snippet(removed),
            )
        )
    return "; ".join(parts)


def _names(rows: list[Any]) -> str:
    return ", ".join(short(row_name(row), 30) or "—" for row in rows[:3])


def _row_difference(key: str, old: Any, new: Any) -> tuple[list[Any], list[Any], list[str], bool]:
    """Return the rows added, the rows removed, the ids changed, and whether the order moved."""
    before = {row.id: row for row in parse_part(key, without_blank_rows(key, old or []))}
    after = {row.id: row for row in parse_part(key, without_blank_rows(key, new or []))}
    added = [after[i] for i in after if i not in before]
    removed = [before[i] for i in before if i not in after]
    changed = [i for i in after if i in before and after[i] != before[i]]
    return added, removed, changed, list(before) != list(after)


def _row_change(key: str, old: Any, new: Any, t: Translator, labels: dict[str, str]) -> str:
    added, removed, changed, moved = _row_difference(key, old, new)
    parts = []
    if added:
        counted = _counted("history.rows_added", added)
        parts.append(t(counted, count=len(added), names=_names(added)))
    if removed:
        counted = _counted("history.rows_removed", removed)
        parts.append(t(counted, count=len(removed), names=_names(removed)))
    if changed:
        parts.append(t(_counted("history.rows_changed", changed), count=len(changed)))
    if not parts and moved:
        parts.append(t("history.rows_reordered"))
    return "; ".join(parts) or t("history.same")


def _choice_label(value: Any, key: str, t: Translator, labels: dict[str, str]) -> str:
    if value in (None, ""):
        return "—"
    if PARTS[key].options is not None:
        return t(f"enum.{value}")
    return labels.get(str(value), t("link.missing"))


def _text_difference(key: str, old: Any, new: Any, t: Translator, labels: dict[str, str]) -> str:
    return _text_change(str(old or ""), str(new or ""), t) or t("history.spacing")


def _choice_change(key: str, old: Any, new: Any, t: Translator, labels: dict[str, str]) -> str:
    return f"{_choice_label(old, key, t, labels)} → {_choice_label(new, key, t, labels)}"


def _multi_change(key: str, old: Any, new: Any, t: Translator, labels: dict[str, str]) -> str:
    gained = [v for v in new or [] if v not in (old or [])]
    lost = [v for v in old or [] if v not in (new or [])]
    parts = [f"+ {_choice_label(v, key, t, labels)}" for v in gained]
    parts += [f"− {_choice_label(v, key, t, labels)}" for v in lost]
    return ", ".join(parts) or t("history.rows_reordered")


def _sketch_change(key: str, old: Any, new: Any, t: Translator, labels: dict[str, str]) -> str:
    return t("history.sketches", before=len(old or []), after=len(new or []))


_DESCRIBE_BY_KIND = {
    Kind.SHORT_TEXT: _text_difference,
    Kind.LONG_TEXT: _text_difference,
    Kind.CHOICE: _choice_change,
    Kind.MULTI: _multi_change,
    Kind.SKETCHES: _sketch_change,
    Kind.ROWS: _row_change,
}


def describe_change(
    key: str, old: Any, new: Any, t: Translator, labels: dict[str, str] | None = None
) -> str:
    """Say in a line what changed from ``old`` to ``new``, in the user's language.

    ``labels`` names linked rows (chosen directions) by their current titles.
    """
    if old == new:
        return t("history.same")
    return _DESCRIBE_BY_KIND[PARTS[key].kind](key, old, new, t, labels or {})
