"""Theme module: the centre's DNA — core values, assets, target groups, claim and translation."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from briefs import model as m
from briefs.part_spec import Kind
from briefs.themes.module import Finding, ThemeModule, finding, theme_part, theme_section

if TYPE_CHECKING:
    from briefs.brief import Brief
    from briefs.i18n import Translator

THEME = m.Theme.DNA
# The coaches ask for three to five core values: fewer says too little, more is no choice.
FEWEST_VALUES, MOST_VALUES = 3, 5


class Audience(StrEnum):
    """The three groups the DNA must speak to: people live, do business and visit there."""

    RESIDENTS = "residents"
    VISITORS = "visitors"
    ENTREPRENEURS = "entrepreneurs"


class DnaDomain(StrEnum):
    """Where the DNA is translated to, as the trajectory names them."""

    MARKETING = "marketing"
    PUBLIC_SPACE = "public_space"
    PRODUCTS = "products_services"


class CoreValue(m.Row):
    core_value: m.ShortText = ""
    reason: m.ShortText = ""


class Asset(m.Row):
    asset: m.ShortText = ""
    remark: m.ShortText = ""


class TargetGroup(m.Row):
    audience: Audience | None = None
    segment: m.ShortText = ""
    looks_for: m.ShortText = ""


class Translation(m.Row):
    domain: DnaDomain | None = None
    translation: m.ShortText = ""
    # The core value the translation makes visible (a row of dna.core_values). Not named
    # core_value: a field name is one kind of field in every table (the export relies on it).
    expresses: m.RowId | None = None


# Naming the DNA is the challenge (step 1). Its translation into marketing, public space and
# products is what the trajectory explores with the coaches and peers, and the chosen ones
# become directions to test: step 2 (Wat als?), before the solution directions. It is not in
# step 4, where it would only repeat the action list.
PARTS = (
    theme_part(THEME, "core_values", Kind.ROWS, 1, row_model=CoreValue),
    theme_part(THEME, "assets", Kind.ROWS, 1, row_model=Asset),
    theme_part(THEME, "distinctiveness", Kind.LONG_TEXT, 1),
    theme_part(THEME, "target_groups", Kind.ROWS, 1, row_model=TargetGroup),
    theme_part(THEME, "claim", Kind.SHORT_TEXT, 1),
    theme_part(
        THEME,
        "translations",
        Kind.ROWS,
        2,
        row_model=Translation,
        links={"expresses": ("dna.core_values",)},
    ),
)
SECTIONS = (
    theme_section("dna", "dna.core_values", 1, after="situatie"),
    theme_section("dna-vertalen", "dna.translations", 2, after="praktijken"),
)


def _named(text: str) -> str:
    line = " ".join(text.split())
    return (line[:49] + "…" if len(line) > 50 else line) or "—"


def _core_values(brief: Brief) -> list[CoreValue]:
    return [row for row in brief.rows("dna.core_values", CoreValue) if row.core_value.strip()]


def _translated_domains(brief: Brief) -> set[DnaDomain]:
    return {
        row.domain
        for row in brief.rows("dna.translations", Translation)
        if row.domain is not None and row.translation.strip()
    }


def check(brief: Brief) -> list[Finding]:
    """Three to five core values; each target group with what it looks for; a translated claim."""
    found: list[Finding] = []
    count = len(_core_values(brief))
    # Only once there are values: an empty module is not yet begun, not wrongly begun.
    if count and not FEWEST_VALUES <= count <= MOST_VALUES:
        found.append(finding("dna.core_values", "dna_values_count", count=str(count)))
    for group in brief.rows("dna.target_groups", TargetGroup):
        named = group.audience is not None or group.segment.strip()
        if named and not group.looks_for.strip():
            found.append(
                finding("dna.target_groups", "dna_group_no_need", name=_named(group.segment))
            )
    if brief.text("dna.claim").strip():
        domains = len(_translated_domains(brief))
        if domains < len(DnaDomain):
            found.append(
                finding(
                    "dna.translations",
                    "dna_claim_untranslated",
                    count=str(domains),
                    total=str(len(DnaDomain)),
                )
            )
    return found


def argument(brief: Brief, t: Translator) -> str:
    """The claim, the core values it rests on and where it is already translated."""
    claim = " ".join(brief.text("dna.claim").split())
    values = [" ".join(row.core_value.split()) for row in _core_values(brief)]
    if not claim and not values:
        return ""
    lines = []
    if claim:
        lines.append(t("dna.argument.claim", claim=claim))
    if values:
        lines.append(t("dna.argument.values", values=", ".join(values)))
    domains = [
        t(f"enum.{domain.value}") for domain in DnaDomain if domain in _translated_domains(brief)
    ]
    if domains:
        # A choice's label within a sentence: "Publieke ruimte" reads "publieke ruimte".
        named = ", ".join(domain[:1].lower() + domain[1:] for domain in domains)
        lines.append(t("dna.argument.translated", domains=named))
    return " ".join(lines)


WORDS: dict[str, tuple[str, str]] = {
    "step_section.dna": ("DNA van de kern", "The centre's DNA"),
    "step_section.dna-vertalen": ("DNA vertalen", "Translating the DNA"),
    "part.dna.core_values.title": ("Kernwaarden", "Core values"),
    "part.dna.core_values.help": (
        "Drie tot vijf waarden die de kern herkenbaar maken en die bewoners, ondernemers en "
        "bezoekers zelf zouden noemen. Zeg bij elke waarde waarom ze klopt: durf te kiezen.",
        "Three to five values that make the centre recognisable and that residents, "
        "entrepreneurs and visitors would name themselves. Say for each why it holds: dare to "
        "choose.",
    ),
    "part.dna.core_values.example": (
        "Groen aan de Nete · de Grote Nete en de beemden liggen op wandelafstand van de kerk",
        "Green by the Nete · the river and its meadows are a short walk from the church",
    ),
    "part.dna.assets.title": ("Troeven", "Assets"),
    "part.dna.assets.help": (
        "Wat heeft de kern dat je kan tonen of beleven: plekken, erfgoed, landschap, "
        "ondernemers, verenigingen, evenementen?",
        "What does the centre have that can be shown or experienced: places, heritage, "
        "landscape, entrepreneurs, associations, events?",
    ),
    "part.dna.assets.example": (
        "Fietsknooppunten langs de Nete · veel recreatieve fietsers rijden door de kern",
        "Cycle network along the Nete · many leisure cyclists ride through the centre",
    ),
    "part.dna.distinctiveness.title": ("Onderscheidend vermogen", "What sets it apart"),
    "part.dna.distinctiveness.help": (
        "Wat maakt deze kern anders dan de kernen rondom? Waarom zou iemand hier komen wonen, "
        "ondernemen of op bezoek komen, en niet in de buurgemeente?",
        "What makes this centre different from the ones around it? Why would someone come to "
        "live, do business or visit here rather than in the next town?",
    ),
    "part.dna.distinctiveness.example": (
        "Een groen dorp aan het water, met winkels en verenigingen die iedereen kent, op tien "
        "minuten van de steden.",
        "A green village by the water, with shops and associations everyone knows, ten "
        "minutes from the cities.",
    ),
    "part.dna.target_groups.title": ("Doelgroepen", "Target groups"),
    "part.dna.target_groups.help": (
        "Voor wie is de kern er? Kies bewoners, bezoekers of ondernemers, zeg wie precies, en "
        "wat zij in de kern zoeken.",
        "Who is the centre for? Choose residents, visitors or entrepreneurs, say who exactly, "
        "and what they look for in the centre.",
    ),
    "part.dna.target_groups.example": (
        "Bezoekers · recreatieve fietsers · een terras en een fietsenstalling aan de Nete",
        "Visitors · leisure cyclists · a terrace and a bike rack by the Nete",
    ),
    "part.dna.claim.title": ("Claim", "Claim"),
    "part.dna.claim.help": (
        "Het DNA in één zin die je consequent gebruikt, in communicatie en in keuzes.",
        "The DNA in one sentence you use consistently, in communication and in choices.",
    ),
    "part.dna.claim.example": (
        "Hulshout, groen dorp aan de Nete",
        "Hulshout, green village by the Nete",
    ),
    "part.dna.translations.title": ("Vertaling van het DNA", "Translating the DNA"),
    "part.dna.translations.help": (
        "Wat betekent het DNA in marketing, in de publieke ruimte en in producten en diensten? "
        "Eén rij per vertaling, met de kernwaarde die ze zichtbaar maakt.",
        "What does the DNA mean for marketing, for public space and for products and "
        "services? One row per translation, with the core value it makes visible.",
    ),
    "part.dna.translations.example": (
        "Publieke ruimte · zitbanken en een uitkijkpunt aan de Nete · Kernwaarde 1",
        "Public space · benches and a viewpoint by the Nete · Core value 1",
    ),
    "link.dna.core_values": ("Kernwaarde {n}", "Core value {n}"),
    "link.dna.translations": ("Vertaling {n}", "Translation {n}"),
    "col.core_value": ("Kernwaarde", "Core value"),
    "col.reason": ("Waarom", "Why"),
    "col.asset": ("Troef", "Asset"),
    "col.audience": ("Doelgroep", "Target group"),
    "col.segment": ("Wie precies", "Who exactly"),
    "col.looks_for": ("Wat zoeken ze", "What they look for"),
    "col.domain": ("Domein", "Domain"),
    "col.translation": ("Vertaling", "Translation"),
    "col.expresses": ("Kernwaarde", "Core value"),
    "enum.residents": ("Bewoners", "Residents"),
    "enum.visitors": ("Bezoekers", "Visitors"),
    "enum.entrepreneurs": ("Ondernemers", "Entrepreneurs"),
    "enum.marketing": ("Marketing", "Marketing"),
    "enum.public_space": ("Publieke ruimte", "Public space"),
    "enum.products_services": ("Producten en diensten", "Products and services"),
    "check.dna_values_count": (
        "Je DNA telt {count} kernwaarden: kies er drie tot vijf.",
        "Your DNA has {count} core values: choose three to five.",
    ),
    "check.dna_group_no_need": (
        "Doelgroep ‘{name}’ zegt niet wat ze in de kern zoekt.",
        "Target group ‘{name}’ does not say what it looks for in the centre.",
    ),
    "check.dna_claim_untranslated": (
        "Je claim is vertaald naar {count} van de {total} domeinen: marketing, publieke "
        "ruimte, producten en diensten.",
        "Your claim is translated into {count} of the {total} domains: marketing, public "
        "space, products and services.",
    ),
    "dna.argument.claim": (
        "De kern profileert zich met de claim ‘{claim}’.",
        "The centre presents itself with the claim ‘{claim}’.",
    ),
    "dna.argument.values": (
        "Het DNA van de kern steunt op de kernwaarden {values}.",
        "The centre's DNA rests on the core values {values}.",
    ),
    "dna.argument.translated": (
        "Het DNA is al vertaald naar {domains}.",
        "The DNA is already translated into {domains}.",
    ),
}

DEMO = {
    # Hulshout tells its DNA story in the programme's webinar (trajectory 1). Sara Peeters'
    # demo brief is Hulshout in trajectory 3 and stays empty: this is another brief.
    (1, "Hulshout"): {
        # Six values: the team has not chosen yet, as the check says.
        "dna.core_values": [
            {
                "id": "cv1",
                "core_value": "Groen aan de Nete",
                "reason": "De Grote Nete en de beemden liggen op wandelafstand van de kerk",
            },
            {
                "id": "cv2",
                "core_value": "Dorps en hartelijk",
                "reason": "Handelaars kennen hun klanten bij naam",
            },
            {
                "id": "cv3",
                "core_value": "Samen",
                "reason": "Een rijk verenigingsleven in Hulshout, Houtvenne en Westmeerbeek",
            },
            {
                "id": "cv4",
                "core_value": "Ondernemend",
                "reason": "Familiebedrijven die al generaties in de gemeente blijven",
            },
            {
                "id": "cv5",
                "core_value": "Dichtbij",
                "reason": "Op tien minuten van Heist-op-den-Berg en Westerlo",
            },
            {
                "id": "cv6",
                "core_value": "Sportief",
                "reason": "Fietsers en wandelaars op de knooppunten langs de Nete",
            },
        ],
        "dna.assets": [
            {
                "id": "as1",
                "asset": "Fietsknooppunten langs de Nete",
                "remark": "Recreatieve fietsers rijden door de kern maar stoppen er zelden",
            },
            {
                "id": "as2",
                "asset": "Wekelijkse markt op het dorpsplein",
                "remark": "Lokale boeren en bakkers, trekt bezoekers uit de deelgemeenten",
            },
            {
                "id": "as3",
                "asset": "Sterk verenigingsleven",
                "remark": "Zomerfeesten en de kermis vullen het plein",
            },
        ],
        "dna.distinctiveness": (
            "Hulshout is geen stad en wil er ook geen worden. De kern is een groen dorp aan "
            "de Nete, met winkels en verenigingen die iedereen kent. Wie uit de steden rondom "
            "komt, vindt hier rust en water op tien minuten fietsen; wie hier woont, vindt "
            "zijn bakker, zijn club en zijn buren in dezelfde straat."
        ),
        "dna.target_groups": [
            {
                "id": "tg1",
                "audience": "residents",
                "segment": "Jonge gezinnen",
                "looks_for": "Veilige schoolroutes, speelruimte en dagelijkse winkels dichtbij",
            },
            {
                "id": "tg2",
                "audience": "visitors",
                "segment": "Recreatieve fietsers en wandelaars",
                "looks_for": "Een terras, een fietsenstalling en een reden om te stoppen",
            },
            {
                "id": "tg3",
                "audience": "entrepreneurs",
                "segment": "Startende zelfstandigen",
                "looks_for": "",
            },
        ],
        "dna.claim": "Hulshout, groen dorp aan de Nete",
        "dna.translations": [
            {
                "id": "tr1",
                "domain": "marketing",
                "translation": "Fietsroute ‘Hulshout aan de Nete’ langs de handelaars van de kern",
                "expresses": "cv1",
            },
            {
                "id": "tr2",
                "domain": "public_space",
                "translation": (
                    "Zitbanken en een uitkijkpunt aan de Nete, bewegwijzerd vanaf het dorpsplein"
                ),
                "expresses": "cv1",
            },
            {
                "id": "tr3",
                "domain": "marketing",
                "translation": "Verenigingen stellen zich voor op de wekelijkse markt",
                "expresses": "cv3",
            },
        ],
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
