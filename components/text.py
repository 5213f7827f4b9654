"""Putting user text inside our own markdown without it ever becoming markup."""

from __future__ import annotations

import re

# Backslash-escaping every markdown-significant character makes Streamlit show it literally:
# no links, images, HTML, colours (":red[...]"), LaTeX ("$") or emphasis from user text.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def md_literal(text: str) -> str:
    """Return ``text`` escaped so that st.markdown shows exactly these characters."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
