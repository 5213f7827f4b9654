"""The one place that touches st.session_state: language, login, stores and save state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from briefs.access import Principal
from briefs.brief import Brief
from briefs.cohort import StepStatus
from briefs.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator
from briefs.parts import Problem
from briefs.programme import BriefRef, Trajectory
from core.clients import LOOPBACK, UNKNOWN
from core.clients import client_address as client_address_of
from core.security import unsign
from core.settings import settings
from services import review as marking
from services import single_sign_on
from services.accounts import change_password
from storage import edit_access
from storage.accounts import AccountStore, LoginSession
from storage.db import engine_for
from storage.feedback import FeedbackStore
from storage.house_styles import HouseStyles
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore
from storage.secure import SecureBriefStore
from storage.trajectory_themes import TrajectoryThemes

# Chosen values live under plain keys; widgets get their own keys. Streamlit drops a widget's
# state when a run is interrupted before the widget is drawn (a quick page change), and the
# choice must survive that.
LANGUAGE_KEY = "ui_language"
LANGUAGE_WIDGET = "language"
BRIEF_WIDGET = "brief_pick"
TOKEN_KEY = "auth_token"
PRINCIPAL_KEY = "principal"
BRIEF_KEY = "brief_id"
LANGUAGE_PARAM = "taal"
LAST_BRIEF_KEY = "last_brief"
NOTICE_KEY = "page_notice"
SSO_KEY = "sso_sign_in"
RUN_MEMO_KEY = "fragment_run_memo"
WANTED_PAGE_KEY = "wanted_page"


@st.cache_resource
def _stores(url: str) -> tuple[SqlBriefStore, SqlProgrammeStore, AccountStore]:
    engine = engine_for(url)
    return SqlBriefStore(engine), SqlProgrammeStore(engine), AccountStore(engine)


def programme_store() -> SqlProgrammeStore:
    return _stores(settings().database_url)[1]


def account_store() -> AccountStore:
    return _stores(settings().database_url)[2]


def brief_store(fresh: bool = False) -> SecureBriefStore:
    """The briefs as the signed-in person may reach them; nobody signed in reaches nothing.

    ``fresh`` checks the login against the database again, for writes made in callbacks,
    which run before app.py has checked it for this run.
    """
    principal = resolve_principal() if fresh else current_principal()
    if principal is None:
        raise NotFound("not signed in")
    briefs, programme, _accounts = _stores(settings().database_url)
    return SecureBriefStore(briefs, programme, principal)


def current_principal() -> Principal | None:
    """Return who is signed in, as app.py found at the start of this run."""
    if PRINCIPAL_KEY in st.session_state:
        principal: Principal | None = st.session_state[PRINCIPAL_KEY]
        return principal
    return resolve_principal()


def resolve_principal() -> Principal | None:
    """Return who is signed in, checked against the database; app.py calls it on every run.

    The login travels in an HttpOnly cookie set by the login route; this session keeps the
    token so that later reruns need not read cookies again. Ending the login anywhere (logout,
    idle time, a password reset) ends it here on the next rerun.
    """
    state = st.session_state
    configured = settings()
    token = state.get(TOKEN_KEY)
    if token is None:
        cookie = st.context.cookies.get(configured.login_cookie) if st.context.cookies else None
        token = unsign(cookie, configured.signing_key()) if cookie else None
    principal = account_store().resolve_login_session(
        token, configured.idle, configured.session_lifetime
    )
    if principal is None:
        ended_here = state.pop(TOKEN_KEY, None) is not None
        principal = _single_sign_on_principal(configured.idle, configured.session_lifetime)
        if ended_here and principal is None and sso_outcome() != single_sign_on.ENDED:
            # This page was signed in a moment ago: say why it is the login page now (an
            # ended single sign-on says so itself).
            set_notice(
                "info",
                "auth.login_ended",
                minutes=configured.idle_minutes,
                hours=configured.session_hours,
            )
    else:
        state[TOKEN_KEY] = token
    state[PRINCIPAL_KEY] = principal
    return principal


def log_out() -> None:
    """End this login in the database: every tab that carries it is logged out on its next run.

    The cookie stays in the browser but points at nothing; the login page replaces it.
    """
    token = st.session_state.pop(TOKEN_KEY, None)
    st.session_state.pop(PRINCIPAL_KEY, None)
    if token:
        account_store().end_login_session(token, client_address())


def client_address() -> str:
    """The address this session's browser connects from, as the audit log records it.

    The same rule as the login routes (core/clients.py): the websocket's peer, or, only when
    that peer is a trusted proxy (KERNBRIEF_TRUSTED_PROXIES), the client it forwarded.
    Streamlit hides a loopback peer (None for 127.0.0.1 and ::1): that is this machine.
    """
    headers = st.context.headers
    if not headers:
        return UNKNOWN  # no browser behind this run (a test harness or a script)
    address = st.context.ip_address
    peer = address if isinstance(address, str) and address else LOOPBACK
    forwarded = headers.get_all("x-forwarded-for")
    return client_address_of(peer, forwarded, settings().trusted_proxies)


def _user_agent() -> str:
    """The browser's description of itself, kept with a single sign-on's login session."""
    headers = st.context.headers
    agent = headers.get("User-Agent") if headers else None
    return agent if isinstance(agent, str) else ""


def change_my_password(principal: Principal, current: str, new: str) -> None:
    """Change the signed-in person's password; every other login of theirs ends."""
    change_password(
        account_store().engine,
        principal,
        current,
        new,
        st.session_state.get(TOKEN_KEY),
        client_address(),
    )


