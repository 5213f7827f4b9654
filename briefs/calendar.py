"""The workshops of a trajectory as an .ics calendar file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from briefs.i18n import Translator
from briefs.programme import Trajectory, Workshop

WORKSHOP_LENGTH = timedelta(hours=3)


def workshops_ics(trajectory: Trajectory, workshops: Sequence[Workshop], t: Translator) -> bytes:
    # Imported when a calendar is made, not with every coach page that can offer one.
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Kernbrief//leertrajecten bedrijvige kern//NL")
    calendar.add("version", "2.0")
    for workshop in workshops:
        event = Event()
        event.add("uid", f"kernbrief-{trajectory.number}-{workshop.number}@kernbrief")
        event.add(
            "summary",
            t(
                "sessions.event",
                number=workshop.number,
                trajectory=trajectory.number,
                step=workshop.step,
            ),
        )
        event.add("dtstart", workshop.starts_at)
        event.add("dtend", workshop.starts_at + WORKSHOP_LENGTH)
        event.add("dtstamp", workshop.starts_at)
        event.add("location", workshop.place or t(f"mode.{workshop.mode}"))
        event.add("description", t(f"step.{workshop.step}.title"))
        calendar.add_component(event)
    return bytes(calendar.to_ical())
