"""The shape of the code: the domain and storage stay free of Streamlit; no user text as HTML."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_domain_and_storage_never_import_streamlit() -> None:
    checked = 0
    for folder in ("briefs", "storage"):
        for path in (ROOT / folder).rglob("*.py"):
            checked += 1
            assert "streamlit" not in imported_modules(path), path
    assert checked > 10


def test_the_domain_does_not_reach_into_storage_or_components() -> None:
    for path in (ROOT / "briefs").rglob("*.py"):
        outside = {"storage", "services", "web", "components", "pages", "sqlalchemy", "core"}
        assert not outside & imported_modules(path), path


# Each layer and what it must never import: every layer only looks down.
FORBIDDEN = {
    "core": {"briefs", "storage", "services", "web", "components", "pages", "streamlit"},
    "storage": {"services", "web", "components", "pages", "streamlit"},
    "services": {"web", "components", "pages", "streamlit"},
    "web": {"components", "pages"},
    "components": {"sqlalchemy", "pages"},
}


def test_each_layer_imports_only_the_layers_below_it() -> None:
    checked = 0
    for folder, forbidden in FORBIDDEN.items():
        for path in (ROOT / folder).rglob("*.py"):
            if "versions" in path.parts:
                continue
            checked += 1
            assert not forbidden & imported_modules(path), path
    assert checked > 40


def test_streamlit_enters_the_web_package_only_to_serve_the_app() -> None:
    importing = {p.name for p in (ROOT / "web").rglob("*.py") if "streamlit" in imported_modules(p)}
    assert importing == {"server.py"}


def test_nothing_renders_html() -> None:
    for folder in ("components", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            source = path.read_text()
            assert "unsafe_allow_html" not in source, path
            assert "st.html(" not in source, path
    assert "unsafe_allow_html" not in (ROOT / "app.py").read_text()


def test_every_module_starts_with_a_docstring() -> None:
    folders = ("briefs", "core", "storage", "services", "web", "components", "pages", "tests")
    for folder in (*folders, "bench", "deploy"):
        for path in (ROOT / folder).rglob("*.py"):
            if "versions" in path.parts:
                continue
            assert ast.get_docstring(ast.parse(path.read_text())), path


def test_the_part_editor_never_turns_text_into_markup() -> None:
    """The browser side places user text with .value and .textContent only."""
    scripts = list((ROOT / "components").glob("*.js"))
    assert scripts
    for path in scripts:
        source = path.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, (path, sink)


# Streamlit calls that read their text as markdown (labels included), and attributes that hold
# text somebody typed: a name, a title, an e-mail, a message, a place.
MARKDOWN_CALLS = {
    "markdown",
    "caption",
    "info",
    "warning",
    "success",
    "error",
    "toast",
    "expander",
    "popover",
    "title",
    "header",
    "subheader",
    "write",
    "tabs",
    "page_link",
    "button",
}
USER_TEXT = {"municipality", "title", "name", "email", "body", "place", "author_name", "caption"}
# Set by whoever runs the programme (the seed), never typed in the app.
PROGRAMME_TEXT = {"trajectory.title"}


def _unescaped_user_text(node: ast.AST) -> list[str]:
    """Attributes holding user text inside ``node`` that do not pass through md_literal."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "md_literal":
        return []
    if isinstance(node, ast.Attribute) and node.attr in USER_TEXT:
        if ast.unparse(node) in PROGRAMME_TEXT:
            return []
        return [ast.unparse(node)]
    return [found for child in ast.iter_child_nodes(node) for found in _unescaped_user_text(child)]


def test_typed_names_reach_markdown_only_through_md_literal() -> None:
    checked = 0
    for path in (*(ROOT / "components").rglob("*.py"), *(ROOT / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr not in MARKDOWN_CALLS:
                continue
            checked += 1
            shown = [kw.value for kw in node.keywords if kw.arg not in ("key", "anchor", "icon")]
            for argument in (*node.args, *shown):
                assert not _unescaped_user_text(argument), (path.name, node.lineno)
    assert checked > 50


def test_every_table_is_spreadsheet_safe() -> None:
    """Streamlit's table toolbar downloads what it was given as CSV: no formulas in it."""
    tables = 0
    for path in (*(ROOT / "components").rglob("*.py"), *(ROOT / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr in ("dataframe", "data_editor", "table"):
                tables += 1
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Call), (path.name, node.lineno)
                safe = ("spreadsheet_safe", "safe_table", "shaded_table")
                assert getattr(first.func, "id", None) in safe, (
                    path.name,
                    node.lineno,
                )
    assert tables >= 10