def my_logins(principal: Principal) -> list[LoginSession]:
    """The signed-in person's logins that have not ended, this one marked."""
    configured = settings()
    return account_store().login_sessions(
        principal, configured.idle, configured.session_lifetime, st.session_state.get(TOKEN_KEY)
    )


def end_my_logins(principal: Principal, everywhere: bool) -> None:
    """End the person's other logins, or all of them including this one ("Overal afmelden")."""
    sso = current_principal_is_sso()
    keep = None if everywhere else st.session_state.get(TOKEN_KEY)
    account_store().end_login_sessions(principal, keep, client_address())
    if not everywhere:
        set_notice("success", "account.others_ended")
        return
    # As log_out: the next run finds nobody signed in and shows the login page; a single
    # sign-on's identity cookie goes too, as with log_out_sso.
    st.session_state.pop(TOKEN_KEY, None)
    st.session_state.pop(PRINCIPAL_KEY, None)
    st.session_state.pop(SSO_KEY, None)
    set_notice("success", "account.ended_everywhere")
    if sso:
        st.logout()


def log_out_sso() -> None:
    """End a single sign-on: its login session here, then Streamlit's identity cookie.

    Every tab of the sign-in is logged out on its next run; the identity cookie cannot start
    another session, so signing in again takes a new round trip to the provider. The
    provider's own session is ended only if it offers an end-session endpoint (st.logout
    sends the browser there).
    """
    token = st.session_state.pop(TOKEN_KEY, None)
    principal = st.session_state.pop(PRINCIPAL_KEY, None)
    st.session_state.pop(SSO_KEY, None)
    try:
        if token:
            email = principal.email if isinstance(principal, Principal) else ""
            single_sign_on.end_sign_in(account_store().engine, token, email, client_address())
    finally:
        st.logout()


def sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return False


def _single_sign_on_principal(idle: timedelta, lifetime: timedelta) -> Principal | None:
    """Who Streamlit's identity cookie signs in, by services.single_sign_on's rules."""
    if not sso_configured() or not st.user.is_logged_in:
        st.session_state.pop(SSO_KEY, None)
        return None
    claims = st.user.to_dict()
    key = settings().signing_key()
    token = single_sign_on.sign_in_token(claims, key)
    seen = st.session_state.get(SSO_KEY)
    if seen is not None and seen[0] == token and seen[1] != single_sign_on.SIGNED_IN:
        return None  # refused or ended: said (and audited) once in this session
    result = single_sign_on.sign_in(
        account_store().engine,
        claims,
        key,
        idle,
        client_address(),
        lifetime=lifetime,
        user_agent=_user_agent(),
    )
    st.session_state[SSO_KEY] = (result.token, result.outcome)
    if result.principal is not None:
        st.session_state[TOKEN_KEY] = result.token
    return result.principal


def current_principal_is_sso() -> bool:
    seen = st.session_state.get(SSO_KEY)
    return (
        seen is not None
        and seen[1] == single_sign_on.SIGNED_IN
        and (st.session_state.get(TOKEN_KEY) == seen[0])
    )


def sso_outcome() -> str | None:
    """Why a single-sign-on identity is not signed in: REFUSED or ENDED (see single_sign_on)."""
    seen = st.session_state.get(SSO_KEY)
    if seen is None or seen[1] == single_sign_on.SIGNED_IN or not sso_configured():
        return None
    return str(seen[1])


def sso_email() -> str:
    """The e-mail the provider gave for the identity that is signed on, to name it."""
    if sso_configured() and st.user.is_logged_in:
        return str(st.user.get("email") or "")
    return ""


