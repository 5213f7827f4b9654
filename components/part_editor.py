"""The part editor: one part of a brief as a field that saves itself while the user types.

The browser side (part_editor.js) saves over HTTP through web/save_api.py; this side
only tells it what to show: the stored value and version, the labels, the columns of a table
and a token to save with. Drawing the page never saves anything.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from briefs import model as m
from briefs.brief import Brief, StoredPart, saved_by_name
from briefs.i18n import TIMEZONE, Translator
from briefs.links import link_labels
from briefs.parts import PARTS, Kind
from briefs.present import FieldKind, FieldSpec, row_fields
from briefs.themes import DERIVED_CELLS
from web.save_api import SAVE_PATH

_HERE = Path(__file__).resolve().parent

# Inline (not file-backed) so that no component manifest or build step is needed; the
# sources stay in their own files to be read and linted as JavaScript and CSS.
_EDITOR = st.components.v2.component(
    "kernbrief_part_editor",
    css=(_HERE / "part_editor.css").read_text(encoding="utf-8"),
    js=(_HERE / "part_editor.js").read_text(encoding="utf-8"),
)

LOCALES = {"nl": "nl-BE", "en": "en-GB"}
TEXT_LIMITS = {Kind.SHORT_TEXT: m.SHORT_TEXT_MAX, Kind.LONG_TEXT: m.LONG_TEXT_MAX}
EDITOR_TEXTS = (
    "saving",
    "not_saved",
    "offline",
    "retry",
    "too_large",
    "too_long",
    "count",
    "conflict_waiting",
    "theirs",
    "keep_mine",
    "take_theirs",
    "took_theirs",
    "add_row",
    "remove_row",
    "move_up",
    "move_down",
    "row",
    "empty_choice",
    "missing_link",
    "bad_date",
    "bad_int",
    "bad_number",
    "bad_money",
    "bad_cents",
    "too_low",
    "too_high",
    "where",
    "cells_not_saved",
    "ambiguous",
)


# A save that changes the page around its part (the theme modules chosen open or close tabs)
# reruns the whole page, even from inside a fragment.
WHOLE_PAGE: tuple[str, ...] = ("<whole page>",)


def _ignore() -> None:
    """A save already happened over HTTP; the rerun this trigger causes redraws the page."""


def _redraw(fragments: tuple[str, ...]) -> None:
    """A save already happened over HTTP: rerun only the fragments that show the saved part."""
    try:
        st.rerun(list(fragments))
    except StreamlitAPIException:
        # One of them is not on the page any more: the page was left meanwhile, and the
        # page now shown was drawn after the save. Nothing to redraw (and a run of the whole
        # app from here could take the user back to the page they left).
        return


def _whole_page() -> None:
    """Back after a while away: others may have saved anything, so run the whole page."""
    st.rerun()


def editor_texts(t: Translator) -> dict[str, str]:
    return {name: t(f"editor.{name}") for name in EDITOR_TEXTS}


def status_text(stored: StoredPart, author: str, t: Translator) -> str:
    """Say when the value on screen, which is the stored one, was saved, and by whom if not me."""
    if stored.version == 0 or stored.saved_at is None:
        return t("save.not_yet")
    who = saved_by_name(stored.saved_by) if stored.saved_by != author else ""
    today = dt.datetime.now(TIMEZONE).date()
    if stored.saved_at.astimezone(TIMEZONE).date() == today:
        if who:
            return t("save.saved_at_by", time=t.clock(stored.saved_at), name=who)
        return t("save.saved_at", time=t.clock(stored.saved_at))
    if who:
        return t("save.saved_before_by", moment=t.moment(stored.saved_at), name=who)
    return t("save.saved_before", moment=t.moment(stored.saved_at))


# How much of a table's width a column of each kind takes, relative to the others: long text
# most, a name or a link to another row a good share, a date, an amount or a choice little,
# a score or a year least. The columns share the width (part_editor.js gives a date, an amount,
# a number or a choice the least width it needs to be read), so none is pushed out of view.
WEIGHTS = {
    FieldKind.LONG: 3.0,
    FieldKind.TEXT: 1.6,
    FieldKind.LINK: 1.8,
    FieldKind.CHOICE: 1.1,
    FieldKind.DATE: 1.25,
    FieldKind.MONEY: 1.1,
    FieldKind.NUMBER: 0.9,
    FieldKind.INT: 0.7,
}
# Texts that are shorter or longer than most by nature.
COLUMN_WEIGHTS = {"unit": 0.9, "plan_code": 1.0, "with_whom": 1.2, "assumption": 2.4}


def _column(field: FieldSpec, t: Translator, links: dict[str, dict[str, str]]) -> dict[str, Any]:
    column: dict[str, Any] = {
        "name": field.name,
        "label": t(f"col.{field.name}"),
        "kind": "text",
        "weight": COLUMN_WEIGHTS.get(field.name, WEIGHTS[field.kind]),
        "default": field.default,
    }
    if field.kind is FieldKind.LINK:
        options = [[key, label] for key, label in links[field.name].items()]
        column.update(kind="select", options=options)
    elif field.kind is FieldKind.CHOICE:
        assert field.options is not None
        column.update(
            kind="select", options=[[v.value, t(f"enum.{v.value}")] for v in field.options]
        )
    elif field.kind is FieldKind.INT:
        column.update(kind="int", min=field.low, max=field.high)
    elif field.kind in (FieldKind.DATE, FieldKind.MONEY, FieldKind.NUMBER):
        column.update(kind=field.kind.value)
    elif field.kind is FieldKind.LONG:
        column.update(kind="long")
    return column


def derived_cells(brief: Brief, key: str, t: Translator) -> dict[str, dict[str, str]]:
    """Per row id, what a theme module derives for the row's empty fields (none: {})."""
    maker = DERIVED_CELLS.get(key)
    if maker is None:
        return {}
    derive = maker(brief, t)
    return {
        str(row["id"]): cells
        for row in brief.part(key).value or []
        if isinstance(row, dict) and "id" in row and (cells := derive(row))
    }


