"""Import what the pages need in a background thread, once the server is up.

A fresh server imports only what serving needs; the pages import pandas, pyarrow and their
own modules when they are first drawn. The first visitor's browser then spends about a second
loading Streamlit's JavaScript before it asks for a page, while the server has nothing to do:
this thread does those imports in that second, so that the first page (and the first
participant's overview after a restart) does not wait for them. Python's import locks make a
page that needs a module the thread is importing wait for it, never import it twice; as the
project's imports have no cycle, two threads importing never wait on each other.
tests/test_startup.py checks that there is none, and draws a fresh server's first pages.
"""

from __future__ import annotations

import ast
import importlib
import logging
import threading
from pathlib import Path

from sqlalchemy.engine import make_url

# In the order they are warmed: scripts whose top-level imports are imported, and libraries
# their pages import only when they draw. First the page a visitor sees (app.py's emoji icon
# has Streamlit import and compile its emoji list) and its table (st.dataframe needs pandas
# and pyarrow), then a participant's home and its chart; the other pages in pages/ follow,
# in alphabetical order.
STAGES = (
    (("app.py", "pages/login.py"), ("streamlit.emojis", "pandas", "pyarrow")),
    (("pages/overview.py",), ("plotly.graph_objects",)),
)

log = logging.getLogger("kernbrief")


def script_imports(script: Path) -> list[str]:
    """The modules a script imports at its top level (absolute imports), in their order."""
    found = []
    for node in ast.parse(script.read_text()).body:
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def stages(root: Path) -> list[list[str]]:
    """The modules to import, stage by stage; a module named twice is in its first stage."""
    named = {root / script for scripts, _libraries in STAGES for script in scripts}
    rest = sorted(set((root / "pages").glob("*.py")) - named - {root / "pages" / "__init__.py"})
    found: list[list[str]] = []
    seen: set[str] = set()
    for scripts, libraries in (*STAGES, (tuple(str(p.relative_to(root)) for p in rest), ())):
        names = [name for script in scripts for name in script_imports(root / script)]
        found.append([name for name in dict.fromkeys([*names, *libraries]) if name not in seen])
        seen.update(found[-1])
    return found


def warm_up(root: Path, database_url: str) -> None:
    """Import the pages' modules and the database driver, the first page's first.

    A failure is only logged: the page that needs the module will say more.
    """
    first, *later = stages(root)
    _import_all(first)
    try:
        # SQLAlchemy imports the dialect and its driver when the first engine is made.
        make_url(database_url).get_dialect().import_dbapi()
    except Exception:
        log.debug("warm-up: the database driver failed to import", exc_info=True)
    for names in later:
        _import_all(names)


def _import_all(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            log.debug("warm-up: importing %s failed", name, exc_info=True)


def start_warm_up(root: Path, database_url: str) -> threading.Thread:
    """Start warming in a daemon thread (it never keeps the server from stopping)."""
    thread = threading.Thread(
        target=warm_up, args=(root, database_url), name="kernbrief-warm-up", daemon=True
    )
    thread.start()
    return thread