def language() -> str:
    state = st.session_state
    if LANGUAGE_KEY not in state:
        wanted = st.query_params.get(LANGUAGE_PARAM, DEFAULT_LANGUAGE)
        state[LANGUAGE_KEY] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return str(state[LANGUAGE_KEY])


def translator() -> Translator:
    return Translator(language())


def language_picker() -> None:
    """Offer the language switch; the choice survives a refresh through the address bar."""
    t = translator()
    st.session_state[LANGUAGE_WIDGET] = language()
    st.sidebar.selectbox(
        t("app.language"),
        LANGUAGES,
        key=LANGUAGE_WIDGET,
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        on_change=_copy_choice,
        args=(LANGUAGE_WIDGET, LANGUAGE_KEY),
    )
    _keep_param(LANGUAGE_PARAM, language(), DEFAULT_LANGUAGE)


def named_tabs(param: str, names: list[str], labels: list[str]) -> tuple[str, Any]:
    """Tabs whose open one is kept in the address by name (``?param=name``), not by label.

    Streamlit's own ``bind="query-params"`` puts the label in the address, so a link can only
    open a tab in one language, and a switch of language opens the first tab. The address
    alone decides which tab is open (none: the first), so a link, a bookmark and the back
    button mean one thing. Returns the open tab's name and its container: only that one is
    drawn.
    """
    label_of = dict(zip(names, labels, strict=True))
    wanted = st.query_params.get(param)
    current = wanted if wanted in label_of else names[0]
    widget_key = f"tabs:{param}"
    shown = st.session_state.get(widget_key)
    if shown is not None and shown != label_of[current]:
        # Tabs were on screen in the last run, and not this one opened: a link to this same
        # page (a page_link), not a click on a tab (whose callback wrote the address). Such a
        # link changes the run's parameters but not the address bar: write it again, even
        # unchanged, so a refresh keeps the tab. (Arriving from another page, the address is
        # right already, and a write now would land on that page's address.)
        if wanted == current:
            st.query_params[param] = current
        elif wanted is not None:
            del st.query_params[param]  # no tab of this name
    st.session_state[widget_key] = label_of[current]
    tabs = st.tabs(
        labels,
        key=widget_key,
        on_change=_tab_chosen,
        args=(param, widget_key, {label: name for name, label in label_of.items()}),
    )
    return current, tabs[names.index(current)]


def open_when_asked(widget_key: str, param: str) -> None:
    """Open a folding panel (an expander with ``widget_key``) when the address asks for it
    (``?param=open``, from a link), once: the parameter is taken out again."""
    if st.query_params.get(param) == "open":
        st.session_state[widget_key] = True
        del st.query_params[param]


def _tab_chosen(param: str, widget_key: str, name_of: dict[str, str]) -> None:
    _keep_param(param, name_of[st.session_state[widget_key]], next(iter(name_of.values())))


def _copy_choice(widget_key: str, state_key: str) -> None:
    st.session_state[state_key] = st.session_state[widget_key]


def _keep_param(name: str, value: str, default: str | None = None) -> None:
    if value == default:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def brief_picker(refs: list[BriefRef], titles: dict[int, str], label: str) -> None:
    """Let a municipality that takes part in several trajectories choose the brief."""
    st.session_state[BRIEF_WIDGET] = st.session_state.get(BRIEF_KEY)
    st.sidebar.selectbox(
        label,
        [ref.id for ref in refs],
        key=BRIEF_WIDGET,
        format_func=lambda brief_id: titles[brief_id],
        on_change=_copy_choice,
        args=(BRIEF_WIDGET, BRIEF_KEY),
    )


def current_brief_ref(store: SecureBriefStore) -> BriefRef | None:
    """Return the brief the person works on, among those they may change."""
    own = store.editable()
    if not own:
        return None
    chosen = st.session_state.get(BRIEF_KEY)
    for ref in own:
        if ref.id == chosen:
            return ref
    st.session_state[BRIEF_KEY] = own[0].id
    return own[0]


@dataclass
class PartProblem:
    """Why the last save of a part did not go through, and what the user had typed."""

    kind: str  # "invalid", "conflict" or "database"
    mine: Any
    theirs: Any = None
    theirs_version: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PartState:
    """What this session shows of one part: the version it is based on and any problem."""

    base_version: int
    shown_value: Any
    problem: PartProblem | None = None
    saved_now: datetime | None = None
    editor_generation: int = 0


def part_state(brief_id: int, key: str) -> PartState | None:
    value = st.session_state.get(f"part_state:{brief_id}:{key}")
    return value if isinstance(value, PartState) else None


