"""The load test anyone can rerun: N participants edit their briefs at once; how fast, how safe.

Each simulated participant logs in through the login form, opens a step, and then, again and
again for a fixed time: waits 2-3 s, edits a text part and leaves the field (its save goes to
/api/part), waits for the answer the browser shows as *Bewaard*, and sends the trigger with
which part_editor.js asks Streamlit to redraw after a save; every few edits it opens the other
step. Participants are not Chromium tabs: a 2-core machine cannot run 40 browsers beside the
servers. They are bench/st_client.py: Streamlit's own websocket protocol and the part editor's
HTTP save, asyncio in one process, which reports its own CPU and event-loop lag so that a
client that cannot keep up is seen, not mistaken for a slow server.

part_editor.js asks for that redraw after a save made at a pause in typing while the field still
has the focus; a save made by leaving the field right after typing redraws nothing. The bench
takes the first, heavier case; `--no-redraw` the second.

Reported: save → confirmation (*Bewaard*) and save → page redrawn, page opens (a sidebar link:
one script run), the first load (login to the first step drawn); p50/p95/p99 of each; errors
(refused or failed saves, runs that showed an error, time-outs); lost saves: afterwards every
confirmed save is looked up in the database (its version holds its text, and the part holds the
last confirmed text); the CPU of the app servers, the database and the proxy (from /proc), the
servers' memory per session. `--kill-after S` SIGKILLs one server of a cluster S seconds in and
reports how many of its sessions had their websocket back (through the proxy, on the other
server) within 10 s, and were still signed in at their next page run: the client reconnects and
reruns as the frontend does, at once if a run was under way or the last run was a fragment's,
else at the participant's next step (a save's redraw sent to the new server before the page
ran there is dropped by Streamlit, and counted). Each participant has their own brief (a copy of
the demo brief of Avelgem), so no save waits on a colleague's.

    python -m bench.load --setup sqlite --participants 10
    python -m bench.load --setup cluster --participants 40 --kill-after 30 --json out.json
    make bench-load        # all set-ups, then a markdown table for the README

KERNBRIEF_LOAD_KEEP=1 keeps each run's databases and server logs (their folder is printed).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import math
import os
import random
import resource
import secrets
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from websockets.exceptions import InvalidHandshake

from bench.load_targets import (
    PASSWORD,
    SETUPS,
    Participant,
    Target,
    cpu_seconds,
    rss_bytes,
    started,
)
from bench.st_client import HTTP_PROBLEMS, Disconnected, NotAnswered, Run, RunFailed, Tab
from storage.db import make_engine
from storage.repository import SqlBriefStore

# The step pages a participant switches between, and the text part edited on each.
# Two steps, each on the section with the text part typed in.
ROUTE = (("uitdaging", "challenge.problem"), ("stappenplan?deel=samenvatting", "roadmap.summary"))
FILLER = (
    "De kern loopt leeg omdat bezoekers de winkels niet vinden vanaf de parking aan de "
    "steenweg; de bewegwijzering is verouderd en spreekt elkaar tegen. Handelaars en bewoners "
    "willen een duidelijke route, meer groen en een plek om even te blijven."
)
# A save not confirmed after this long is counted as failed (the editor would keep retrying).
SAVE_GIVE_UP = 60.0
RECONNECT_LIMIT = 10.0


def now() -> float:
    return time.perf_counter()


@dataclass
class Plan:
    participants: int = 10
    duration: float = 60.0
    think: tuple[float, float] = (2.0, 3.0)
    edits_per_page: int = 3
    ramp: float = 10.0
    redraw: bool = True
    kill_after: float | None = None


@dataclass
class Reconnect:
    participant: int
    server: int | None
    lost_at: float
    socket_seconds: float | None  # until the websocket was open again
    seconds: float | None  # until the page was drawn again
    signed_in: bool
    drawn_by: str = ""  # the run that drew it, and what it showed first


@dataclass
class Recorder:
    """What the participants measured: timings of actions begun inside the window (and every
    first load), and every error, also those before the window."""

    window: tuple[float, float] = (math.inf, math.inf)
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    # brief id → every confirmed save: (part, version, stored value)
    confirmed: dict[int, list[tuple[str, int, Any]]] = field(default_factory=dict)
    # (brief id, part) → every text sent, confirmed or not
    sent: dict[tuple[int, str], set[str]] = field(default_factory=dict)
    # Save attempts that were tried again, by what the first answer was.
    retried: Counter[str] = field(default_factory=Counter)
    # Saves sent again at once because a kept-alive connection closed under them.
    resent: int = 0
    interrupted: int = 0
    # Redraws after a save that a failover's new session dropped (see NotAnswered).
    dropped: int = 0
    stale: int = 0
    reconnects: list[Reconnect] = field(default_factory=list)
    killed: tuple[int, float, list[int]] | None = None  # server, moment, its participants

    def inside(self, moment: float) -> bool:
        return self.window[0] <= moment < self.window[1]

    def time(self, kind: str, started: float) -> None:
        if self.inside(started) or kind == "first load":
            self.timings.setdefault(kind, []).append(now() - started)

    def error(self, kind: str) -> None:
        self.errors[kind] += 1


class Simulated:
    """One participant: a tab, the versions its editors are on, and a watcher that reconnects."""

    def __init__(self, index: int, person: Participant, target: Target, plan: Plan, rec: Recorder):
        self.index = index
        self.person = person
        self.target = target
        self.plan = plan
        self.rec = rec
        self.tab = Tab(target.base, tls=target.tls)
        self.lock = asyncio.Lock()
        self.connected = asyncio.Event()
        self.versions: dict[str, int] = {}
        self.edits = 0
        self.server: int | None = None
        self.stopping = False
        self.watcher: asyncio.Task[None] | None = None
        self.pending: Reconnect | None = None  # a reconnect whose page was not drawn yet

    def cookies(self) -> dict[str, str]:
        return {cookie.name: str(cookie.value) for cookie in self.tab.http.cookies.jar}

    async def start(self, attempts: int = 3) -> bool:
        """Log in and open the first step; after a failure (an error each) again in a new tab,
        as someone reloads the page; False if it never worked."""
        address = ROUTE[0][0]
        for _attempt in range(attempts):
            started = now()
            try:
                await self.tab.log_in(self.person.email, PASSWORD)
                await self.tab.load(address)
                await self.tab.connect()
                await self.tab.open(address)
            except (*HTTP_PROBLEMS, RunFailed, Disconnected, TimeoutError) as failed:
                self.rec.error(f"first load: {type(failed).__name__} {failed}"[:120])
                with contextlib.suppress(*HTTP_PROBLEMS, TimeoutError):
                    await asyncio.wait_for(self.tab.close(), 10)
                self.tab = Tab(self.target.base, tls=self.target.tls)
                await asyncio.sleep(random.uniform(*self.plan.think))
                continue
            self.rec.time("first load", started)
            self.server = self.target.served_by(self.cookies())
            self.connected.set()
            self.watcher = asyncio.create_task(self.watch())
            return True
        return False

    async def live(self, until: float) -> None:
        await asyncio.sleep(random.uniform(0, self.plan.think[1]))
        turn = 0
        while now() < until:
            address, part = ROUTE[turn % len(ROUTE)]
            if self.tab.address != address:
                await self.page_run("page open", functools.partial(self.tab.open, address))
            if self.tab.address != address:
                # The page did not open (an error, or the server went): click again, later.
                await asyncio.sleep(random.uniform(*self.plan.think))
                continue
            for _ in range(self.plan.edits_per_page):
                await asyncio.sleep(random.uniform(*self.plan.think))
                if now() >= until:
                    return
                await self.edit(part)
            turn += 1

    async def page_run(
        self, kind: str, run: Callable[[], Awaitable[Run]], started: float | None = None
    ) -> Run | None:
        """One script run, timed from ``started``; None when it failed or the server went."""
        begun = started if started is not None else now()
        try:
            await asyncio.wait_for(self.connected.wait(), SAVE_GIVE_UP)
            async with self.lock:
                result = await run()
        except Disconnected:
            self.rec.interrupted += 1  # the watcher reconnects and runs the page again
            return None
        except NotAnswered:
            self.rec.dropped += 1
            return None
        except (RunFailed, TimeoutError, *HTTP_PROBLEMS) as failed:
            self.rec.error(f"{kind}: {type(failed).__name__} {failed}"[:120])
            return None
        self.rec.time(kind, begun)
        self.drawn(result, kind)
        return result

    async def edit(self, part: str) -> None:
        editor = self.tab.editors.get(part)
        if editor is None:
            self.rec.error(f"no editor for {part}")
            return
        self.edits += 1
        text = f"{self.person.name}, bewerking {self.edits}: {FILLER}"
        base = max(self.versions.get(part, 0), int(editor.data["version"]))
        self.rec.sent.setdefault((self.person.brief_id, part), set()).add(text)
        started = now()
        answer = await self.save(editor, text, base, started)
        if answer is None:
            return
        self.rec.time("save → Bewaard", started)
        version = int(answer["version"])
        self.versions[part] = version
        self.rec.confirmed.setdefault(self.person.brief_id, []).append(
            (part, version, answer["value"])
        )
        if not self.plan.redraw:
            return
        run = await self.page_run(
            "save → redrawn", lambda: self.tab.trigger(editor, "saved", version), started
        )
        drawn = run.editors.get(part) if run else None
        if drawn is not None and int(drawn.data["version"]) < version:
            self.rec.stale += 1  # the page drew an older version than was confirmed

    async def save(self, editor: Any, text: str, base: int, started: float) -> Any:
        """Save as part_editor.js does: retry what did not arrive, 2 s, 4 s, … apart."""
        delay = 2.0
        while True:
            try:
                status, answer = await self.tab.save(editor, text, base)
            except HTTP_PROBLEMS as failed:
                status, answer = 0, {"status": f"offline ({type(failed).__name__})"}
            kind = answer.get("status")
            if kind == "saved":
                return answer
            if kind in ("conflict", "invalid", "too_large", "denied", "bad_request"):
                self.rec.error(f"save refused: {status} {kind}")
                return None
            if now() - started > SAVE_GIVE_UP:
                self.rec.error(f"save not confirmed: {status} {kind}")
                return None
            self.rec.retried[f"{status} {kind}"] += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)

    async def watch(self) -> None:
        """Reconnect when the websocket drops, as the frontend does.

        Whether the login survived shows at the first page run on the new server: right away
        where the frontend asks for one, else at the participant's next step.
        """
        while True:
            await self.tab.closed.wait()
            if self.stopping:
                return
            back = Reconnect(self.index, self.server, now(), None, None, False)
            self.rec.reconnects.append(back)
            self.connected.clear()
            async with self.lock:
                try:
                    await self.tab.reconnect(give_up=60.0)
                except (*HTTP_PROBLEMS, InvalidHandshake, TimeoutError):
                    self.rec.error("reconnect failed")
                    return
                back.socket_seconds = now() - back.lost_at
                self.server = self.target.served_by(self.cookies())
                # Several drops before the page ran again: the first one waits for that run.
                self.pending = self.pending or back
                if self.tab.rerun_on_reconnect:
                    with contextlib.suppress(RunFailed, Disconnected, TimeoutError):
                        self.drawn(await self.tab.rerun(), "rerun on reconnect")
            self.connected.set()

    def drawn(self, run: Run, kind: str) -> None:
        """A page run finished: the first after a reconnect tells whether the login held."""
        if self.pending is not None:
            self.pending.seconds = now() - self.pending.lost_at
            self.pending.signed_in = bool(run.editors)
            self.pending.drawn_by = f"{kind}: {run.status} {run.headings[:1]}"
            self.pending = None

    async def stop(self) -> None:
        self.stopping = True
        self.rec.resent += self.tab.resent
        if self.watcher is not None:
            self.watcher.cancel()
        with contextlib.suppress(TimeoutError, OSError):
            await asyncio.wait_for(self.tab.close(), 10)


class Sampler:
    """CPU time of the servers' processes, summed over the window; the client's own too."""

    def __init__(self, target: Target):
        self.groups = {f"app {n + 1}": tree for n, tree in enumerate(target.app_servers)}
        self.groups.update(target.others)
        self.last: dict[int, float] = {}
        self.used: dict[str, float] = {}
        self.lags: list[float] = []
        self.client_cpu = 0.0

    def sample(self, counting: bool) -> None:
        for group, tree in self.groups.items():
            for pid in tree():
                seconds = cpu_seconds(pid)
                if seconds is None:
                    continue
                if counting and pid in self.last:
                    self.used[group] = self.used.get(group, 0.0) + seconds - self.last[pid]
                self.last[pid] = seconds

    def rss(self) -> list[int]:
        return [rss_bytes(tree()) for name, tree in self.groups.items() if name.startswith("app")]

    async def run(self, window: tuple[float, float]) -> None:
        await asyncio.sleep(max(0.0, window[0] - now()))
        # Reading /proc takes a few milliseconds: off the loop that the participants share.
        await asyncio.to_thread(self.sample, False)
        client = _own_cpu()
        next_sample = now() + 1.0
        while now() < window[1]:
            asked = now()
            await asyncio.sleep(0.05)
            self.lags.append(now() - asked - 0.05)
            if now() >= next_sample:
                await asyncio.to_thread(self.sample, True)
                next_sample += 1.0
        await asyncio.to_thread(self.sample, True)
        self.client_cpu = _own_cpu() - client


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def warm_up(target: Target, person: Participant) -> None:
    """Open both steps once on every server, so that its imports and caches are no session's."""
    tabs = []
    for _ in target.app_servers:
        # Each tab keeps its websocket open, so the proxy sends the next one elsewhere.
        tab = Tab(target.base, tls=target.tls)
        tabs.append(tab)
        await tab.log_in(person.email, PASSWORD)
        await tab.load(ROUTE[0][0])
        await tab.connect()
        for address, _part in (*ROUTE, ROUTE[0]):
            await tab.open(address)
    for tab in tabs:
        await tab.close()
    await asyncio.sleep(1.0)


