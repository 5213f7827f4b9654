"""Where the test suite's processor time goes: pytest run with every process it starts sampled.

`time make test` counts only the processes the test run waits for, and misses most of
Chromium's. This samples /proc twice a second while pytest runs and adds up, per kind of
process (Chromium's renderers, its browser process, the app servers the browser tests start,
PostgreSQL, the test processes, the kernel), the CPU time each used during the run.

    .venv/bin/python -m bench.suite_cpu -- -n 2 tests/test_typing.py

Linux only (it reads /proc).
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _snapshot() -> dict[tuple[str, str], tuple[str, float]]:
    """CPU seconds so far of every process, keyed by pid and start time (pids are reused)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        seconds = (int(fields[11]) + int(fields[12])) / TICKS
        found[(entry.name, fields[19])] = (command, seconds)
    return found


def _kind(command: str) -> str:
    if "chrom" in command:
        for kind in ("renderer", "gpu-process", "utility", "zygote"):
            if f"type={kind}" in command:
                return f"chromium {kind}"
        return "chromium browser"
    if "streamlit" in command:
        return "app servers"
    if "postgres" in command:
        return "postgresql"
    if "pytest" in command or "execnet" in command or command.startswith(sys.executable):
        return "test processes"
    if "node" in command or "playwright" in command:
        return "playwright driver"
    return "kernel" if not command else "other"


def main(pytest_arguments: list[str]) -> None:
    before = _snapshot()
    seen = dict(before)
    started = time.monotonic()
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", *pytest_arguments])
    while run.poll() is None:
        seen.update(_snapshot())
        time.sleep(0.5)
    wall = time.monotonic() - started
    totals: dict[str, float] = collections.defaultdict(float)
    for key, (command, seconds) in seen.items():
        totals[_kind(command)] += seconds - before.get(key, ("", 0.0))[1]
    used = sum(totals.values())
    busy = used / wall / (os.cpu_count() or 1)
    print(f"\nwall {wall:.0f} s, processor {used:.0f} s, {busy:.0%} busy")
    for kind, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"{seconds:8.1f} s  {seconds / used:4.0%}  {kind}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(arguments[1:] if arguments[:1] == ["--"] else arguments)
