"""The audit log keeps every act; only the logged retention command shortens it."""

from __future__ import annotations

import ast
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect
from sqlalchemy import Engine, insert, select

from briefs.catalogue import CATALOGUE
from briefs.i18n import Translator
from storage.audit import AuditLog
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo
from storage.tables import AuditRow
from tests.browser import LOTTE, log_in
from tests.conftest import PROJECT_ROOT, run_manage

NL = Translator("nl")
COACH = "jonas.wouters@begeleiding.demo"
ADMIN = "els.maes@programma.demo"
CODE_FOLDERS = ("briefs", "components", "core", "services", "storage", "web", "pages")


def _recorded_actions() -> dict[str, str]:
    """Every action name the code writes to the audit log, with the file that writes it."""
    found: dict[str, str] = {}
    files = [PROJECT_ROOT / "app.py", PROJECT_ROOT / "manage.py"]
    for folder in CODE_FOLDERS:
        files.extend((PROJECT_ROOT / folder).rglob("*.py"))
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in ("record", "audit") or len(node.args) < 2:
                continue
            action = node.args[1]
            if isinstance(action, ast.Constant) and isinstance(action.value, str):
                found[action.value] = str(path.relative_to(PROJECT_ROOT))
    return found


def test_every_recorded_action_has_words_in_the_audit_page() -> None:
    actions = _recorded_actions()
    assert {"login", "demo_seeded", "password_changed"} <= set(actions)
    missing = {a: f for a, f in actions.items() if f"audit.action.{a}" not in CATALOGUE}
    assert missing == {}


def _actions(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return [str(a) for a in connection.scalars(select(AuditRow.action).order_by(AuditRow.id))]


def test_loading_the_demo_again_keeps_the_log_and_says_so(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kern.db'}")
    upgrade(engine)
    AuditLog(engine).record("els@gemeente.be", "role_changed", "an@gemeente.be → coach", "10.1.2.3")
    seed_demo(engine, date(2026, 3, 1))
    seed_demo(engine, date(2026, 3, 1))
    assert _actions(engine) == ["role_changed", "demo_seeded", "demo_seeded"]
    engine.dispose()


def _manage(url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url, "KERNBRIEF_SECRET_KEY": "k" * 40}
    return run_manage(*arguments, env=env)


def test_only_the_retention_command_shortens_the_log_and_it_logs_itself(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kern.db'}"
    engine = make_engine(url)
    upgrade(engine)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        for days, action in ((400, "login"), (200, "login_failed"), (10, "password_changed")):
            connection.execute(
                insert(AuditRow).values(
                    at=now - timedelta(days=days), actor="an", action=action, target="", client=""
                )
            )
    refused = _manage(url, "prune-audit", "--ouder-dan-dagen", "7")
    assert refused.returncode == 2
    assert "minstens 30 dagen" in refused.stderr
    assert _actions(engine) == ["login", "login_failed", "password_changed"]
    done = _manage(url, "prune-audit", "--older-than-days", "365")
    assert done.returncode == 0, done.stderr
    assert "1 regels" in done.stdout
    assert _actions(engine) == ["login_failed", "password_changed", "audit_pruned"]
    with engine.connect() as connection:
        last = connection.execute(select(AuditRow).order_by(AuditRow.id.desc())).first()
    assert last is not None and last.actor == "operator"
    assert last.target == f"{(now - timedelta(days=365)).date().isoformat()} (1)"
    engine.dispose()


def _last_entries(url: str, count: int) -> list[tuple[str, str, str, str]]:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(AuditRow).order_by(AuditRow.id.desc()).limit(count))
        found = [(r.actor, r.action, r.target, r.client) for r in rows]
    engine.dispose()
    return found


def test_acts_in_the_app_are_logged_with_the_browsers_address(
    app_server: str, demo_url: str, new_page: Any
) -> None:
    coach = new_page()
    log_in(coach, app_server, COACH)
    coach.goto(f"{app_server}/uitdaging")
    expect(coach.locator("h1").first).to_have_text(NL("app.not_available_title"), timeout=30_000)
    assert _last_entries(demo_url, 1) == [(COACH, "access_refused", "challenge", "127.0.0.1")]
    admin = new_page()
    log_in(admin, app_server, ADMIN)
    admin.goto(f"{app_server}/mensen")
    admin.get_by_label(NL("people.email")).fill(LOTTE)
    admin.get_by_role("button", name=NL("people.save")).click()
    expect(admin.get_by_text(NL("people.saved"))).to_be_visible(timeout=30_000)
    assert _last_entries(demo_url, 1) == [
        (ADMIN, "role_changed", f"{LOTTE} → participant", "127.0.0.1")
    ]
    admin.get_by_role("button", name=NL("auth.logout")).click()
    expect(admin.locator("h1").first).to_have_text(NL("start.title"), timeout=30_000)
    assert _last_entries(demo_url, 1) == [(ADMIN, "logout", ADMIN, "127.0.0.1")]
