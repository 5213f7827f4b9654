"""Command-line entry for operators: prepare the database, load the demo, back up and restore."""

from __future__ import annotations

import argparse
import getpass
import io
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from briefs.access import INVITATION_VALIDITY, Role
from briefs.export.options import DocumentForm, ExportOptions
from briefs.i18n import LANGUAGES, Translator
from core.passwords import MIN_LENGTH
from core.settings import settings
from services import exports
from services.operator import OPERATOR, operator_store
from services.pdf import PdfFailed
from services.single_sign_on import link_identity
from storage.accounts import AccountRefused, AccountStore
from storage.audit import AuditLog
from storage.backup import (
    BackupError,
    backup,
    backup_format,
    export_brief,
    import_brief,
    read_brief_file,
    restore,
    write_brief_file,
)
from storage.db import app_engine, engine_for
from storage.migrate import upgrade
from storage.repository import NotFound, SqlProgrammeStore
from storage.seed import seed_demo

DEMO_REFUSED = (
    "De democontent wordt alleen geladen in demomodus (KERNBRIEF_DEMO=1): haar accounts hebben "
    "een openbaar wachtwoord. (Demo content is loaded in demo mode only: its accounts have a "
    "public password.)"
)


# Shorter than this would throw away what a security review of the last month needs.
AUDIT_MIN_DAYS = 30


def prune_audit(older_than_days: int) -> int:
    """Delete audit entries older than the given number of days; the deletion itself is logged."""
    if older_than_days < AUDIT_MIN_DAYS:
        print(
            f"Het auditlog wordt alleen ingekort tot minstens {AUDIT_MIN_DAYS} dagen. "
            f"(The audit log keeps at least {AUDIT_MIN_DAYS} days.)",
            file=sys.stderr,
        )
        return 2
    before = datetime.now(UTC) - timedelta(days=older_than_days)
    count = AuditLog(app_engine()).prune(before, OPERATOR.email)
    print(f"{count} regels van vóór {before.date().isoformat()} verwijderd uit het auditlog.")
    return 0


def init_db(demo_if_empty: bool) -> int:
    engine = app_engine()
    upgrade(engine)
    print("Databank is klaar (schema bijgewerkt).")
    if demo_if_empty and SqlProgrammeStore(engine).is_empty():
        if not settings().demo:
            print(DEMO_REFUSED, file=sys.stderr)
            return 2
        seed_demo(engine, date.today())
        print("Democontent geladen; de demo-accounts werken alleen in demomodus.")
    return 0


# The document's form as typed: Dutch words, English ones accepted too.
FORMS: dict[str, DocumentForm] = {
    "beide": "both",
    "both": "both",
    "collegenota": "nota",
    "nota": "nota",
    "brief": "brief",
    "designbrief": "brief",
}


def _options(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        empty="mark" if args.empty in ("mark", "markeren") else "omit",
        form=FORMS[getattr(args, "form", "brief")],
    )


def _add_export_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", required=True, type=Path)
    # English flags and values; the Dutch ones of earlier versions stay as aliases.
    command.add_argument(
        "--language",
        "--taal",
        dest="taal",
        choices=LANGUAGES,
        default="nl",
        help="taal van het document",
    )
    command.add_argument(
        "--empty",
        "--leeg",
        dest="empty",
        choices=("omit", "mark", "weglaten", "markeren"),
        default="omit",
        help="lege onderdelen weglaten of als 'nog in te vullen' tonen",
    )


def _trajectory_id(programme: SqlProgrammeStore, number: int) -> int:
    for trajectory in programme.trajectories():
        if trajectory.number == number:
            return trajectory.id
    raise SystemExit(f"Leertraject {number} bestaat niet.")


def _accounts_command(args: argparse.Namespace) -> int:
    engine = app_engine()
    accounts, programme = AccountStore(engine), SqlProgrammeStore(engine)
    try:
        if args.command == "create-user":
            password = (
                sys.stdin.readline().rstrip("\n")
                if args.password_stdin
                else getpass.getpass(f"Wachtwoord (minstens {MIN_LENGTH} tekens): ")
            )
            trajectory_ids = tuple(_trajectory_id(programme, n) for n in args.trajectories)
            # The operator chose the address: it counts as verified for single sign-on.
            accounts.create_user(
                args.name,
                args.email,
                Role(args.role),
                args.municipality,
                password,
                trajectory_ids,
                email_verified=True,
            )
            accounts.audit("operator", "user_created", args.email)
            print(f"Account aangemaakt: {args.email} ({args.role})")
        elif args.command == "invite":
            code = accounts.invite(
                OPERATOR, _trajectory_id(programme, args.trajectory), args.municipality, args.email
            )
            print(
                f"Uitnodiging (eenmalig, {INVITATION_VALIDITY.days} dagen): "
                f"{args.url.rstrip('/')}/auth/invite?code={code}"
            )
        elif args.command == "link-identity":
            link_identity(engine, args.email, args.issuer, args.subject)
            print(f"Gekoppeld: {args.issuer} {args.subject} → {args.email}")
        else:
            accounts.set_role(OPERATOR, args.email, Role(args.role))
            print(f"Rol gewijzigd: {args.email} is nu {args.role}")
    except AccountRefused as refused:
        # Why, in both languages, from the catalogue (the password itself is never shown).
        key = f"auth.account_{refused.reason}"
        nl, en = Translator("nl"), Translator("en")
        why = f"{nl(key)} ({en(key)})" if nl.has(key) else refused.reason
        print(f"Geweigerd: {why}", file=sys.stderr)
        return 1
    except NotFound:
        print("Geen account met dit e-mailadres.", file=sys.stderr)
        return 1
    return 0


