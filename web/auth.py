"""The login, logout, invitation and password-reset routes, served beside Streamlit.

A Streamlit widget cannot set an HttpOnly cookie, so these few forms are plain HTML pages
served by Starlette routes of st.App. Every value they show is escaped.
"""

from __future__ import annotations

import asyncio
import functools
import html
import re
import secrets
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs, quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Match, Route
from starlette.types import Scope

from briefs.demo import DEMO_PEOPLE
from briefs.i18n import LANGUAGES, Translator
from core.clients import client_address
from core.mail import MailFailed, MailNotConfigured
from core.security import sign, unsign
from core.settings import DEMO_PASSWORD, settings

# services and storage (SQLAlchemy, the brief's models) are imported in the handlers that
# use them, not here: the server imports this module before it listens, and web/warm_up.py
# imports them in the background as soon as it is up, before a first login needs them.
if TYPE_CHECKING:
    from storage.accounts import AccountStore

CSRF_COOKIE = "kernbrief_csrf"
# Streamlit's identity cookie after st.login (split into _1, _2, … when large).
STREAMLIT_IDENTITY_COOKIE = "_streamlit_user"
# A form of these pages holds a few short fields; anything bigger is refused unread.
MAX_FORM_BYTES = 16 * 1024
# Argon2 costs 64 MiB and tens of milliseconds per hash: never on the event loop that serves
# every Streamlit session, and at most two at a time, however many requests arrive. Mail to
# an SMTP server waits on the network, so it is sent from this pool too.
PASSWORD_WORK = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kernbrief-password")
Result = TypeVar("Result")
STYLE = """
body{font-family:system-ui,sans-serif;background:#f6f5f1;color:#222;margin:0}
main{max-width:30rem;margin:4rem auto;background:#fff;padding:2rem 2.5rem;
border-radius:.75rem;box-shadow:0 1px 4px #0002}h1{font-size:1.6rem;margin-top:0}
label{display:block;margin:.9rem 0 .3rem}input{width:100%;padding:.55rem;font-size:1rem;
border:1px solid #bbb;border-radius:.4rem;box-sizing:border-box}button{margin-top:1.2rem;
padding:.6rem 1.2rem;font-size:1rem;background:#b03a48;color:#fff;border:0;
border-radius:.4rem;cursor:pointer}.error{background:#fde8e8;padding:.7rem;border-radius:.4rem}
.note{background:#eef4fb;padding:.7rem;border-radius:.4rem;font-size:.9rem}
table{font-size:.85rem}td{padding:.15rem .6rem .15rem 0}nav{margin-top:1.5rem;font-size:.9rem}
"""


def accounts() -> AccountStore:
    from storage.accounts import AccountStore
    from storage.db import app_engine

    return AccountStore(app_engine())


def _language(request: Request) -> Translator:
    wanted = request.query_params.get("taal", "nl")
    return Translator(wanted if wanted in LANGUAGES else "nl")


def _client(request: Request) -> str:
    """The client address, by the one rule of core.clients (a proxy's header only if trusted)."""
    peer = request.client.host if request.client else None
    forwarded = request.headers.getlist("x-forwarded-for")
    return client_address(peer, forwarded, settings().trusted_proxies)


def _page(t: Translator, title: str, body: str, csrf: str | None = None) -> HTMLResponse:
    other = "en" if t.language == "nl" else "nl"
    tab_title = title if "Kernbrief" in title else f"{title} · Kernbrief"
    document = (
        f"<!doctype html><html lang='{t.language}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(tab_title)}</title><style>{STYLE}</style></head>"
        f"<body><main><h1>{html.escape(title)}</h1>{body}"
        f"<nav><a href='?taal={other}'>{'English' if other == 'en' else 'Nederlands'}</a></nav>"
        f"</main></body></html>"
    )
    response = HTMLResponse(document)
    if csrf is not None:
        response.set_cookie(
            CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=settings().secure_cookies
        )
    return response


