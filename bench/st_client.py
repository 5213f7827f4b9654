"""A browser tab without a browser: Streamlit's websocket protocol and the part editor's save.

The load test (bench/load.py) drives tens of participants from one process on a 2-core
machine that also runs the servers, so it cannot afford a Chromium per participant. This
client does over the network what Streamlit's frontend and components/part_editor.js do, and
nothing more: log in through the login form, load the page (its HTML sets Streamlit's XSRF
cookie), open `/_stcore/stream` with the cookies, the page's Origin and the subprotocols the
frontend sends (`streamlit`, the XSRF cookie, the last session id on a reconnect), ask for
script runs with BackMsg `rerun_script` and read ForwardMsgs until `script_finished`. It
keeps the frontend's message cache (the hashes of cacheable messages go back with every
rerun, `ref_hash` answers are looked up in it, and a message unused for `maxCachedMessageAge`
runs is dropped), so the server sends what it would send a browser. It never runs the
components' JavaScript: it finds the part editor's data in the deltas, POSTs a save to
/api/part with the body and headers part_editor.js sends, and sets the editor's trigger value
("saved") in the next rerun, as `setTriggerValue` does.

What it leaves out: static files (a browser has them cached), the widget states of the
other widgets (the server keeps their last values when a rerun does not carry them), the
heartbeat, and the frontend's own redraw work.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import ssl
import time
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpx
from streamlit.components.v2.bidi_component.constants import EVENT_DELIM
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.typing import Origin, Subprotocol

EDITOR_COMPONENT = "kernbrief_part_editor"
XSRF_COOKIE = "_streamlit_xsrf"
# What the frontend sends in place of the XSRF cookie when it has none.
NO_XSRF = "PLACEHOLDER_AUTH_TOKEN"
CSRF_FIELD = re.compile(r"name='csrf' value='([^']+)'")
EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
HTTP_PROBLEMS = (httpx.HTTPError, OSError)


class Disconnected(Exception):
    """The websocket closed while a run was awaited (a server died or restarted)."""


class RunFailed(Exception):
    """A page run showed an error, an exception or "page not found"."""


class NotAnswered(Exception):
    """A fragment's rerun sent to a session that never ran the page: Streamlit drops it.

    After a failover the websocket reaches a new session on another server, and that session
    knows no fragment until the page has run once; Streamlit logs "The fragment with id … does
    not exist anymore" and answers nothing, in a browser as here.
    """


@dataclass
class Editor:
    """One part editor as the server drew it: its widget id, fragment and data."""

    widget_id: str
    fragment_id: str
    data: dict[str, Any]

    @property
    def trigger_id(self) -> str:
        """The widget id of the component's trigger values (Streamlit's `_make_trigger_id`)."""
        return f"{STREAMLIT_INTERNAL_KEY_PREFIX}_{self.widget_id}{EVENT_DELIM}events"


@dataclass
class Run:
    """What one script run (a page, or a fragment) sent."""

    editors: dict[str, Editor] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    status: int | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Cached:
    """A cacheable message, the run count it was last used at, and its fragment."""

    message: ForwardMsg
    used: int
    fragment_id: str


def _cookie_jar() -> CookieJar:
    # Behind KERNBRIEF_SECURE_COOKIES the login cookie is Secure; a browser sends it to a
    # loopback address over plain http, the standard library only over https.
    return CookieJar(DefaultCookiePolicy(secure_protocols=("https", "wss", "http", "ws")))


class Tab:
    """One participant's browser tab: its cookies, one websocket and the page it shows."""

    def __init__(
        self,
        base: str,
        origin: str | None = None,
        timeout: float = 120.0,
        tls: ssl.SSLContext | None = None,
    ):
        self.base = base.rstrip("/")
        self.origin = (origin or self.base).rstrip("/")
        self.timeout = timeout
        self.tls = tls
        self.http = httpx.AsyncClient(
            base_url=self.base,
            cookies=_cookie_jar(),
            timeout=timeout,
            verify=tls or True,
            headers={"user-agent": "kernbrief-load/1 (Streamlit protocol client)"},
        )
        self.ws: ClientConnection | None = None
        self.session_id = ""
        self.pages: dict[str, str] = {}  # address → page_script_hash, from `navigation`
        self.page_hash = ""
        self.address = ""
        # The page's parameters (a step's section), sent with every run as the browser does.
        self.query = ""
        self.cache: dict[str, Cached] = {}
        self.runs_finished = 0
        self.max_cache_age = 2  # the server's global.maxCachedMessageAge, from new_session
        self.run: Run | None = None
        self.editors: dict[str, Editor] = {}
        self.closed = asyncio.Event()
        self.fresh_session = False
        self.resent = 0  # saves sent again at once after a kept-alive connection closed
        self.last_run_was_fragment = False
        self.rerun_on_reconnect = False
        self._reader: asyncio.Task[None] | None = None

    # --- HTTP -------------------------------------------------------------------------------

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.http.cookies.jar)

    async def log_in(self, email: str, password: str) -> None:
        """Post the login form with its CSRF value, as the browser does; keep the cookie."""
        form = await self.http.get("/auth/login")
        found = CSRF_FIELD.search(form.text)
        if found is None:
            raise RunFailed(f"no login form ({form.status_code})")
        answer = await self.http.post(
            "/auth/login",
            data={"csrf": found.group(1), "email": email, "password": password},
            headers={"origin": self.origin},
        )
        if answer.status_code != 303:
            raise RunFailed(f"login refused ({answer.status_code})")

    async def load(self, address: str) -> None:
        """The HTTP part of opening an address: the page (sets the XSRF cookie), the probes."""
        page = await self.http.get(f"/{address}")
        page.raise_for_status()
        await self.probe()

    async def probe(self) -> None:
        """What the frontend asks before (re)opening the websocket."""
        for path in ("/_stcore/health", "/_stcore/host-config"):
            (await self.http.get(path)).raise_for_status()

    async def save(self, editor: Editor, value: Any, base: int) -> tuple[int, dict[str, Any]]:
        """POST one part as part_editor.js `flush` does; return the status and the answer."""
        d = editor.data
        body = json.dumps(
            {
                "brief": d["brief"],
                "part": d["part"],
                "base": base,
                "token": d["token"],
                "lang": d["lang"],
                "value": value,
            }
        )
        headers = {"content-type": "application/json", "origin": self.origin}
        try:
            answer = await self.http.post(d["api"], content=body.encode(), headers=headers)
        except (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError):
            # The server closed the kept-alive connection as the request left on it (uvicorn
            # closes idle ones after 5 s). A browser sends the request again on a new
            # connection at once (Chromium does so for a reused one that answered nothing),
            # so the user never sees it; a save of the same text is harmless twice.
            self.resent += 1
            answer = await self.http.post(d["api"], content=body.encode(), headers=headers)
        try:
            payload = answer.json()
        except ValueError:
            payload = {"status": "offline"}  # a proxy's error page: the editor retries
        return answer.status_code, payload if isinstance(payload, dict) else {}

    # --- the websocket ----------------------------------------------------------------------

    async def connect(self) -> None:
        """Open the websocket as the frontend does; on a reconnect, name the last session."""
        tokens = [self.http.cookies.get(XSRF_COOKIE) or NO_XSRF]
        if self.session_id:
            tokens.append(self.session_id)
        # The bench only reconnects when a server died: the session that answers is new.
        self.fresh_session = bool(self.session_id)
        self.ws = await connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            origin=Origin(self.origin),
            subprotocols=[Subprotocol(p) for p in ("streamlit", *tokens)],
            additional_headers={"cookie": self.cookie_header()},
            user_agent_header=None,
            max_size=None,
            ssl=self.tls if self.base.startswith("https") else None,
            open_timeout=self.timeout,
            # The server pings; an answer that waits behind a busy event loop is no death.
            ping_interval=None,
        )
        self.closed.clear()
        self._reader = asyncio.create_task(self._read(self.ws))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                await self._reader
        await self.http.aclose()

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                message = ForwardMsg()
                message.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
                self._receive(message)
        except ConnectionClosed:
            pass
        finally:
            if ws is self.ws:
                # The frontend asks for a run as soon as it is back only when one was under
                # way, or the last one was a fragment's (App.tsx handleConnectionStateChanged).
                self.rerun_on_reconnect = self.run is not None or self.last_run_was_fragment
                self.closed.set()
                if self.run is not None:
                    self.run.done.set()

    def _resolve(self, message: ForwardMsg) -> ForwardMsg | None:
        """The message itself, or the cached one a `ref_hash` names; keep cacheable ones."""
        if message.HasField("ref_hash"):
            cached = self.cache.get(message.ref_hash)
            if cached is None:
                if self.run is not None:
                    self.run.errors.append("unknown ref_hash")
                return None
            cached.used = self.runs_finished
            full = ForwardMsg()
            full.CopyFrom(cached.message)
            full.metadata.CopyFrom(message.metadata)
            return full
        if message.metadata.cacheable:
            self.cache[message.hash] = Cached(
                message, self.runs_finished, message.delta.fragment_id
            )
        return message

    def _finished(self, fragment_ids: list[str]) -> None:
        """Age the cache as the frontend does after a run: a fragment run ages its own only."""
        self.runs_finished += 1
        self.last_run_was_fragment = bool(fragment_ids)
        for key, cached in list(self.cache.items()):
            if fragment_ids and cached.fragment_id not in fragment_ids:
                continue
            if self.runs_finished - cached.used > self.max_cache_age:
                del self.cache[key]

    def _receive(self, received: ForwardMsg) -> None:
        message = self._resolve(received)
        if message is None:
            return
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.session_id = message.new_session.initialize.session_id or self.session_id
            self.max_cache_age = message.new_session.config.max_cached_message_age
        elif kind == "navigation":
            self.page_hash = message.navigation.page_script_hash
            for page in message.navigation.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
        elif kind == "delta":
            self._delta(message)
        elif kind == "page_not_found" and self.run is not None:
            self.run.errors.append("page not found")
        elif kind == "script_finished" and message.script_finished != EARLY:
            self._finished(list(message.metadata.run.fragment_ids))
            if self.run is not None:
                self.run.status = message.script_finished
                self.run.done.set()

    def _delta(self, message: ForwardMsg) -> None:
        run = self.run
        if run is None or message.delta.WhichOneof("type") != "new_element":
            return
        element = message.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "bidi_component" and element.bidi_component.component_name.endswith(
            EDITOR_COMPONENT
        ):
            data = json.loads(element.bidi_component.json)
            run.editors[data["part"]] = Editor(
                element.bidi_component.id, message.delta.fragment_id, data
            )
        elif kind == "heading":
            run.headings.append(element.heading.body)
        elif kind == "exception":
            run.errors.append(f"exception: {element.exception.message}")
        elif kind == "alert" and element.alert.format == element.alert.ERROR:
            run.errors.append(f"error: {element.alert.body}")

    async def _send(self, back: BackMsg, address: str) -> None:
        """Send a rerun request with what the frontend adds to each: cache, time zone, URL."""
        if self.ws is None or self.closed.is_set():
            raise Disconnected
        back.rerun_script.cached_message_hashes.extend(self.cache)
        context = back.rerun_script.context_info
        context.timezone, context.locale = "Europe/Brussels", "nl-BE"
        context.timezone_offset = -60
        context.url = f"{self.origin}/{address}"
        try:
            await self.ws.send(back.SerializeToString())
        except (ConnectionClosed, OSError) as lost:
            raise Disconnected from lost

    async def _run(self, back: BackMsg, address: str) -> Run:
        """Send one rerun request and wait for its `script_finished`; the page is at
        ``address`` from then on."""
        run = self.run = Run()
        try:
            await self._send(back, address)
            await asyncio.wait_for(run.done.wait(), self.timeout)
        except TimeoutError:
            raise  # (an OSError too, since Python 3.11)
        except (ConnectionClosed, OSError) as lost:
            raise Disconnected from lost
        finally:
            self.run = None
        if run.status is None:
            raise Disconnected
        if run.errors:
            raise RunFailed("; ".join(run.errors))
        if not back.rerun_script.fragment_id:
            self.editors = {}
            self.fresh_session = False
        self.editors.update(run.editors)
        self.address = address
        return run

    @property
    def shown_hash(self) -> str:
        return self.pages.get(self.address, self.page_hash)

    async def open(self, address: str) -> Run:
        """Open a page: by its address on a first run, else by its hash, as a sidebar link.
        An address may name a section of the page (``stappenplan?deel=samenvatting``)."""
        back = BackMsg()
        page, _, query = address.partition("?")
        back.rerun_script.query_string = query
        if page in self.pages:
            back.rerun_script.page_script_hash = self.pages[page]
        else:
            back.rerun_script.page_name = page
        run = await self._run(back, page)
        self.query = query
        return run

    async def rerun(self) -> Run:
        """Run the page shown again (what the frontend asks for after a reconnect).

        The page is the last one whose run finished: a page change that a dropped connection
        cut short left the browser on the page before it.
        """
        back = BackMsg()
        back.rerun_script.page_script_hash = self.shown_hash
        back.rerun_script.query_string = self.query
        return await self._run(back, self.address)

    async def trigger(self, editor: Editor, event: str, value: Any) -> Run:
        """Rerun with a component's trigger value, as `setTriggerValue(event, value)` does."""
        back = BackMsg()
        rerun = back.rerun_script
        rerun.page_script_hash = self.shown_hash
        rerun.query_string = self.query
        rerun.fragment_id = editor.fragment_id
        state = rerun.widget_states.widgets.add()
        state.id = editor.trigger_id
        state.json_trigger_value = json.dumps([{"event": event, "value": value}])
        if self.fresh_session and editor.fragment_id:
            await self._send(back, self.address)
            raise NotAnswered(editor.fragment_id)
        return await self._run(back, self.address)

    async def reconnect(self, give_up: float) -> None:
        """Probe and reopen the websocket as the frontend does (100 ms to 4 s apart)."""
        delay = 0.1
        deadline = time.monotonic() + give_up
        while True:
            try:
                await self.probe()
                await self.connect()
                return
            except (*HTTP_PROBLEMS, InvalidHandshake, TimeoutError):
                if time.monotonic() > deadline:
                    raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 4.0)
