"""A cold start imports only what the first page needs; the server warms the rest afterwards."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from tests.apps import APP
from tests.browser import LOTTE, log_in
from tests.conftest import PROJECT_ROOT
from web.warm_up import FIRST_PAGE_DRAWN, function_imports, script_imports, stages

# Each is imported where it is used, never by the first page: the frames of tables (pandas,
# with numpy and pyarrow), Word documents (python-docx, lxml), the password rule (zxcvbn),
# login devices (ua-parser), calendars (icalendar), image decoding and the document's charts
# (Pillow's Image), plotly's figures, matplotlib (never imported: the charts read only its font
# file), migrations (alembic) and single sign-on's client (authlib).
NOT_FOR_THE_FIRST_PAGE = {
    "pandas",
    "numpy",
    "pyarrow",
    "docx",
    "lxml",
    "zxcvbn",
    "ua_parser",
    "icalendar",
    "PIL.Image",
    "plotly.graph_objs._figure",
    "matplotlib",
    "alembic",
    "authlib",
}
# The database layers and the brief's models: the web routes import them in their handlers,
# as `streamlit run web/server.py` imports the server module before it listens.
NOT_BEFORE_LISTENING = ("sqlalchemy", "storage", "services", "briefs.model", "briefs.parts")


def first_page_modules() -> list[str]:
    """What the server imports before the start page is drawn: web/server.py, then the
    top-level imports of app.py and of the login page."""
    scripts = [PROJECT_ROOT / "app.py", PROJECT_ROOT / "pages" / "login.py"]
    return ["web.server", *(name for script in scripts for name in script_imports(script))]


def loaded_modules(code: str, database_url: str) -> set[str]:
    """The modules a fresh Python has loaded after running ``code`` in the project."""
    program = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    answer = subprocess.run(
        [sys.executable, "-c", program],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(json.loads(answer.stdout.splitlines()[-1]))


def test_the_first_page_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    loaded = loaded_modules(
        f"import {', '.join(first_page_modules())}", f"sqlite:///{tmp_path / 'x.db'}"
    )
    assert {"web.server", "components.account", "components.workspace"} <= loaded
    assert not NOT_FOR_THE_FIRST_PAGE & loaded


def test_the_server_listens_before_it_imports_the_database_layers(tmp_path: Path) -> None:
    loaded = loaded_modules("import web.server", f"sqlite:///{tmp_path / 'x.db'}")
    # Its routes and middleware are there, the key checked (it refuses to start without).
    assert {"web.auth", "web.media", "web.origins", "web.save_api", "core.settings"} <= loaded
    early = {name for name in loaded if name.startswith(NOT_BEFORE_LISTENING)}
    assert not early, sorted(early)


def routes_imports() -> list[str]:
    """What the web routes import in their functions, when they are first called."""
    modules = sorted((PROJECT_ROOT / "web").glob("*.py"))
    return [name for module in modules for name in function_imports(module)]


def test_the_warm_up_imports_what_the_first_pages_draw_with_and_leaves_the_rest(
    tmp_path: Path,
) -> None:
    code = (
        "from pathlib import Path\n"
        "from web.warm_up import warm_up\n"
        f"warm_up(Path('.'), 'sqlite:///{tmp_path / 'x.db'}')"
    )
    loaded = loaded_modules(code, f"sqlite:///{tmp_path / 'x.db'}")
    # The login page and its table, the overview and its chart, the step pages, the driver.
    assert {
        "components.account",
        "pandas",
        "pyarrow",
        "components.overview",
        "plotly.graph_objects",
        "components.steps",
        "components.coaching",
        "sqlite3",
    } <= loaded
    # What the login, the save API, /media/ and single sign-on import when first called.
    routes = set(routes_imports())
    assert {"storage.accounts", "storage.edit_access", "services.single_sign_on"} <= routes
    assert {"services.account_mail", "briefs.merge", "storage.secure"} <= routes
    assert routes <= loaded
    # What only an action needs stays out until it happens.
    assert not {"docx", "matplotlib", "zxcvbn", "ua_parser", "icalendar", "alembic"} & loaded


def test_the_flag_the_server_sets_is_the_one_streamlit_reads_before_its_first_element(
    tmp_path: Path,
) -> None:
    """web/server.py spares the first page Streamlit's walk of the stack (see there)."""
    code = (
        "import web.server\n"
        "from streamlit import delta_generator as dg\n"
        "read = dg._maybe_print_use_warning.__code__.co_names\n"
        "assert '_use_warning_has_been_displayed' in read, read\n"
        "assert dg._use_warning_has_been_displayed is True"
    )
    assert "web.server" in loaded_modules(code, f"sqlite:///{tmp_path / 'x.db'}")


