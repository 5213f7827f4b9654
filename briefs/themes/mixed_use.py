"""Theme module: mixing economic activity into the centre — sites, nuisance and levers."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import TYPE_CHECKING

from briefs import model as m
from briefs.part_spec import Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.MIXED_USE


class Nuisance(StrEnum):
    """How much nuisance a site's activity gives its neighbours."""

    NONE = "no_nuisance"
    SLIGHT = "slight_nuisance"
    NOTICEABLE = "noticeable_nuisance"
    SEVERE = "severe_nuisance"


class Lever(StrEnum):
    """What the municipality has in hand to keep an activity in the centre and its neighbours
    content."""

    ZONING = "zoning"
    PERMIT = "permit"
    LAND_POLICY = "land_policy"
    DIALOGUE = "dialogue"
    ENFORCEMENT = "enforcement"
    SUPPORT = "business_support"


class Site(m.Row):
    site: m.ShortText = ""
    activity: m.ShortText = ""
    nuisance: Nuisance | None = None
    nuisance_kind: m.ShortText = ""
    neighbourhood: m.ShortText = ""
    lever: Lever | None = None
    # When the site's environmental permit ends: the moment the permit lever can be used.
    permit_until: m.Day | None = None


PARTS = (
    theme_part(
        THEME,
        "sites",
        Kind.ROWS,
        1,
        row_model=Site,
        details=("nuisance_kind", "neighbourhood", "permit_until"),
    ),
    theme_part(THEME, "ambition", Kind.LONG_TEXT, 1),
)
# Which activities are in the centre, what they cause and who can act is the situation the
# trajectory starts from (step 1); the levers chosen become actions in step 4.
SECTIONS = (theme_section("verweving", "mixed_use.sites", 1, after="situatie"),)


def _named(text: str) -> str:
    line = " ".join(text.split())
    return (line[:49] + "…" if len(line) > 50 else line) or "—"


def _in_sentence(label: str) -> str:
    # A choice's label within a sentence: "Ruimtelijk (RUP, …)" reads "ruimtelijk (RUP, …)".
    return label[:1].lower() + label[1:]


def _causes_nuisance(site: Site) -> bool:
    return site.nuisance is not None and site.nuisance is not Nuisance.NONE


def check(brief: Brief) -> list[Finding]:
    """Every site that causes nuisance has a lever the municipality can use."""
    return [
        finding("mixed_use.sites", "mixed_use_nuisance_no_lever", name=_named(site.site))
        for site in brief.rows("mixed_use.sites", Site)
        if _causes_nuisance(site) and site.lever is None
    ]


def argument(brief: Brief, t: Translator) -> str:
    """How many sites cause nuisance, and which levers the municipality means to use."""
    sites = brief.rows("mixed_use.sites", Site)
    if not sites:
        return ""
    troubled = [site for site in sites if _causes_nuisance(site)]
    text = t("mixed_use.argument.sites", sites=len(sites), nuisance=len(troubled))
    levers = Counter(site.lever for site in sites if site.lever is not None)
    if levers:
        named = ", ".join(
            f"{_in_sentence(t(f'enum.{lever.value}'))} ({count})" for lever, count in levers.items()
        )
        text += " " + t("mixed_use.argument.levers", levers=named)
    return text


