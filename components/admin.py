"""The programme admin's pages: the programme, people and roles, and the audit log."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal, Role
from briefs.cohort import programme_progress
from briefs.i18n import Translator
from briefs.model import Theme
from briefs.steps import STEPS
from components.house_style import house_style_section
from components.state import (
    account_store,
    brief_store,
    client_address,
    pop_saved_theme,
    programme_store,
    set_saved_theme,
    trajectory_themes,
    translator,
    widget_value,
)
from components.text import md_literal, safe_table
from core.mail import outbox_path
from core.settings import mail_settings
from storage.repository import NotFound


def programme_page(principal: Principal) -> None:
    """Every trajectory with its cohort's average progress per step, read in bulk."""
    t = translator()
    st.title(t("programme.title"))
    st.caption(t("programme.intro"))
    store = brief_store()
    refs = store.readable()
    progress = programme_progress(store.load_many([ref.id for ref in refs]))
    rows = []
    for tr in programme_store().trajectories():
        shares = progress.get(tr.id)
        row: dict[str, object] = {
            "#": tr.number,
            t("col.title"): tr.title,
            t("theme.trajectory"): theme_name(tr.theme, t),
            t("overview.coaches"): ", ".join(tr.coaches),
            t("programme.briefs"): shares.count if shares else 0,
        }
        for step in STEPS:
            average = shares.averages[step] if shares else 0.0
            row[t("dashboard.step", step=step)] = f"{round(average * 100)} %"
        rows.append(row)
    st.dataframe(safe_table(rows), hide_index=True, width="stretch")
    theme_section(principal)
    house_style_section(principal)


THEME_TRAJECTORY, THEME_CHOICE = "theme_trajectory", "theme_choice"


def theme_name(theme: str, t: Translator) -> str:
    return t(f"enum.{theme}") if theme in set(Theme) else t("theme.none")


def theme_section(principal: Principal) -> None:
    """Set a trajectory's theme: its briefs show that module; no brief loses anything."""
    t = translator()
    st.header(t("theme.admin_title"))
    st.caption(t("theme.admin_intro"))
    trajectories = {tr.id: tr for tr in programme_store().trajectories()}
    with st.form("trajectory_theme", border=False):
        st.selectbox(
            t("theme.admin_trajectory"),
            list(trajectories),
            key=THEME_TRAJECTORY,
            format_func=lambda tid: f"{trajectories[tid].number} · {trajectories[tid].title}",
        )
        st.selectbox(
            t("theme.trajectory"),
            list(Theme),
            key=THEME_CHOICE,
            format_func=lambda th: t(f"enum.{th.value}"),
        )
        # Saved in the button's callback, before the page is drawn again: the table of
        # trajectories above already shows the new theme.
        st.form_submit_button(t("theme.admin_save"), on_click=_save_theme, args=(principal,))
    if saved := pop_saved_theme():
        number, theme = saved
        st.success(t("theme.admin_saved", number=number, theme=t(f"enum.{theme}")))


def _save_theme(principal: Principal) -> None:
    chosen, theme = widget_value(THEME_TRAJECTORY), widget_value(THEME_CHOICE)
    if chosen is None or theme is None:
        return
    trajectory_themes().set_theme(principal, chosen, Theme(theme))
    number = programme_store().trajectory(chosen).number
    set_saved_theme(number, Theme(theme).value)


def mail_status(t: Translator) -> None:
    """How e-mail leaves the app, or why it cannot: resets and invitations depend on it."""
    config = mail_settings()
    st.header(t("mail.status_title"))
    if config.problem:
        st.error(t("mail.not_configured", detail=t(f"mail.problem.{config.problem}")))
    elif config.backend == "smtp":
        base = md_literal(config.base_url) if config.base_url else t("mail.base_from_browser")
        st.info(
            t(
                "mail.status.smtp",
                host=md_literal(config.smtp_host),
                port=config.smtp_port,
                security=config.smtp_security,
                sender=md_literal(config.mail_from),
                base=base,
            )
        )
    elif config.backend == "outbox":
        st.info(t("mail.status.outbox", path=md_literal(outbox_path(config))))
    else:
        st.warning(t("mail.status.console"))


def people_page(principal: Principal) -> None:
    t = translator()
    st.title(t("people.title"))
    mail_status(t)
    people = account_store().people(principal)
    st.dataframe(
        safe_table(
            [
                {
                    t("auth.name"): name,
                    t("people.email"): email,
                    t("people.current_role"): t(f"role.{role}"),
                    t("col.municipality"): municipality,
                }
                for name, email, role, municipality in people
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.header(t("people.set_role"))
    with st.form("set_role"):
        email = st.text_input(t("people.email"), key="role_email")
        role = st.selectbox(
            t("people.role"),
            [r.value for r in Role],
            format_func=lambda r: t(f"role.{r}"),
            key="role_value",
        )
        save = st.form_submit_button(t("people.save"))
    if save and role is not None:
        try:
            account_store().set_role(principal, email, Role(role), client_address())
        except NotFound:
            st.error(t("people.unknown"))
        else:
            st.success(t("people.saved"))


def audit_page(principal: Principal) -> None:
    t = translator()
    st.title(t("audit.title"))
    entries = account_store().audit_log(principal)
    st.dataframe(
        safe_table(
            [
                {
                    t("audit.when"): t.moment(entry.at),
                    t("audit.who"): entry.actor,
                    t("audit.what"): (
                        t(f"audit.action.{entry.action}")
                        if t.has(f"audit.action.{entry.action}")
                        else entry.action
                    ),
                    t("audit.target"): entry.target,
                    t("audit.client"): entry.client,
                }
                for entry in entries
            ]
        ),
        hide_index=True,
        width="stretch",
    )
