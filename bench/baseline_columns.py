"""Data-editor columns for the benchmark's baseline page: what a plain st.data_editor would show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pandas as pd
import streamlit as st

from briefs import model as m
from briefs.i18n import Translator
from briefs.present import base_type, bounds

LONG_TEXT_LIMIT = m.LONG_TEXT_MAX


def visible_fields(row_model: type[m.Row]) -> list[str]:
    return [name for name in row_model.model_fields if name != "id"]


def _link_label(labels: dict[str, str], missing: str) -> Callable[[Any], str]:
    def label(value: Any) -> str:
        return labels.get(str(value), missing)

    return label


def column_config(
    row_model: type[m.Row], t: Translator, links: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """Return the data editor's column settings for ``row_model``."""
    config: dict[str, Any] = {"id": None}
    for name, info in row_model.model_fields.items():
        if name == "id":
            continue
        label = t(f"col.{name}")
        base = base_type(info.annotation)
        if name in links:
            config[name] = st.column_config.SelectboxColumn(
                label,
                options=list(links[name]),
                format_func=_link_label(links[name], t("link.missing")),
                width="medium",
            )
        elif isinstance(base, type) and issubclass(base, StrEnum):
            config[name] = st.column_config.SelectboxColumn(
                label,
                options=[member.value for member in base],
                format_func=lambda value: t(f"enum.{value}"),
            )
        elif base is dt.date:
            config[name] = st.column_config.DateColumn(label, format="DD/MM/YYYY")
        elif base is Decimal:
            config[name] = st.column_config.NumberColumn(
                label, min_value=0, step=0.01, format="euro"
            )
        elif base is int:
            low, high = bounds(info)
            config[name] = st.column_config.NumberColumn(
                label, min_value=low, max_value=high, step=1, format="%d"
            )
        elif base is float:
            config[name] = st.column_config.NumberColumn(label, format="localized")
        else:
            long = any(getattr(item, "max_length", 0) == LONG_TEXT_LIMIT for item in info.metadata)
            config[name] = st.column_config.TextColumn(label, width="large" if long else "medium")
    return config


def rows_to_frame(row_model: type[m.Row], rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Return stored rows as a frame the data editor can show, dates as dates."""
    columns = list(row_model.model_fields)
    records = []
    for row in rows:
        record = {}
        for name in columns:
            value = row.get(name)
            base = base_type(row_model.model_fields[name].annotation)
            if base is dt.date and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            elif base is Decimal and value is not None:
                value = float(value)
            record[name] = value
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=columns)
    for name in columns:
        base = base_type(row_model.model_fields[name].annotation)
        if base is str or (isinstance(base, type) and issubclass(base, StrEnum)):
            frame[name] = frame[name].astype("object")
        elif base is int:
            frame[name] = frame[name].astype("Int64")
        elif base in (float, Decimal):
            frame[name] = frame[name].astype("float64")
        elif base is dt.date:
            frame[name] = frame[name].astype("object")
    return frame