def editor_columns(brief: Brief, key: str, t: Translator) -> list[dict[str, Any]]:
    """Describe a table part's columns for the editor.

    Each has its label, input kind, choices and default, its share of the width (``weight``),
    and whether it stands under the row with its label (``detail``) or as a column.
    """
    spec = PARTS[key]
    assert spec.row_model is not None
    links = {column: link_labels(brief, parts, t) for column, parts in spec.links.items()}
    columns = [_column(field, t, links) for field in row_fields(key)]
    if len(columns) > 1 and columns[0]["kind"] == "text":
        columns[0]["weight"] = 2.0  # the row's name: a title needs room to be read
    for column in columns:
        column["detail"] = column["name"] in spec.details
    return columns


def _layout(columns: list[dict[str, Any]]) -> str:
    """A list (one column), a table, or a table with a second line of details under each row.

    On a narrow screen (a phone) the editor shows the rows of a table as cards instead: that
    is the stylesheet's choice, by the width the editor has, not the server's.
    """
    if len(columns) == 1:
        return "list"
    return "details" if any(column["detail"] for column in columns) else "table"


def editor_data(
    brief: Brief,
    key: str,
    *,
    t: Translator,
    author: str,
    token: str,
    reset: int = 0,
    label: str | None = None,
    label_hidden: bool = True,
    height: int | None = None,
    readonly: bool = False,
) -> dict[str, Any]:
    """Return everything the browser needs to show and save one part."""
    spec = PARTS[key]
    stored = brief.part(key)
    data: dict[str, Any] = {
        "kind": spec.kind.value,
        "api": SAVE_PATH,
        "token": token,
        "brief": brief.id,
        "part": key,
        "value": stored.value,
        "version": stored.version,
        "reset": reset,
        "label": label or t(f"part.{key}.title"),
        "label_hidden": label_hidden,
        "status": status_text(stored, author, t),
        "lang": t.language,
        "locale": LOCALES.get(t.language, "nl-BE"),
        "max_length": TEXT_LIMITS.get(spec.kind),
        "height": height,
        "readonly": readonly,
        "refresh": True,
        "text": editor_texts(t),
    }
    if spec.kind in (Kind.CHOICE, Kind.MULTI):
        if spec.options is not None:
            data["options"] = [[o.value, t(f"enum.{o.value}")] for o in spec.options]
        else:
            labels = link_labels(brief, spec.links[""], t)
            data["options"] = [[value, label] for value, label in labels.items()]
    if spec.kind is Kind.ROWS:
        columns = editor_columns(brief, key, t)
        data["derived"] = derived_cells(brief, key, t)
        data["columns"] = columns
        data["layout"] = _layout(columns)
        # Rows are named as other steps link to them ("Actie 3"), or plainly "rij 3".
        row_name = f"link.{key}"
        data["text"]["row"] = t(row_name, n="{n}") if t.has(row_name) else t("editor.row")
    return data


def _after_save(redraw: tuple[str, ...]) -> Callable[[], None]:
    if redraw == WHOLE_PAGE:
        return _whole_page
    return functools.partial(_redraw, redraw) if redraw else _ignore


def part_editor(data: dict[str, Any], redraw: tuple[str, ...] = ()) -> None:
    """Draw one part editor; its key is stable, so a rerun never replaces what is typed.

    ``redraw`` names the fragments a save reruns; without them a save reruns what holds the
    editor (the page, or the fragment it is in); ``WHOLE_PAGE`` reruns the page from a fragment.
    """
    _EDITOR(
        key=f"part:{data['brief']}:{data['part']}",
        # The browser keeps the focus across the page's rerun after such a save (REFOCUS).
        data={**data, "rerun_page": redraw == WHOLE_PAGE},
        on_saved_change=_after_save(redraw),
        on_refresh_change=_whole_page,
    )