def test_the_first_page_is_warmed_first_and_every_page_is_warmed() -> None:
    first, routes, second, *_rest = stages(PROJECT_ROOT)
    assert {"components.workspace", "components.account"} <= set(first)
    # The start page draws its table without a frame: pandas waits for the pages that need it.
    assert not {"pandas", "pyarrow", "plotly.graph_objects"} & set(first)
    # A login follows the first page: then what the routes import when first called.
    assert set(routes_imports()) <= {*first, *routes}
    assert {"components.overview", "plotly.graph_objects", "pandas", "pyarrow"} <= set(second)
    warmed = {name for stage in stages(PROJECT_ROOT) for name in stage}
    for page in (PROJECT_ROOT / "pages").glob("*.py"):
        assert set(script_imports(page)) <= warmed, page.name


def test_the_rest_of_the_warm_up_waits_for_a_first_page(tmp_path: Path) -> None:
    """What the first page needs is imported at once; the rest only once a page was drawn."""
    first = stages(PROJECT_ROOT)[0]
    later = "components.overview"
    code = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from web import warm_up\n"
        f"url = 'sqlite:///{tmp_path / 'x.db'}'\n"
        "warm_up.warm_first_page(Path('.'), url)\n"
        "assert 'sqlite3' in sys.modules\n"
        f"assert {later!r} not in sys.modules\n"
        "thread = threading.Thread(target=warm_up.warm_up, args=(Path('.'), url, 120))\n"
        "thread.start()\n"
        "thread.join(1)\n"
        f"assert thread.is_alive() and {later!r} not in sys.modules, 'it did not wait'\n"
        "warm_up.first_page_drawn()\n"
        "thread.join(120)\n"
        "assert not thread.is_alive()\n"
    )
    loaded = loaded_modules(code, f"sqlite:///{tmp_path / 'x.db'}")
    assert set(first) <= loaded
    assert {later, "plotly.graph_objects", "components.steps", "services.account_mail"} <= loaded


def test_every_run_of_the_app_tells_the_warm_up_a_page_was_drawn(demo_url: str) -> None:
    FIRST_PAGE_DRAWN.clear()
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert [title.value for title in at.title] == ["Welkom bij Kernbrief"]
    assert FIRST_PAGE_DRAWN.is_set()


def test_no_installed_package_declares_streamlit_components() -> None:
    """web/server.py skips Streamlit's scan for them: a package that brings one must be seen."""
    from streamlit.components.v2.manifest_scanner import scan_component_manifests

    assert scan_component_manifests() == []


def _project_imports() -> dict[str, set[str]]:
    """Each project module and the project modules it imports when it is imported."""
    modules = {}
    for folder in ("briefs", "components", "core", "services", "storage", "web"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            if "versions" in path.parts:
                continue
            name = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        # Top-level statements only: an import in a function or under TYPE_CHECKING runs later.
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        graph[name] = found & modules.keys()
    return graph


def test_the_projects_imports_have_no_cycle() -> None:
    """The warm-up imports in a thread while pages import in theirs: without a cycle, two
    threads never wait on each other's half-imported module (Python's import locks)."""
    graph = _project_imports()
    assert len(graph) > 80
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " → ".join((*path, name))
        if name in done:
            return
        for imported in graph[name]:
            visit(imported, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_a_fresh_server_draws_the_start_page_then_the_overview_with_its_progress(
    app_server: str, new_page: Any
) -> None:
    """The first visitor of a server that has just started meets the warm-up at work."""
    page = new_page()
    page.goto(app_server)
    expect(page.locator("h1").first).to_have_text("Welkom bij Kernbrief", timeout=30_000)
    table = page.get_by_role("table")
    expect(table).to_be_visible(timeout=30_000)
    expect(table.get_by_role("row").nth(3)).to_contain_text("Kernen langs steenwegen")
    expect(page.get_by_role("link", name="Aanmelden")).to_be_visible()
    log_in(page, app_server, LOTTE)
    expect(page.locator("h1").first).to_have_text("Mijn designbrief", timeout=30_000)
    expect(page.get_by_text("Voortgang per stap")).to_be_visible()
    bars = page.get_by_test_id("stProgress")
    expect(bars).to_have_count(4, timeout=30_000)
    expect(bars.first).to_contain_text("1 · Uitdaging")
    expect(bars.first.get_by_role("progressbar")).to_be_visible()
