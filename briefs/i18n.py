"""The one catalogue of UI text in Dutch and English, and nl_BE formatting of dates and money."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from briefs.catalogue import CATALOGUE

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
# Formats follow Flemish conventions in both languages: the programme runs in Flanders.
FORMAT_LOCALE = "nl_BE"
TIMEZONE = ZoneInfo("Europe/Brussels")


class Translator:
    """Look up catalogue text in one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE):
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._index = LANGUAGES.index(self.language)

    def __call__(self, key: str, **params: Any) -> str:
        text = CATALOGUE[key][self._index]
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in CATALOGUE


def format_day(day: date | None) -> str:
    """Return a date as in '19 december 2023'."""
    return format_date(day, format="long", locale=FORMAT_LOCALE) if day else ""


def format_short_day(day: date | None) -> str:
    """Return a date as in '19/12/2023', for narrow table columns."""
    return format_date(day, format="dd/MM/y", locale=FORMAT_LOCALE) if day else ""


def format_moment(moment: datetime | None) -> str:
    """Return a timestamp as in '19 december 2023 om 10:30', in Belgian time."""
    if moment is None:
        return ""
    return format_datetime(moment, "d MMMM y HH:mm", tzinfo=TIMEZONE, locale=FORMAT_LOCALE)


def format_moment_seconds(moment: datetime | None) -> str:
    """Return a timestamp to the second, as in '19 december 2023 10:30:05', in Belgian time."""
    if moment is None:
        return ""
    return format_datetime(moment, "d MMMM y HH:mm:ss", tzinfo=TIMEZONE, locale=FORMAT_LOCALE)


def format_clock(moment: datetime | None) -> str:
    """Return the time of day in Belgian time, as in '10:30'."""
    return format_datetime(moment, "HH:mm", tzinfo=TIMEZONE, locale=FORMAT_LOCALE) if moment else ""


def format_money(amount: Decimal | float | None) -> str:
    """Return an amount as in '€ 1.250,00'."""
    if amount is None:
        return ""
    return format_currency(amount, "EUR", locale=FORMAT_LOCALE)


def format_number(value: float | int | None) -> str:
    """Return a number as in '1.250,5'."""
    if value is None:
        return ""
    return format_decimal(value, locale=FORMAT_LOCALE)
