"""History of a part and of a step: every saved version, and restoring one as the newest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import streamlit as st

from briefs.brief import Brief, StoredPart, saved_by_name
from briefs.history import Moment, describe_change, step_at, step_moments
from briefs.i18n import Translator
from briefs.links import link_labels
from briefs.parts import PARTS, parts_of_step
from components.part_view import show_part
from components.resilience import database_section
from components.state import brief_store, bump_part_reset, set_notice
from components.text import md_literal
from services.history import restore_step, restore_version
from storage.repository import StaleWrite


def _labels(brief: Brief, key: str, t: Translator) -> dict[str, str]:
    links = PARTS[key].links.get("")
    return link_labels(brief, links, t) if links else {}


def _version_line(revision: StoredPart, t: Translator) -> str:
    return t(
        "history.version",
        version=revision.version,
        moment=t.moment(revision.saved_at),
        name=saved_by_name(revision.saved_by) or "—",
    )


def _part_history(brief_id: int, key: str, t: Translator, author: str | None) -> None:
    store = brief_store()
    brief = store.load(brief_id)
    revisions = store.revisions(brief_id, key)
    st.caption(t("history.intro") if author else t("history.readonly"))
    if not revisions:
        st.info(t("history.none"))
        return
    current = brief.part(key)
    labels = _labels(brief, key, t)
    for revision in reversed(revisions):
        with st.container(border=True):
            st.markdown(f"**{md_literal(_version_line(revision, t))}**")
            if revision.version == current.version:
                st.caption(t("history.current"))
            else:
                change = describe_change(key, current.value, revision.value, t, labels)
                st.caption(md_literal(t("history.compared", change=change)))
            with st.expander(t("history.show")):
                show_part(brief, key, revision.value, t)
            restore_key = f"restore:{brief_id}:{key}:{revision.version}"
            if (
                author
                and revision.version != current.version
                and st.button(t("history.restore"), key=restore_key)
            ):
                try:
                    restore_version(store, brief_id, key, revision.version, current.version, author)
                except StaleWrite:
                    st.warning(t("history.stale"))
                    return
                bump_part_reset(brief_id, key)
                set_notice("success", "history.restored", version=revision.version)
                st.rerun()


def _dialog_button(label: str, key: str, title: str, render: Callable[[], None]) -> None:
    """A small history button that opens ``render`` in a dialog; the dialog runs only then."""
    if st.button(label, key=key, icon=":material/history:", type="tertiary"):
        st.dialog(title, width="large")(render)()


def history_button(brief: Brief, key: str, t: Translator, author: str | None) -> None:
    """A small 'Geschiedenis' button; it opens the part's versions, to restore if ``author``."""

    def body() -> None:
        with database_section(t):
            _part_history(brief.id, key, t, author)

    title = t("history.title", part=t(f"part.{key}.title"))
    _dialog_button(t("history.button"), f"history:{brief.id}:{key}", title, body)


def _moment_option(moment: Moment, t: Translator) -> str:
    """'14:32:05 · Probleemstelling, Kerncijfers … · Lotte': when, which parts, who."""
    parts = ", ".join(t(f"part.{key}.title") for key in moment.keys[:3])
    return t(
        "history.moment_option",
        moment=t.moment_seconds(moment.at),
        part=parts + (" …" if len(moment.keys) > 3 else ""),
        name=", ".join(moment.names) or "—",
    )


def _restore_step(brief: Brief, step: int, moment: datetime, author: str, t: Translator) -> None:
    try:
        restored = restore_step(brief_store(), brief, step, moment, author)
    except StaleWrite:
        st.warning(t("history.stale"))
        return
    for key in restored:
        bump_part_reset(brief.id, key)
    set_notice(
        "success",
        "history.step_restored",
        count=len(restored),
        moment=t.moment_seconds(moment),
    )
    st.rerun()


def _step_history(brief_id: int, step: int, t: Translator, author: str | None) -> None:
    store = brief_store()
    brief = store.load(brief_id)
    history = store.history(brief_id)
    st.caption(t("history.intro") if author else t("history.readonly"))
    current = {spec.key: brief.part(spec.key).value for spec in parts_of_step(step)}
    moments = step_moments(history, step, current)
    if not moments:
        st.info(t("history.step_nothing") if history else t("history.none"))
        return
    choice = st.selectbox(
        t("history.moment"),
        range(len(moments)),
        format_func=lambda index: _moment_option(moments[index], t),
        key=f"step_moment:{brief_id}:{step}",
    )
    moment = moments[int(choice or 0)].at
    target = step_at(history, step, moment)
    changes = [(key, value) for key, value in target.items() if value != brief.part(key).value]
    if not changes:
        st.info(t("history.step_nothing"))
        return
    st.markdown(t("history.step_changes") if author else t("history.step_differences"))
    for key, value in changes:
        change = describe_change(key, brief.part(key).value, value, t, _labels(brief, key, t))
        st.markdown(f"- **{t(f'part.{key}.title')}**: {md_literal(change)}")
    if author and st.button(t("history.step_restore"), key=f"step_restore:{brief_id}:{step}"):
        _restore_step(brief, step, moment, author, t)


def step_history_button(brief: Brief, step: int, t: Translator, author: str | None) -> None:
    """'Geschiedenis van deze stap': put every part of the step back as it was at a moment."""

    def body() -> None:
        with database_section(t):
            _step_history(brief.id, step, t, author)

    title = t("history.step_title", step=t(f"step.{step}.title"))
    _dialog_button(t("history.step_button"), f"step_history:{brief.id}:{step}", title, body)
