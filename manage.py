"""Command-line entry for operators: prepare the database and load the demo."""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import date
from pathlib import Path

from briefs.export.brief_doc import ExportOptions
from briefs.i18n import LANGUAGES, Translator
from storage.db import default_url, engine_for
from storage.exports import brief_export, trajectory_export
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


def _options(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(empty="mark" if args.empty == "markeren" else "omit")


def _add_export_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", required=True, type=Path)
    command.add_argument("--taal", choices=LANGUAGES, default="nl", help="taal van het document")
    command.add_argument(
        "--leeg",
        dest="empty",
        choices=("weglaten", "markeren"),
        default="weglaten",
        help="lege onderdelen weglaten of als 'nog in te vullen' tonen",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manage.py", description="Kernbrief beheer")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init-db", help="databank aanmaken of bijwerken")
    init.add_argument(
        "--demo-if-empty", action="store_true", help="democontent laden als de databank leeg is"
    )
    commands.add_parser("seed-demo", help="alle inhoud vervangen door de democontent")
    commands.add_parser("list-briefs", help="alle designbriefs met hun nummer tonen")
    one = commands.add_parser("export-brief", help="een designbrief naar Word exporteren")
    one.add_argument("brief", type=int, help="nummer van de designbrief (zie list-briefs)")
    _add_export_options(one)
    cohort = commands.add_parser(
        "export-trajectory", help="alle designbriefs van een leertraject en een overzicht"
    )
    cohort.add_argument("trajectory", type=int, help="nummer van het leertraject (1-12)")
    _add_export_options(cohort)
    args = parser.parse_args(argv)
    if args.command == "init-db":
        init_db(args.demo_if_empty)
    elif args.command == "seed-demo":
        engine = engine_for(default_url())
        upgrade(engine)
        seed_demo(engine, date.today())
        print("Democontent geladen.")
    elif args.command == "list-briefs":
        programme = SqlProgrammeStore(engine_for(default_url()))
        for trajectory in programme.trajectories():
            for ref in programme.briefs_in(trajectory.id):
                print(f"{ref.id:5d}  leertraject {trajectory.number:2d}  {ref.municipality}")
    elif args.command == "export-brief":
        name, data = brief_export(
            engine_for(default_url()), args.brief, _options(args), Translator(args.taal)
        )
        target = args.output / name if args.output.is_dir() else args.output
        target.write_bytes(data)
        print(f"Geschreven: {target}")
    elif args.command == "export-trajectory":
        args.output.mkdir(parents=True, exist_ok=True)
        name, data = trajectory_export(
            engine_for(default_url()), args.trajectory, _options(args), Translator(args.taal)
        )
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.extractall(args.output)
            for member in archive.namelist():
                print(f"Geschreven: {args.output / member}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