def set_part_state(brief_id: int, key: str, state: PartState) -> None:
    st.session_state[f"part_state:{brief_id}:{key}"] = state


def in_fragment_rerun() -> bool:
    """True while only some fragments of the page run (after a save), not the whole page.

    Streamlit has no public call for it; the run context lists the fragments of this run
    (streamlit/runtime/scriptrunner_utils/script_run_context.py), empty for a whole-page run.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def fragment_run_memo() -> dict[Any, Any]:
    """A dict kept for the current fragment run only, empty in the next one.

    The fragments one save reruns run together; they share what they load (the login check,
    the brief) instead of each loading it again. The run's list of fragments is a new list
    for every run, and the memo holds on to it, so a later run never takes it for its own.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    run = ctx.fragment_ids_this_run if ctx is not None else None
    memo = st.session_state.get(RUN_MEMO_KEY)
    if not isinstance(memo, tuple) or memo[0] is not run or run is None:
        memo = (run, {})
        st.session_state[RUN_MEMO_KEY] = memo
    shared: dict[Any, Any] = memo[1]
    return shared


def part_reset(brief_id: int, key: str) -> int:
    """How often this session replaced a part's editor content on purpose (a restore)."""
    return int(st.session_state.get(f"part_reset:{brief_id}:{key}", 0))


def bump_part_reset(brief_id: int, key: str) -> None:
    """Make the part's editor show the stored value even over what was typed there."""
    st.session_state[f"part_reset:{brief_id}:{key}"] = part_reset(brief_id, key) + 1


def flag(name: str) -> bool:
    """A yes/no of this browser session, e.g. an open question before replacing a text."""
    return bool(st.session_state.get(f"flag:{name}"))


def set_flag(name: str, on: bool = True) -> None:
    st.session_state[f"flag:{name}"] = on


def pop_flag(name: str) -> bool:
    """Return the flag and clear it: a message shown once."""
    return bool(st.session_state.pop(f"flag:{name}", False))


def set_notice(kind: str, key: str, **params: Any) -> None:
    """Leave a message for the top of the next run (success, info or error): catalogue key only."""
    st.session_state[NOTICE_KEY] = (kind, key, params)


def pop_notice() -> tuple[str, str, dict[str, Any]] | None:
    value = st.session_state.pop(NOTICE_KEY, None)
    return value if isinstance(value, tuple) else None


def widget_value(widget_key: str) -> Any:
    """What a widget holds now, read in its callback."""
    return st.session_state.get(widget_key)


def set_saved_theme(number: int, theme: str) -> None:
    """Which trajectory just got which theme, said once on the next run of the Programma page."""
    st.session_state["saved_theme"] = (number, theme)


def pop_saved_theme() -> tuple[int, str] | None:
    value = st.session_state.pop("saved_theme", None)
    return value if isinstance(value, tuple) else None


def set_upload_notice(brief_id: int, notice: tuple[str, str, list[Any]]) -> None:
    """Leave the outcome of a sketch upload (kind, catalogue key, problems) for the next run."""
    st.session_state[f"upload_notice:{brief_id}"] = notice


def pop_upload_notice(brief_id: int) -> tuple[str, str, list[Any]] | None:
    value = st.session_state.pop(f"upload_notice:{brief_id}", None)
    return value if isinstance(value, tuple) else None


def edit_token(principal: Principal) -> str:
    """The token this person's browser saves parts with (see storage/edit_access.py)."""
    return edit_access.issue(principal, st.session_state.get(TOKEN_KEY), settings().signing_key())


def remember_workspace(trajectory: Trajectory, brief: Brief) -> None:
    """Keep the last brief loaded in this session, to show it while the database is down."""
    st.session_state[LAST_BRIEF_KEY] = (trajectory, brief)


def remembered_workspace(brief_id: Any) -> tuple[Trajectory, Brief] | None:
    value = st.session_state.get(LAST_BRIEF_KEY)
    if isinstance(value, tuple) and value[1].id == brief_id:
        return value
    return None


def last_principal() -> Principal | None:
    """Who was signed in at the last run that reached the database."""
    value = st.session_state.get(PRINCIPAL_KEY)
    return value if isinstance(value, Principal) else None


def house_styles() -> HouseStyles:
    """The house style templates; the store checks that the person is an admin."""
    return HouseStyles(engine_for(settings().database_url))


def trajectory_themes() -> TrajectoryThemes:
    """The trajectories' themes; the store checks that the person is an admin."""
    return TrajectoryThemes(engine_for(settings().database_url))


def style_preview(scope: str) -> tuple[str, bytes] | None:
    """The sample document last made in this session with the template of ``scope``."""
    value = st.session_state.get(f"style_preview:{scope}")
    return value if isinstance(value, tuple) else None


