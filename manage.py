"""Command-line entry for operators: prepare the database and load the demo."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from storage.db import default_url, engine_for
from storage.migrate import upgrade
from storage.repository import SqlProgrammeStore
from storage.seed import seed_demo


def init_db(demo_if_empty: bool) -> None:
    engine = engine_for(default_url())
    upgrade(engine)
    print("Databank is klaar (schema bijgewerkt).")
    if demo_if_empty and SqlProgrammeStore(engine).is_empty():
        seed_demo(engine, date.today())
        print("Democontent geladen.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manage.py", description="Kernbrief beheer")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init-db", help="databank aanmaken of bijwerken")
    init.add_argument(
        "--demo-if-empty", action="store_true", help="democontent laden als de databank leeg is"
    )
    commands.add_parser("seed-demo", help="alle inhoud vervangen door de democontent")
    args = parser.parse_args(argv)
    if args.command == "init-db":
        init_db(args.demo_if_empty)
    elif args.command == "seed-demo":
        engine = engine_for(default_url())
        upgrade(engine)
        seed_demo(engine, date.today())
        print("Democontent geladen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
