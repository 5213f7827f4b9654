"""The sessions of a trajectory as an .ics calendar file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from icalendar import Calendar, Event

from briefs.i18n import Translator
from briefs.programme import Session, Trajectory

SESSION_LENGTH = timedelta(hours=3)


def sessions_ics(trajectory: Trajectory, sessions: Sequence[Session], t: Translator) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Kernbrief//leertrajecten bedrijvige kern//NL")
    calendar.add("version", "2.0")
    for session in sessions:
        event = Event()
        event.add("uid", f"kernbrief-{trajectory.number}-{session.number}@kernbrief")
        event.add(
            "summary",
            t(
                "sessions.event",
                number=session.number,
                trajectory=trajectory.number,
                step=session.step,
            ),
        )
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.starts_at + SESSION_LENGTH)
        event.add("dtstamp", session.starts_at)
        event.add("location", session.place or t(f"mode.{session.mode}"))
        event.add("description", t(f"step.{session.step}.title"))
        calendar.add_component(event)
    return bytes(calendar.to_ical())