# What each field holds, for the browser's password manager and autofill (WCAG 1.3.5).
AUTOCOMPLETE = {
    "email": "username",
    "password": "current-password",
    "name": "name",
    "password_again": "new-password",
}


def _field(
    label: str,
    name: str,
    kind: str = "text",
    value: str = "",
    focus: bool = False,
    autocomplete: str | None = None,
) -> str:
    purpose = autocomplete or AUTOCOMPLETE.get(name, "off")
    return (
        f"<label for='{name}'>{html.escape(label)}</label>"
        f"<input id='{name}' name='{name}' type='{kind}' value='{html.escape(value)}' "
        f"autocomplete='{purpose}' required{' autofocus' if focus else ''}>"
    )


class FormTooLarge(Exception):
    """A form body over MAX_FORM_BYTES: refused with 413 before the rest of it is read."""


async def _form(request: Request) -> dict[str, str]:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise FormTooLarge
    # Read chunk by chunk and stop at the limit: a lying or missing Content-Length costs
    # no more than one chunk beyond it.
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_FORM_BYTES:
            raise FormTooLarge
    # Parsed by hand: Starlette's request.form() needs python-multipart for a few fields.
    text = body.decode("utf-8", "replace")
    return {key: values[0] for key, values in parse_qs(text, keep_blank_values=True).items()}


async def _off_the_loop(work: Callable[..., Result], *args: Any) -> Result:
    """Run work that hashes or checks a password, or sends mail, in the small password pool."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(PASSWORD_WORK, functools.partial(work, *args))


def _csrf_ok(request: Request, form: dict[str, str]) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(cookie) and secrets.compare_digest(cookie, form.get("csrf", ""))


def _password_form_error(request: Request, form: dict[str, str], t: Translator) -> str:
    """Why a form that sets a password cannot be taken as sent; empty when it can."""
    if not _csrf_ok(request, form):
        return t("auth.form_expired")
    if form.get("password") != form.get("password_again"):
        return t("auth.passwords_differ")
    return ""


def _logged_in(response: Response, token: str) -> Response:
    configured = settings()
    # With secure cookies the name carries "__Host-": Secure, Path=/ and no Domain, as that
    # prefix demands of a cookie the browser is to keep.
    response.set_cookie(
        configured.login_cookie,
        sign(token, configured.signing_key()),
        httponly=True,
        samesite="lax",
        secure=configured.secure_cookies,
        path="/",
    )
    return response


def _user_agent(request: Request) -> str:
    """The browser's description of itself, kept with the login to list it on Mijn account."""
    return request.headers.get("user-agent", "")


# The page a visitor asked for before logging in ("stappenplan"): one segment of plain
# characters, so that it can only name an address of this app, never another site.
NEXT_PAGE = re.compile(r"^[a-z0-9-]{1,40}$")


def _next_page(request: Request) -> str:
    wanted = request.query_params.get("volgende", "")
    return wanted if NEXT_PAGE.match(wanted) else ""


def _login_form(
    t: Translator, error: str = "", notice: str = "", email: str = "", next_page: str = ""
) -> HTMLResponse:
    csrf = secrets.token_urlsafe(24)
    parts = []
    if notice:
        parts.append(f"<p class='note'>{html.escape(notice)}</p>")
    if error:
        parts.append(f"<p class='error' role='alert'>{html.escape(error)}</p>")
    parts.append(
        f"<form method='post' action='/auth/login?taal={t.language}"
        + (f"&amp;volgende={next_page}" if next_page else "")
        + "'>"
        f"<input type='hidden' name='csrf' value='{csrf}'>"
        # The cursor starts where typing begins: the address, or after a refusal the password.
        + _field(t("auth.email"), "email", "email", email, focus=not email)
        + _field(t("auth.password"), "password", "password", focus=bool(email))
        + f"<button type='submit'>{html.escape(t('auth.login'))}</button></form>"
        f"<p class='note'>{html.escape(t('auth.forgot'))}</p>"
    )
    if settings().demo:
        rows = "".join(
            f"<tr><td>{html.escape(p.email)}</td><td>{html.escape(t(f'role.{p.role}'))}</td></tr>"
            for p in DEMO_PEOPLE
        )
        parts.append(
            f"<div class='note'><p>{html.escape(t('auth.demo_accounts', password=DEMO_PASSWORD))}"
            "</p>"
            f"<table>{rows}</table></div>"
        )
    return _page(t, t("auth.login_title"), "".join(parts), csrf)


