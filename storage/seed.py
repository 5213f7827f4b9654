"""Loading the demo programme and briefs into a database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from briefs.demo import (
    DEMO_BRIEFS,
    DEMO_PEOPLE,
    DEMO_SKETCHES,
    TRAJECTORIES,
    sessions_for,
    sketch_png,
)
from briefs.images import clean_image
from briefs.parts import PARTS
from storage.repository import SqlBriefStore, SqlProgrammeStore

DEMO_AUTHOR = "demo"


def seed_demo(engine: Engine, today: date) -> dict[str, int]:
    """Replace all content with the demo programme; return the demo brief id per municipality."""
    programme = SqlProgrammeStore(engine)
    briefs = SqlBriefStore(engine)
    programme.clear()
    brief_ids: dict[tuple[int, str], int] = {}
    for trajectory in TRAJECTORIES:
        trajectory_id = programme.add_trajectory(trajectory, sessions_for(trajectory.number, today))
        for member in trajectory.members:
            brief_ids[(trajectory.number, member.municipality)] = programme.add_brief(
                trajectory_id, member.municipality
            )
    for person in DEMO_PEOPLE:
        programme.add_person(person.name, person.email, person.municipality)
    demo_ids: dict[str, int] = {}
    for person in DEMO_PEOPLE:
        brief_id = brief_ids[(person.trajectory, person.municipality)]
        demo_ids[person.municipality] = brief_id
        content = DEMO_BRIEFS.get(person.municipality, {})
        for key, value in content.items():
            assert key in PARTS, key
            briefs.save_part(brief_id, key, value, 0, DEMO_AUTHOR)
        sketches = []
        for lines, accent, caption in DEMO_SKETCHES.get(person.municipality, ()):
            image_id = briefs.add_image(brief_id, clean_image(sketch_png(lines, accent)))
            sketches.append({"image_id": image_id, "caption": caption})
        if sketches:
            briefs.save_part(brief_id, "prototype.sketches", sketches, 0, DEMO_AUTHOR)
    return demo_ids
