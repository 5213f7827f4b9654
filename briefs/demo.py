"""Demo content: the programme's twelve trajectories and two worked briefs, from the 2023 webinar."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from briefs.i18n import TIMEZONE as BRUSSELS
from briefs.programme import Member, Trajectory, Workshop

SOURCE = "Webinar collectieve leertrajecten, 19 december 2023"

PERIOD_2024 = (
    "4 werksessies (online/fysiek) tussen februari en september 2024; tussen de sessies "
    "past elke deelnemer de inhoud toe op de eigen gemeente."
)


def _members(*names: str) -> tuple[Member, ...]:
    # The source marks doubtful participants with "?" or "*"; we keep that doubt visible.
    return tuple(Member(name.rstrip("?*"), name.endswith(("?", "*"))) for name in names)


TRAJECTORIES: tuple[Trajectory, ...] = (
    Trajectory(
        0,
        1,
        "Doorvertalen van het DNA van de kern in marketing, publiek domein en producten",
        "dna",
        "2023",
        description="Het unieke van de kern benoemen, vastpakken en er consequent op bouwen.",
        coaches=("Tweeperenboom", "CityD-WES"),
        members=_members(
            "Turnhout",
            "Zwevegem",
            "Kapellen",
            "Maldegem",
            "Hulshout",
            "Aalst",
            "Bredene",
            "Malle",
            "De Panne",
            "Veurne",
        ),
    ),
    Trajectory(
        0,
        2,
        "Kerninrichting en -geleiding (wayfinding)",
        "wayfinding",
        "2023",
        coaches=("OMGEVING", "MINT"),
        members=_members(
            "Geel",
            "Bornem",
            "As",
            "Maasmechelen?",
            "Tielt",
            "Lier",
            "Halle",
            "Lanaken",
            "Bilzen",
            "Veurne",
        ),
    ),
    Trajectory(
        0,
        3,
        "Kernen langs steenwegen & wayfinding",
        "wayfinding",
        "2023",
        coaches=("OMGEVING", "MINT"),
        members=_members("Oostrozebeke", "Hulshout", "Harelbeke*", "Avelgem"),
    ),
    Trajectory(
        0,
        4,
        "Leegstand aanpakken 1: van generieke benadering naar concrete toepassing",
        "vacancy",
        "2023",
        coaches=("CityD-WES", "IDEA Consult"),
        members=_members(
            "Brasschaat",
            "Willebroek",
            "Bornem",
            "Kapellen",
            "Maasmechelen?",
            "Puurs-Sint-Amands",
            "Geraardsbergen",
            "Nieuwpoort*",
            "Veurne",
        ),
    ),
    Trajectory(
        0,
        5,
        "Leegstand aanpakken 2: focus op vastgoed",
        "vacancy",
        "2023",
        description="Meer aandacht voor de weerbaarheid van het pand (hardware) en inzicht in vastgoed.",
        coaches=("CityD-WES", "IDEA Consult"),
        members=_members("Gent", "Aalst", "Diest", "Brugge", "Sint-Niklaas", "Halle", "Torhout"),
    ),
    Trajectory(
        0,
        6,
        "Verweving van economische activiteiten in de kern",
        "mixed_use",
        "2023–2024",
        description=(
            "Vanuit inzicht in de situatie en de ambities de verwevingsmogelijkheden van de kern "
            "onderzoeken, over diensten heen, en stap voor stap een plan van aanpak opbouwen."
        ),
        coaches=("IDEA Consult", "CityD-WES"),
        members=_members(
            "Willebroek", "Lier", "Geraardsbergen", "Halle", "Izegem?", "Beringen", "Genk"
        ),
    ),
    Trajectory(
        0,
        7,
        "Doorvertalen van het DNA van de kern in marketing, publiek domein en producten",
        "dna",
        "2024 (herhaling)",
        description="De positionering toepassen in citymarketing, openbare ruimte en producten.",
        period=PERIOD_2024,
        conditions="Er werd eerder al nagedacht over het DNA van de kern.",
        coaches=("Blue Ocean Company / Tweeperenboom", "CityD-WES"),
    ),
    Trajectory(
        0,
        8,
        "Leegstandsbeleid",
        "vacancy",
        "2024 (herhaling)",
        description=(
            "Vanuit de cijfers doelstellingen en een realistische ambitie bepalen, de instrumenten "
            "kiezen die per doelstelling het best werken en de uitvoering op gang trekken."
        ),
        period=PERIOD_2024,
        conditions="Het bestuur wil beleid voeren om de leegstand terug te dringen.",
        coaches=("CityD-WES", "IDEA Consult"),
    ),
    Trajectory(
        0,
        9,
        "Toegankelijke kernen voor actieve weggebruikers",
        "accessibility",
        "2024",
        description="Analyse, visie, instrumentenmix en actieplan voor voetgangers en fietsers.",
        period="Vier werksessies (tweemaal online, tweemaal fysiek), februari – september 2024.",
        conditions="Het bestuur wil de toegankelijkheid verbeteren en actieve verplaatsingen bevorderen.",
        coaches=("MINT", "OMGEVING"),
        # The seed names no participants yet: none are made up. The demo shows this theme's
        # module as a second module in a brief of another trajectory (briefs/themes/).
    ),
    Trajectory(
        0,
        10,
        "Slimme lokale distributie voor een leefbare en aantrekkelijke kern",
        "distribution",
        "2024",
        description="Last mile, pakjes, laad- en loszones: een plan voor efficiëntere, duurzamere logistiek.",
        period="Vier werksessies (afwisselend online en fysiek), februari – september 2024.",
        conditions="Het bestuur streeft naar duurzame stadslogistiek in de kern.",
        coaches=("MINT", "OMGEVING"),
        # The seed names no participants yet: none are made up. The demo shows this theme's
        # module as a second module in a brief of another trajectory (briefs/themes/).
    ),
    Trajectory(
        0,
        11,
        "Centrummanagement, samenwerken, visievorming",
        "centre_management",
        "2024",
        description="Doelstellingen, samenwerkingsvormen en instrumenten van centrummanagement.",
        period="Vier werksessies (tweemaal online, tweemaal fysiek), februari – september 2024.",
        conditions="Het bestuur wil beleidsinitiatieven ontplooien.",
        coaches=("CityD-WES", "IDEA Consult"),
        # The seed names no participants yet: none are made up. The demo shows this theme's
        # module as a second module in a brief of another trajectory (briefs/themes/).
    ),
    Trajectory(
        0,
        12,
        "Vastgoed & onderhandelen met de vastgoedsector",
        "real_estate",
        "2024",
        description="Productief onderhandelen met ontwikkelaars over gewenste vastgoedprojecten.",
        period="Vier werksessies (tweemaal online, tweemaal fysiek), februari – september 2024.",
        conditions="Het bestuur wil beleidsinitiatieven ontplooien.",
        coaches=("IDEA Consult", "CityD-WES"),
        # The seed names no participants yet: none are made up. The demo shows this theme's
        # module as a second module in a brief of another trajectory (briefs/themes/).
    ),
)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BRUSSELS).astimezone(UTC)


def workshops_for(number: int, today: date) -> list[Workshop]:
    """Return the four sessions of a trajectory.

    Trajectory 6 keeps the two dates the source gives; the demo cohorts (3 and 5) run
    around ``today`` so that the overview always has a next session to show.
    """
    modes = ("online", "on_site", "online", "on_site")
    places = ("", "Brussel, VLAIO", "", "Gemeentehuis van een deelnemer")
    if number in DEMO_COHORTS:
        days = [today + timedelta(weeks=w) for w in (-10, -4, 2, 8)]
    elif number == 6:
        days = [date(2024, 1, 11), date(2024, 2, 22), date(2024, 4, 25), date(2024, 6, 20)]
    elif number >= 7:
        days = [date(2024, 2, 20), date(2024, 4, 16), date(2024, 6, 11), date(2024, 9, 17)]
    else:
        days = [date(2023, 3, 14), date(2023, 5, 9), date(2023, 6, 27), date(2023, 9, 26)]
    return [
        Workshop(0, index + 1, _at(day), modes[index], places[index], index + 1)
        for index, day in enumerate(days)
    ]


@dataclass(frozen=True)
class DemoPerson:
    name: str
    email: str
    municipality: str
    trajectories: tuple[int, ...]
    role: str = "participant"


# Fictional people: the programme's real speakers are not put in a demo.
DEMO_PEOPLE = (
    DemoPerson("Lotte Vandenberghe", "lotte.vandenberghe@avelgem.demo", "Avelgem", (3,)),
    DemoPerson("Pieter Claes", "pieter.claes@gent.demo", "Gent", (5,)),
    DemoPerson("Sara Peeters", "sara.peeters@hulshout.demo", "Hulshout", (3,)),
    DemoPerson("Jonas Wouters", "jonas.wouters@begeleiding.demo", "", (3, 5), "coach"),
    DemoPerson("Els Maes", "els.maes@programma.demo", "", (), "admin"),
)
DEMO_COHORTS = (3, 5)


def _rows(*rows: dict[str, Any]) -> list[dict[str, Any]]:
    return list(rows)


AVELGEM: dict[str, Any] = {
    "challenge.context": (
        "Avelgem ligt langs de gewestweg N8, die de kern in twee snijdt. De doortocht is "
        "breed, weinig groen en moeilijk over te steken. Bezoekers vinden de winkels, de "
        "campussen en de Schelde niet vanzelf.\n\nIn het meerjarenplan staat een sterkere "
        "kern als prioriteit; met dit leertraject zoeken we hoe ruimte en mobiliteit daartoe bijdragen."
    ),
    "challenge.problem": (
        "De steenweg werkt als een barrière: voetgangers en fietsers steken over waar het niet "
        "veilig is, en wie met de auto komt rijdt door zonder de kern te zien."
    ),
    "challenge.key_figures": _rows(
        {
            "id": "kf1",
            "indicator": "Geplande acties ruimte & mobiliteit",
            "value": 10,
            "unit": "acties",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "kf2",
            "indicator": "Oversteekplaatsen op de doortocht",
            "value": 4,
            "unit": "plaatsen",
            "year": 2023,
            "source": "Eigen telling dienst grondgebiedzaken",
        },
        {
            "id": "kf3",
            "indicator": "Fietsparkeerplaatsen in het centrum",
            "value": 60,
            "unit": "plaatsen",
            "year": None,
            "source": "",
        },
    ),
    "challenge.stakeholders": _rows(
        {
            "id": "st1",
            "name": "Agentschap Wegen en Verkeer",
            "role": "wegbeheerder gewestweg",
            "interest": 3,
            "influence": 5,
            "involvement": "overleg over oversteken en vergroening",
        },
        {
            "id": "st2",
            "name": "Handelaars centrum",
            "role": "ondernemers langs de doortocht",
            "interest": 5,
            "influence": 3,
            "involvement": "klankbord bij elke test",
        },
        {
            "id": "st3",
            "name": "Scholen SJB en GO!",
            "role": "campussen aan de kern",
            "interest": 4,
            "influence": 2,
            "involvement": "doorsteken over de campus",
        },
        {
            "id": "st4",
            "name": "Bewoners",
            "role": "gebruikers van de kern",
            "interest": 4,
            "influence": 2,
            "involvement": "wandeling en bevraging",
        },
        {
            "id": "st5",
            "name": "Eigenaar site Byttebier",
            "role": "eigenaar strategische site",
            "interest": 3,
            "influence": 4,
            "involvement": "gesprek over doorsteek",
        },
    ),
    "challenge.scope_in": "Het centrum tussen de Schelde en de campussen, en de doortocht van de N8.",
    "challenge.scope_out": "De deelgemeenten en de bedrijventerreinen.",
    "challenge.goal": (
        "Een kern waar je veilig en vanzelfsprekend te voet en met de fiets van de ene naar de "
        "andere kant gaat, en waar bezoekers de winkels en de Schelde vinden."
    ),
    "challenge.means": "Nieuwe bewegwijzering, een zone 30, extra oversteekplaatsen.",
    "challenge.whys": _rows(
        {"id": "why1", "text": "Voetgangers steken over op onveilige plaatsen."},
        {"id": "why2", "text": "De officiële oversteekplaatsen liggen niet op hun looplijnen."},
        {
            "id": "why3",
            "text": "De looplijnen gaan over private sites en campussen die dicht zijn.",
        },
        {
            "id": "why4",
            "text": "De kern werd langs de steenweg gepland, niet vanuit de voetganger.",
        },
    ),
    "challenge.question": (
        "Hoe kunnen we de doortocht van de N8 van een barrière omvormen tot een verbinding "
        "tussen de twee helften van de kern?"
    ),
    "challenge.support_lead": "Schepen van mobiliteit en ruimtelijke ordening",
    "challenge.support_mat": "supports",
    "challenge.support_cbs": "informed",
    "challenge.departments": ["spatial_planning", "mobility", "economy", "communication"],
    "challenge.swot_strengths": _rows(
        {"id": "s1", "text": "Compacte kern met winkels, scholen en de Schelde op wandelafstand"},
        {"id": "s2", "text": "Sterke samenwerking tussen grondgebiedzaken en economie"},
    ),
    "challenge.swot_weaknesses": _rows(
        {"id": "w1", "text": "Brede doortocht zonder groen"},
        {"id": "w2", "text": "Weinig en slecht gelegen oversteekplaatsen"},
        {"id": "w3", "text": "Bewegwijzering gericht op de auto"},
    ),
    "challenge.swot_opportunities": _rows(
        {"id": "o1", "text": "Herontwikkeling van de site Byttebier"},
        {"id": "o2", "text": "Heraanleg van de gewestweg staat op de agenda van AWV"},
    ),
    "challenge.swot_threats": [],
    "challenge.success_criteria": _rows(
        {"id": "sc1", "text": "Twee nieuwe veilige doorsteken zijn open tegen eind 2025"},
        {"id": "sc2", "text": "Meer voetgangers op de looplijn Schelde – campus (telling)"},
    ),
    "explore.what_if": _rows(
        {
            "id": "wi1",
            "text": "Wat als de campussen buiten de schooluren een publieke doorsteek worden?",
        },
        {
            "id": "wi2",
            "text": "Wat als de doortocht een groene straat wordt in plaats van een weg?",
        },
    ),
    "explore.expert_insights": _rows(
        {
            "id": "ei1",
            "insight": "Start vanuit bronpunten, knooppunten en bestemmingen, niet vanuit de borden.",
            "expert": "OMGEVING",
            "session": 2,
        },
        {
            "id": "ei2",
            "insight": "Een oversteek werkt pas als ze op de natuurlijke looplijn ligt.",
            "expert": "MINT",
            "session": 2,
        },
    ),
    "explore.peer_insights": _rows(
        {
            "id": "pi1",
            "insight": "Een RUP voor het centrum gaf het kader om doorsteken af te dwingen.",
            "municipality": "Oostrozebeke",
        },
        {
            "id": "pi2",
            "insight": "Een tijdelijke wegmarkering testte de oversteek voor de heraanleg.",
            "municipality": "Hulshout",
        },
    ),
    "explore.practices": _rows(
        {
            "id": "gp1",
            "name": "Vitaal Sneek",
            "place": "Sneek (NL)",
            "what": "Binnenstadsvisie samen met ondernemers en bewoners.",
            "lesson": "Durf kiezen en hou vol.",
            "link": "https://www.sneek.nl",
        },
    ),
    "explore.directions": _rows(
        {
            "id": "dir1",
            "title": "Projectzones met doorsteken",
            "description": "Doorsteken over de campussen SJB en GO! en de site Byttebier.",
            "answers": "why4",
            "impact": 5,
            "effort": 4,
        },
        {
            "id": "dir2",
            "title": "Vergroening van de doortocht",
            "description": "Bomen en groenstroken die de weg smaller laten ogen.",
            "answers": "w1",
            "impact": 4,
            "effort": 5,
        },
        {
            "id": "dir3",
            "title": "Betere bewegwijzering",
            "description": "Voetgangersbewegwijzering vanaf parkings naar winkels en Schelde.",
            "answers": "w3",
            "impact": 3,
            "effort": 2,
        },
        {
            "id": "dir4",
            "title": "Zone 30 in het centrum",
            "description": "Lagere snelheid op de doortocht in het centrum.",
            "answers": None,
            "impact": 3,
            "effort": 2,
        },
        {
            "id": "dir5",
            "title": "Fietsparkeren in plaats van autoparkeren",
            "description": "Extra fietsenstallingen op autoparkeerplaatsen.",
            "answers": "s1",
            "impact": 2,
            "effort": 1,
        },
    ),
    "prototype.chosen": ["dir1", "dir2", "dir3"],
    "prototype.tests": _rows(
        {
            "id": "t1",
            "direction": "dir1",
            "idea": "Doorsteek site Byttebier",
            "assumption": "Voetgangers kiezen een doorsteek als die op hun looplijn ligt",
            "form": "mockup",
            "with_whom": "bewoners en eigenaar site",
            "when": "2024-05-15",
            "measure": "telling voetgangers op twee dagen",
            "result": "De tijdelijke doorsteek werd druk gebruikt.",
            "lesson": "Wegmarkering alleen volstaat niet: verlichting is nodig.",
            "decision": "continue",
        },
        {
            "id": "t2",
            "direction": "dir1",
            "idea": "Campusdoorsteek SJB en GO!",
            "assumption": "Scholen willen de campus buiten de schooluren openstellen",
            "form": "conversation",
            "with_whom": "directies SJB en GO!",
            "when": "2024-04-20",
            "measure": "akkoord van beide directies",
            "result": "Eén school akkoord, de andere vraagt een proefperiode.",
            "lesson": "",
            "decision": "adjust",
        },
        {
            "id": "t3",
            "direction": "dir3",
            "idea": "Wandelroute met tijdelijke pijlen",
            "assumption": "Bezoekers volgen een bewegwijzerde route naar de Schelde",
            "form": "pop_up",
            "with_whom": "handelaars",
            "when": "2024-06-01",
            "measure": "",
            "result": "",
            "lesson": "",
            "decision": None,
        },
    ),
    "prototype.feedback": _rows(
        {
            "id": "fb1",
            "stakeholder": "Handelaars centrum",
            "feedback": "Vrezen minder parkeerplaatsen voor de deur.",
            "response": "We tonen de telling van fietsers en voetgangers in de winkelstraat.",
        },
    ),
    "roadmap.objectives": _rows(
        {
            "id": "ob1",
            "title": "Veilige doorsteken tussen beide kanten van de kern",
            "plan_code": "BD3/AP3.2",
        },
        {"id": "ob2", "title": "Een groene, leesbare doortocht", "plan_code": "BD3/AP3.4"},
        {"id": "ob3", "title": "Meer fietsers in het centrum", "plan_code": ""},
    ),
    "roadmap.actions": _rows(
        {
            "id": "a1",
            "title": "Projectzones met doorsteken afbakenen",
            "objective": "ob1",
            "test": "t1",
            "owner": "Dienst grondgebiedzaken",
            "partners": "AWV",
            "start": "2024-09-01",
            "deadline": "2025-06-30",
            "budget": "25000",
            "status": "running",
            "priority": "high",
            "indicator": "aantal open doorsteken",
        },
        {
            "id": "a2",
            "title": "Vergroening doortocht gewestweg",
            "objective": "ob2",
            "test": None,
            "owner": "Dienst openbare werken",
            "partners": "AWV",
            "start": "2025-01-01",
            "deadline": "2026-12-31",
            "budget": "180000",
            "status": "planned",
            "priority": "medium",
            "indicator": "m² groen langs de N8",
        },
        {
            "id": "a3",
            "title": "Vergroening en doorsteek t.h.v. site Byttebier",
            "objective": "ob1",
            "test": "t1",
            "owner": "Dienst grondgebiedzaken",
            "partners": "eigenaar site",
            "start": "2024-10-01",
            "deadline": "2025-12-31",
            "budget": "60000",
            "status": "planned",
            "priority": "high",
            "indicator": "doorsteek open",
        },
        {
            "id": "a4",
            "title": "Andere strategische locaties voor oversteken op de gewestweg",
            "objective": "ob1",
            "test": None,
            "owner": "Dienst mobiliteit",
            "partners": "AWV",
            "start": "2024-09-01",
            "deadline": "2025-03-31",
            "budget": None,
            "status": "idea",
            "priority": "medium",
            "indicator": "",
        },
        {
            "id": "a5",
            "title": "Betere bewegwijzering",
            "objective": "ob2",
            "test": "t3",
            "owner": "Dienst communicatie",
            "partners": "handelaars",
            "start": "2024-11-01",
            "deadline": "2025-04-30",
            "budget": "12500",
            "status": "planned",
            "priority": "medium",
            "indicator": "route gevolgd (telling)",
        },
        {
            "id": "a6",
            "title": "Doorsteken campussen SJB en GO!",
            "objective": "ob1",
            "test": "t2",
            "owner": "Schepen onderwijs",
            "partners": "SJB, GO!",
            "start": "2024-09-01",
            "deadline": "2025-09-01",
            "budget": None,
            "status": "running",
            "priority": "high",
            "indicator": "",
        },
        {
            "id": "a7",
            "title": "Oversteekbaarheid via wegmarkering site Byttebier",
            "objective": "ob1",
            "test": "t1",
            "owner": "",
            "partners": "AWV",
            "start": "2024-10-01",
            "deadline": "2024-12-15",
            "budget": "4500",
            "status": "done",
            "priority": "high",
            "indicator": "",
        },
        {
            "id": "a8",
            "title": "Opmaak RUP Avelgem centrum",
            "objective": "ob1",
            "test": None,
            "owner": "Dienst omgeving",
            "partners": "studiebureau",
            "start": "2024-06-01",
            "deadline": "2026-06-30",
            "budget": "85000",
            "status": "running",
            "priority": "high",
            "indicator": "RUP definitief vastgesteld",
        },
        {
            "id": "a9",
            "title": "Extra fietsparkeerplaatsen in plaats van autoparkeerplaatsen",
            "objective": "ob3",
            "test": None,
            "owner": "Dienst mobiliteit",
            "partners": "",
            "start": "2025-03-01",
            "deadline": "2025-02-01",
            "budget": "8000",
            "status": "planned",
            "priority": "low",
            "indicator": "aantal fietsplaatsen",
        },
        {
            "id": "a10",
            "title": "Zone 30 in het centrum",
            "objective": None,
            "test": None,
            "owner": "Dienst mobiliteit",
            "partners": "politiezone",
            "start": "2025-01-01",
            "deadline": None,
            "budget": "3000",
            "status": "idea",
            "priority": "medium",
            "indicator": "",
        },
    ),
    "roadmap.milestones": _rows(
        {"id": "m1", "title": "Eerste doorsteek open", "date": "2025-06-30"},
        {"id": "m2", "title": "RUP voorlopig vastgesteld", "date": "2025-10-15"},
    ),
    "roadmap.plan_link": "BD3 Een bereikbare en leefbare kern / AP3.2 Veilige verbindingen",
    "roadmap.budget_line": "0200/22400000 Wegen en doorsteken",
    "roadmap.decisions": _rows(
        {"id": "d1", "body": "management_team", "date": "2024-06-10", "status": "approved"},
        {"id": "d2", "body": "college", "date": "2024-06-24", "status": "approved"},
        {"id": "d3", "body": "council", "date": "2024-09-23", "status": "on_agenda"},
    ),
    "roadmap.successor": "Dienst grondgebiedzaken, met halfjaarlijkse opvolging in het MAT",
    "roadmap.risks": _rows(
        {
            "id": "r1",
            "risk": "AWV plant de heraanleg later dan verwacht",
            "mitigation": "Tijdelijke ingrepen met wegmarkering en groenbakken",
        },
        {
            "id": "r2",
            "risk": "Eigenaar site Byttebier haakt af",
            "mitigation": "Doorsteek verankeren in het RUP",
        },
    ),
    "roadmap.summary": (
        "De N8 snijdt Avelgem in twee. We stellen voor om in drie jaar de doortocht om te "
        "vormen tot een verbinding: projectzones met doorsteken, vergroening, betere "
        "bewegwijzering en een RUP voor het centrum. De eerste doorsteek aan de site "
        "Byttebier werd getest en werkt. We vragen het college om de acties en het budget "
        "van € 378.000,00 over drie jaar goed te keuren."
    ),
    "roadmap.nota_subject": (
        "Avelgem verbonden: goedkeuring van het stappenplan voor de doortocht N8 en het "
        "budget 2024–2026"
    ),
    "roadmap.nota_context": (
        "De gewestweg N8 snijdt de kern van Avelgem in twee. Bezoekers vinden de winkels, de "
        "campussen en de Schelde niet vanzelf, en voetgangers steken over waar het niet veilig "
        "is: op de doortocht liggen maar vier oversteekplaatsen.\n\n"
        "In 2024 nam de gemeente deel aan het collectieve leertraject bedrijvige kern van "
        "VLAIO. Daarin werkten de diensten grondgebiedzaken, mobiliteit en communicatie een "
        "designbrief uit om de doortocht van een barrière tot een verbinding te maken. Een "
        "tijdelijke doorsteek aan de site Byttebier en een proef met voetgangers"
        "bewegwijzering vanaf de parkings werden in het najaar getest."
    ),
    "roadmap.nota_legal": (
        "Het Decreet over het lokaal bestuur van 22 december 2017, in het bijzonder artikel 56 "
        "over de bevoegdheden van het college van burgemeester en schepenen.\n"
        "Het meerjarenplan van de gemeente en de aanpassingen ervan, beleidsdoelstelling BD3 "
        "Een bereikbare en leefbare kern."
    ),
    "roadmap.nota_advice": _rows(
        {
            "id": "na1",
            "adviser": "Managementteam (MAT)",
            "date": "2024-06-10",
            "verdict": "favourable",
            "remark": "",
        },
        {
            "id": "na2",
            "adviser": "Dienst financiën",
            "date": "2024-06-14",
            "verdict": "conditional",
            "remark": "Budget 2026 opnemen bij de volgende aanpassing van het meerjarenplan",
        },
        {
            "id": "na3",
            "adviser": "Agentschap Wegen en Verkeer (AWV)",
            "date": "2024-06-18",
            "verdict": "favourable",
            "remark": "Bewegwijzering buiten de rijbaan plaatsen",
        },
    ),
    "roadmap.nota_arguments": (
        "De grondoorzaak van het probleem is dat de kern langs de steenweg werd gepland, niet "
        "vanuit de voetganger. Wie te voet of met de fiets komt, ziet de winkels en de Schelde "
        "niet en vindt geen veilige weg erheen.\n\n"
        "Daarom kiezen we voor projectzones met doorsteken, vergroening van de doortocht en "
        "een duidelijke voetgangersbewegwijzering van de parkings naar de winkels, de "
        "campussen en de Schelde.\n\n"
        "De tests tonen dat het werkt: de tijdelijke doorsteek aan de site Byttebier werd druk "
        "gebruikt, en bezoekers volgden de proefbewegwijzering vaker dan de oude route. "
        "Verlichting en een vaste plaats voor de wegwijzers zijn wel nodig."
    ),
    "roadmap.nota_visum": "yes",
    "roadmap.nota_articles": _rows(
        {
            "id": "nb1",
            "text": (
                "Het college keurt het stappenplan ‘Avelgem verbonden’ voor de doortocht N8 "
                "goed, zoals beschreven in de designbrief in bijlage."
            ),
        },
        {
            "id": "nb2",
            "text": (
                "Het college keurt het budget van € 378.000,00 voor 2024–2026 goed, in te "
                "schrijven op 0200/22400000 Wegen en doorsteken."
            ),
        },
        {
            "id": "nb3",
            "text": (
                "Het college belast de dienst grondgebiedzaken met de uitvoering, en de dienst "
                "communicatie met de bewegwijzering."
            ),
        },
        {"id": "nb4", "text": "Het college legt het plan voor aan de gemeenteraad."},
    ),
}

GENT: dict[str, Any] = {
    "challenge.context": (
        "Sinds corona en de groei van online winkelen stijgt de leegstand in het centrum. "
        "Minder kantoorpendel raakt vooral de winkels die van kantoorpubliek leven."
    ),
    "challenge.problem": (
        "Een op de twee leegstaande panden in het kernwinkelgebied staat langdurig of "
        "structureel leeg. Eigenaars en ondernemers vinden elkaar niet."
    ),
    "challenge.key_figures": _rows(
        {
            "id": "g1",
            "indicator": "Leegstaande panden (toestand 01/06/2023)",
            "value": 52,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g2",
            "indicator": "waarvan verbouwingsleegstand",
            "value": 7,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g3",
            "indicator": "waarvan aanvangsleegstand",
            "value": 18,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g4",
            "indicator": "waarvan langdurige leegstand",
            "value": 22,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g5",
            "indicator": "waarvan structurele leegstand",
            "value": 5,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g6",
            "indicator": "Leegstaande panden in het centrum",
            "value": 37,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g7",
            "indicator": "Leegstaande panden in het kernwinkelgebied",
            "value": 23,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
        {
            "id": "g8",
            "indicator": "Langdurig leeg in het kernwinkelgebied",
            "value": 11,
            "unit": "panden",
            "year": 2023,
            "source": SOURCE,
        },
    ),
    "challenge.stakeholders": _rows(
        {
            "id": "gs1",
            "name": "Eigenaars van leegstaande panden",
            "role": "beslissen over invulling",
            "interest": 3,
            "influence": 5,
            "involvement": "persoonlijk gesprek",
        },
        {
            "id": "gs2",
            "name": "Handelaarsverenigingen",
            "role": "stem van de ondernemers",
            "interest": 5,
            "influence": 3,
            "involvement": "stuurgroep",
        },
        {
            "id": "gs3",
            "name": "Vastgoedmakelaars",
            "role": "bemiddelen bij verhuur",
            "interest": 4,
            "influence": 4,
            "involvement": "rondetafel",
        },
        {
            "id": "gs4",
            "name": "Dienst wonen",
            "role": "wonen boven winkels",
            "interest": 3,
            "influence": None,
            "involvement": "",
        },
    ),
    "challenge.scope_in": "Het kernwinkelgebied en de aanloopstraten.",
    "challenge.scope_out": "Kantoorleegstand en de winkelzones in de periferie.",
    "challenge.goal": "Een nieuwe premie en een campagne voor starters.",
    "challenge.means": "Leegstandstaks, premies, een leegstandsbeheerder.",
    "challenge.whys": _rows(
        {"id": "gw1", "text": "Panden staan lang leeg."},
        {"id": "gw2", "text": "De vraagprijs ligt boven wat ondernemers kunnen betalen."},
        {"id": "gw3", "text": "Eigenaars wachten op een huurder die de oude prijs betaalt."},
        {"id": "gw4", "text": "Leegstand kost de eigenaar weinig: de leegstandstaks is te laag."},
        {"id": "gw5", "text": "Eigenaars voelen geen urgentie en worden niet aangesproken."},
    ),
    "challenge.question": "Welke instrumenten zetten eigenaars in beweging?",
    "challenge.support_lead": "",
    "challenge.support_mat": "informed",
    "challenge.support_cbs": "not_yet",
    "challenge.departments": ["economy", "housing", "finance"],
    "challenge.swot_strengths": _rows(
        {"id": "gss1", "text": "Sterk en divers winkelaanbod in het kernwinkelgebied"},
        {"id": "gss2", "text": "Goed zicht op de cijfers: jaarlijkse telling per pand"},
    ),
    "challenge.swot_weaknesses": _rows(
        {"id": "gsw1", "text": "Te hoge huurprijzen in sommige straten"},
        {"id": "gsw2", "text": "Foute matchmaking tussen ondernemer en pand"},
        {"id": "gsw3", "text": "Te eenzijdig profiel aan de rand van het centrum"},
        {"id": "gsw4", "text": "Wisselende kwaliteit van handelspanden"},
    ),
    "challenge.swot_opportunities": _rows(
        {"id": "gso1", "text": "Wonen boven winkels"},
        {"id": "gso2", "text": "Tijdelijke invulling door makers en starters"},
    ),
    "challenge.swot_threats": _rows(
        {"id": "gst1", "text": "Online winkelen en consumentenplatformen"},
        {"id": "gst2", "text": "Minder kantoorpendel na corona"},
        {"id": "gst3", "text": "Ontwikkelingen in de periferie"},
        {"id": "gst4", "text": "Universiteitsdiensten die het centrum verlaten"},
    ),
    "challenge.success_criteria": _rows(
        {
            "id": "gsc1",
            "text": "Langdurige leegstand in het kernwinkelgebied daalt van 11 naar 6 panden",
        },
    ),
    "explore.what_if": _rows(
        {
            "id": "gwi1",
            "text": "Wat als elke eigenaar na zes maanden leegstand een vaste contactpersoon krijgt?",
        },
    ),
    "explore.expert_insights": _rows(
        {
            "id": "gei1",
            "insight": "Een instrumentenmatrix koppelt elk instrument aan een doelstelling.",
            "expert": "IDEA Consult",
            "session": 1,
        },
        {
            "id": "gei2",
            "insight": "Stimulerende en ontradende instrumenten werken het best samen.",
            "expert": "CityD-WES",
            "session": 2,
        },
    ),
    "explore.peer_insights": _rows(
        {
            "id": "gpi1",
            "insight": "Een jaarlijkse telling per pand maakt de leegstand bespreekbaar.",
            "municipality": "Aalst",
        },
    ),
    "explore.practices": [],
    "explore.directions": _rows(
        {
            "id": "gd1",
            "title": "Leegstandsbeheerder",
            "description": "Eén aanspreekpunt dat eigenaars en ondernemers samenbrengt.",
            "answers": "gw5",
            "impact": 4,
            "effort": 3,
        },
        {
            "id": "gd2",
            "title": "Progressieve leegstandstaks",
            "description": "De taks stijgt met de duur van de leegstand.",
            "answers": "gw4",
            "impact": 4,
            "effort": 2,
        },
        {
            "id": "gd3",
            "title": "Tijdelijke invulling",
            "description": "Pop-ups van makers in langdurig leegstaande panden.",
            "answers": "gso2",
            "impact": 2,
            "effort": 2,
        },
        {
            "id": "gd4",
            "title": "Huurpremie voor starters",
            "description": "",
            "answers": "gsw1",
            "impact": None,
            "effort": 3,
        },
    ),
    "prototype.chosen": ["gd1", "gd2"],
    "prototype.tests": _rows(
        {
            "id": "gt1",
            "direction": "gd1",
            "idea": "Brief en gesprek met eigenaars",
            "assumption": "Eigenaars gaan in op een persoonlijk gesprek",
            "form": "conversation",
            "with_whom": "vijf eigenaars",
            "when": "2024-05-06",
            "measure": "aantal eigenaars dat ingaat op het gesprek",
            "result": "Drie van de vijf eigenaars wilden praten.",
            "lesson": "Een persoonlijke brief van de schepen werkt beter dan een folder.",
            "decision": "continue",
        },
        {
            "id": "gt2",
            "direction": "gd3",
            "idea": "Pop-up van lokale makers",
            "assumption": "Makers willen een leeg pand drie maanden tijdelijk invullen",
            "form": "pop_up",
            "with_whom": "vier makers en één eigenaar",
            "when": "2024-06-15",
            "measure": "aantal bezoekers en verkoop per week",
            "result": "Goed bezocht, maar de eigenaar wil geen verlenging.",
            "lesson": "Leg de afspraken met de eigenaar vooraf vast.",
            "decision": "continue",
        },
    ),
    "prototype.feedback": _rows(
        {
            "id": "gfb1",
            "stakeholder": "Vastgoedmakelaars",
            "feedback": "Vragen één loket in plaats van drie diensten.",
            "response": "De leegstandsbeheerder wordt dat loket.",
        },
    ),
    "roadmap.objectives": _rows(
        {
            "id": "gob1",
            "title": "Langdurige leegstand in het kernwinkelgebied terugdringen",
            "plan_code": "BD2/AP2.1",
        },
        {
            "id": "gob2",
            "title": "Eigenaars en ondernemers sneller samenbrengen",
            "plan_code": "BD2/AP2.3",
        },
        {"id": "gob3", "title": "Wonen boven winkels stimuleren", "plan_code": ""},
    ),
    "roadmap.actions": _rows(
        {
            "id": "ga1",
            "title": "Leegstandsbeheerder aanstellen",
            "objective": "gob2",
            "test": "gt1",
            "owner": "Dienst economie",
            "partners": "HR",
            "start": "2024-09-01",
            "deadline": "2025-01-31",
            "budget": "65000",
            "status": "running",
            "priority": "high",
            "indicator": "beheerder in dienst",
        },
        {
            "id": "ga2",
            "title": "Leegstandstaks hervormen",
            "objective": "gob1",
            "test": None,
            "owner": "Dienst financiën",
            "partners": "dienst economie",
            "start": "2024-10-01",
            "deadline": "2025-06-30",
            "budget": None,
            "status": "planned",
            "priority": "high",
            "indicator": "nieuw belastingreglement",
        },
        {
            "id": "ga3",
            "title": "Jaarlijkse leegstandstelling per pand",
            "objective": "gob1",
            "test": None,
            "owner": "Dienst economie",
            "partners": "",
            "start": "2025-05-01",
            "deadline": "2025-06-30",
            "budget": "1250",
            "status": "planned",
            "priority": "medium",
            "indicator": "telling gepubliceerd",
        },
    ),
    "roadmap.milestones": _rows(
        {"id": "gm1", "title": "Leegstandsbeheerder in dienst", "date": "2025-02-01"},
    ),
    "roadmap.plan_link": "BD2 Een bruisend centrum / AP2.1 Leegstand aanpakken",
    "roadmap.budget_line": "",
    "roadmap.decisions": [],
    "roadmap.successor": "",
    "roadmap.risks": _rows(
        {
            "id": "gr1",
            "risk": "Taksverhoging stuit op verzet van eigenaars",
            "mitigation": "Eerst het gesprek via de leegstandsbeheerder, dan de taks",
        },
    ),
    "roadmap.summary": "",
    # A first article, written before the budget of the actions grew: a point of attention.
    "roadmap.nota_articles": _rows(
        {
            "id": "gna1",
            "text": "Het college keurt het budget van € 40.000,00 voor de leegstandsbeheerder "
            "goed.",
        },
    ),
}

DEMO_BRIEFS: dict[str, dict[str, Any]] = {"Avelgem": AVELGEM, "Gent": GENT}


def sketch_png(title_lines: tuple[str, ...], accent: tuple[int, int, int]) -> bytes:
    """Draw a simple plan-like sketch so that the demo has images without shipping any."""
    # Only seeding draws: the login routes import this module for the demo people alone.
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 500), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 210, 760, 290), fill=(200, 200, 200))
    for x in range(60, 760, 80):
        draw.rectangle((x, 245, x + 40, 255), fill=(255, 255, 255))
    draw.rectangle((300, 60, 380, 440), outline=accent, width=6)
    for center in ((120, 120), (200, 380), (560, 120), (650, 380)):
        draw.ellipse(
            (center[0] - 30, center[1] - 30, center[0] + 30, center[1] + 30), fill=(120, 170, 110)
        )
    for index, line in enumerate(title_lines):
        draw.text((420, 60 + 22 * index), line, fill=(40, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


DEMO_SKETCHES: dict[str, tuple[tuple[tuple[str, ...], tuple[int, int, int], str], ...]] = {
    "Avelgem": (
        (
            ("Doorsteek site Byttebier", "N8 - wegmarkering"),
            (200, 60, 40),
            "Doorsteek aan de site Byttebier met wegmarkering over de N8",
        ),
        (("Campusdoorsteek SJB - GO!",), (40, 90, 200), "Looplijn over de campussen SJB en GO!"),
    ),
    "Gent": (
        (
            ("Pop-up in leegstaand pand",),
            (120, 40, 160),
            "Tijdelijke invulling van een leegstaand pand",
        ),
    ),
}
