"""No function does several jobs: cyclomatic complexity stays at 15 or below everywhere.

ruff's C901 checks the same bound while linting; radon also counts boolean operators and
comprehensions, which is closer to how hard a function is to read.
"""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("briefs", "storage", "components", "pages", "web", "services", "core", "bench")
MAX_COMPLEXITY = 15


def project_sources() -> list[Path]:
    paths = [ROOT / "app.py", ROOT / "manage.py"]
    for folder in FOLDERS:
        paths += [p for p in (ROOT / folder).rglob("*.py") if "versions" not in p.parts]
    return paths


def test_no_function_is_more_complex_than_the_bound() -> None:
    sources = project_sources()
    assert len(sources) > 50
    too_complex = [
        f"{path.relative_to(ROOT)}:{block.lineno} {block.fullname} ({block.complexity})"
        for path in sources
        for block in cc_visit(path.read_text())
        if block.complexity > MAX_COMPLEXITY
    ]
    assert too_complex == []
