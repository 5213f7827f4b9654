"""*Wat is er veranderd?*: what a municipality changed since a day, by default the last workshop."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import streamlit as st

from briefs.brief import Brief
from briefs.changes import Change, changes_since
from briefs.i18n import TIMEZONE, Translator
from briefs.present import Reader
from briefs.programme import Workshop, last_workshop
from components.state import brief_store, programme_store

# Without a workshop behind them, coaches look back this far.
LOOK_BACK = timedelta(days=14)


def default_since(workshops: list[Workshop], now: datetime) -> date:
    """The day of the last workshop, or two weeks ago before the first one."""
    last = last_workshop(workshops, now)
    start = last.starts_at if last else now - LOOK_BACK
    return start.astimezone(TIMEZONE).date()


# The change view's marks (briefs/changes.py) as a coach reads them.
MARKS = {"+ ": "changes.added", "- ": "changes.removed", "~ ": "changes.changed"}


def _line(line: str, t: Translator) -> str:
    mark = MARKS.get(line[:2])
    return t(mark, text=line[2:]) if mark else line


def _show(change: Change, t: Translator) -> None:
    st.markdown(f"**{t(f'step.{change.step}.title')} · {t(f'part.{change.key}.title')}**")
    st.text("\n".join(_line(line, t) for line in change.lines))


def changes_section(brief: Brief, t: Translator) -> None:
    st.header(t("changes.title"))
    workshops = programme_store().workshops(brief.trajectory_id)
    since_day = st.date_input(
        t("changes.since"),
        value=default_since(workshops, datetime.now(UTC)),
        key=f"changes_since:{brief.id}",
        format="DD/MM/YYYY",
    )
    if not isinstance(since_day, date):
        return
    since = datetime.combine(since_day, time.min, tzinfo=TIMEZONE)
    changes = changes_since(brief_store().history(brief.id), since, Reader(brief, t))
    if not changes:
        st.caption(t("changes.none"))
    for change in changes:
        _show(change, t)
