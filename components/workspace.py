"""The frame around every participant page: who works on which brief, the sidebar, the checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import streamlit as st

from briefs.access import Principal
from briefs.brief import Brief, author_of
from briefs.checks import Check
from briefs.i18n import Translator
from briefs.parts import PARTS, SECTION_BY_KEY, section_of
from briefs.programme import Trajectory
from briefs.steps import STEP_BY_NUMBER
from components.fields import EditContext
from components.gate import signed_in
from components.resilience import DATABASE_ERRORS, guarded
from components.state import (
    BRIEF_KEY,
    brief_picker,
    brief_store,
    current_brief_ref,
    current_principal_is_sso,
    edit_token,
    fragment_run_memo,
    in_fragment_rerun,
    last_principal,
    log_out,
    log_out_sso,
    programme_store,
    remember_workspace,
    remembered_workspace,
    resolve_principal,
    translator,
)
from components.text import md_literal
from storage.repository import NotFound


def step_page_target(step: int) -> st.Page:
    """The step's page, to link to. A Page object and not its file: a link drawn in a fragment's
    rerun cannot look the file up (the run has no navigation of its own)."""
    spec = STEP_BY_NUMBER[step]
    return st.Page(spec.page_file, url_path=spec.address)


# The address parameter that opens one section of a step page: ``/uitdaging?deel=swot``.
SECTION_PARAM = "deel"


@dataclass(frozen=True)
class Workspace:
    principal: Principal
    trajectory: Trajectory
    brief: Brief
    t: Translator
    # Shown from this session's memory because the database did not answer.
    from_memory: bool = False

    @property
    def edit(self) -> EditContext:
        author = author_of(self.principal.name, self.principal.email)
        return EditContext(self.brief, author, self.t, token=edit_token(self.principal))


def database_unreachable(t: Translator) -> None:
    st.error(t("save.db_error"))
    st.button(t("save.retry"), key="reload_after_db_error")


def principal_or_stop(t: Translator) -> Principal | None:
    """Return who is signed in; with the database down, who was signed in in this session.

    A login that ended elsewhere while the database is down is noticed as soon as it is back;
    until then nothing can be read or saved anyway.
    """
    try:
        return resolve_principal()
    except DATABASE_ERRORS:
        remembered = last_principal()
        if remembered is None:
            database_unreachable(t)
            st.stop()
        return remembered


def open_workspace(page: str) -> Workspace | None:
    """Load the brief the signed-in participant works on; nothing for anyone else."""
    t = translator()
    principal = signed_in(page)
    try:
        store = brief_store()
        ref = current_brief_ref(store)
        if ref is None:
            st.info(t("auth.no_brief"))
            return None
        trajectory = programme_store().trajectory(ref.trajectory_id)
        own = store.editable()
        brief = store.load(ref.id)
        titles = {r.id: programme_store().trajectory(r.trajectory_id).title for r in own}
    except DATABASE_ERRORS:
        # Never stop before the fields are drawn: show the brief as this session last saw
        # it, so what is on screen stays on screen and can still be typed in.
        remembered = remembered_workspace(st.session_state.get(BRIEF_KEY))
        if remembered is None:
            database_unreachable(t)
            return None
        st.warning(t("save.page_from_memory"))
        return Workspace(principal, remembered[0], remembered[1], t, from_memory=True)
    remember_workspace(trajectory, brief)
    if len(own) > 1:
        brief_picker(own, titles, t("app.brief_pick"))
    return Workspace(principal, trajectory, brief, t)


def brief_now(shown: Brief) -> Brief:
    """The brief as stored now, for a fragment that redraws after a save.

    A whole-page run has just loaded it; a fragment run reloads it, checking the login
    again, because a fragment keeps the arguments of the page run that drew it. With the
    login ended or the brief out of reach the whole page runs again and says so; with the
    database down the fragment shows what it showed before.
    """
    if not in_fragment_rerun():
        return shown
    memo = fragment_run_memo()
    try:
        if ("brief", shown.id) not in memo:
            memo["brief", shown.id] = brief_store(fresh=True).load(shown.id)
        brief: Brief = memo["brief", shown.id]
        return brief
    except NotFound:
        st.rerun()
    except DATABASE_ERRORS:
        return shown


def signed_in_sidebar(principal: Principal, t: Translator) -> None:
    """Who is signed in, and the way out."""
    who = t(
        "app.signed_in_as",
        name=principal.name,
        municipality=principal.municipality or t(f"role.{principal.role}"),
    )
    st.sidebar.text(who)
    if current_principal_is_sso():
        st.sidebar.button(t("auth.logout"), key="logout_sso", on_click=guarded(log_out_sso))
    else:
        st.sidebar.button(t("auth.logout"), key="logout", on_click=guarded(log_out))


def part_title(key: str, t: Translator) -> str:
    return t(f"part.{key}.title")


def check_message(check: Check, t: Translator) -> str:
    """Return a check as markdown, with any user text in it escaped."""
    params = {}
    for name, value in check.params.items():
        if name == "part_key":
            params["part"] = part_title(value, t)
        elif name == "amount":
            params[name] = t.money(Decimal(value))  # our own formatting of a number
        elif name.endswith("_day"):
            params[name] = t.day(dt.date.fromisoformat(value))  # our own ISO date
        else:
            params[name] = md_literal(str(value))
    return t(f"check.{check.code}", **params)


def show_checks(checks: list[Check], t: Translator, on_step_page: bool = False) -> None:
    """List points of attention per section of the step where each is fixed, with a link there.

    On the overview the steps fold, the first step with work open: a list of twenty points
    discourages more than it helps.
    """
    if not checks:
        st.success(t("overview.todo_none"))
        return
    by_step: dict[int, list[Check]] = {}
    for check in checks:
        by_step.setdefault(check.step, []).append(check)
    for position, (step, found) in enumerate(sorted(by_step.items())):
        if on_step_page:
            _checks_per_section(found, t)
            continue
        title = f"{t(f'nav.step{step}')} ({len(found)})"
        with st.expander(title, expanded=position == 0):
            _checks_per_section(found, t)


def _checks_per_section(checks: list[Check], t: Translator) -> None:
    by_section: dict[str, list[Check]] = {}
    for check in checks:
        key = section_of(check.part).key if check.part in PARTS else ""
        by_section.setdefault(key, []).append(check)
    order = list(SECTION_BY_KEY)
    for key, found in sorted(
        by_section.items(), key=lambda item: order.index(item[0]) if item[0] else -1
    ):
        if key:
            section = SECTION_BY_KEY[key]
            st.page_link(
                step_page_target(section.step),
                label=t("overview.to_section", section=t(section.title_key)),
                icon=":material/arrow_forward:",
                query_params={SECTION_PARAM: key},
            )
        st.markdown("\n".join(f"- {check_message(check, t)}" for check in found))
