"""Streamlit's own widget words in the user's language, and the page's lang attribute."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from briefs.i18n import Translator

# The catalogue keys of Streamlit 1.67's own strings; each key's English text is Streamlit's
# string exactly (a {name} stands for what Streamlit puts there, kept as it is), its Dutch text
# what replaces it. tests/test_language.py checks every Dutch page for the English ones.
CHROME_KEYS = (
    "chrome.skip_to_content",
    "chrome.collapse_sidebar",
    "chrome.expand_sidebar",
    "chrome.sidebar",
    "chrome.app_pages",
    "chrome.choose_option",
    "chrome.clear_all",
    "chrome.clear_value",
    "chrome.no_results",
    "chrome.download_csv",
    "chrome.search",
    "chrome.show_hide_columns",
    "chrome.fullscreen",
    "chrome.fullscreen_of",
    "chrome.exit_fullscreen",
    "chrome.link_to_heading",
    "chrome.choose_date",
    "chrome.date_day",
    "chrome.date_month",
    "chrome.date_year",
    "chrome.show_password",
    "chrome.hide_password",
    "chrome.file_upload",
    "chrome.upload",
    "chrome.drag_and_drop",
    "chrome.per_file",
    "chrome.add_row",
    "chrome.enter_to_apply",
    "chrome.key_enter_to_apply",
    "chrome.enter_to_submit",
    "chrome.key_enter_to_submit",
    "chrome.page_not_found",
    "chrome.page_not_found_message",
    "chrome.progress",
    "chrome.running",
    "chrome.stop",
    "chrome.close",
    "chrome.open",
)
ENGLISH = Translator("en")

_HERE = Path(__file__).resolve().parent
# Inline, as components/part_editor.py: no manifest, no build step.
_CHROME = st.components.v2.component(
    "kernbrief_chrome",
    js=(_HERE / "chrome.js").read_text(encoding="utf-8"),
    # Not isolated: its rules style Streamlit's own sidebar (see chrome.css).
    css=(_HERE / "chrome.css").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def chrome_rules(t: Translator) -> list[list[str]]:
    """Each of Streamlit's strings (a template) and its text in ``t``'s language."""
    if t.language == ENGLISH.language:
        return []
    return [[ENGLISH(key), t(key)] for key in CHROME_KEYS]


def chrome_in_language(t: Translator) -> None:
    """Set the page's lang and put Streamlit's own words in ``t``'s language (chrome.js)."""
    # The run's parameters (a step's section, a coach's tab): the script runs again when they
    # change, and puts the focus on a tab a link opened (chrome.js, focusOpenedTab).
    address = "&".join(f"{name}={value}" for name, value in sorted(st.query_params.items()))
    _CHROME(
        key="kernbrief-chrome",
        data={"lang": t.language, "rules": chrome_rules(t), "address": address},
    )
