"""Importing the vacancy inventory from a spreadsheet under its part: read, map, check, confirm.

What was read stays in this session until the user confirms; only then is it saved, on the
version of the inventory the page showed (a save in between is refused and said). Cancel,
or a confirmed import, empties the panel.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from briefs.i18n import Translator
from briefs.messages import describe_problems
from briefs.parts import PartValidationError
from briefs.themes.vacancy_import import (
    MAX_FILE_BYTES,
    PART,
    TARGETS,
    Converted,
    ImportRefused,
    Mode,
    Sheet,
    already_there,
    column_name,
    combined,
    convert,
    fits,
    guess_mapping,
    problem_column,
    problem_text,
    read_file,
    read_text,
    row_limit,
    unused_columns,
)
from components.fields import EditContext
from components.resilience import guarded
from components.state import (
    brief_store,
    bump_part_reset,
    import_draft,
    pop_import_notice,
    set_import_draft,
    set_import_notice,
)
from components.text import md_literal, safe_table
from storage.repository import StaleWrite

PREVIEW_ROWS = 10
NOT_IMPORTED = -1
FILE, PASTE = "file", "paste"


@dataclass
class ImportDraft:
    """What this session read for an import: a sheet or why it was refused, by its source."""

    generation: int = 0
    source: str = ""
    sheet: Sheet | None = None
    refused: tuple[str, dict[str, Any]] | None = None


def _draft(brief_id: int, key: str) -> ImportDraft:
    draft = import_draft(brief_id, key)
    if not isinstance(draft, ImportDraft):
        draft = ImportDraft()
        set_import_draft(brief_id, key, draft)
    return draft


def _start_over(brief_id: int, key: str) -> None:
    """Forget what was read: new, empty widgets (their keys carry the generation)."""
    draft = _draft(brief_id, key)
    set_import_draft(brief_id, key, ImportDraft(generation=draft.generation + 1))


def _read(draft: ImportDraft, source: str, reader: Any) -> Sheet | None:
    """The sheet of ``source``, read once per source and kept for the reruns that follow."""
    if draft.source != source:
        draft.source, draft.sheet, draft.refused = source, None, None
        try:
            draft.sheet = reader()
        except ImportRefused as refused:
            draft.refused = (refused.reason, refused.params)
    return draft.sheet


def _source_sheet(ctx: EditContext, draft: ImportDraft, base: str) -> Sheet | None:
    """The upload or the pasted cells, as the user chose, read into a sheet; or nothing yet."""
    t = ctx.t
    choice = st.radio(
        t("import.source"),
        [FILE, PASTE],
        format_func=lambda name: t(f"import.source_{name}"),
        horizontal=True,
        key=f"{base}:source",
    )
    if choice == FILE:
        upload = st.file_uploader(
            t("import.file", mb=MAX_FILE_BYTES // 1_048_576),
            key=f"{base}:file",
            max_upload_size=MAX_FILE_BYTES // 1_048_576,
        )
        if upload is None:
            return None
        data = upload.getvalue()
        sheet = _read(draft, f"file:{upload.file_id}", lambda: read_file(upload.name, data))
    else:
        # No max_chars: its counter would stand under the field; read_text says "too large".
        text = st.text_area(t("import.paste"), key=f"{base}:paste", height=160)
        if not text.strip():
            return None
        digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
        sheet = _read(draft, f"paste:{digest}", lambda: read_text(text))
    if draft.refused is not None:
        reason, params = draft.refused
        st.error(t(f"import.refused.{reason}", **params))
    return sheet


def _sheet_preview(sheet: Sheet, has_header: bool, header: tuple[str, ...], t: Translator) -> None:
    body = sheet.body(has_header)
    st.subheader(t("import.sheet"))
    st.caption(t("import.sheet_rows", rows=len(body), shown=min(len(body), PREVIEW_ROWS)))
    columns = [t("import.row"), *(column_name(header, i) for i in range(sheet.width))]
    rows = [
        [str(line), *(_cell_text(cells[i]) if i < len(cells) else "" for i in range(sheet.width))]
        for line, cells in body[:PREVIEW_ROWS]
    ]
    st.dataframe(safe_table(rows, columns=columns), hide_index=True, width="stretch")


def _cell_text(cell: Any) -> str:
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date().strftime("%d/%m/%Y")
    if isinstance(cell, dt.date) and not isinstance(cell, dt.datetime):
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell)


def _mapping(
    sheet: Sheet, header: tuple[str, ...], base: str, t: Translator
) -> dict[str, int | None]:
    """A choice of column per field, first as the column names suggest."""
    st.subheader(t("import.mapping"))
    st.caption(t("import.mapping_help"))
    guessed = guess_mapping(header)
    options = [NOT_IMPORTED, *range(sheet.width)]
    mapping: dict[str, int | None] = {}
    columns = st.columns(2)
    for number, target in enumerate(TARGETS):
        guess = guessed[target]
        with columns[number % 2]:
            chosen = st.selectbox(
                t(f"col.{target}"),
                options,
                index=options.index(guess if guess is not None else NOT_IMPORTED),
                format_func=lambda i: (
                    t("import.not_imported") if i == NOT_IMPORTED else column_name(header, i)
                ),
                key=f"{base}:map:{target}",
            )
        mapping[target] = None if chosen == NOT_IMPORTED else int(chosen)
    unused = unused_columns(sheet.width, mapping)
    if unused:
        names = ", ".join(column_name(header, i) for i in unused)
        st.warning(md_literal(t("import.unused", columns=names)))
    return mapping


def _shown(target: str, value: Any, t: Translator) -> str:
    """A stored value as the part's table reads it: choices in words, Flemish dates and money."""
    if value is None or value == "":
        return ""
    if target in ("zone", "category", "in_register"):
        return t(f"enum.{value}")
    if target == "vacant_since":
        return t.short_day(dt.date.fromisoformat(str(value)))
    if target == "tax":
        return t.money(Decimal(str(value)))
    if target == "area":
        return t.number(float(value))
    return str(value)


