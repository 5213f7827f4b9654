"""Starting the app under AppTest as a signed-in demo person, for the page tests."""

from __future__ import annotations

import json
import os
from typing import Any

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.testing.v1 import AppTest

from briefs.i18n import Translator
from briefs.model import Theme
from briefs.parts import THEMES_PART
from components.coach.dashboard import TAB_PARAM, TABS
from storage.accounts import AccountStore
from storage.db import make_engine
from storage.repository import SqlBriefStore, SqlProgrammeStore

APP = "../app.py"


def coach_tab_address(label: str) -> str:
    """The address name of the coach's tab with this Dutch label (``Notities`` → ``notities``)."""
    t = Translator("nl")
    return next(address for name, address in TABS.items() if t(f"coach.tab.{name}") == label)


def login_token(email: str) -> str:
    """A real login session for a demo account, as the login route would start it."""
    accounts = AccountStore(make_engine(os.environ["DATABASE_URL"]))
    principal = accounts.principal_by_email(email)
    assert principal is not None, email
    return accounts.start_login_session(principal.person_id)


def app_as(email: str, coach_tab: str | None = None) -> AppTest:
    """The app, run once, signed in as ``email``; for a coach, on the tab named ``coach_tab``
    (its Dutch label, as the address holds it) instead of the first."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["auth_token"] = login_token(email)
    if coach_tab is not None:
        at.query_params[TAB_PARAM] = coach_tab_address(coach_tab)
    return at.run()


def page_as(email: str, page: str) -> AppTest:
    """One page file run on its own, signed in as ``email``: reached without the navigation."""
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=30)
    at.session_state["auth_token"] = login_token(email)
    return at.run()


def choose_every_theme(municipality: str) -> None:
    """Add every theme module to the municipality's brief, as its participant would."""
    engine = make_engine(os.environ["DATABASE_URL"])
    programme, briefs = SqlProgrammeStore(engine), SqlBriefStore(engine)
    brief_id = next(
        ref.id
        for trajectory in programme.trajectories()
        for ref in programme.briefs_in(trajectory.id)
        if ref.municipality == municipality
    )
    current = briefs.current(brief_id, THEMES_PART)
    briefs.save_part(
        brief_id, THEMES_PART, [theme.value for theme in Theme], current.version, "test"
    )


def editors(at: AppTest) -> dict[str, dict[str, Any]]:
    """The part editors on the page, by part key, with what each was told to show."""
    found: dict[str, dict[str, Any]] = {}
    for element in at.get("bidi_component"):
        if element.proto.component_name == "kernbrief_part_editor":
            data = json.loads(element.proto.json)
            found[data["part"]] = data
    return found


def send_saved(at: AppTest, key: str, version: int) -> AppTest:
    """Send what the part editor sends after its save, the `saved` trigger, and run what it asks."""
    return send_trigger(at, key, "saved", version)


def send_trigger(at: AppTest, key: str, event: str, value: object) -> AppTest:
    """Send one of the part editor's triggers (`saved`, `refresh`) and run what it asks.

    AppTest has no call for a component's trigger; this builds the widget state the browser
    sends (streamlit/components/v2/bidi_component/main.py names the trigger widget).
    """
    editor = next(
        e
        for e in at.get("bidi_component")
        if e.proto.component_name == "kernbrief_part_editor"
        and json.loads(e.proto.json)["part"] == key
    )
    states = at._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = _make_trigger_id(editor.proto.id, "events")
    trigger.json_trigger_value = json.dumps([{"event": event, "value": value}])
    at._run(states)
    assert not at.exception, at.exception
    return at


def login_link(at: AppTest) -> str:
    """Where the start page's *Aanmelden* link leads."""
    buttons = at.get("link_button")
    assert len(buttons) == 1, buttons
    return str(buttons[0].proto.url)


def on_section(at: AppTest, section: str) -> AppTest:
    """Open one section (tab) of the step page shown, as its link or a click on its tab does."""
    at.query_params["deel"] = section
    return at.run()


def on_coach_tab(at: AppTest, tab: str) -> AppTest:
    """Open one of the coach's tabs, as a click on it does (AppTest has no click for a tab:
    its state is set, and the address that keeps it)."""
    at.query_params[TAB_PARAM] = coach_tab_address(tab)
    return at.run()
