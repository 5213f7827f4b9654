"""Drafting help under the collegenota's parts: suggestions from the brief, taken over on a click.

A draft is shown as plain text and reaches the field only when the user clicks; a field that
already holds something asks first (replace, or add at the end). Nothing is ever overwritten
by drawing the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from briefs import model as m
from briefs.brief import Brief
from briefs.i18n import Translator
from briefs.nota import (
    LEGAL_SUGGESTIONS,
    advice_lines,
    brief_budget,
    draft_advice,
    draft_arguments,
    draft_articles,
    draft_context,
)
from briefs.parts import PARTS, Kind, PartValidationError
from components.fields import EditContext
from components.resilience import guarded
from components.state import brief_store, bump_part_reset, flag, pop_flag, set_flag
from components.text import literal_table, md_literal
from storage.repository import StaleWrite

_ERROR_KEY = "nota_not_saved:{brief}:{key}"
_ASK_KEY = "nota_ask:{brief}:{key}"


def _same_row(row: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two rows of advice or articles the same: their words, not their ids."""
    return tuple(
        " ".join(str(value).casefold().split()) if isinstance(value, str) else value
        for name, value in sorted(row.items())
        if name in ("adviser", "date", "text")
    )


def _combined(key: str, current: Any, draft: Any, mode: str) -> Any:
    """The value after taking ``draft`` over: instead of ``current``, or after it.

    Rows already there (the same adviser and date, the same article) are not added twice.
    """
    if mode == "replace" or not current:
        return draft
    if PARTS[key].kind is Kind.ROWS:
        present = {_same_row(row) for row in current}
        return [*current, *(row for row in draft if _same_row(row) not in present)]
    separator = "\n" if key == "roadmap.nota_legal" else "\n\n"
    return str(current).rstrip() + separator + str(draft)


def _take(brief_id: int, key: str, draft: Any, mode: str, version: int, author: str) -> None:
    """Save the draft on the version the user saw; the editor then shows what is stored."""
    store = brief_store(fresh=True)
    current = store.load(brief_id).part(key)
    error_key = _ERROR_KEY.format(brief=brief_id, key=key)
    set_flag(_ASK_KEY.format(brief=brief_id, key=key), False)
    if current.version != version:
        # Someone (or this user's own editor) saved since the page was drawn: say so rather
        # than combine with a value the user has not seen.
        set_flag(error_key)
        return
    value = _combined(key, current.value, draft, mode)
    try:
        store.save_part(brief_id, key, value, version, author)
    except (StaleWrite, PartValidationError):
        set_flag(error_key)
        return
    set_flag(error_key, False)
    bump_part_reset(brief_id, key)


def _button(ctx: EditContext, key: str, label: str, draft: Any, mode: str, **extra: Any) -> None:
    version = ctx.brief.part(key).version
    st.button(
        label,
        key=f"nota:{mode}:{ctx.brief.id}:{key}:{extra.pop('name', '')}",
        on_click=guarded(_take),
        args=(ctx.brief.id, key, draft, mode, version, ctx.author),
        **extra,
    )


def _toggle(name: str) -> None:
    set_flag(name, not flag(name))


def _accept(ctx: EditContext, key: str, draft: Any) -> None:
    """'Voorstel overnemen': at once into an empty field, after a question into a filled one.

    The question stands right under the button rather than in a popover: the next Tab reaches
    its answers, and the button keeps the focus while the question opens and closes.
    """
    t = ctx.t
    if not ctx.brief.is_filled(key):
        _button(ctx, key, t("nota.accept"), draft, "replace", type="primary")
        return
    ask = _ASK_KEY.format(brief=ctx.brief.id, key=key)
    st.button(t("nota.accept"), key=f"{ask}:open", on_click=_toggle, args=(ask,))
    if not flag(ask):
        return
    with st.container(border=True, key=f"nota-ask-{key.replace('.', '-')}"):
        st.write(t("nota.replaces"))
        _button(ctx, key, t("nota.replace"), draft, "replace", type="primary")
        _button(ctx, key, t("nota.append"), draft, "append")
        st.button(t("nota.cancel"), key=f"{ask}:cancel", on_click=set_flag, args=(ask, False))