async def login(request: Request) -> Response:
    t = _language(request)
    next_page = _next_page(request)
    if request.method == "GET":
        notice = t("auth.password_set") if request.query_params.get("klaar") else ""
        return _login_form(t, notice=notice, next_page=next_page)
    from storage.accounts import LoginRefused

    form = await _form(request)
    if not _csrf_ok(request, form):
        return _login_form(t, error=t("auth.form_expired"), next_page=next_page)
    email, password, client = form.get("email", ""), form.get("password", ""), _client(request)
    store = accounts()
    await asyncio.sleep(store.delay_for(email, client))
    try:
        principal = await _off_the_loop(store.authenticate, email, password, client)
    except LoginRefused:
        return _login_form(t, error=t("auth.refused"), email=email, next_page=next_page)
    token = store.start_login_session(principal.person_id, _user_agent(request))
    # The language of the login page is the one their mails are written in.
    store.remember_language(principal.person_id, t.language)
    # Back to the page asked for before logging in; a role that may not open it is told so.
    return _logged_in(RedirectResponse(f"/{next_page}?taal={t.language}", status_code=303), token)


async def logout(request: Request) -> Response:
    """GET shows a one-button form; only its POST, with the form's CSRF value, logs out.

    A link or an image on another site can make a browser send a GET with the login cookie,
    so a GET must never end a login.
    """
    t = _language(request)
    error = ""
    if request.method == "POST":
        form = await _form(request)
        if _csrf_ok(request, form):
            configured = settings()
            token = unsign(request.cookies.get(configured.login_cookie), configured.signing_key())
            if token:
                accounts().end_login_session(token, _client(request))
            # A single-sign-on identity cookie goes too: without our cookie, the next request
            # to this address is Streamlit's own logout, which deletes it (see SharedPath).
            after = "/auth/logout" if _has_identity_cookie(request) else "/auth/login"
            response = RedirectResponse(f"{after}?taal={t.language}", status_code=303)
            # A "__Host-" cookie is only replaced by one with the same attributes.
            response.delete_cookie(
                configured.login_cookie,
                path="/",
                secure=configured.secure_cookies,
                httponly=True,
                samesite="lax",
            )
            return response
        error = t("auth.form_expired")
    csrf = secrets.token_urlsafe(24)
    body = (
        (f"<p class='error' role='alert'>{html.escape(error)}</p>" if error else "")
        + f"<p>{html.escape(t('auth.logout_confirm'))}</p>"
        f"<form method='post' action='/auth/logout?taal={t.language}'>"
        f"<input type='hidden' name='csrf' value='{csrf}'>"
        f"<button type='submit'>{html.escape(t('auth.logout'))}</button></form>"
    )
    return _page(t, t("auth.logout_title"), body, csrf)


def _code_refused(t: Translator, reason: str) -> HTMLResponse:
    return _page(
        t, t("auth.code_title"), f"<p class='error'>{html.escape(t(f'auth.code_{reason}'))}</p>"
    )