BACKUP_KINDS = {
    "sqlite": "SQLite-kopie",
    "pg_dump": "pg_dump, custom-formaat",
    "json": "logische dump in JSON",
}


def _backup_command(args: argparse.Namespace) -> int:
    url = settings().database_url
    try:
        if args.command == "backup":
            backup(url, args.file, overwrite=args.overwrite)
            kind = BACKUP_KINDS[backup_format(args.file)]
            print(f"Back-up geschreven: {args.file} ({kind}).")
        elif args.command == "restore":
            restore(args.file, url)
            programme = SqlProgrammeStore(engine_for(url))
            briefs, people = len(programme.all_briefs()), len(programme.people())
            print(
                f"Back-up teruggezet uit {args.file}: {briefs} designbriefs en "
                f"{people} personen. De databank is bijgewerkt naar het nieuwste schema."
            )
        elif args.command == "export-json":
            try:
                data = export_brief(engine_for(url), args.brief)
            except NotFound:
                print(f"Designbrief {args.brief} bestaat niet (zie list-briefs).", file=sys.stderr)
                return 1
            target = args.output
            if target.is_dir():
                name = re.sub(r"[^\w-]+", "-", data["municipality"])
                target = target / f"designbrief-{args.brief}-{name}.json"
            write_brief_file(data, target)
            print(
                f"Geschreven: {target} ({data['municipality']}, leertraject "
                f"{data['trajectory']['number']}, {len(data['parts'])} onderdelen, "
                f"{len(data['images'])} afbeeldingen)."
            )
        else:
            engine = engine_for(url)
            brief_id = import_brief(
                engine,
                read_brief_file(args.file),
                municipality=args.municipality,
                trajectory_number=args.trajectory,
            )
            programme = SqlProgrammeStore(engine)
            ref = programme.brief_ref(brief_id)
            number = programme.trajectory(ref.trajectory_id).number
            print(
                f"Designbrief geïmporteerd: nummer {brief_id}, {ref.municipality}, "
                f"leertraject {number}."
            )
    except BackupError as refused:
        print(str(refused), file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        print(f"Fout in de databank: {detail}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Bestandsfout: {error.strerror}: {error.filename}", file=sys.stderr)
        return 1
    return 0


def _add_backup_commands(commands: Any) -> None:
    save = commands.add_parser(
        "backup", help="een consistente back-up van de databank maken, ook terwijl de app draait"
    )
    save.add_argument("file", type=Path, help="bestand voor de back-up")
    save.add_argument(
        "--overwrite",
        "--overschrijven",
        dest="overwrite",
        action="store_true",
        help="een bestaand bestand vervangen",
    )
    back = commands.add_parser("restore", help="een back-up terugzetten in een lege databank")
    back.add_argument("file", type=Path, help="de back-up (SQLite, pg_dump of JSON)")
    export = commands.add_parser(
        "export-json", help="een designbrief als JSON exporteren, naar een andere installatie"
    )
    export.add_argument("brief", type=int, help="nummer van de designbrief (zie list-briefs)")
    export.add_argument("-o", "--output", required=True, type=Path)
    load = commands.add_parser("import-json", help="een designbrief uit JSON importeren")
    load.add_argument("file", type=Path)
    load.add_argument(
        "--municipality", "--gemeente", dest="municipality", help="onder een andere gemeente"
    )
    load.add_argument(
        "--trajectory",
        "--leertraject",
        dest="trajectory",
        type=int,
        help="in een ander leertraject (nummer)",
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
    one = commands.add_parser(
        "export-brief", help="een collegenota en/of designbrief naar Word of PDF exporteren"
    )
    one.add_argument("brief", type=int, help="nummer van de designbrief (zie list-briefs)")
    one.add_argument(
        "--vorm",
        "--form",
        dest="form",
        choices=tuple(FORMS),
        default="beide",
        help="collegenota, brief of beide (de collegenota met de designbrief als bijlage)",
    )
    one.add_argument(
        "--pdf", action="store_true", help="een PDF maken (LibreOffice moet geïnstalleerd zijn)"
    )
    _add_export_options(one)
    cohort = commands.add_parser(
        "export-trajectory", help="alle designbriefs van een leertraject en een overzicht"
    )
    cohort.add_argument("trajectory", type=int, help="nummer van het leertraject (1-12)")
    _add_export_options(cohort)
    create = commands.add_parser("create-user", help="een account aanmaken")
    create.add_argument("email")
    create.add_argument("--name", "--naam", dest="name", required=True)
    create.add_argument(
        "--role", "--rol", dest="role", choices=[r.value for r in Role], default="participant"
    )
    create.add_argument("--municipality", "--gemeente", dest="municipality", default="")
    create.add_argument(
        "--trajectory",
        "--traject",
        dest="trajectories",
        type=int,
        action="append",
        default=[],
    )
    create.add_argument(
        "--password-from-stdin",
        "--wachtwoord-uit-stdin",
        dest="password_stdin",
        action="store_true",
        help="het wachtwoord van de standaardinvoer lezen in plaats van het te vragen",
    )
    invite = commands.add_parser("invite", help="een uitnodigingslink voor een deelnemer maken")
    invite.add_argument("trajectory", type=int, help="nummer van het leertraject (1-12)")
    invite.add_argument("--municipality", "--gemeente", dest="municipality", required=True)
    invite.add_argument("--email", default="")
    invite.add_argument("--url", default="http://localhost:8501", help="adres van de app")
    set_role = commands.add_parser("set-role", help="de rol van een account wijzigen")
    set_role.add_argument("email")
    set_role.add_argument("role", choices=[r.value for r in Role])
    prune = commands.add_parser(
        "prune-audit", help="auditregels verwijderen die ouder zijn dan een aantal dagen"
    )
    prune.add_argument(
        "--older-than-days", "--ouder-dan-dagen", dest="days", type=int, required=True
    )
    link = commands.add_parser(
        "link-identity",
        help="een identiteit van single sign-on (issuer en subject, zie het logboek) aan een "
        "account koppelen",
    )
    link.add_argument("email")
    link.add_argument("--issuer", required=True)
    link.add_argument("--subject", required=True)
    _add_backup_commands(commands)
    args = parser.parse_args(argv)
    for names, command in COMMANDS:
        if args.command in names:
            return command(args)
    return 2


def _seed_demo_command(_args: argparse.Namespace) -> int:
    if not settings().demo:
        print(DEMO_REFUSED, file=sys.stderr)
        return 2
    engine = app_engine()
    upgrade(engine)
    seed_demo(engine, date.today())
    print("Democontent geladen; de demo-accounts werken alleen in demomodus.")
    return 0


def _list_briefs_command(_args: argparse.Namespace) -> int:
    programme = SqlProgrammeStore(app_engine())
    for trajectory in programme.trajectories():
        for ref in programme.briefs_in(trajectory.id):
            print(f"{ref.id:5d}  leertraject {trajectory.number:2d}  {ref.municipality}")
    return 0


def _export_brief_command(args: argparse.Namespace) -> int:
    try:
        name, data = exports.export_brief(
            operator_store(app_engine()),
            args.brief,
            _options(args),
            Translator(args.taal),
            pdf=args.pdf,
        )
    except PdfFailed as failure:
        print(f"De PDF kon niet gemaakt worden: {failure}.", file=sys.stderr)
        return 1
    target = args.output / name if args.output.is_dir() else args.output
    target.write_bytes(data)
    print(f"Geschreven: {target}")
    return 0


def _export_trajectory_command(args: argparse.Namespace) -> int:
    args.output.mkdir(parents=True, exist_ok=True)
    _name, data = exports.export_cohort(
        operator_store(app_engine()), args.trajectory, _options(args), Translator(args.taal)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(args.output)
        for member in archive.namelist():
            print(f"Geschreven: {args.output / member}")
    return 0


COMMANDS: tuple[tuple[tuple[str, ...], Callable[[argparse.Namespace], int]], ...] = (
    (("prune-audit",), lambda args: prune_audit(args.days)),
    (("init-db",), lambda args: init_db(args.demo_if_empty)),
    (("seed-demo",), _seed_demo_command),
    (("create-user", "invite", "set-role", "link-identity"), _accounts_command),
    (("backup", "restore", "export-json", "import-json"), _backup_command),
    (("list-briefs",), _list_briefs_command),
    (("export-brief",), _export_brief_command),
    (("export-trajectory",), _export_trajectory_command),
)


if __name__ == "__main__":
    sys.exit(main())
