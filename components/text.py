"""Putting user text inside our own markdown and labels without it ever becoming markup."""

from __future__ import annotations

import re

# Backslash-escaping every markdown-significant character makes Streamlit show it literally:
# no links, images, HTML, colours (":red[...]"), LaTeX ("$") or emphasis from user text.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
# Streamlit's browser side turns ":material/name:" (and ":material_name:", emoji shortcodes,
# ":streamlit:") into icons by matching the text itself, after markdown escapes are undone:
# "\:" still reads as ":". A word joiner (U+2060, invisible, no line break) after a colon that
# opens such a pattern keeps it from matching, while the text looks the same.
WORD_JOINER = "\u2060"
_SHORTCODE = re.compile(r":(?=[\w+/-]+:)")


def md_literal(text: str) -> str:
    """Return ``text`` escaped so that st.markdown (and every markdown label) shows it as is."""
    joined = _SHORTCODE.sub(":" + WORD_JOINER, " ".join(text.split()))
    return _SPECIAL.sub(r"\\\1", joined)
