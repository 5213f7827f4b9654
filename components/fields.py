"""Autosaving widgets for each kind of part: text, choice, multi-choice, tables and sketches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from briefs.brief import Brief
from briefs.i18n import Translator, format_clock, format_moment
from briefs.images import MAX_PIXELS, MAX_UPLOAD_BYTES, ImageRefused, clean_image
from briefs.links import link_labels
from briefs.parts import PARTS, Kind, PartValidationError, validate_part
from components.columns import column_config, frame_to_rows, rows_to_frame, visible_fields
from components.saving import attempt_save, describe_problems, keep_mine, retry, take_theirs
from components.state import (
    PartState,
    brief_store,
    has_widget,
    part_state,
    set_part_state,
    set_widget_value,
    widget_value,
)


@dataclass(frozen=True)
class EditContext:
    """Who edits which brief, in which language."""

    brief: Brief
    author: str
    t: Translator


def field_key(brief_id: int, key: str) -> str:
    return f"field:{brief_id}:{key}"


def editor_key(brief_id: int, key: str, version: int, generation: int = 0) -> str:
    return f"rows:{brief_id}:{key}:{version}:{generation}"


def part_header(key: str, t: Translator, level: str = "subheader") -> None:
    """Show a part's title, guidance and example (our own catalogue text, never user text)."""
    title = t(f"part.{key}.title")
    anchor = key.replace(".", "-").replace("_", "-")
    if level == "subheader":
        st.subheader(title, anchor=anchor)
    else:
        st.markdown(f"**{title}**")
    st.caption(t(f"part.{key}.help"))
    with st.expander(t("step.example")):
        st.text(t(f"part.{key}.example"))


def _sync_state(brief: Brief, key: str, pending: bool) -> PartState:
    """Follow the database unless this session holds an unsaved or refused value."""
    stored = brief.part(key)
    state = part_state(brief.id, key)
    if state is None:
        state = PartState(stored.version, stored.value)
    elif state.problem is None and not pending and state.base_version != stored.version:
        state = PartState(
            stored.version, stored.value, editor_generation=state.editor_generation + 1
        )
    set_part_state(brief.id, key, state)
    return state


def _status(ctx: EditContext, key: str, state: PartState, show_tables: bool = False) -> None:
    """Show when the part was saved, or why it was not and what the user can do."""
    t, brief = ctx.t, ctx.brief
    problem = state.problem
    if problem is None:
        stored = brief.part(key)
        if state.saved_now is not None:
            st.caption(t("save.saved_at", time=format_clock(state.saved_now)))
        elif stored.saved_at is not None and stored.version == state.base_version:
            st.caption(t("save.saved_before", moment=format_moment(stored.saved_at)))
        else:
            st.caption(t("save.not_yet"))
        return
    if problem.kind == "invalid":
        st.error(t("save.invalid", problems=describe_problems(problem.problems, t)))
    elif problem.kind == "database":
        st.error(t("save.db_error"))
        st.button(
            t("save.retry"),
            key=f"retry:{brief.id}:{key}",
            on_click=retry,
            args=(brief.id, key, ctx.author),
        )
    else:
        st.warning(t("save.conflict"))
        mine, theirs = st.columns(2)
        for column, title, value in (
            (mine, t("save.conflict_mine"), problem.mine),
            (theirs, t("save.conflict_theirs"), problem.theirs),
        ):
            with column:
                st.markdown(f"**{title}**")
                _show_value(key, value, show_tables, ctx)
        keep, take = st.columns(2)
        keep.button(
            t("save.keep_mine"),
            key=f"keep:{brief.id}:{key}",
            on_click=_keep_mine_and_show,
            args=(brief.id, key, ctx.author),
        )
        take.button(
            t("save.take_theirs"),
            key=f"take:{brief.id}:{key}",
            on_click=_take_theirs_and_show,
            args=(brief.id, key),
        )


def _show_value(key: str, value: Any, as_table: bool, ctx: EditContext) -> None:
    spec = PARTS[key]
    if as_table and spec.row_model is not None and isinstance(value, list):
        st.dataframe(
            rows_to_frame(spec.row_model, value),
            hide_index=True,
            column_order=visible_fields(spec.row_model),
        )
    elif isinstance(value, list):
        st.text("\n".join(_option_label(spec.options, str(v), ctx.t) for v in value))
    else:
        st.text(_option_label(spec.options, value, ctx.t) if value else "—")


