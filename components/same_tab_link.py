"""A button-like link that opens in the same tab (Streamlit's link_button opens a new one)."""

from __future__ import annotations

import streamlit as st

# Streamlit 1.67's st.link_button always sets target="_blank": the login form, a page of this
# same app, then opened in a second tab and the first one stayed on the welcome page. The label
# is set as text (textContent), never as HTML.
_LINK = st.components.v2.component(
    "kernbrief_same_tab_link",
    html="<a class='kb-link' href='#'></a>",
    css=(
        ".kb-link{display:inline-block;padding:0.45rem 1rem;border-radius:0.5rem;"
        "background:#1d4f91;color:#fff;font:inherit;font-weight:600;text-decoration:none}"
        ".kb-link:hover{background:#163d70}"
        ".kb-link:focus-visible{outline:3px solid #f2b705;outline-offset:2px}"
    ),
    js=(
        "export default function (component) {"
        "  const link = component.parentElement.querySelector('a.kb-link');"
        "  link.textContent = component.data.label;"
        "  link.setAttribute('href', component.data.url);"
        "}"
    ),
)


def same_tab_link(label: str, url: str, key: str) -> None:
    """A button-like link to ``url`` (an address of this app) in the same tab."""
    _LINK(key=key, data={"label": label, "url": url})