def _result(converted: Converted, header: tuple[str, ...], t: Translator) -> None:
    st.subheader(t("import.result"))
    st.text(
        t(
            "import.summary",
            rows=len(converted.rows),
            failed=converted.failed,
            empty=converted.empty,
        )
    )
    if converted.rows:
        columns = [t("import.row"), *(t(f"col.{target}") for target in TARGETS)]
        rows = [
            [str(line), *(_shown(target, row.get(target), t) for target in TARGETS)]
            for line, row in zip(converted.lines, converted.rows, strict=True)
        ]
        st.dataframe(safe_table(rows, columns=columns), hide_index=True, width="stretch")
    if converted.errors:
        st.subheader(t("import.errors"))
        st.caption(t("import.errors_help"))
        errors = [
            [
                str(error.line),
                problem_column(error, header, t),
                error.value,
                problem_text(error, t),
            ]
            for error in converted.errors
        ]
        columns = [t("import.row"), t("import.column"), t("import.value"), t("import.problem")]
        st.dataframe(safe_table(errors, columns=columns), hide_index=True, width="stretch")


def _confirm(
    brief_id: int,
    key: str,
    rows: list[dict[str, Any]],
    mode: Mode,
    version: int,
    author: str,
    redraw: tuple[str, ...],
) -> None:
    """Save the import on the version of the inventory the user saw, then show the part."""
    store = brief_store(fresh=True)
    current = store.load(brief_id).part(key)
    if current.version != version:
        # Someone (or this user's own editor) saved since the page was drawn: say so rather
        # than add to, or replace, an inventory the user has not seen.
        set_import_notice(brief_id, key, ("warning", "import.stale", {}))
        return
    value = combined(list(current.value or []), rows, mode)
    try:
        store.save_part(brief_id, key, value, version, author)
    except StaleWrite:
        set_import_notice(brief_id, key, ("warning", "import.stale", {}))
        return
    except PartValidationError as error:
        set_import_notice(
            brief_id, key, ("error", "import.not_saved", {"problems": error.problems})
        )
        return
    set_import_notice(brief_id, key, ("success", "import.done", {"count": len(rows)}))
    _start_over(brief_id, key)
    bump_part_reset(brief_id, key)
    if redraw:
        try:
            # The part, what reads it (a chart) and the checks; not the whole page.
            st.rerun(list(redraw))
        except StreamlitAPIException:
            return