def _option_label(options: Any, value: Any, t: Translator) -> str:
    return t(f"enum.{value}") if options is not None and value is not None else str(value)


def _keep_mine_and_show(brief_id: int, key: str, author: str) -> None:
    keep_mine(brief_id, key, author)
    state = part_state(brief_id, key)
    if state is not None and state.problem is None:
        set_widget_value(field_key(brief_id, key), _to_widget(key, state.shown_value))


def _take_theirs_and_show(brief_id: int, key: str) -> None:
    take_theirs(brief_id, key)
    state = part_state(brief_id, key)
    if state is not None:
        set_widget_value(field_key(brief_id, key), _to_widget(key, state.shown_value))


def _to_widget(key: str, value: Any) -> Any:
    kind = PARTS[key].kind
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
        return value or ""
    if kind is Kind.MULTI:
        return list(value or [])
    return value


def _save_widget(brief_id: int, key: str, author: str) -> None:
    state = part_state(brief_id, key)
    base = state.base_version if state else 0
    if state is not None and state.problem is not None and state.problem.kind == "conflict":
        # Still in conflict: remember the newest text, decide only when the user chooses.
        state.problem.mine = widget_value(field_key(brief_id, key))
        return
    attempt_save(brief_id, key, widget_value(field_key(brief_id, key)), base, author)


def scalar_field(
    ctx: EditContext, key: str, *, header: bool = True, show_label: bool = True, height: int = 140
) -> None:
    """A text, choice or multi-choice part that saves itself when it changes."""
    brief, t = ctx.brief, ctx.t
    spec = PARTS[key]
    widget_key = field_key(brief.id, key)
    state = _sync_state(brief, key, pending=False)
    if not has_widget(widget_key) or state.problem is None:
        wanted = state.problem.mine if state.problem is not None else state.shown_value
        if not has_widget(widget_key) or widget_value(widget_key) != _to_widget(key, wanted):
            set_widget_value(widget_key, _to_widget(key, wanted))
    if header:
        part_header(key, t)
    label = t(f"part.{key}.title")
    visibility = "collapsed" if header or not show_label else "visible"
    common: dict[str, Any] = {
        "key": widget_key,
        "on_change": _save_widget,
        "args": (brief.id, key, ctx.author),
        "label_visibility": visibility,
    }
    if spec.kind is Kind.LONG_TEXT:
        st.text_area(label, height=height, **common)
    elif spec.kind is Kind.SHORT_TEXT:
        st.text_input(label, **common)
    elif spec.kind is Kind.CHOICE:
        assert spec.options is not None
        st.selectbox(
            label,
            [option.value for option in spec.options],
            format_func=lambda value: t(f"enum.{value}"),
            index=None,
            placeholder="—",
            **common,
        )
    else:
        if spec.options is not None:
            options = [option.value for option in spec.options]
            labels = {value: t(f"enum.{value}") for value in options}
        else:
            labels = link_labels(brief, spec.links[""], t)
            options = list(labels)
        options += [value for value in widget_value(widget_key) or [] if value not in labels]
        st.multiselect(
            label,
            options,
            format_func=lambda value: labels.get(value, t("link.missing")),
            placeholder="—",
            **common,
        )
    _status(ctx, key, state)


def _has_edits(editor_state: Any) -> bool:
    if not isinstance(editor_state, dict):
        return False
    return any(editor_state.get(name) for name in ("edited_rows", "added_rows", "deleted_rows"))


def rows_field(ctx: EditContext, key: str, *, header: bool = True) -> list[dict[str, Any]]:
    """A table part edited in place; returns the rows as saved, for charts below it."""
    brief, t = ctx.brief, ctx.t
    spec = PARTS[key]
    assert spec.row_model is not None
    previous = part_state(brief.id, key)
    pending = previous is not None and _has_edits(
        st.session_state.get(
            editor_key(brief.id, key, previous.base_version, previous.editor_generation)
        )
    )
    state = _sync_state(brief, key, pending)
    if header:
        part_header(key, t)
    links = {column: link_labels(brief, parts, t) for column, parts in spec.links.items()}
    widget_key = editor_key(brief.id, key, state.base_version, state.editor_generation)
    edited = st.data_editor(
        rows_to_frame(spec.row_model, state.shown_value),
        key=widget_key,
        num_rows="dynamic",
        hide_index=True,
        column_order=visible_fields(spec.row_model),
        column_config=column_config(spec.row_model, t, links),
        width="stretch",
        placeholder="—",
    )
    in_conflict = state.problem is not None and state.problem.kind == "conflict"
    # Only what the user edited is saved: showing a table never writes.
    user_edited = _has_edits(st.session_state.get(widget_key))
    if isinstance(edited, pd.DataFrame) and user_edited and not in_conflict:
        candidate = frame_to_rows(spec.row_model, edited)
        try:
            changed = validate_part(key, candidate) != state.shown_value
        except PartValidationError:
            changed = True
        if changed and attempt_save(brief.id, key, candidate, state.base_version, ctx.author):
            st.rerun()
    _status(ctx, key, part_state(brief.id, key) or state, show_tables=True)
    current = part_state(brief.id, key) or state
    return list(current.shown_value or [])