async def _kill_later(target: Target, plan: Plan, rec: Recorder, sims: list[Simulated]) -> None:
    if plan.kill_after is None or target.kill is None:
        return
    await asyncio.sleep(max(0.0, rec.window[0] + plan.kill_after - now()))
    server = 0
    rec.killed = (server, now(), [sim.index for sim in sims if sim.server == server])
    await asyncio.to_thread(target.kill, server)


async def _participant(sim: Simulated, delay: float, until: float) -> None:
    await asyncio.sleep(delay)
    if await sim.start():
        await sim.live(until)


async def drive(
    target: Target, people: list[Participant], plan: Plan
) -> tuple[dict[str, Any], Recorder]:
    """Run the participants against a started set-up; return the figures and what was seen."""
    rec = Recorder()
    await warm_up(target, people[0])
    sampler = Sampler(target)
    rss_before = sampler.rss()
    launched = now()
    start = launched + plan.ramp + plan.think[1]
    rec.window = (start, start + plan.duration)
    sims = [Simulated(n, p, target, plan, rec) for n, p in enumerate(people[: plan.participants])]
    spread = plan.ramp / max(1, len(sims))
    sampling = asyncio.create_task(sampler.run(rec.window))
    killing = asyncio.create_task(_kill_later(target, plan, rec, sims))
    await asyncio.gather(
        *(_participant(sim, n * spread, rec.window[1]) for n, sim in enumerate(sims))
    )
    await sampling
    rss_after = sampler.rss()
    await killing
    # A reconnect still under way is given its time before the tabs close.
    deadline = now() + 3 * RECONNECT_LIMIT
    while now() < deadline and any(s.watcher and not s.connected.is_set() for s in sims):
        await asyncio.sleep(0.2)
    await asyncio.gather(*(sim.stop() for sim in sims))
    lost = await asyncio.to_thread(lost_saves, target.database_url, rec.confirmed, rec.sent)
    return figures(target, plan, rec, sampler, lost, (rss_before, rss_after)), rec


