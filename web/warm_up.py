"""Import what the pages and the web routes need in a background thread, once the server is up.

A fresh server imports only what serving needs; the pages import pandas, pyarrow and their
own modules when they are first drawn, the web routes SQLAlchemy, storage and services when
first called. This thread imports them ahead of need, in two steps. Right after the server
starts it imports what the first page draws with (app.py's and the login page's imports, the
database driver), while the first visitor's browser loads Streamlit's JavaScript. The rest
(the web routes' imports, the overview and its chart, the other pages) waits until a page has
been drawn, or a few seconds have passed: on this 2-core machine, importing everything at once
took processor time from the browser and from serving its JavaScript, and the first page came
later than with no warm-up at all (bench/startup_bench.py). The first login, and the first
participant's overview after a restart, then still find their modules imported.

Python's import locks make a page that needs a module the thread is importing wait for it,
never import it twice; as the project's imports have no cycle, two threads importing never wait
on each other. tests/test_startup.py checks that there is none, and draws a fresh server's
first pages.
"""

from __future__ import annotations

import ast
import gc
import importlib
import logging
import threading
from pathlib import Path

# In the order they are warmed: scripts whose top-level imports are imported, and libraries
# their pages import only when they draw. First the page a visitor sees (app.py's emoji icon
# has Streamlit import its list of emoji, 0.1 s; a Material icon would have every browser
# fetch the tab's icon from Google's servers), then a participant's home with its chart and
# the tables of other pages (st.dataframe needs pandas and pyarrow); the other pages in
# pages/ follow, in alphabetical order.
STAGES = (
    (("app.py", "pages/login.py"), ("streamlit.emojis",)),
    (("pages/overview.py",), ("plotly.graph_objects", "pandas", "pyarrow")),
)
# How long the rest of the warm-up waits for a first page before it starts anyway: a server
# no one visits yet may as well be warm when someone does.
PATIENCE_SECONDS = 10.0
# The web routes import SQLAlchemy, storage and services in their functions, not at the top:
# `streamlit run web/server.py` imports them before the server listens. What their functions
# import is warmed right after the first page, which a login follows.
ROUTES = "web"

log = logging.getLogger("kernbrief")


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module]
    return []


def script_imports(script: Path) -> list[str]:
    """The modules a script imports at its top level (absolute imports), in their order."""
    return [name for node in ast.parse(script.read_text()).body for name in _imported(node)]


def function_imports(module: Path) -> list[str]:
    """The modules a module imports inside its functions (absolute imports), in their order."""
    nodes = {
        node
        for function in ast.walk(ast.parse(module.read_text()))
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
    }
    ordered = sorted(nodes, key=lambda node: node.lineno)
    return list(dict.fromkeys(name for node in ordered for name in _imported(node)))


def stages(root: Path) -> list[list[str]]:
    """The modules to import, stage by stage; a module named twice is in its first stage.

    The first page's, the web routes' functions', the overview's, then the other pages'.
    """
    named = {root / script for scripts, _libraries in STAGES for script in scripts}
    rest = sorted(set((root / "pages").glob("*.py")) - named - {root / "pages" / "__init__.py"})
    wanted = [
        [*(name for script in scripts for name in script_imports(root / script)), *libraries]
        for scripts, libraries in (*STAGES, (tuple(str(p.relative_to(root)) for p in rest), ()))
    ]
    routes = sorted((root / ROUTES).glob("*.py"))
    wanted.insert(1, [name for module in routes for name in function_imports(module)])
    found: list[list[str]] = []
    seen: set[str] = set()
    for names in wanted:
        found.append([name for name in dict.fromkeys(names) if name not in seen])
        seen.update(found[-1])
    return found


FIRST_PAGE_DRAWN = threading.Event()


def first_page_drawn() -> None:
    """Say that a page has been drawn: the rest of the warm-up may start (app.py, every run)."""
    FIRST_PAGE_DRAWN.set()


def warm_up(root: Path, database_url: str, patience: float = 0.0) -> None:
    """Import what the first page needs, then, once a page has been drawn (or after
    ``patience`` seconds), the rest; a failure is only logged: the page that needs the module
    will say more."""
    warm_first_page(root, database_url)
    FIRST_PAGE_DRAWN.wait(patience)
    warm_the_rest(root)


def warm_first_page(root: Path, database_url: str) -> None:
    """Import the first page's modules and the database driver it reads with."""
    # Here, not at the top: this module is imported before the server listens.
    from sqlalchemy.engine import make_url

    _import_all(stages(root)[0])
    try:
        # SQLAlchemy imports the dialect and its driver when the first engine is made.
        make_url(database_url).get_dialect().import_dbapi()
    except Exception:
        log.debug("warm-up: the database driver failed to import", exc_info=True)


def warm_the_rest(root: Path) -> None:
    """Import the web routes' modules, the overview's, then the other pages'."""
    for names in stages(root)[1:]:
        _import_all(names)
    # What the imports made (modules, classes, constants) lives as long as the server: moved
    # out of the collector's generations, a full collection no longer walks its hundred and
    # seventy thousand objects (about 130 ms each time) but only what the sessions made.
    gc.freeze()


def _import_all(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            log.debug("warm-up: importing %s failed", name, exc_info=True)


def start_warm_up(root: Path, database_url: str) -> threading.Thread:
    """Start warming in a daemon thread (it never keeps the server from stopping)."""
    thread = threading.Thread(
        target=warm_up,
        args=(root, database_url, PATIENCE_SECONDS),
        name="kernbrief-warm-up",
        daemon=True,
    )
    thread.start()
    return thread