def _not_saved(ctx: EditContext, key: str) -> None:
    if pop_flag(_ERROR_KEY.format(brief=ctx.brief.id, key=key)):
        st.warning(ctx.t("nota.not_saved"))


def _draft_box(ctx: EditContext, key: str, shown: str, draft: Any) -> None:
    """The draft as plain text under the field, with the button that takes it over."""
    with st.expander(ctx.t("nota.draft_title"), key=f"nota_draft-{key.replace('.', '-')}"):
        if not shown.strip():
            st.caption(ctx.t("nota.draft_none"))
            return
        st.text(shown)
        if not ctx.readonly:
            _accept(ctx, key, draft)
    _not_saved(ctx, key)


def _text_draft(drafter: Callable[[Brief, Translator], str]) -> Callable[[EditContext, str], None]:
    def aid(ctx: EditContext, key: str) -> None:
        draft = drafter(ctx.brief, ctx.t)
        _draft_box(ctx, key, draft, draft)

    return aid


def _articles(ctx: EditContext, key: str) -> None:
    articles = draft_articles(ctx.brief, ctx.t)
    shown = "\n".join(
        f"{ctx.t('nota.doc.article', n=number)} {text}"
        for number, text in enumerate(articles, start=1)
    )
    rows = [m.TextItem(text=text).model_dump(mode="json") for text in articles]
    _draft_box(ctx, key, shown, rows)


def _advice(ctx: EditContext, key: str) -> None:
    rows = draft_advice(ctx.brief, ctx.t)
    _draft_box(ctx, key, "\n".join(advice_lines(ctx.brief, rows, ctx.t)), rows)


def _legal(ctx: EditContext, key: str) -> None:
    """The usual legal bases, each a button that adds its line; one already there is greyed."""
    t = ctx.t
    text = ctx.brief.text(key)
    with st.expander(t("nota.legal_suggestions")):
        for number, suggestion in enumerate(LEGAL_SUGGESTIONS):
            line = t(suggestion)
            st.text(line)
            there = line in text
            _button(
                ctx,
                key,
                t("nota.legal_added") if there else t("nota.legal_add"),
                line,
                "append",
                name=str(number),
                disabled=there or ctx.readonly,
                icon=None if there else ":material/add:",
            )
    _not_saved(ctx, key)


def _budget(ctx: EditContext, key: str) -> None:
    """The action list's budget per year, the rule that splits it, and what fits no year."""
    t = ctx.t
    split = brief_budget(ctx.brief)
    st.markdown(f"**{t('nota.budget_title')}**")
    if not split.total:
        st.caption(t("nota.budget_none"))
        return
    rows = [[str(year), t.money(amount)] for year, amount in split.per_year.items()]
    if split.unplaced:
        rows.append([t("nota.budget_no_year"), t.money(split.unplaced_total)])
    rows.append([t("doc.total"), t.money(split.total)])
    st.markdown(literal_table([t("nota.budget_year"), t("nota.budget_amount")], rows))
    st.caption(t("nota.budget_rule"))
    if split.unplaced:
        names = "; ".join(action.title.strip() or "—" for action in split.unplaced)
        amount = t.money(split.unplaced_total)
        st.warning(md_literal(t("nota.budget_unplaced", amount=amount, actions=names)))


# What stands under each collegenota part on the step page.
AIDS: dict[str, Callable[[EditContext, str], None]] = {
    "roadmap.nota_context": _text_draft(draft_context),
    "roadmap.nota_legal": _legal,
    "roadmap.nota_advice": _advice,
    "roadmap.nota_arguments": _text_draft(draft_arguments),
    "roadmap.nota_visum": _budget,
    "roadmap.nota_articles": _articles,
}


def nota_aid(ctx: EditContext, key: str) -> None:
    """Draw the drafting help of part ``key``, if it has any."""
    aid = AIDS.get(key)
    if aid is not None:
        aid(ctx, key)
