"""The parts of a brief on a step page: editors that save themselves, and the sketch gallery."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.images import MAX_PIXELS, MAX_UPLOAD_BYTES, ImageRefused, clean_image
from briefs.messages import describe_problems
from briefs.parts import PartValidationError, validate_part
from components.history import history_button
from components.part_editor import editor_data, part_editor, status_text
from components.part_view import sketch_image
from components.resilience import guarded
from components.saving import attempt_save, keep_mine, take_theirs
from components.state import (
    PartState,
    brief_store,
    part_reset,
    part_state,
    pop_upload_notice,
    set_part_state,
    set_upload_notice,
    widget_value,
)
from components.text import md_literal

DEFAULT_FIELD_HEIGHT = 140


@dataclass(frozen=True)
class EditContext:
    """Who edits which brief, in which language, and the token their browser saves with."""

    brief: Brief
    author: str
    t: Translator
    token: str = ""
    readonly: bool = False
    # For each part, the fragments its save reruns (components/steps.py); none: the page.
    redraw_after_save: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def part_header(key: str, t: Translator, level: str = "subheader") -> None:
    """Show a part's title, guidance and example (our own catalogue text, never user text)."""
    title = t(f"part.{key}.title")
    anchor = key.replace(".", "-").replace("_", "-")
    if level == "subheader":
        # An h2: a part is a section of its step page, right under the title (h1).
        st.header(title, anchor=anchor)
    else:
        st.markdown(f"**{title}**")
    st.caption(t(f"part.{key}.help"))
    with st.expander(t("step.example")):
        st.text(t(f"part.{key}.example"))


def _editor(ctx: EditContext, key: str, **options: Any) -> None:
    part_editor(
        editor_data(
            ctx.brief,
            key,
            t=ctx.t,
            author=ctx.author,
            token=ctx.token,
            reset=part_reset(ctx.brief.id, key),
            readonly=ctx.readonly,
            **options,
        ),
        redraw=ctx.redraw_after_save.get(key, ()),
    )


def _history(ctx: EditContext, key: str) -> None:
    history_button(ctx.brief, key, ctx.t, None if ctx.readonly else ctx.author)


def part_field(
    ctx: EditContext,
    key: str,
    *,
    header: bool = True,
    show_label: bool = False,
    height: int | None = None,
) -> None:
    """A text, choice or table part, with its guidance, that saves itself while the user types."""
    with st.container(key=f"part-{key.replace('.', '-')}"):
        if header:
            part_header(key, ctx.t)
        _editor(ctx, key, label_hidden=not show_label, height=height or DEFAULT_FIELD_HEIGHT)
        _history(ctx, key)


def _sketch_state(brief: Brief, key: str) -> PartState:
    """Follow the database unless this session holds a refused sketch list."""
    stored = brief.part(key)
    state = part_state(brief.id, key)
    if state is None or (state.problem is None and state.base_version != stored.version):
        generation = state.editor_generation + 1 if state is not None else 0
        state = PartState(stored.version, stored.value, editor_generation=generation)
        set_part_state(brief.id, key, state)
    return state


def _sketch_status(ctx: EditContext, key: str, state: PartState) -> None:
    """Show when the sketches were saved, or why not and what the user can do."""
    t, brief = ctx.t, ctx.brief
    problem = state.problem
    if problem is None:
        st.caption(md_literal(status_text(brief.part(key), ctx.author, t)))
        return
    if problem.kind == "invalid":
        st.error(t("save.invalid", problems=describe_problems(problem.problems, t)))
    elif problem.kind == "database":
        st.error(t("save.db_error"))
    else:
        st.warning(t("save.conflict"))
        keep, take = st.columns(2)
        keep.button(
            t("save.keep_mine"),
            key=f"keep:{brief.id}:{key}",
            on_click=guarded(keep_mine),
            args=(brief.id, key, ctx.author),
        )
        take.button(
            t("save.take_theirs"),
            key=f"take:{brief.id}:{key}",
            on_click=guarded(take_theirs),
            args=(brief.id, key),
        )


def sketches_field(ctx: EditContext, key: str = "prototype.sketches") -> None:
    """A gallery of sketches with captions, and an upload that accepts only real images."""
    brief, t = ctx.brief, ctx.t
    state = _sketch_state(brief, key)
    part_header(key, t)
    sketches: list[dict[str, Any]] = list(state.shown_value or [])
    if not sketches:
        st.caption(t("upload.none"))
    columns = st.columns(3)
    for index, sketch in enumerate(sketches):
        with columns[index % 3]:
            sketch_image(brief.id, sketch, index, t)
            # A sketch removed by a slip of the mouse is gone from the brief: ask first.
            with st.popover(t("upload.remove"), key=f"remove_ask:{brief.id}:{sketch['id']}"):
                st.write(t("upload.remove_confirm", n=index + 1))
                st.button(
                    t("upload.remove_yes"),
                    key=f"remove:{brief.id}:{sketch['id']}",
                    type="primary",
                    on_click=guarded(_remove_sketch),
                    args=(brief.id, key, sketch["id"], ctx.author),
                )
    upload_key = f"upload:{brief.id}:{state.editor_generation}"
    caption_key = f"caption:{brief.id}:{state.editor_generation}"
    # The caption comes first: choosing the file saves the sketch at once, with its caption,
    # so nothing waits for a button that a page change would skip.
    # Live, so the caption has reached the server when a file is dropped straight after it.
    st.text_input(t("upload.caption"), key=caption_key, live=True)
    st.file_uploader(
        t("upload.label", mb=MAX_UPLOAD_BYTES // (1024 * 1024)),
        key=upload_key,
        # Said again here so that Streamlit's own line under the field names the same limit.
        max_upload_size=MAX_UPLOAD_BYTES // (1024 * 1024),
        on_change=guarded(_add_sketch),
        args=(brief.id, key, upload_key, caption_key, ctx.author),
    )
    notice = pop_upload_notice(brief.id)
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
    _sketch_status(ctx, key, part_state(brief.id, key) or state)
    _history(ctx, key)


def _add_sketch(brief_id: int, key: str, upload_key: str, caption_key: str, author: str) -> None:
    upload = widget_value(upload_key)
    if upload is None:
        return
    try:
        image = clean_image(upload.getvalue())
    except ImageRefused as refused:
        set_upload_notice(brief_id, ("error", f"upload.{refused.reason}", []))
        return
    state = part_state(brief_id, key)
    base = state.base_version if state else 0
    sketches = list(state.shown_value or []) if state else []
    caption = str(widget_value(caption_key) or "")
    try:
        # Check the caption and the list length before the image takes space in the database.
        validate_part(key, [*sketches, {"image_id": 1, "caption": caption}])
    except PartValidationError as error:
        set_upload_notice(brief_id, ("invalid", "save.invalid", list(error.problems)))
        return
    image_id = brief_store().add_image(brief_id, image)
    if attempt_save(
        brief_id, key, [*sketches, {"image_id": image_id, "caption": caption}], base, author
    ):
        set_upload_notice(brief_id, ("ok", "upload.saved", []))
        saved = part_state(brief_id, key)
        if saved is not None:
            saved.editor_generation += 1


def _remove_sketch(brief_id: int, key: str, sketch_id: str, author: str) -> None:
    state = part_state(brief_id, key)
    if state is None:
        return
    remaining = [s for s in state.shown_value or [] if s.get("id") != sketch_id]
    attempt_save(brief_id, key, remaining, state.base_version, author)
