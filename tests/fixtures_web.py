"""A demo database seeded once per test module and copied for each test: fast and independent."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from storage.accounts import AccountStore
from storage.db import make_engine
from storage.migrate import upgrade
from storage.seed import seed_demo


def seed_template(folder: Path) -> Path:
    """Seed the demo into a SQLite file under ``folder`` and return its path."""
    path = folder / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed_demo(engine, date.today(), demo_accounts=False)
    engine.dispose()
    return path


def copy_database(template: Path, folder: Path) -> str:
    """Copy the seeded file (with any WAL beside it) into ``folder``; return its URL."""
    for part in template.parent.glob(template.name + "*"):
        shutil.copy(part, folder / part.name)
    return f"sqlite:///{folder / template.name}"


def accounts_on_copy(template: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> AccountStore:
    """A fresh copy of the seeded file, which the routes find through DATABASE_URL."""
    url = copy_database(template, folder)
    monkeypatch.setenv("DATABASE_URL", url)
    return AccountStore(make_engine(url))