WORDS: dict[str, tuple[str, str]] = {
    "step_section.verweving": ("Verweving", "Mixed use"),
    "part.mixed_use.sites.title": (
        "Economische activiteiten in de kern",
        "Businesses in the centre",
    ),
    "part.mixed_use.sites.help": (
        "Eén rij per site: welke activiteit er zit, hoeveel en welke hinder ze geeft, hoe de "
        "buurt ermee leeft, en welke hefboom de gemeente heeft: ruimtelijk, vergunning, "
        "grondbeleid, overleg, handhaving of ondersteuning.",
        "One row per site: which activity is there, how much and what nuisance it causes, how "
        "the neighbourhood lives with it, and which lever the municipality has: zoning, "
        "permit, land policy, dialogue, enforcement or support.",
    ),
    "part.mixed_use.sites.example": (
        "Schrijnwerkerij in een binnengebied · merkbare hinder: lawaai en stof · overleg",
        "Joinery in a block interior · noticeable nuisance: noise and dust · dialogue",
    ),
    "part.mixed_use.ambition.title": ("Ambitie voor verweving", "Ambition for mixed use"),
    "part.mixed_use.ambition.help": (
        "Welke economische activiteiten wil je in de kern houden of aantrekken, en onder "
        "welke voorwaarden kunnen ze naast wonen?",
        "Which economic activities do you want to keep in or attract to the centre, and on "
        "what terms can they live next to housing?",
    ),
    "part.mixed_use.ambition.example": (
        "Ambachten en kleine bedrijven blijven in de kern, zolang laden en lossen buiten de "
        "spits gebeurt.",
        "Crafts and small firms stay in the centre, as long as loading happens outside the "
        "rush hours.",
    ),
    "col.site": ("Site", "Site"),
    "col.activity": ("Activiteit", "Activity"),
    "col.nuisance": ("Hinder", "Nuisance"),
    "col.nuisance_kind": ("Soort hinder", "Kind of nuisance"),
    "col.neighbourhood": ("Relatie met de buurt", "Relation with the neighbourhood"),
    "col.lever": ("Hefboom van de gemeente", "The municipality's lever"),
    "col.permit_until": ("Vergunning loopt tot", "Permit runs until"),
    "enum.no_nuisance": ("Geen hinder", "No nuisance"),
    "enum.slight_nuisance": ("Beperkte hinder", "Slight nuisance"),
    "enum.noticeable_nuisance": ("Merkbare hinder", "Noticeable nuisance"),
    "enum.severe_nuisance": ("Ernstige hinder", "Severe nuisance"),
    "enum.zoning": ("Ruimtelijk (RUP, verordening)", "Zoning (plan, regulation)"),
    "enum.permit": ("Vergunning", "Permit"),
    "enum.land_policy": ("Grondbeleid", "Land policy"),
    "enum.dialogue": ("Overleg", "Dialogue"),
    "enum.enforcement": ("Handhaving", "Enforcement"),
    "enum.business_support": ("Ondersteuning", "Support"),
    "check.mixed_use_nuisance_no_lever": (
        "Site ‘{name}’ geeft hinder, maar er is nog geen hefboom van de gemeente gekozen.",
        "Site ‘{name}’ causes nuisance, but no lever of the municipality has been chosen yet.",
    ),
    "mixed_use.argument.sites": (
        "In de kern brachten we {sites} sites met economische activiteit in kaart; {nuisance} "
        "ervan geven hinder.",
        "We mapped {sites} sites with economic activity in the centre; {nuisance} of them "
        "cause nuisance.",
    ),
    "mixed_use.argument.levers": (
        "De gemeente zet deze hefbomen in: {levers}.",
        "The municipality uses these levers: {levers}.",
    ),
}

DEMO = {
    # Lier takes part in trajectory 6 (Verweving); the sites are the kind the trajectory
    # works on: crafts, a garage and vacant workshops between the houses of the old town.
    (6, "Lier"): {
        "mixed_use.sites": [
            {
                "id": "vw1",
                "site": "Ambachtelijke bakkerij Antwerpsestraat",
                "activity": "Bakkerij met productieatelier achter de winkel",
                "nuisance": "slight_nuisance",
                "nuisance_kind": "Leveringen voor 7 uur, afzuiging",
                "neighbourhood": "Goede buren: veel klanten wonen in de straat",
                "lever": "dialogue",
                "permit_until": None,
            },
            {
                "id": "vw2",
                "site": "Schrijnwerkerij in binnengebied Berlarij",
                "activity": "Schrijnwerkerij met machines en een kleine toonzaal",
                "nuisance": "noticeable_nuisance",
                "nuisance_kind": "Lawaai en stof, bestelwagens in een smalle straat",
                "neighbourhood": "Klachten van nieuwe bewoners van een appartementsblok",
                "lever": None,
                "permit_until": "2027-03-31",
            },
            {
                "id": "vw3",
                "site": "Garage en carrosserie aan de Kolveniersvest",
                "activity": "Herstelling en spuitwerk van wagens",
                "nuisance": "severe_nuisance",
                "nuisance_kind": "Geur van de spuitcabine, wagens op het voetpad",
                "neighbourhood": "Gespannen: buurtcomité vraagt herlocalisatie",
                "lever": "permit",
                "permit_until": "2025-12-31",
            },
            {
                "id": "vw4",
                "site": "Leegstaande drukkerij Kartuizersvest",
                "activity": "Geen: te herbestemmen als bedrijfsverzamelgebouw voor ambachten",
                "nuisance": "no_nuisance",
                "nuisance_kind": "",
                "neighbourhood": "Buurt vraagt een doorsteek en groen op het binnenplein",
                "lever": "land_policy",
                "permit_until": None,
            },
            {
                "id": "vw5",
                "site": "Coworking boven winkels Grote Markt",
                "activity": "Kantoren en coworking op de verdiepingen",
                "nuisance": "no_nuisance",
                "nuisance_kind": "",
                "neighbourhood": "Brengt volk naar de horeca over de middag",
                "lever": "zoning",
                "permit_until": None,
            },
        ],
        "mixed_use.ambition": (
            "Lier wil ambachten en kleine bedrijven in de kern houden: ze maken de binnenstad "
            "levendig en geven werk dichtbij. Wie hinder geeft, zoekt met de stad en de buren "
            "naar een oplossing ter plaatse; herlocalisatie is het laatste middel. Leegstaande "
            "bedrijfspanden krijgen voorrang voor nieuwe ambachtelijke bedrijvigheid."
        ),
    },
}

MODULE = ThemeModule(
    theme=THEME,
    parts=PARTS,
    sections=SECTIONS,
    words=WORDS,
    checks=check,
    argument=argument,
    demo=DEMO,
)