def set_style_preview(scope: str, result: tuple[str, bytes] | None) -> None:
    st.session_state[f"style_preview:{scope}"] = result


def style_removal_asked(style_id: int) -> bool:
    """Whether the admin asked to remove the template ``style_id`` and has not answered yet."""
    return bool(st.session_state.get(f"style_removal_asked:{style_id}"))


def set_style_removal_asked(style_id: int, asked: bool) -> None:
    # Keyed by the template's id, never its row: after a removal the next template moves up
    # and must not find a confirmation already open.
    if asked:
        st.session_state[f"style_removal_asked:{style_id}"] = True
    else:
        st.session_state.pop(f"style_removal_asked:{style_id}", None)


def export_result(brief_id: int) -> Any:
    """Return the last document built in this session for the brief, with its options."""
    return st.session_state.get(f"export:{brief_id}")


def set_export_result(brief_id: int, result: Any) -> None:
    st.session_state[f"export:{brief_id}"] = result


# --- the coaches' workspace and the feedback threads -------------------------------------------
def feedback_store() -> FeedbackStore:
    """Feedback, step marks and notes as the signed-in person may reach them."""
    return FeedbackStore(programme_store(), brief_store().principal)


def mark_step(brief_id: int, step: int, status: StepStatus | None) -> None:
    """Mark a step ready or reviewed (or clear it) as the signed-in person, through the service."""
    marking.mark_step(programme_store(), brief_store().principal, brief_id, step, status)


def typed_text(widget_key: str) -> str:
    """What a text widget holds in this session, for a callback that stores it."""
    return str(st.session_state.get(widget_key) or "")


def clear_typed_text(widget_key: str) -> None:
    """Empty a text widget once what it held is stored; only from a callback."""
    st.session_state[widget_key] = ""


def feedback_problem(brief_id: int, step: int) -> str | None:
    """Why the last message on this step was refused ("empty", "too_long"), if it was."""
    value = st.session_state.get(f"feedback_problem:{brief_id}:{step}")
    return str(value) if value else None


def set_feedback_problem(brief_id: int, step: int, reason: str | None) -> None:
    if reason is None:
        st.session_state.pop(f"feedback_problem:{brief_id}:{step}", None)
    else:
        st.session_state[f"feedback_problem:{brief_id}:{step}"] = reason


def remember_wanted_page(address: str) -> None:
    """Keep the address a visitor opened before they log in (the login returns them there)."""
    st.session_state[WANTED_PAGE_KEY] = address


def wanted_page() -> str:
    """The address a visitor opened before they were shown the start page, or ""."""
    return str(st.session_state.get(WANTED_PAGE_KEY, ""))


def keep_choice(
    widget_key: str, options: list[Any], param: str | None = None, default: Any = None
) -> None:
    """Give a picker back the value it had before a run that did not draw it (a hidden tab):
    Streamlit forgets a widget's value when a run leaves it out. With ``param``, the choice is
    also kept in the address, so a refresh or a shared link shows the same one; ``default``
    is the value before any choice (drawn without a value of its own). Call before drawing
    it, with ``remember_choice`` as its on_change."""
    kept = st.session_state.get(f"kept:{widget_key}")
    if kept not in options and param is not None:
        by_text = {str(option): option for option in options}
        kept = by_text.get(st.query_params.get(param, ""))
    if kept not in options and widget_key not in st.session_state:
        kept = default
    if kept in options:
        st.session_state[widget_key] = kept


def remember_choice(widget_key: str, param: str | None = None) -> None:
    chosen = st.session_state.get(widget_key)
    st.session_state[f"kept:{widget_key}"] = chosen
    if param is not None and chosen is not None:
        st.query_params[param] = str(chosen)


def import_draft(brief_id: int, key: str) -> Any:
    """What this session has read for importing into a part (see components/theme_import.py)."""
    return st.session_state.get(f"import_draft:{brief_id}:{key}")


def set_import_draft(brief_id: int, key: str, draft: Any) -> None:
    st.session_state[f"import_draft:{brief_id}:{key}"] = draft


def set_import_notice(brief_id: int, key: str, notice: tuple[str, str, dict[str, Any]]) -> None:
    """Leave the outcome of an import (kind, catalogue key, values) for the next run."""
    st.session_state[f"import_notice:{brief_id}:{key}"] = notice


def pop_import_notice(brief_id: int, key: str) -> tuple[str, str, dict[str, Any]] | None:
    value = st.session_state.pop(f"import_notice:{brief_id}:{key}", None)
    return value if isinstance(value, tuple) else None
