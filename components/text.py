"""Putting user text inside our own markdown, labels and tables without it ever becoming markup."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

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


def literal_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return a markdown table whose every cell shows its text as is (``md_literal``).

    For small tables on pages a visitor opens first: Streamlit draws it as a plain HTML table
    that screen readers read, with no pandas on the server and no grid code in the browser.
    """
    lines = [
        "| " + " | ".join(md_literal(str(cell)) or " " for cell in cells) + " |"
        for cells in (header, *rows)
    ]
    lines.insert(1, "|" + "---|" * len(header))
    return "\n".join(lines)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """Return a text cell that starts like a formula with a leading apostrophe; others as is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with every text cell and column name safe to open in a spreadsheet.

    Streamlit's table toolbar offers a CSV download of exactly what st.dataframe was given,
    and that download cannot be hooked. Turning it off (``client.disableDataExport``) would
    take the download from coaches who prepare a workshop with it, so every table with user
    text is handed over already neutralised: on screen the apostrophe is the one visible sign.
    """
    import pandas as pd  # lazily: see safe_table

    safe = frame.copy()
    safe.columns = pd.Index([spreadsheet_cell(name) for name in frame.columns])
    for index in range(len(frame.columns)):
        column = frame.iloc[:, index]
        if pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column):
            safe.isetitem(index, column.map(spreadsheet_cell))
    return safe


def safe_table(
    rows: Iterable[Mapping[str, object]] | Iterable[Sequence[object]],
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return ``rows`` (dicts, or lists under ``columns``) as a table for st.dataframe, every
    cell safe to open in a spreadsheet (``spreadsheet_safe``)."""
    # pandas (with numpy and pyarrow) takes a third of a second to import: it is imported when
    # the first table is drawn, not by every page that merely can draw one. The server warms
    # it up in the background after it starts (web/warm_up.py).
    import pandas as pd

    return spreadsheet_safe(pd.DataFrame(list(rows), columns=columns))


def shaded_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], fills: Sequence[Sequence[str | None]]
) -> Any:
    """A table for st.dataframe whose cells have the given background colours (hex).

    The text stays plain cell text (``safe_table``), never markdown or HTML.
    """
    table = safe_table(rows, list(header))
    colours = [[f"background-color: #{fill}" if fill else "" for fill in line] for line in fills]

    def shade(frame: Any) -> Any:
        import pandas as pd

        return pd.DataFrame(colours, index=frame.index, columns=frame.columns)

    return table.style.apply(shade, axis=None)
