"""The catalogue of UI text in Dutch and English; dates and money as each language writes them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from briefs.catalogue import CATALOGUE

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
# Dutch as written in Flanders (19 december 2023, € 1.250,00); English as in the UK, whose
# day-month order a Flemish reader shares (19 December 2023, €1,250.00).
FORMAT_LOCALES = {"nl": "nl_BE", "en": "en_GB"}
FORMAT_LOCALE = FORMAT_LOCALES[DEFAULT_LANGUAGE]
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

    # Dates, times, amounts and numbers as this language writes them.
    def day(self, day: date | None) -> str:
        return format_day(day, self.language)

    def short_day(self, day: date | None) -> str:
        return format_short_day(day, self.language)

    def moment(self, moment: datetime | None) -> str:
        return format_moment(moment, self.language)

    def moment_seconds(self, moment: datetime | None) -> str:
        return format_moment_seconds(moment, self.language)

    def clock(self, moment: datetime | None) -> str:
        return format_clock(moment, self.language)

    def money(self, amount: Decimal | float | None) -> str:
        return format_money(amount, self.language)

    def number(self, value: float | int | None) -> str:
        return format_number(value, self.language)


def _locale(language: str) -> str:
    return FORMAT_LOCALES.get(language, FORMAT_LOCALE)


# Babel takes some 50–100 µs per date or amount; a table of thousands of rows (an inventory,
# a cohort side by side, its export) repeats the same few values. Equal values of one type
# read the same, so each is formatted once.
_remembered = lru_cache(maxsize=8192, typed=True)


@_remembered
def format_day(day: date | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a date as in '19 december 2023'."""
    return format_date(day, format="long", locale=_locale(language)) if day else ""


@_remembered
def format_short_day(day: date | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a date as in '19/12/2023', for narrow table columns."""
    return format_date(day, format="dd/MM/y", locale=_locale(language)) if day else ""


def format_moment(moment: datetime | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a timestamp as in '19 december 2023 10:30', in Belgian time."""
    if moment is None:
        return ""
    return format_datetime(moment, "d MMMM y HH:mm", tzinfo=TIMEZONE, locale=_locale(language))


def format_moment_seconds(moment: datetime | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a timestamp to the second, as in '19 december 2023 10:30:05', in Belgian time."""
    if moment is None:
        return ""
    pattern = "d MMMM y HH:mm:ss"
    return format_datetime(moment, pattern, tzinfo=TIMEZONE, locale=_locale(language))


def format_clock(moment: datetime | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return the time of day in Belgian time, as in '10:30'."""
    if moment is None:
        return ""
    return format_datetime(moment, "HH:mm", tzinfo=TIMEZONE, locale=_locale(language))


@_remembered
def format_money(amount: Decimal | float | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return an amount as in '€ 1.250,00'."""
    if amount is None:
        return ""
    return format_currency(amount, "EUR", locale=_locale(language))


@_remembered
def format_number(value: float | int | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a number as in '1.250,5'."""
    if value is None:
        return ""
    return format_decimal(value, locale=_locale(language))
