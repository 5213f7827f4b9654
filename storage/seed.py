"""Loading the demo programme and briefs into a database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from briefs.access import Role
from briefs.brief import author_of
from briefs.demo import (
    DEMO_BRIEFS,
    DEMO_PEOPLE,
    DEMO_SKETCHES,
    TRAJECTORIES,
    sketch_png,
    workshops_for,
)
from briefs.images import clean_image
from briefs.parts import PARTS
from briefs.themes import MODULES
from core.settings import DEMO_PASSWORD
from storage.accounts import AccountStore
from storage.repository import SqlBriefStore, SqlProgrammeStore

# Who wrote the theme modules' demo content in briefs without a demo account.
DEMO_AUTHOR = "Kernbrief demo <demo@kernbrief.invalid>"


def seed_demo(engine: Engine, today: date, *, demo_accounts: bool = True) -> dict[str, int]:
    """Replace all content with the demo programme; return the demo brief id per municipality.

    The demo people are demo accounts (they sign in in demo mode only), unless
    ``demo_accounts`` is False: the test suite runs as production does, with the same people.
    """
    programme = SqlProgrammeStore(engine)
    briefs = SqlBriefStore(engine)
    programme.clear()
    brief_ids: dict[tuple[int, str], int] = {}
    trajectory_ids: dict[int, int] = {}
    for trajectory in TRAJECTORIES:
        trajectory_id = programme.add_trajectory(
            trajectory, workshops_for(trajectory.number, today)
        )
        trajectory_ids[trajectory.number] = trajectory_id
        for member in trajectory.members:
            brief_ids[(trajectory.number, member.municipality)] = programme.add_brief(
                trajectory_id, member.municipality
            )
    accounts = AccountStore(engine)
    accounts.audit("operator", "demo_seeded", f"{len(DEMO_PEOPLE)} demo-accounts")
    for person in DEMO_PEOPLE:
        accounts.create_user(
            person.name,
            person.email,
            Role(person.role),
            person.municipality,
            DEMO_PASSWORD,
            tuple(trajectory_ids[number] for number in person.trajectories),
            demo=demo_accounts,
        )
    demo_ids: dict[str, int] = {}
    for person in DEMO_PEOPLE:
        if person.role != "participant":
            continue
        brief_id = brief_ids[(person.trajectories[0], person.municipality)]
        demo_ids[person.municipality] = brief_id
        author = author_of(person.name, person.email)
        content = DEMO_BRIEFS.get(person.municipality, {})
        for key, value in content.items():
            assert key in PARTS, key
            briefs.save_part(brief_id, key, value, 0, author)
        sketches = []
        for lines, accent, caption in DEMO_SKETCHES.get(person.municipality, ()):
            image_id = briefs.add_image(brief_id, clean_image(sketch_png(lines, accent)))
            sketches.append({"image_id": image_id, "caption": caption})
        if sketches:
            briefs.save_part(brief_id, "prototype.sketches", sketches, 0, author)
    _seed_theme_modules(briefs, brief_ids, set(demo_ids.values()))
    return demo_ids


def _seed_theme_modules(
    briefs: SqlBriefStore, brief_ids: dict[tuple[int, str], int], written: set[int]
) -> None:
    """Each theme module's demo content, in the brief of the municipality it names.

    A module's demo may bring the brief's own parts its rows link to (an instrument's
    objective and action), but only into a brief no demo person writes: never over theirs.
    """
    for module in MODULES.values():
        for (number, municipality), content in module.demo.items():
            brief_id = brief_ids[(number, municipality)]
            for key, value in content.items():
                own_part = PARTS[key].theme is None and brief_id not in written
                assert PARTS[key].theme is module.theme or own_part, key
                version = briefs.current(brief_id, key).version
                briefs.save_part(brief_id, key, value, version, DEMO_AUTHOR)