def lost_saves(
    database_url: str,
    confirmed: dict[int, list[tuple[str, int, Any]]],
    sent: dict[tuple[int, str], set[str]],
) -> int:
    """Confirmed saves the database does not hold: their version with another text, or a part
    that holds neither the last text confirmed for it nor a later one its participant sent
    (a save whose answer was lost on the way, so never confirmed, may still have arrived)."""
    engine = make_engine(database_url)
    store = SqlBriefStore(engine)
    lost = 0
    try:
        for brief_id, saves in confirmed.items():
            history = store.history(brief_id)
            stored = {(key, r.version): r.value for key, rs in history.items() for r in rs}
            brief = store.load(brief_id)
            last: dict[str, tuple[int, Any]] = {}
            for key, version, value in saves:
                lost += stored.get((key, version)) != value
                if version >= last.get(key, (0, None))[0]:
                    last[key] = (version, value)
            for key, (version, value) in last.items():
                part = brief.part(key)
                later = part.version > version and part.value in sent.get((brief_id, key), ())
                lost += (part.version, part.value) != (version, value) and not later
    finally:
        engine.dispose()
    return lost


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]

    return {
        "n": len(ordered),
        "p50": at(0.50),
        "p95": at(0.95),
        "p99": at(0.99),
        "max": ordered[-1],
    }


