"""Theme module: real estate and negotiating with developers — the projects on the table."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from briefs import model as m
from briefs.part_spec import ExportForm, Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.REAL_ESTATE


class PartnershipForm(StrEnum):
    """How the municipality and the developer work together (PPS: publiek-private samenwerking)."""

    NONE = "no_partnership"
    AGREEMENT = "development_agreement"
    LONG_LEASE = "long_lease"
    CONCESSION = "concession"
    JOINT_VENTURE = "joint_venture"
    DBFM = "dbfm"


class Project(m.Row):
    name: m.ShortText = ""
    developer: m.ShortText = ""
    planning_basis: m.ShortText = ""
    partnership: PartnershipForm | None = None
    programme: m.LongText = ""
    ground_floor: m.LongText = ""
    # Charges are asked in kind as often as in money (a square, a bike parking, a sum), so
    # they are written out rather than one amount.
    charges: m.LongText = ""
    negotiation_points: m.LongText = ""
    risks: m.LongText = ""
    # The policy objective the project serves: its rows join the brief's traceability.
    objective: m.RowId | None = None


PROJECTS = f"{THEME.value}.projects"
MANDATE = f"{THEME.value}.mandate"

PARTS = (
    theme_part(
        THEME,
        "projects",
        Kind.ROWS,
        1,
        row_model=Project,
        links={"objective": ("roadmap.objectives",)},
        details=(
            "programme",
            "ground_floor",
            "charges",
            "negotiation_points",
            "risks",
            "objective",
        ),
        # Eleven fields do not fit one table on a page: one card per project.
        export=ExportForm.CARDS,
    ),
    theme_part(THEME, "mandate", Kind.LONG_TEXT, 1),
)
SECTIONS = (theme_section("vastgoed", PROJECTS, 1, after="situatie"),)


def _checks(brief: Brief) -> list[Finding]:
    found: list[Finding] = []
    for project in brief.rows(PROJECTS, Project):
        name = project.name.strip() or project.developer.strip() or "—"
        if not project.planning_basis.strip():
            found.append(finding(PROJECTS, "project_no_planning_basis", name=name))
        if not project.negotiation_points.strip():
            found.append(finding(PROJECTS, "project_no_negotiation_points", name=name))
    return found


def _argument(brief: Brief, t: Translator) -> str:
    projects = brief.rows(PROJECTS, Project)
    if not projects:
        return ""
    unclear = sum(1 for project in projects if not project.planning_basis.strip())
    open_points = sum(1 for project in projects if project.negotiation_points.strip())
    return t(
        "nota.draft.real_estate_projects",
        count=str(len(projects)),
        negotiating=str(open_points),
        unclear=str(unclear),
    )


WORDS: dict[str, tuple[str, str]] = {
    "step_section.vastgoed": ("Vastgoedprojecten", "Real estate projects"),
    "part.real_estate.projects.title": (
        "Vastgoedprojecten in onderhandeling",
        "Real estate projects under negotiation",
    ),
    "part.real_estate.projects.help": (
        "Eén rij per project: wie ontwikkelt, op welke planologische basis (RUP, BPA, "
        "omgevingsvergunning), welk programma, wat er op het gelijkvloers komt, welke lasten "
        "de gemeente vraagt, waarover je onderhandelt, in welke PPS-vorm en met welke "
        "risico's. Koppel het project aan de doelstelling die het dient.",
        "One row per project: who develops it, on which planning basis (zoning plan, permit), "
        "which programme, what goes on the ground floor, which charges the municipality asks, "
        "what you negotiate about, in which form of public-private partnership and with which "
        "risks. Link the project to the objective it serves.",
    ),
    "part.real_estate.projects.example": (
        "Stationskwartier · RUP Stationsomgeving · 42 appartementen en 1.200 m² handel · "
        "gelijkvloers: handel en horeca · lasten: publiek plein",
        "Station quarter · zoning plan station area · 42 flats and 1,200 m² of shops · "
        "ground floor: shops and cafés · charges: a public square",
    ),
    "part.real_estate.mandate.title": (
        "Onderhandelingsmandaat van de gemeente",
        "The municipality's negotiating mandate",
    ),
    "part.real_estate.mandate.help": (
        "Waar wil de gemeente niet van afwijken, waar is ruimte om te geven en te nemen, en "
        "wie onderhandelt met welk mandaat van het college?",
        "What will the municipality not give up, where is there room for give and take, and "
        "who negotiates with which mandate from the Board of Mayor and Aldermen?",
    ),
    "part.real_estate.mandate.example": (
        "Een actief gelijkvloers in de winkelas is niet onderhandelbaar; over het aantal "
        "parkeerplaatsen wel. De schepen van ruimtelijke ordening onderhandelt.",
        "An active ground floor on the shopping axis is not negotiable; the number of "
        "parking spaces is. The alderman for planning negotiates.",
    ),
    "link.real_estate.projects": ("Project {n}", "Project {n}"),
    "col.developer": ("Ontwikkelaar", "Developer"),
    "col.planning_basis": ("Planologische basis", "Planning basis"),
    "col.partnership": ("PPS-vorm", "Partnership form"),
    "col.programme": ("Programma", "Programme"),
    "col.ground_floor": ("Gelijkvloers", "Ground floor"),
    "col.charges": ("Gevraagde lasten", "Charges asked"),
    "col.negotiation_points": ("Te onderhandelen", "To negotiate"),
    "col.risks": ("Risico's", "Risks"),
    "enum.no_partnership": ("Geen PPS", "No partnership"),
    "enum.development_agreement": ("Realisatieovereenkomst", "Development agreement"),
    "enum.long_lease": ("Erfpacht of opstal", "Long lease or building right"),
    "enum.concession": ("Concessie", "Concession"),
    "enum.joint_venture": ("Gemengde vennootschap", "Joint venture"),
    "enum.dbfm": ("DBFM", "DBFM"),
    "check.project_no_planning_basis": (
        "Vastgoedproject ‘{name}’ noemt geen planologische basis.",
        "Real estate project ‘{name}’ names no planning basis.",
    ),
    "check.project_no_negotiation_points": (
        "Vastgoedproject ‘{name}’ heeft nog geen onderhandelingspunten.",
        "Real estate project ‘{name}’ has no negotiation points yet.",
    ),
    "nota.draft.real_estate_projects": (
        "Er liggen {count} vastgoedprojecten op tafel; voor {negotiating} ervan liggen de "
        "onderhandelingspunten vast, bij {unclear} is de planologische basis nog niet "
        "duidelijk.",
        "{count} real estate projects are on the table; for {negotiating} of them the "
        "negotiation points are set, for {unclear} the planning basis is not clear yet.",
    ),
}

DEMO: dict[str, Any] = {
    PROJECTS: [
        {
            "id": "pr1",
            "name": "Stationskwartier",
            "developer": "Ontwikkelaar Stationskwartier nv (fictief)",
            "planning_basis": "RUP Stationsomgeving (2019)",
            "partnership": "development_agreement",
            "programme": "42 appartementen, 1.200 m² handel, ondergrondse parking",
            "ground_floor": "Handel en horeca langs het plein",
            "charges": "Aanleg van een publiek plein en een fietsenstalling van 150 plaatsen, "
            "geraamd op € 350.000",
            "negotiation_points": "Actief gelijkvloers; 20 % betaalbare woningen; "
            "het plein publiek toegankelijk, ook 's nachts",
            "risks": "Vertraging door bezwaren; huurders voor het gelijkvloers vinden",
        },
        {
            "id": "pr2",
            "name": "Voormalige bioscoop Markt",
            "developer": "Familiale vastgoedvennootschap (fictief)",
            "planning_basis": "",
            "partnership": "no_partnership",
            "programme": "Woningen boven, een handelsruimte beneden",
            "ground_floor": "Handel",
            "charges": "Herstel van de gevel",
            "negotiation_points": "",
            "risks": "Erfgoedwaarde van de gevel",
        },
    ],
    MANDATE: (
        "Een actief gelijkvloers in de winkelas is niet onderhandelbaar; over het aantal "
        "parkeerplaatsen en de fasering wel. De schepen van ruimtelijke ordening onderhandelt, "
        "bijgestaan door de dienst omgeving; het college keurt elk akkoord goed."
    ),
}

MODULE = ThemeModule(
    theme=THEME,
    parts=PARTS,
    sections=SECTIONS,
    words=WORDS,
    checks=_checks,
    argument=_argument,
    demo={(5, "Aalst"): DEMO},
)