def sketches_field(ctx: EditContext, key: str = "prototype.sketches") -> None:
    """A gallery of sketches with captions, and an upload that accepts only real images."""
    brief, t = ctx.brief, ctx.t
    state = _sync_state(brief, key, pending=False)
    part_header(key, t)
    sketches: list[dict[str, Any]] = list(state.shown_value or [])
    if not sketches:
        st.caption(t("upload.none"))
    columns = st.columns(3)
    for index, sketch in enumerate(sketches):
        with columns[index % 3]:
            data = brief_store().image(brief.id, int(sketch["image_id"]))
            if data is None:
                st.text(t("upload.missing_image"))
            else:
                st.image(data, width="stretch")
            st.text(sketch.get("caption", ""))
            st.button(
                t("upload.remove"),
                key=f"remove:{brief.id}:{sketch['id']}",
                on_click=_remove_sketch,
                args=(brief.id, key, sketch["id"], ctx.author),
            )
    upload_key = f"upload:{brief.id}:{state.editor_generation}"
    caption_key = f"caption:{brief.id}:{state.editor_generation}"
    st.file_uploader(t("upload.label", mb=MAX_UPLOAD_BYTES // (1024 * 1024)), key=upload_key)
    st.text_input(t("upload.caption"), key=caption_key)
    st.button(
        t("upload.add"),
        key=f"add_sketch:{brief.id}",
        on_click=_add_sketch,
        args=(brief.id, key, upload_key, caption_key, ctx.author),
    )
    notice = st.session_state.pop(f"upload_notice:{brief.id}", None)
    if notice:
        kind, message, problems = notice
        if kind == "ok":
            st.success(t(message))
        elif kind == "invalid":
            st.error(t(message, problems=describe_problems(problems, t)))
        else:
            st.error(
                t(message, mb=MAX_UPLOAD_BYTES // 1_048_576, megapixels=MAX_PIXELS // 1_000_000)
            )
    _status(ctx, key, part_state(brief.id, key) or state)


def _add_sketch(brief_id: int, key: str, upload_key: str, caption_key: str, author: str) -> None:
    upload = st.session_state.get(upload_key)
    if upload is None:
        return
    notice_key = f"upload_notice:{brief_id}"
    try:
        image = clean_image(upload.getvalue())
    except ImageRefused as refused:
        st.session_state[notice_key] = ("error", f"upload.{refused.reason}", [])
        return
    state = part_state(brief_id, key)
    base = state.base_version if state else 0
    sketches = list(state.shown_value or []) if state else []
    caption = str(st.session_state.get(caption_key) or "")
    try:
        # Check the caption and the list length before the image takes space in the database.
        validate_part(key, [*sketches, {"image_id": 1, "caption": caption}])
    except PartValidationError as error:
        st.session_state[notice_key] = ("invalid", "save.invalid", error.problems)
        return
    image_id = brief_store().add_image(brief_id, image)
    if attempt_save(
        brief_id, key, [*sketches, {"image_id": image_id, "caption": caption}], base, author
    ):
        st.session_state[notice_key] = ("ok", "upload.saved", [])
        saved = part_state(brief_id, key)
        if saved is not None:
            saved.editor_generation += 1


def _remove_sketch(brief_id: int, key: str, sketch_id: str, author: str) -> None:
    state = part_state(brief_id, key)
    if state is None:
        return
    remaining = [s for s in state.shown_value or [] if s.get("id") != sketch_id]
    attempt_save(brief_id, key, remaining, state.base_version, author)