def failover(rec: Recorder) -> dict[str, Any]:
    """How the killed server's sessions came back, in seconds from the kill."""
    if rec.killed is None:
        return {}
    server, killed_at, victims = rec.killed
    first: dict[int, Reconnect] = {}
    for r in rec.reconnects:
        if r.participant in victims:
            first.setdefault(r.participant, r)
    sockets = [r.lost_at + r.socket_seconds - killed_at for r in first.values() if r.socket_seconds]
    pages = [r.lost_at + r.seconds - killed_at for r in first.values() if r.seconds is not None]
    return {
        "server": server + 1,
        "sessions": len(victims),
        "websocket": percentiles(sockets),
        "back_in_time": sum(wait <= RECONNECT_LIMIT for wait in sockets),
        "signed_in": sum(r.signed_in for r in first.values()),
        "page": percentiles(pages),
        "interrupted_runs": rec.interrupted,
        "redraws_dropped": rec.dropped,
        # Every websocket that dropped, of any session: more than the killed server's
        # sessions when the proxy also took the other server out (its checks timed out).
        "drops": len(rec.reconnects),
        "not_signed_in": [r.drawn_by for r in first.values() if not r.signed_in],
    }


def figures(
    target: Target,
    plan: Plan,
    rec: Recorder,
    sampler: Sampler,
    lost: int,
    rss: tuple[list[int], list[int]],
) -> dict[str, Any]:
    seconds = plan.duration
    apps = [name for name in sampler.groups if name.startswith("app")]
    sessions = plan.participants
    grown = sum(after - before for before, after in zip(*rss, strict=True))
    app_cpu = sum(sampler.used.get(name, 0.0) for name in apps)
    saves = len(rec.timings.get("save → Bewaard", []))
    return {
        "setup": target.setup,
        "servers": len(target.app_servers),
        "participants": plan.participants,
        "duration": seconds,
        "plan": asdict(plan),
        "saves": saves,
        "saves_per_second": saves / seconds,
        "timings": {kind: percentiles(values) for kind, values in rec.timings.items()},
        "errors": sum(rec.errors.values()),
        "error_kinds": dict(rec.errors),
        "retried_saves": sum(rec.retried.values()),
        "retry_kinds": dict(rec.retried),
        "resent_saves": rec.resent,
        "stale_redraws": rec.stale,
        "lost_saves": lost,
        "confirmed_checked": sum(len(saves) for saves in rec.confirmed.values()),
        "cpu_percent": {name: 100 * used / seconds for name, used in sampler.used.items()},
        "app_cpu_percent": 100 * app_cpu / seconds,
        # The servers' CPU time per confirmed save: its redraw, and its share of page opens.
        "app_cpu_ms_per_save": 1000 * app_cpu / saves if saves else None,
        "rss_mb": [after / 2**20 for after in rss[1]],
        "rss_per_session_mb": None if rec.killed else grown / 2**20 / sessions,
        "client_cpu_percent": 100 * sampler.client_cpu / seconds,
        "client_loop_lag_p99_ms": 1000 * percentiles(sampler.lags).get("p99", 0.0),
        "failover": failover(rec),
    }