@dataclass(frozen=True)
class InvitationPage:
    """The invitation form: for an invitation without an address first the address, then,
    once a code went to it, the code with name and password."""

    t: Translator
    code: str
    municipality: str
    fixed_email: str

    def render(
        self,
        error: str = "",
        notice: str = "",
        email: str = "",
        name: str = "",
        email_code: str = "",
    ) -> HTMLResponse:
        t, csrf = self.t, secrets.token_urlsafe(24)
        parts = [f"<p>{html.escape(t('auth.invitation_for', municipality=self.municipality))}</p>"]
        if notice:
            parts.append(f"<p class='note' role='status'>{html.escape(notice)}</p>")
        if error:
            parts.append(f"<p class='error' role='alert'>{html.escape(error)}</p>")
        parts.append(
            f"<form method='post' action='/auth/invite?code={quote(self.code)}&taal={t.language}'>"
            f"<input type='hidden' name='csrf' value='{csrf}'>"
        )
        if self.fixed_email or email:
            parts.append(self._account_fields(email, name, email_code))
        else:
            parts.append(
                f"<p>{html.escape(t('auth.email_step'))}</p>"
                + _field(t("auth.email"), "email", "email", email)
                + f"<button type='submit' name='step' value='code'>"
                f"{html.escape(t('auth.send_code'))}</button>"
            )
        parts.append("</form>")
        return _page(t, t("auth.invitation_title"), "".join(parts), csrf)

    def _account_fields(self, email: str, name: str, email_code: str) -> str:
        t = self.t
        shown = html.escape(self.fixed_email or email)
        fields = _field(t("auth.name"), "name", value=name) + (
            f"<p>{html.escape(t('auth.email'))}: <strong>{shown}</strong></p>"
        )
        if not self.fixed_email:
            fields += (
                f"<input type='hidden' name='email' value='{shown}'>"
                f"<label for='email_code'>{html.escape(t('auth.email_code'))}</label>"
                "<input id='email_code' name='email_code' type='text' inputmode='numeric' "
                f"autocomplete='one-time-code' value='{html.escape(email_code)}' required>"
            )
        fields += (
            f"<p class='note'>{html.escape(t('auth.password_rule'))}</p>"
            + _field(t("auth.new_password"), "password", "password", autocomplete="new-password")
            + _field(t("auth.password_again"), "password_again", "password")
            + f"<button type='submit' name='step' value='account'>"
            f"{html.escape(t('auth.create_account'))}</button>"
        )
        if not self.fixed_email:
            # formnovalidate: asking for a new code needs none of the other fields filled in.
            fields += (
                "<button type='submit' name='step' value='code' formnovalidate "
                "style='background:#fff;color:#b03a48;border:1px solid #b03a48;margin-left:.5rem'>"
                f"{html.escape(t('auth.send_code_again'))}</button>"
            )
        return fields


async def invitation(request: Request) -> Response:
    from storage.accounts import CodeRefused

    t = _language(request)
    code = request.query_params.get("code", "")
    store = accounts()
    try:
        _trajectory_id, municipality, fixed_email = store.invitation(code)
    except CodeRefused as refused:
        return _code_refused(t, refused.reason)
    page = InvitationPage(t, code, municipality, fixed_email)
    if request.method == "GET":
        return page.render()
    form = await _form(request)
    if not fixed_email and form.get("step") == "code":
        if not _csrf_ok(request, form):
            return page.render(error=t("auth.form_expired"), email=form.get("email", ""))
        return await _mail_code(request, page, store, form)
    return await _accept(request, page, store, form)


