"""The coaches' page for now: their trajectories, invitations and password resets by e-mail."""

from __future__ import annotations

import streamlit as st

from briefs.access import (
    INVITATION_VALIDITY,
    RESET_VALIDITY,
    Principal,
    managed_trajectories,
)
from briefs.i18n import Translator
from briefs.programme import Trajectory
from components.coach.dashboard import coach_dashboard
from components.state import account_store, client_address, programme_store, translator
from components.text import md_literal, safe_table
from core.mail import MailFailed, MailNotConfigured, outbox_path
from core.settings import mail_settings
from services.account_mail import mail_invitation, mail_reset
from storage.accounts import AccountRefused
from storage.repository import NotFound


def base_url() -> str:
    """The app's address as this browser opened it; mail links use it in demo mode only,
    elsewhere KERNBRIEF_PUBLIC_URL (see core.mail.link_base)."""
    url = st.context.url or ""
    return url.split("/", 3)[0] + "//" + url.split("/", 3)[2] if url.count("/") >= 2 else ""


def coach_page(principal: Principal) -> None:
    t = translator()
    st.title(t("coach.title"))
    trajectories = managed_trajectories(principal, programme_store().trajectories())
    if not trajectories:
        _trajectories_table(trajectories, t)
        return
    coach_dashboard(
        principal,
        trajectories,
        trajectories_table=lambda: _trajectories_table(trajectories, t),
        participants=lambda trajectory: _participants(principal, trajectories, trajectory, t),
    )


def _trajectories_table(trajectories: list[Trajectory], t: Translator) -> None:
    st.header(t("coach.trajectories"))
    st.dataframe(
        safe_table(
            [
                {
                    "#": tr.number,
                    t("col.title"): tr.title,
                    t("col.municipality"): ", ".join(m.label for m in tr.members),
                }
                for tr in trajectories
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def _participants(
    principal: Principal, trajectories: list[Trajectory], shown: Trajectory, t: Translator
) -> None:
    """Invite a participant (to the trajectory shown, or another) and mail a reset link."""
    st.header(t("coach.invite"))
    st.caption(t("coach.invite_help", days=INVITATION_VALIDITY.days))
    labels = {tr.id: f"{tr.number}. {tr.title}" for tr in trajectories}
    with st.form("invite"):
        trajectory_id = st.selectbox(
            t("coach.trajectory"),
            list(labels),
            index=list(labels).index(shown.id),
            format_func=lambda i: labels[i],
            key="invite_trajectory",
        )
        municipality = st.text_input(t("coach.municipality"), key="invite_municipality")
        email = st.text_input(t("coach.email"), key="invite_email")
        invite = st.form_submit_button(t("coach.make_invitation"))
    if invite and trajectory_id is not None:
        _make_invitation(principal, int(trajectory_id), municipality, email)
    st.header(t("coach.reset"))
    st.caption(t("coach.reset_help"))
    with st.form("reset"):
        reset_email = st.text_input(t("coach.reset_email"), key="reset_email")
        reset = st.form_submit_button(t("coach.make_reset"))
    if reset:
        _mail_reset(principal, reset_email)


def _mail_trouble(t: Translator, trouble: Exception) -> None:
    """Say why nothing was sent: mail is not configured, or the server did not take it."""
    if isinstance(trouble, MailNotConfigured):
        st.error(t("mail.not_configured", detail=t(f"mail.problem.{trouble.reason}")))
    else:
        st.error(t("mail.failed"))


def _demo_outbox(t: Translator) -> None:
    if mail_settings().demo and mail_settings().backend == "outbox":
        st.caption(t("mail.demo_outbox", path=md_literal(outbox_path())))


def _make_invitation(
    principal: Principal, trajectory_id: int, municipality: str, email: str
) -> None:
    t = translator()
    try:
        invited = mail_invitation(
            account_store().engine,
            principal,
            trajectory_id,
            municipality,
            email,
            base_url(),
            client_address(),
        )
    except AccountRefused as refused:
        st.error(t(f"auth.account_{refused.reason}"))
    except (MailNotConfigured, MailFailed) as trouble:
        _mail_trouble(t, trouble)
    else:
        if invited.sent_to:
            # The link itself is never shown: whoever has it creates that address's account.
            sent = t(
                "coach.invitation_sent",
                email=md_literal(invited.sent_to),
                days=INVITATION_VALIDITY.days,
            )
            st.success(sent)
            _demo_outbox(t)
        else:
            st.write(t("coach.invitation_link", days=INVITATION_VALIDITY.days))
            st.code(invited.link, language=None)


def _mail_reset(principal: Principal, email: str) -> None:
    t = translator()
    try:
        sent_to = mail_reset(account_store().engine, principal, email, base_url(), client_address())
    except NotFound:
        st.error(t("coach.reset_unknown"))
    except (MailNotConfigured, MailFailed) as trouble:
        _mail_trouble(t, trouble)
    else:
        # Only where it went: the link reaches its owner alone, never this screen.
        hours = int(RESET_VALIDITY.total_seconds() // 3600)
        st.success(t("coach.reset_sent", email=md_literal(sent_to), hours=hours))
        _demo_outbox(t)