def _confirm_area(ctx: EditContext, key: str, converted: Converted, base: str) -> None:
    t = ctx.t
    stored = ctx.brief.part(key)
    current = list(stored.value or [])
    mode = Mode(
        st.radio(
            t("import.mode"),
            [Mode.APPEND.value, Mode.REPLACE.value],
            format_func=lambda name: t(f"import.mode_{name}"),
            key=f"{base}:mode",
        )
    )
    rows = list(converted.rows)
    if mode is Mode.REPLACE and current:
        st.warning(t("import.replaces", count=len(current)))
    elif mode is Mode.APPEND and (known := already_there(current, rows)):
        st.info(t("import.known", count=known))
    room = fits(len(current), len(rows), mode)
    if not room:
        count = len(rows) if mode is Mode.REPLACE else len(current) + len(rows)
        st.error(t("import.too_many", limit=t.number(row_limit()), count=count))
    buttons = st.container(horizontal=True)
    buttons.button(
        t("import.confirm", count=len(rows)),
        key=f"{base}:confirm",
        type="primary",
        disabled=not rows or not room,
        on_click=guarded(_confirm),
        args=(
            ctx.brief.id,
            key,
            rows,
            mode,
            stored.version,
            ctx.author,
            ctx.redraw_after_save.get(key, ()),
        ),
    )
    buttons.button(
        t("import.cancel"), key=f"{base}:cancel", on_click=_start_over, args=(ctx.brief.id, key)
    )


def _notice(ctx: EditContext, key: str) -> None:
    notice = pop_import_notice(ctx.brief.id, key)
    if notice is None:
        return
    kind, message, params = notice
    if "problems" in params:
        params = {"problems": describe_problems(params["problems"], ctx.t)}
    show = {"success": st.success, "warning": st.warning}.get(kind, st.error)
    show(ctx.t(message, **params))


def _panel(ctx: EditContext, key: str) -> None:
    t = ctx.t
    draft = _draft(ctx.brief.id, key)
    base = f"import:{ctx.brief.id}:{key}:{draft.generation}"
    st.caption(t("import.intro"))
    sheet = _source_sheet(ctx, draft, base)
    if sheet is None:
        return
    has_header = st.checkbox(t("import.has_header"), value=True, key=f"{base}:header")
    header = sheet.header(has_header)
    _sheet_preview(sheet, has_header, header, t)
    # The choices of columns start again from the names for another sheet or header row.
    mapping = _mapping(sheet, header, f"{base}:{draft.source[-12:]}:{has_header}", t)
    if all(index is None for index in mapping.values()):
        st.warning(t("import.nothing_mapped"))
        return
    converted = convert(sheet, mapping, has_header)
    _result(converted, header, t)
    _confirm_area(ctx, key, converted, base)


def theme_import(ctx: EditContext, key: str) -> None:
    """Under the vacancy inventory: its import from a spreadsheet, folded until opened."""
    if key != PART or ctx.readonly:
        return
    panel_key = f"import_panel-{key.replace('.', '-')}"
    panel = st.expander(ctx.t("import.open"), key=panel_key, on_change="rerun")
    _notice(ctx, key)
    if panel.open:
        with panel:
            _panel(ctx, key)