async def _mail_code(
    request: Request, page: InvitationPage, store: AccountStore, form: dict[str, str]
) -> Response:
    """Mail a code to the address typed, off the event loop; show the form to enter it."""
    from services.account_mail import mail_email_code
    from storage.accounts import AccountRefused, CodeRefused
    from storage.email_checks import EMAIL_CODE_VALIDITY, EmailCodeRefused

    t, email = page.t, form.get("email", "").strip()
    # Asked again from the code form: that form stays, whatever the answer.
    again = "email_code" in form
    try:
        await _off_the_loop(
            mail_email_code, store.engine, page.code, email, t.language, _client(request)
        )
    except EmailCodeRefused as refused:
        error = t(f"auth.email_code_{refused.reason}")
        return page.render(error=error, email=email if again else "")
    except CodeRefused as refused:
        return _code_refused(t, refused.reason)
    except AccountRefused as refused:
        return page.render(error=t(f"auth.account_{refused.reason}"))
    except MailNotConfigured:
        return page.render(error=t("auth.mail_not_configured"))
    except MailFailed:
        return page.render(error=t("auth.mail_failed"), email=email if again else "")
    minutes = int(EMAIL_CODE_VALIDITY.total_seconds() // 60)
    notice = t("auth.code_sent", email=email, minutes=minutes)
    return page.render(notice=notice, email=email, name=form.get("name", ""))


async def _accept(
    request: Request, page: InvitationPage, store: AccountStore, form: dict[str, str]
) -> Response:
    """Create the account, off the event loop; with an unchecked address only with its code."""
    from services.accounts import accept_invitation
    from storage.accounts import AccountRefused, CodeRefused
    from storage.email_checks import EmailCodeRefused

    t = page.t
    email = page.fixed_email or form.get("email", "").strip()
    name, email_code = form.get("name", ""), form.get("email_code", "")
    error = _password_form_error(request, form, t)
    if error:
        return page.render(error=error, email=email, name=name, email_code=email_code)
    work = functools.partial(
        accept_invitation,
        store.engine,
        page.code,
        name,
        email,
        form.get("password", ""),
        _client(request),
        email_code=email_code,
        language=t.language,
    )
    try:
        person_id = await _off_the_loop(work)
    except EmailCodeRefused as refused:
        return page.render(error=t(f"auth.email_code_{refused.reason}"), email=email, name=name)
    except CodeRefused as refused:
        return _code_refused(t, refused.reason)
    except AccountRefused as refused:
        error = t(f"auth.account_{refused.reason}")
        return page.render(error=error, email=email, name=name, email_code=email_code)
    token = store.start_login_session(person_id, _user_agent(request))
    return _logged_in(RedirectResponse(f"/?taal={t.language}", status_code=303), token)


async def reset(request: Request) -> Response:
    from services.accounts import reset_password
    from storage.accounts import AccountRefused, CodeRefused

    t = _language(request)
    code = request.query_params.get("code", "")
    store = accounts()
    error = ""
    if request.method == "POST":
        form = await _form(request)
        error = _password_form_error(request, form, t)
        if not error:
            try:
                await _off_the_loop(
                    reset_password, store.engine, code, form.get("password", ""), _client(request)
                )
            except CodeRefused as refused:
                return _code_refused(t, refused.reason)
            except AccountRefused as refused:
                error = t(f"auth.account_{refused.reason}")
            else:
                return RedirectResponse(f"/auth/login?klaar=1&taal={t.language}", status_code=303)
    csrf = secrets.token_urlsafe(24)
    body = (
        (f"<p class='error' role='alert'>{html.escape(error)}</p>" if error else "")
        + f"<form method='post' action='/auth/reset?code={quote(code)}&taal={t.language}'>"
        f"<input type='hidden' name='csrf' value='{csrf}'>"
        + f"<p class='note'>{html.escape(t('auth.password_rule'))}</p>"
        + _field(t("auth.new_password"), "password", "password", autocomplete="new-password")
        + _field(t("auth.password_again"), "password_again", "password")
        + f"<button type='submit'>{html.escape(t('auth.save_password'))}</button></form>"
    )
    return _page(t, t("auth.reset_title"), body, csrf)


def _form_limited(
    endpoint: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """Answer a form over MAX_FORM_BYTES with a short page and 413, and close the connection."""

    @functools.wraps(endpoint)
    async def limited(request: Request) -> Response:
        try:
            return await endpoint(request)
        except FormTooLarge:
            t = _language(request)
            page = _page(
                t,
                t("auth.form_too_large_title"),
                f"<p class='error' role='alert'>{html.escape(t('auth.form_too_large'))}</p>",
            )
            page.status_code = 413
            page.headers["connection"] = "close"
            return page

    return limited


def _has_identity_cookie(request: Request) -> bool:
    return any(name.startswith(STREAMLIT_IDENTITY_COOKIE) for name in request.cookies)


def _for_streamlit(scope: Scope) -> bool:
    """Whether a GET of /auth/login or /auth/logout is Streamlit's own single sign-on.

    st.login sends the browser to /auth/login?provider=…, st.logout to /auth/logout. Ours are
    a login page without that parameter, and a logout page for whoever has our login cookie:
    a browser with only Streamlit's identity cookie is logged out of it by Streamlit.
    """
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return False
    request = Request(scope)
    if scope.get("path") == "/auth/login":
        return "provider" in request.query_params
    if scope.get("path") == "/auth/logout":
        return _has_identity_cookie(request) and settings().login_cookie not in request.cookies
    return False


class SharedPath(Route):
    """A route of ours on an address Streamlit's sign-on also uses; its requests pass on.

    Routes given to st.App come before Streamlit's own, so without this st.login and
    st.logout would reach our password pages and never Streamlit.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if _for_streamlit(scope):
            return Match.NONE, {}
        return super().matches(scope)


def auth_routes() -> list[Route]:
    return [
        SharedPath("/auth/login", _form_limited(login), methods=["GET", "POST"]),
        SharedPath("/auth/logout", _form_limited(logout), methods=["GET", "POST"]),
        Route("/auth/invite", _form_limited(invitation), methods=["GET", "POST"]),
        Route("/auth/reset", _form_limited(reset), methods=["GET", "POST"]),
    ]


class PrivatePages:
    """ASGI middleware: pages are never cached (the back button after logout shows nothing
    private) and invitation links never leak through the Referer header."""

    def __init__(self, app: Callable[..., Awaitable[None]]):
        self.app = app

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                path = scope.get("path", "")
                if not path.startswith(("/static/", "/_stcore/static")):
                    headers.append((b"cache-control", b"no-store"))
                headers.append((b"referrer-policy", b"same-origin"))
                headers.append((b"x-content-type-options", b"nosniff"))
                # No other site may frame a signed-in page (clickjacking): old and new header.
                headers.append((b"x-frame-options", b"DENY"))
                headers.append((b"content-security-policy", b"frame-ancestors 'none'"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


# Top-level path segments under which Streamlit may answer with real HTML of its own.
SERVED_PREFIXES = ("_stcore", "media", "component", "app")


AUTH_PATHS = frozenset(route.path for route in auth_routes())


class UnknownAddresses:
    """ASGI middleware: a nested address that is no page gets a Dutch page, not a blank one.

    Streamlit answers every unknown path with its index page; under a nested path such as
    `/uitdaging/extra` that page cannot load its scripts and stays white. Only GET answers of
    that index page for paths of two or more segments outside the served prefixes are
    replaced; one-segment addresses are answered by app.py itself.
    """

    def __init__(self, app: Callable[..., Awaitable[None]]):
        self.app = app

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        segments = [part for part in str(scope.get("path", "")).split("/") if part]
        watched = (
            scope["type"] == "http"
            and scope.get("method") == "GET"
            and len(segments) >= 2
            and segments[0] not in SERVED_PREFIXES
            and scope.get("path") not in AUTH_PATHS
        )
        if not watched:
            await self.app(scope, receive, send)
            return
        replaced = False

        async def send_or_replace(message: dict[str, Any]) -> None:
            nonlocal replaced
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                is_page = headers.get(b"content-type", b"").startswith(b"text/html")
                if message.get("status") == 200 and is_page:
                    replaced = True
                    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
                    wanted = query.get("taal", ["nl"])[0]
                    t = Translator(wanted if wanted in LANGUAGES else "nl")
                    home = html.escape(t("app.page_home"))
                    body = (
                        f"<p>{html.escape(t('app.page_unknown'))}</p>"
                        f"<p><a href='/?taal={t.language}'>{home}</a></p>"
                    )
                    page = _page(t, t("app.page_missing_title"), body)
                    page.status_code = 404
                    await page({"type": "http"}, receive, send)
                    return
            if not replaced:
                await send(message)

        await self.app(scope, receive, send_or_replace)
