"""Theme module: centre management — its structure, funding, manager, bodies and KPIs."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from briefs import model as m
from briefs.part_spec import Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.CENTRE_MANAGEMENT
MAX_FTE = 5.0  # a centre management team in a Flemish town, not a department
MAX_KPI_VALUE = 1_000_000_000.0


class Structure(StrEnum):
    MUNICIPAL_SERVICE = "municipal_service"
    AUTONOMOUS_COMPANY = "autonomous_municipal_company"
    NONPROFIT = "nonprofit_association"
    ASSOCIATION = "traders_association"
    OTHER = "other"


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    TWICE_A_YEAR = "twice_a_year"
    YEARLY = "yearly"
    WHEN_NEEDED = "when_needed"


class Funding(m.Row):
    funding_source: m.ShortText = ""
    year: Annotated[int, Field(ge=m.FIRST_YEAR, le=m.LAST_YEAR)] | None = None
    amount: m.Money | None = None
    remark: m.ShortText = ""


class CentreManager(m.Row):
    job_title: m.ShortText = ""
    fte: Annotated[float, Field(ge=0, le=MAX_FTE)] | None = None
    employer: m.ShortText = ""


class ManagerTask(m.Row):
    task: m.ShortText = ""
    time_share: Annotated[int, Field(ge=0, le=100)] | None = None
    remark: m.ShortText = ""


class ConsultationBody(m.Row):
    name: m.ShortText = ""
    composition: m.ShortText = ""
    frequency: Frequency | None = None


class Kpi(m.Row):
    indicator: m.ShortText = ""
    baseline: Annotated[float, Field(ge=-MAX_KPI_VALUE, le=MAX_KPI_VALUE)] | None = None
    target: Annotated[float, Field(ge=-MAX_KPI_VALUE, le=MAX_KPI_VALUE)] | None = None
    unit: m.ShortText = ""
    target_year: Annotated[int, Field(ge=m.FIRST_YEAR, le=m.LAST_YEAR)] | None = None
    source: m.ShortText = ""


STRUCTURE = f"{THEME.value}.structure"
STRUCTURE_NOTE = f"{THEME.value}.structure_note"
FUNDING = f"{THEME.value}.funding"
MANAGER = f"{THEME.value}.manager"
TASKS = f"{THEME.value}.tasks"
BODIES = f"{THEME.value}.bodies"
KPIS = f"{THEME.value}.kpis"

# KPIs stand in step 4, beside the objectives and actions: a target with its year is the
# measurable form of an objective, and the baseline and target are what the college and the
# follow-up after the trajectory hold the plan to. How centre management is organised (its
# structure, money, people and bodies) is how the plan is anchored, so it follows the
# step's own anchoring.
PARTS = (
    theme_part(THEME, "kpis", Kind.ROWS, 4, row_model=Kpi),
    theme_part(THEME, "structure", Kind.CHOICE, 4, options=Structure),
    theme_part(THEME, "structure_note", Kind.LONG_TEXT, 4),
    theme_part(THEME, "funding", Kind.ROWS, 4, row_model=Funding),
    theme_part(THEME, "manager", Kind.ROWS, 4, row_model=CentreManager),
    theme_part(THEME, "tasks", Kind.ROWS, 4, row_model=ManagerTask),
    theme_part(THEME, "bodies", Kind.ROWS, 4, row_model=ConsultationBody),
)
SECTIONS = (
    theme_section("kpi", KPIS, 4, after="acties"),
    theme_section("centrummanagement", STRUCTURE, 4, after="verankering"),
)


def _checks(brief: Brief) -> list[Finding]:
    found = [
        finding(KPIS, "kpi_no_baseline_or_target", name=kpi.indicator.strip() or "—")
        for kpi in brief.rows(KPIS, Kpi)
        if kpi.baseline is None or kpi.target is None
    ]
    shares = sum(task.time_share or 0 for task in brief.rows(TASKS, ManagerTask))
    if shares > 100:
        found.append(finding(TASKS, "tasks_over_full_time", share=str(shares)))
    return found


def _argument(brief: Brief, t: Translator) -> str:
    lines = []
    structure = brief.choice(STRUCTURE)
    fte = sum(manager.fte or 0 for manager in brief.rows(MANAGER, CentreManager))
    if structure in set(Structure):
        lines.append(
            t(
                "nota.draft.centre_management_structure",
                structure=t(f"enum.{structure}"),
                fte=t.number(fte),
            )
        )
    funding = brief.rows(FUNDING, Funding)
    if funding:
        total = sum((row.amount or Decimal(0) for row in funding), Decimal(0))
        lines.append(t("nota.draft.centre_management_funding", amount=t.money(total)))
    kpis = [
        kpi for kpi in brief.rows(KPIS, Kpi) if kpi.baseline is not None and kpi.target is not None
    ]
    if kpis:
        lines.append(t("nota.draft.centre_management_kpis", count=str(len(kpis))))
    return " ".join(lines)


WORDS: dict[str, tuple[str, str]] = {
    "step_section.kpi": ("Kernindicatoren", "Key indicators"),
    "step_section.centrummanagement": ("Centrummanagement", "Centre management"),
    "part.centre_management.kpis.title": (
        "Kernindicatoren (KPI's) van het centrummanagement",
        "Key performance indicators of the centre management",
    ),
    "part.centre_management.kpis.help": (
        "Hoe weet je of het centrummanagement werkt? Kies een handvol indicatoren, met de "
        "nulmeting van vandaag, de streefwaarde, het jaar waarin je die wil halen en de bron.",
        "How will you know the centre management works? Choose a handful of indicators, with "
        "today's baseline, the target, the year you want to reach it and the source.",
    ),
    "part.centre_management.kpis.example": (
        "Leegstaande handelspanden · 38 · 25 · panden · 2027 · eigen telling",
        "Vacant shop premises · 38 · 25 · premises · 2027 · own count",
    ),
    "part.centre_management.structure.title": (
        "Structuur van het centrummanagement",
        "Structure of the centre management",
    ),
    "part.centre_management.structure.help": (
        "In welke vorm werkt het centrummanagement: als gemeentelijke dienst, in een "
        "autonoom gemeentebedrijf, een vzw of een vereniging van handelaars?",
        "In which form does the centre management work: as a municipal service, in an "
        "autonomous municipal company, a non-profit association or a traders' association?",
    ),
    "part.centre_management.structure.example": ("Vzw", "Non-profit association"),
    "part.centre_management.structure_note.title": (
        "Toelichting bij de structuur",
        "About the structure",
    ),
    "part.centre_management.structure_note.help": (
        "Wie zit in het bestuur, hoe verhouden gemeente en handelaars zich, en waarom koos "
        "je deze vorm? Noteer ook hoe de structuur kan groeien.",
        "Who sits on the board, how do the municipality and the traders relate, and why this "
        "form? Note too how the structure can grow.",
    ),
    "part.centre_management.structure_note.example": (
        "De vzw heeft een raad van bestuur met de schepen van lokale economie, drie "
        "handelaars en een vertegenwoordiger van de horeca.",
        "The non-profit has a board with the alderman for the local economy, three "
        "shopkeepers and a representative of the hospitality trade.",
    ),
    "part.centre_management.funding.title": ("Financiering", "Funding"),
    "part.centre_management.funding.help": (
        "Waar komt het geld vandaan, per jaar: de gemeentelijke dotatie, bijdragen van "
        "handelaars, subsidies, sponsoring?",
        "Where does the money come from, per year: the municipal grant, contributions from "
        "shopkeepers, subsidies, sponsorship?",
    ),
    "part.centre_management.funding.example": (
        "Gemeentelijke dotatie · 2025 · € 85.000,00 · in het meerjarenplan",
        "Municipal grant · 2025 · € 85,000.00 · in the multi-year plan",
    ),
    "part.centre_management.manager.title": ("Centrummanager", "Centre manager"),
    "part.centre_management.manager.help": (
        "Wie voert het centrummanagement uit, voor hoeveel voltijdse equivalenten (VTE, "
        "van 0 tot 5) en bij welke werkgever?",
        "Who carries out the centre management, for how many full-time equivalents (FTE, "
        "0 to 5) and with which employer?",
    ),
    "part.centre_management.manager.example": (
        "Centrummanager · 0,8 · gemeente",
        "Centre manager · 0.8 · municipality",
    ),
    "part.centre_management.tasks.title": (
        "Taken van de centrummanager",
        "The centre manager's tasks",
    ),
    "part.centre_management.tasks.help": (
        "Wat doet de centrummanager, en welk deel van de tijd gaat ernaar? Samen hoogstens 100 %.",
        "What does the centre manager do, and which share of the time goes to it? At most "
        "100% together.",
    ),
    "part.centre_management.tasks.example": (
        "Aanspreekpunt voor handelaars en starters · 30 · bezoekt elke nieuwe zaak",
        "Contact point for shopkeepers and starters · 30 · visits every new business",
    ),
    "part.centre_management.bodies.title": ("Overlegorganen", "Consultation bodies"),
    "part.centre_management.bodies.help": (
        "In welke overlegorganen komt het centrummanagement samen, wie zetelt erin en hoe "
        "vaak komen ze samen?",
        "In which bodies does the centre management meet, who sits in them and how often do "
        "they meet?",
    ),
    "part.centre_management.bodies.example": (
        "Kernoverleg · schepen, centrummanager, handelaarsvereniging, horeca · maandelijks",
        "Centre meeting · alderman, centre manager, traders' association, hospitality · monthly",
    ),
    "col.funding_source": ("Bron", "Source"),
    "col.amount": ("Bedrag (€)", "Amount (€)"),
    "col.job_title": ("Functie", "Job title"),
    "col.fte": ("VTE", "FTE"),
    "col.employer": ("Werkgever", "Employer"),
    "col.task": ("Taak", "Task"),
    "col.time_share": ("Deel van de tijd (%)", "Share of time (%)"),
    "col.composition": ("Wie zetelt erin", "Who sits in it"),
    "col.frequency": ("Hoe vaak", "How often"),
    "col.baseline": ("Nulmeting", "Baseline"),
    "col.target": ("Streefwaarde", "Target"),
    "col.target_year": ("Streefjaar", "Target year"),
    "enum.municipal_service": ("Gemeentelijke dienst", "Municipal service"),
    "enum.autonomous_municipal_company": (
        "Autonoom gemeentebedrijf (AGB)",
        "Autonomous municipal company",
    ),
    "enum.nonprofit_association": ("Vzw", "Non-profit association"),
    "enum.traders_association": ("Vereniging van handelaars", "Traders' association"),
    "enum.weekly": ("Wekelijks", "Weekly"),
    "enum.monthly": ("Maandelijks", "Monthly"),
    "enum.quarterly": ("Driemaandelijks", "Quarterly"),
    "enum.twice_a_year": ("Twee keer per jaar", "Twice a year"),
    "enum.yearly": ("Jaarlijks", "Yearly"),
    "enum.when_needed": ("Wanneer nodig", "When needed"),
    "check.kpi_no_baseline_or_target": (
        "Kernindicator ‘{name}’ mist een nulmeting of een streefwaarde.",
        "Key indicator ‘{name}’ lacks a baseline or a target.",
    ),
    "check.tasks_over_full_time": (
        "De taken van de centrummanager vragen samen {share} % van de tijd.",
        "The centre manager's tasks together take {share}% of the time.",
    ),
    "nota.draft.centre_management_structure": (
        "Vorm van het centrummanagement: {structure}, met {fte} VTE.",
        "Form of the centre management: {structure}, with {fte} FTE.",
    ),
    "nota.draft.centre_management_funding": (
        "De financiering telt samen {amount}.",
        "Its funding adds up to {amount}.",
    ),
    "nota.draft.centre_management_kpis": (
        "{count} kernindicatoren met nulmeting en streefwaarde maken de resultaten meetbaar.",
        "{count} key indicators with a baseline and a target make the results measurable.",
    ),
}

DEMO: dict[str, Any] = {
    KPIS: [
        {
            "id": "kpi1",
            "indicator": "Leegstaande handelspanden in het kernwinkelgebied",
            "baseline": 38,
            "target": 25,
            "unit": "panden",
            "target_year": 2027,
            "source": "Eigen telling",
        },
        {
            "id": "kpi2",
            "indicator": "Bezoekers op zaterdag op de Grote Markt",
            "baseline": 6200,
            "target": 7500,
            "unit": "passanten",
            "target_year": 2026,
            "source": "Passantentelling",
        },
        {
            "id": "kpi3",
            "indicator": "Handelaars aangesloten bij de vzw",
            "baseline": 45,
            "target": None,
            "unit": "handelaars",
            "target_year": 2026,
            "source": "Ledenlijst vzw",
        },
    ],
    STRUCTURE: "nonprofit_association",
    STRUCTURE_NOTE: (
        "De vzw Centrum heeft een raad van bestuur met de schepen van lokale economie, drie "
        "handelaars, een vertegenwoordiger van de horeca en de centrummanager als secretaris. "
        "De gemeente levert de dotatie en de werkplek; de vzw kan sponsoring aantrekken."
    ),
    FUNDING: [
        {
            "id": "fu1",
            "funding_source": "Gemeentelijke dotatie",
            "year": 2025,
            "amount": "85000.00",
            "remark": "In het meerjarenplan",
        },
        {
            "id": "fu2",
            "funding_source": "Bijdragen handelaars",
            "year": 2025,
            "amount": "12500.00",
            "remark": "Lidgeld vzw",
        },
        {
            "id": "fu3",
            "funding_source": "Subsidie VLAIO",
            "year": 2025,
            "amount": "20000.00",
            "remark": "Aan te vragen",
        },
    ],
    MANAGER: [
        {"id": "ma1", "job_title": "Centrummanager", "fte": 0.8, "employer": "Gemeente"},
        {"id": "ma2", "job_title": "Medewerker evenementen", "fte": 0.5, "employer": "Vzw"},
    ],
    TASKS: [
        {
            "id": "ta1",
            "task": "Aanspreekpunt voor handelaars en starters",
            "time_share": 40,
            "remark": "Bezoekt elke nieuwe zaak",
        },
        {
            "id": "ta2",
            "task": "Leegstandsbeheer en contact met eigenaars",
            "time_share": 35,
            "remark": "",
        },
        {
            "id": "ta3",
            "task": "Evenementen en citymarketing",
            "time_share": 35,
            "remark": "Te veel voor één persoon: herverdelen",
        },
    ],
    BODIES: [
        {
            "id": "bo1",
            "name": "Kernoverleg",
            "composition": "Schepen, centrummanager, handelaarsvereniging, horeca",
            "frequency": "monthly",
        },
        {
            "id": "bo2",
            "name": "Stuurgroep centrummanagement",
            "composition": "Burgemeester, schepenen, diensten economie en ruimte",
            "frequency": "quarterly",
        },
    ],
}

MODULE = ThemeModule(
    theme=THEME,
    parts=PARTS,
    sections=SECTIONS,
    words=WORDS,
    checks=_checks,
    argument=_argument,
    demo={(1, "Turnhout"): DEMO},
)