# --- report -------------------------------------------------------------------------------

TABLE_HEAD = (
    "| set-up | participants | saves (per s) | save → *Bewaard* p50 / p95 / p99 "
    "| save → redrawn p50 / p95 / p99 | page open p50 / p95 / p99 | errors | lost saves "
    "| app server CPU | database CPU | RSS per session | client CPU |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)
FAILOVER_HEAD = (
    "| failover | sessions on the killed server | websockets dropped (all sessions) "
    "| websocket open again p50 / max "
    "| back ≤ 10 s | signed in at the next page run | next page drawn p50 / max "
    "| redraws after a save dropped | saves retried | lost saves |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)
SETUP_NAMES = {
    "sqlite": "1 server, SQLite",
    "postgresql": "1 server, PostgreSQL",
    "cluster": "{servers} servers + haproxy, PostgreSQL",
}


def _three(found: dict[str, float] | None) -> str:
    if not found:
        return "—"
    return " / ".join(f"{found[p]:.2f}" for p in ("p50", "p95", "p99")) + " s"


def table_row(result: dict[str, Any]) -> str:
    name = SETUP_NAMES[result["setup"]].format(servers=result["servers"])
    if result["failover"]:
        name += f", server killed at {result['plan']['kill_after']:.0f} s"
    timings = result["timings"]
    cpu = result["cpu_percent"]
    per_session = result["rss_per_session_mb"]
    return (
        f"| {name} | {result['participants']} | {result['saves']} "
        f"({result['saves_per_second']:.1f}) | {_three(timings.get('save → Bewaard'))} "
        f"| {_three(timings.get('save → redrawn'))} | {_three(timings.get('page open'))} "
        f"| {result['errors']} | {result['lost_saves']} of {result['confirmed_checked']} "
        f"| {result['app_cpu_percent']:.0f} % "
        f"| {cpu.get('postgresql', 0.0):.0f} % "
        f"| {'—' if per_session is None else f'{per_session:.1f} MB'} "
        f"| {result['client_cpu_percent']:.0f} % |"
    )


def _wait(found: dict[str, float]) -> str:
    return f"{found['p50']:.1f} / {found['max']:.1f} s" if found else "—"


def failover_row(result: dict[str, Any]) -> str:
    found = result["failover"]
    return (
        f"| app{found['server']} SIGKILLed {result['plan']['kill_after']:.0f} s in, "
        f"{result['participants']} participants | {found['sessions']} | {found['drops']} "
        f"| {_wait(found['websocket'])} | {found['back_in_time']} of {found['sessions']} "
        f"| {found['signed_in']} of {found['sessions']} | {_wait(found['page'])} "
        f"| {found['redraws_dropped']} | {result['retried_saves']} | {result['lost_saves']} |"
    )


def report(results: list[dict[str, Any]]) -> str:
    lines = [TABLE_HEAD, *(table_row(r) for r in results)]
    failovers = [r for r in results if r["failover"]]
    if failovers:
        lines += ["", FAILOVER_HEAD, *(failover_row(r) for r in failovers)]
    notes = []
    for result in results:
        name = SETUP_NAMES[result["setup"]].format(servers=result["servers"])
        first = result["timings"].get("first load", {})
        notes.append(
            f"- {name}, {result['participants']} participants: first load (login → step drawn) "
            f"p50 {first.get('p50', 0):.2f} s, p95 {first.get('p95', 0):.2f} s; CPU "
            + ", ".join(f"{k} {v:.0f} %" for k, v in sorted(result["cpu_percent"].items()))
            + f"; server RSS {', '.join(f'{m:.0f} MB' for m in result['rss_mb'])}"
            + (
                f"; app server CPU per save {result['app_cpu_ms_per_save']:.0f} ms"
                if result["app_cpu_ms_per_save"]
                else ""
            )
            + f"; client event-loop lag p99 {result['client_loop_lag_p99_ms']:.0f} ms"
            + (f"; errors {result['error_kinds']}" if result["errors"] else "")
            + (f"; saves retried {result['retry_kinds']}" if result["retried_saves"] else "")
            + (f"; saves resent at once {result['resent_saves']}" if result["resent_saves"] else "")
        )
    return "\n".join([*lines, "", *notes])


# --- command line -------------------------------------------------------------------------

# `make bench-load`: the targets, and a failover half-way through the last run.
ALL = (("sqlite", 10, None), ("postgresql", 10, None), ("cluster", 40, None), ("cluster", 40, 0.5))


def run_one(setup: str, plan: Plan, servers: int) -> dict[str, Any]:
    with started(setup, plan.participants, servers) as (target, people):
        found, _seen = asyncio.run(drive(target, people, plan))
        return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", choices=SETUPS, default="sqlite")
    parser.add_argument("--all", action="store_true", help="every set-up, as make bench-load")
    parser.add_argument("--participants", type=int, default=10)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds measured")
    parser.add_argument("--servers", type=int, default=2, help="app servers in a cluster")
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 3.0), metavar=("MIN", "MAX"))
    parser.add_argument("--edits-per-page", type=int, default=3)
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds to log everyone in")
    parser.add_argument("--no-redraw", action="store_true", help="save without the rerun")
    parser.add_argument("--kill-after", type=float, help="SIGKILL app1 of a cluster after S s")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    os.environ.setdefault("KERNBRIEF_SECRET_KEY", secrets.token_urlsafe(48))

    def plan(participants: int, kill_after: float | None) -> Plan:
        return Plan(
            participants=participants,
            duration=args.duration,
            think=(args.think[0], args.think[1]),
            edits_per_page=args.edits_per_page,
            ramp=args.ramp,
            redraw=not args.no_redraw,
            kill_after=kill_after,
        )

    runs = (
        [(s, plan(n, None if k is None else k * args.duration)) for s, n, k in ALL]
        if args.all
        else [(args.setup, plan(args.participants, args.kill_after))]
    )
    results = []
    for setup, chosen in runs:
        print(
            f"… {setup}, {chosen.participants} participants, {chosen.duration:.0f} s",
            file=sys.stderr,
        )
        results.append(run_one(setup, chosen, args.servers))
    print(report(results))
    if args.json:
        with open(args.json, "w") as output:
            json.dump(results, output, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
