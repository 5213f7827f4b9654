"""Server processor time per save, per save with its redraw and per page open, one participant.

One participant on a quiet server (SQLite, seeded as `bench/load.py` seeds), speaking
Streamlit's websocket protocol (`bench/st_client.py`): each action is done alone, a moment
after the last, and the server process's CPU time (user + system, from /proc) is read
around it. The idle CPU of the same length is reported beside it. `--project DIR` measures
another checkout of Kernbrief (its server, this client), e.g. the commit before issue 11:
`git worktree add /tmp/before 1468dec && ln -s "$PWD/.venv" /tmp/before/.venv &&
.venv/bin/python -m bench.save_cpu --project /tmp/before`.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.load_targets import PASSWORD, cpu_seconds, prepare, process_tree
from bench.st_client import Editor, Tab
from tests.browser import AppServer

ROOT = Path(__file__).resolve().parent.parent
STEP, OTHER_STEP, PART = "uitdaging", "stappenplan", "challenge.problem"
SETTLE = 0.5  # seconds between actions, so that each is measured alone
TAIL = 0.1  # seconds after an action for its last messages


async def _measure(
    base: str, cpu: Callable[[], float], email: str, rounds: int
) -> dict[str, float]:
    tab = Tab(base)
    await tab.log_in(email, PASSWORD)
    await tab.load(STEP)
    await tab.connect()
    for address in (STEP, OTHER_STEP, STEP):  # the server's imports and caches: no action's
        await tab.open(address)
    await asyncio.sleep(3)
    editor: Editor = tab.editors[PART]
    version = int(editor.data["version"])
    kinds = ("idle", "save", "save and redraw", "open")
    spent: dict[str, list[float]] = {}
    for number in range(rounds):
        for kind in kinds:
            await asyncio.sleep(SETTLE)
            before = cpu()
            started = time.monotonic()
            if kind == "open":
                await tab.open(OTHER_STEP)
                await tab.open(STEP)  # back, so that the editor is on the page again
            elif kind != "idle":
                current = tab.editors.get(PART, editor)
                _status, answer = await tab.save(current, f"{kind} {number} {time.time()}", version)
                assert answer.get("status") == "saved", answer
                version = int(answer["version"])
                if kind == "save and redraw":
                    await tab.trigger(current, "saved", version)
            else:
                await asyncio.sleep(0.05)
            await asyncio.sleep(TAIL)
            share = 0.5 if kind == "open" else 1.0  # two page opens were measured
            spent.setdefault(kind, []).append((cpu() - before) * share)
            spent.setdefault(f"{kind} wall", []).append(time.monotonic() - started)
    await tab.close()
    # /proc counts in ticks of 10 ms: the mean of many actions, not the median, says how
    # much each one takes.
    return {kind: statistics.mean(values) for kind, values in spent.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--rounds", type=int, default=40)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kernbrief-save-cpu-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    person = prepare(url, 1)[0]
    server = AppServer(url, folder / "server.log", KERNBRIEF_SECRET_KEY=secrets.token_urlsafe(48))
    server.project = options.project.resolve()
    base = server.start()
    assert server.process is not None
    pid = server.process.pid

    def cpu() -> float:
        return sum(cpu_seconds(child) or 0.0 for child in process_tree(pid))

    try:
        figures = asyncio.run(_measure(base, cpu, person.email, options.rounds))
    finally:
        server.stop()
    print(f"server: {options.project.resolve()}, means of {options.rounds}")
    print("| action | server CPU | wall |")
    print("|---|---|---|")
    for kind in ("idle", "save", "save and redraw", "open"):
        cpu_ms, wall_ms = figures[kind] * 1000, figures[f"{kind} wall"] * 1000
        print(f"| {kind} | {cpu_ms:.0f} ms | {wall_ms:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
