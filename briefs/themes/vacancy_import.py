"""Importing a vacancy inventory from a spreadsheet: read, map the columns, check every row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from briefs import model as m
from briefs.themes.vacancy import VacancyCategory, VacantBuilding, Zone

if TYPE_CHECKING:
    from briefs.i18n import Translator

PART = "vacancy.buildings"
MAX_FILE_BYTES = 5 * 1024 * 1024
# What an .xlsx may unpack to: a 5 MB zip of repeated XML can hold gigabytes.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
# More rows than this is not an inventory of one centre but a wrong file: refused at once
# rather than read. Up to it, every row is read and checked, so a sheet a little over the
# part's limit (its spec's max_rows) is told how many rows it has instead of being cut off.
MAX_READ_ROWS = 5_000
MAX_COLUMNS = 60
# Rows of a workbook read at most, empty ones included, before it is refused as too long.
MAX_SHEET_ROWS = 100_000
MAX_PASTE_CHARS = 2_000_000

# A cell as a sheet gives it: text from pasted text and CSV, typed values from an .xlsx.
Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None


class ImportRefused(ValueError):
    """The file or text cannot be read as a sheet; ``reason`` names the words that say why."""

    def __init__(self, reason: str, **params: Any):
        super().__init__(reason)
        self.reason = reason
        self.params = params

    def message(self, t: Translator) -> str:
        return t(f"import.refused.{self.reason}", **self.params)


@dataclass(frozen=True)
class Sheet:
    """The rows of a sheet that hold something, each with its number as the user sees it."""

    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    width: int

    def header(self, has_header: bool) -> tuple[str, ...]:
        """The column names: the first row's cells, or none."""
        first = self.rows[0][1] if self.rows and has_header else ()
        return tuple(_text(cell) for cell in first) + ("",) * (self.width - len(first))

    def body(self, has_header: bool) -> tuple[tuple[int, tuple[Cell, ...]], ...]:
        return self.rows[1:] if has_header else self.rows


def column_letter(index: int) -> str:
    """The spreadsheet's name of column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_name(header: Sequence[str], index: int) -> str:
    """A column as the user knows it: its letter and, if it has one, its name (``C · Opp.``)."""
    name = " ".join(header[index].split()) if index < len(header) else ""
    return f"{column_letter(index)} · {name}" if name else column_letter(index)


# --- reading --------------------------------------------------------------------------------


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet(rows: Iterable[tuple[int, Sequence[Cell]]]) -> Sheet:
    """Keep the rows that hold something; refuse a sheet too long or too wide to be one."""
    kept: list[tuple[int, tuple[Cell, ...]]] = []
    for number, cells in rows:
        if number > MAX_SHEET_ROWS:
            raise ImportRefused("too_many_rows", limit=MAX_READ_ROWS)
        if all(_blank(cell) for cell in cells):
            continue
        if len(kept) >= MAX_READ_ROWS:
            raise ImportRefused("too_many_rows", limit=MAX_READ_ROWS)
        values = list(cells)
        while values and _blank(values[-1]):
            values.pop()
        if len(values) > MAX_COLUMNS:
            raise ImportRefused("too_many_columns", limit=MAX_COLUMNS)
        kept.append((number, tuple(values)))
    if not kept:
        raise ImportRefused("empty")
    return Sheet(tuple(kept), max(len(cells) for _n, cells in kept))


def _delimiter(text: str) -> str:
    """Tab as a spreadsheet copies, else ';' (Excel in Belgium) or ',': whichever splits the
    first line into the most columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {
        delimiter: len(next(csv.reader([first], delimiter=delimiter), []))
        for delimiter in ("\t", ";", ",")
    }
    return max(counts, key=lambda delimiter: counts[delimiter])


def read_text(text: str) -> Sheet:
    """Read pasted cells or a CSV file's text: tab-, semicolon- or comma-separated."""
    if len(text) > MAX_PASTE_CHARS:
        raise ImportRefused("too_large", mb=MAX_FILE_BYTES // 1_048_576)
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise ImportRefused("not_a_sheet")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _sheet(enumerate(reader, start=1))
    except csv.Error:
        raise ImportRefused("not_a_sheet") from None


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 with or without BOM, UTF-16 as Excel's 'Unicode text',
    else Windows-1252 as Excel on Windows writes it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined: such a file is no text at all.
        raise ImportRefused("not_a_sheet") from None


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc: the old Office formats
_BINARY_STARTS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z")
_MACRO_TYPES = ("macroEnabled", "vbaProject")


def _xlsx_kind(archive: zipfile.ZipFile) -> str:
    """'xlsx', or why this zip is not one: 'macros', 'ods', 'xlsb', 'not_a_sheet'."""
    names = set(archive.namelist())
    if "mimetype" in names and b"spreadsheet" in archive.read("mimetype"):
        return "ods"
    if "[Content_Types].xml" not in names:
        return "not_a_sheet"
    types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    if any(name.endswith("vbaProject.bin") for name in names) or any(
        kind in types for kind in _MACRO_TYPES
    ):
        return "macros"
    if "xl/workbook.bin" in names:
        return "xlsb"
    return "xlsx" if "xl/workbook.xml" in names else "not_a_sheet"


def _xlsx_rows(data: bytes) -> Sheet:
    """The first sheet of a workbook, with its row numbers; date cells stay dates."""
    # Imported here: openpyxl loads only when a workbook is uploaded.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises whatever its XML and zip readers raise
        raise ImportRefused("not_a_sheet") from None
    try:
        sheet = workbook.worksheets[0]
        # Read-only sheets yield missing rows as empty ones, so the count is the row number.
        rows = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True)
        return _sheet(enumerate(islice(rows, MAX_SHEET_ROWS + 1), start=1))
    finally:
        workbook.close()


def read_file(name: str, data: bytes) -> Sheet:
    """Read an uploaded CSV or .xlsx by what it holds, whatever its name says."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused("too_large", mb=MAX_FILE_BYTES // 1_048_576)
    if data.startswith(_OLE):
        raise ImportRefused("xls")
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                    raise ImportRefused("too_large", mb=MAX_FILE_BYTES // 1_048_576)
                kind = _xlsx_kind(archive)
        except zipfile.BadZipFile:
            raise ImportRefused("not_a_sheet") from None
        if kind != "xlsx":
            raise ImportRefused(kind)
        return _xlsx_rows(data)
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if data.startswith(_BINARY_STARTS) or (not utf16 and b"\x00" in data[:4096]):
        raise ImportRefused("not_a_sheet")
    text = decode(data)
    if "\x00" in text:
        raise ImportRefused("not_a_sheet")
    return read_text(text)


# --- the mapping ------------------------------------------------------------------------------

# The fields of a vacant building a column can fill, in the order of the part's columns.
TARGETS = tuple(name for name in VacantBuilding.model_fields if name != "id")

# Column names people give these fields, in Dutch and English, normalised (see _plain).
# The catalogue's column labels (col.<field>, both languages) count as well.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "address": ("adres", "address", "straat", "street", "pand", "ligging", "locatie"),
    "zone": ("zone", "gebied", "area type", "winkelzone"),
    "area": ("oppervlakte", "opp", "m2", "area", "floor area", "surface", "vloeroppervlakte"),
    "vacant_since": (
        "leeg sinds",
        "leegstaand sinds",
        "sinds",
        "vacant since",
        "empty since",
        "datum leegstand",
        "begin leegstand",
    ),
    "category": ("categorie", "category", "soort leegstand", "type leegstand"),
    "cause": ("oorzaak", "cause", "reden", "reason"),
    "in_register": ("register", "in register", "leegstandsregister", "geregistreerd"),
    "tax": ("belasting", "heffing", "leegstandsheffing", "tax", "vacancy tax", "levy"),
}


def _plain(text: str) -> str:
    """Lower case, no accents, m² as m2, punctuation as spaces: how names are compared."""
    text = unicodedata.normalize("NFKD", text.replace("²", "2")).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _names(field_name: str, t_labels: Sequence[str]) -> tuple[str, ...]:
    words = (*HEADER_WORDS.get(field_name, ()), field_name.replace("_", " "), *t_labels)
    return tuple(dict.fromkeys(_plain(word) for word in words if _plain(word)))


def guess_mapping(
    header: Sequence[str], labels: dict[str, Sequence[str]] | None = None
) -> dict[str, int | None]:
    """Which column fills which field, from the column names: the same name first, then a
    name that contains one of the field's names as a word. ``labels`` adds each field's
    column labels as the app shows them. A column fills one field at most."""
    if labels is None:
        labels = {name: _both_labels(f"col.{name}") for name in TARGETS}
    names = {name: _names(name, labels.get(name, ())) for name in TARGETS}
    plain = [_plain(cell) for cell in header]
    mapping: dict[str, int | None] = dict.fromkeys(TARGETS)
    taken: set[int] = set()

    def matches(column: str, words: tuple[str, ...], exact: bool) -> bool:
        if exact:
            return column in words
        return any(re.search(rf"\b{re.escape(word)}\b", column) for word in words)

    for exact in (True, False):
        for target in TARGETS:
            if mapping[target] is not None:
                continue
            for index, column in enumerate(plain):
                if column and index not in taken and matches(column, names[target], exact):
                    mapping[target] = index
                    taken.add(index)
                    break
    return mapping


def unused_columns(width: int, mapping: dict[str, int | None]) -> list[int]:
    """The columns holding something that no field takes: their data is not imported."""
    used = {index for index in mapping.values() if index is not None}
    return [index for index in range(width) if index not in used]


# --- values, the Flemish way ------------------------------------------------------------------


class BadValue(ValueError):
    """A cell that cannot be read as its field; ``code`` names the words that say why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nee"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        cell = cell.date() if cell.time() == dt.time() else cell
    if isinstance(cell, dt.date) and not isinstance(cell, dt.datetime):
        return cell.strftime("%d/%m/%Y")
    return str(cell).strip()


_MONTH_NAMES = (
    ("januari", "january", "jan"),
    ("februari", "february", "feb"),
    ("maart", "march", "mrt", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("augustus", "august", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "october", "okt", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_IN_WORDS = re.compile(r"(\d{1,2})\.? ([a-z]+)\.? (\d{4})")


def parse_date(cell: Cell) -> dt.date | None:
    """A day from a date cell, ``01/06/2023``, ``1-6-2023``, ``1.6.2023``, ``2023-06-01`` or
    ``1 juni 2023``: the day before the month, as in Belgium. Two-digit years are refused:
    ``01/06/23`` could be 1923."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = _text(cell).casefold()
    if not text:
        return None
    try:
        if found := _DAY_FIRST.fullmatch(text):
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        if found := _YEAR_FIRST.fullmatch(text):
            return dt.date(int(found[1]), int(found[2]), int(found[3]))
        if (found := _IN_WORDS.fullmatch(text)) and found[2] in MONTHS:
            return dt.date(int(found[3]), MONTHS[found[2]], int(found[1]))
    except ValueError:
        pass  # 31/02/2023: numbers in the right places, but no day
    raise BadValue("import.bad_date")


_GROUPED_WITH_DOTS = re.compile(r"\d{1,3}(\.\d{3})+")
_NUMBER = re.compile(r"\d+(\.\d+)?")


def _decimal(text: str, code: str) -> Decimal:
    """``1.250,5`` and ``1250,5`` (Belgian), ``1,250.5`` and ``1250.5``, ``1.250`` as 1250."""
    text = re.sub(r"[\s\u00a0\u202f']", "", text)
    if "," in text and "." in text:
        decimal_mark = "," if text.rindex(",") > text.rindex(".") else "."
        grouping = "." if decimal_mark == "," else ","
        text = text.replace(grouping, "").replace(decimal_mark, ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif _GROUPED_WITH_DOTS.fullmatch(text):
        text = text.replace(".", "")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    if not _NUMBER.fullmatch(text):
        raise BadValue(code)
    try:
        return Decimal(sign + text)
    except InvalidOperation:
        raise BadValue(code) from None


def parse_number(cell: Cell) -> float | None:
    """An area: a number cell, or ``140``, ``1.250,5``, ``140 m²``."""
    if isinstance(cell, bool):
        raise BadValue("import.bad_number")
    if isinstance(cell, int | float):
        return float(cell)
    text = _plain_unit(_text(cell), ("m²", "m2", "vierkante meter"))
    return float(_decimal(text, "import.bad_number")) if text else None


def parse_money(cell: Cell) -> Decimal | None:
    """An amount: a number cell, or ``€ 1.250,00``, ``1250,00 EUR``, ``€1,250.00``."""
    if isinstance(cell, bool):
        raise BadValue("import.bad_money")
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        # A sum in Excel can end in 1250.4999999999998: a cent that binary floats lost.
        cents = round(cell, 2)
        return Decimal(str(cents if abs(cents - cell) < 1e-6 else cell))
    text = _plain_unit(_text(cell), ("€", "euro", "eur"))
    return _decimal(text.rstrip("-").rstrip(","), "import.bad_money") if text else None


def _plain_unit(text: str, units: Sequence[str]) -> str:
    lowered = text.casefold()
    for unit in units:
        lowered = lowered.replace(unit, " ")
    return lowered.strip()


YES_WORDS = ("ja", "j", "yes", "y", "x", "waar", "true", "1", "geregistreerd", "wel")
NO_WORDS = ("nee", "neen", "n", "no", "onwaar", "false", "0", "niet")


def parse_yes_no(cell: Cell) -> m.YesNo | None:
    if isinstance(cell, bool):
        return m.YesNo.YES if cell else m.YesNo.NO
    text = _plain(_text(cell))
    if not text:
        return None
    if text in YES_WORDS:
        return m.YesNo.YES
    if text in NO_WORDS:
        return m.YesNo.NO
    raise BadValue("import.bad_yes_no")


# Words for a choice beyond its labels in the catalogue (both languages) and its value.
CHOICE_WORDS: dict[StrEnum, tuple[str, ...]] = {
    Zone.CORE_SHOPPING: ("kern", "kernwinkel", "kernwinkelstraat", "core", "centrum"),
    Zone.APPROACH: ("aanloop", "aanloopgebied", "approach"),
    Zone.ELSEWHERE: ("ander", "andere", "elders in de kern", "other"),
    VacancyCategory.RENOVATION: ("renovatie", "verbouwing", "in verbouwing"),
    VacancyCategory.STARTING: ("aanvangsleegstand", "frictie", "frictieleegstand", "start"),
    VacancyCategory.LONG_TERM: ("langdurige leegstand", "long term", "longterm"),
    VacancyCategory.STRUCTURAL: ("structurele leegstand", "structureel leeg"),
}


def _choice_parser(
    choices: type[StrEnum], labels: Callable[[str], Sequence[str]]
) -> Callable[[Cell], StrEnum | None]:
    words = {
        _plain(word): choice
        for choice in choices
        for word in (choice.value, *labels(f"enum.{choice.value}"), *CHOICE_WORDS.get(choice, ()))
    }

    def parse(cell: Cell) -> StrEnum | None:
        text = _plain(_text(cell))
        if not text:
            return None
        if text in words:
            return words[text]
        raise BadValue("import.bad_choice")

    return parse


# --- converting rows --------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """Why one cell (or row) is not imported: its row and column as the user sees them."""

    line: int
    column: int | None
    target: str
    code: str
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Converted:
    """What an import would add: the valid rows, and why the others are left out."""

    rows: tuple[dict[str, Any], ...]
    lines: tuple[int, ...]
    errors: tuple[RowError, ...]
    empty: int

    @property
    def failed(self) -> int:
        """How many rows of the sheet are left out for an error."""
        return len({error.line for error in self.errors})


def _parsers(labels: Callable[[str], Sequence[str]]) -> dict[str, Callable[[Cell], Any]]:
    return {
        "address": _text,
        "zone": _choice_parser(Zone, labels),
        "area": parse_number,
        "vacant_since": parse_date,
        "category": _choice_parser(VacancyCategory, labels),
        "cause": _text,
        "in_register": parse_yes_no,
        "tax": parse_money,
    }


def _both_labels(key: str) -> tuple[str, ...]:
    # Imported here: the catalogue takes its theme words from this package as it loads.
    from briefs.catalogue import CATALOGUE

    return CATALOGUE.get(key, ())


def _model_errors(error: ValidationError) -> list[tuple[str, str, dict[str, Any]]]:
    """The field, the catalogue key and its values of each rule a row breaks."""
    found = []
    for problem in error.errors():
        name = next((str(p) for p in problem["loc"] if isinstance(p, str)), "")
        context = problem.get("ctx") or {}
        rule = str(problem["type"])
        if rule == "value_error" and str(context.get("error", "")) == "date_range":
            rule = "date_range"
        limit = next((context[k] for k in ("max_length", "le", "ge") if k in context), "")
        code = f"error.{rule}" if rule in _KNOWN_RULES else "error.other"
        found.append((name, code, {"limit": limit}))
    return found


_KNOWN_RULES = {
    "string_too_long",
    "less_than_equal",
    "greater_than_equal",
    "decimal_max_places",
    "date_range",
}


def _convert_row(
    line: int,
    cells: tuple[Cell, ...],
    mapping: dict[str, int | None],
    parsers: dict[str, Callable[[Cell], Any]],
) -> tuple[dict[str, Any] | None, list[RowError]]:
    """One row's values, or its errors; (None, []) when the chosen columns hold nothing."""
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    for target, index in mapping.items():
        cell = cells[index] if index is not None and index < len(cells) else None
        if _blank(cell):
            continue
        try:
            value = parsers[target](cell)
        except BadValue as bad:
            errors.append(RowError(line, index, target, bad.code, _text(cell)))
            continue
        if value is not None and value != "":
            values[target] = value
    if not values and not errors:
        return None, []
    if errors:
        return None, errors
    try:
        building = VacantBuilding.model_validate(values)
    except ValidationError as invalid:
        for name, code, params in _model_errors(invalid):
            index = mapping.get(name)
            cell = cells[index] if index is not None and index < len(cells) else None
            errors.append(RowError(line, index, name, code, _text(cell), params))
        return None, errors
    return building.model_dump(mode="json"), []


def convert(
    sheet: Sheet,
    mapping: dict[str, int | None],
    has_header: bool = True,
    labels: Callable[[str], Sequence[str]] = _both_labels,
) -> Converted:
    """Every row of the sheet as a vacant building, checked by the part's own model."""
    parsers = _parsers(labels)
    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    errors: list[RowError] = []
    empty = 0
    for line, cells in sheet.body(has_header):
        row, row_errors = _convert_row(line, cells, mapping, parsers)
        if row is not None:
            rows.append(row)
            lines.append(line)
        elif row_errors:
            errors.extend(row_errors)
        else:
            empty += 1
    return Converted(tuple(rows), tuple(lines), tuple(errors), empty)


class Mode(StrEnum):
    """What a confirmed import does with the inventory already there."""

    APPEND = "append"
    REPLACE = "replace"


def combined(current: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]], mode: Mode) -> list:
    """The inventory after the import: the new rows after the current ones, or instead."""
    return list(new) if mode is Mode.REPLACE else [*current, *new]


def fits(current: int, new: int, mode: Mode) -> bool:
    """Whether the inventory stays within the part's limit of rows after the import."""
    return (new if mode is Mode.REPLACE else current + new) <= row_limit()


def row_limit() -> int:
    """How many buildings the inventory holds at most (its part's declared limit)."""
    # Imported here: the parts are declared from the theme modules, which this one joins.
    from briefs.parts import PARTS

    return PARTS[PART].max_rows


def already_there(current: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]) -> int:
    """How many new rows name an address the inventory holds already."""
    known = {_plain(str(row.get("address") or "")) for row in current} - {""}
    return sum(1 for row in new if _plain(str(row.get("address") or "")) in known)


def describe(error: RowError, header: Sequence[str], t: Translator) -> str:
    """One row error in words: ``Rij 5, kolom D · Leeg sinds: …``."""
    return t(
        "import.where",
        row=error.line,
        column=problem_column(error, header, t),
        problem=problem_text(error, t),
    )


def problem_column(error: RowError, header: Sequence[str], t: Translator) -> str:
    if error.column is None:
        return t(f"col.{error.target}")
    return column_name(header, error.column)


def problem_text(error: RowError, t: Translator) -> str:
    params = dict(error.params)
    if error.code == "import.bad_choice":
        choices = Zone if error.target == "zone" else VacancyCategory
        params["options"] = ", ".join(t(f"enum.{choice.value}") for choice in choices)
    limit = params.get("limit")
    if isinstance(limit, int | float) and not isinstance(limit, bool) and abs(limit) >= 10_000:
        params["limit"] = t.number(limit)
    return t(error.code, **params)


WORDS: dict[str, tuple[str, str]] = {
    "import.open": ("Importeren uit een rekenblad", "Import from a spreadsheet"),
    "import.intro": (
        "Laad een CSV- of Excelbestand (.xlsx) op, of kopieer de cellen in je rekenblad en "
        "plak ze hieronder. Je ziet eerst wat er ingelezen wordt; pas als je bevestigt, komt "
        "het in de inventaris.",
        "Upload a CSV or Excel file (.xlsx), or copy the cells in your spreadsheet and paste "
        "them below. You first see what will be read; only when you confirm does it go into "
        "the inventory.",
    ),
    "import.source": ("Waar komen de gegevens vandaan?", "Where does the data come from?"),
    "import.source_file": ("Een bestand opladen", "Upload a file"),
    "import.source_paste": ("Cellen plakken", "Paste cells"),
    "import.file": (
        "CSV- of Excelbestand (.csv, .xlsx; max. {mb} MB)",
        "CSV or Excel file (.csv, .xlsx; max. {mb} MB)",
    ),
    "import.paste": (
        "Plak hier de cellen uit je rekenblad, met de rij met kolomnamen",
        "Paste the cells from your spreadsheet here, with the row of column names",
    ),
    "import.has_header": (
        "De eerste rij bevat de kolomnamen",
        "The first row holds the column names",
    ),
    "import.sheet": ("Het rekenblad zoals ingelezen", "The spreadsheet as read"),
    "import.sheet_rows": (
        "Rijen met gegevens: {rows}. Hieronder de eerste {shown}.",
        "Rows with data: {rows}. The first {shown} are shown below.",
    ),
    "import.row": ("Rij", "Row"),
    "import.mapping": ("Welke kolom hoort bij welk veld?", "Which column goes with which field?"),
    "import.mapping_help": (
        "Kernbrief koos de kolommen op basis van hun naam. Pas aan waar nodig.",
        "Kernbrief chose the columns by their names. Change them where needed.",
    ),
    "import.not_imported": ("— niet importeren —", "— do not import —"),
    "import.unused": (
        "Deze kolommen worden niet geïmporteerd: {columns}",
        "These columns are not imported: {columns}",
    ),
    "import.nothing_mapped": (
        "Geen enkele kolom is aan een veld gekoppeld. Kies hierboven welke kolom bij welk "
        "veld hoort.",
        "No column is linked to a field. Choose above which column goes with which field.",
    ),
    "import.result": ("Dit wordt geïmporteerd", "This will be imported"),
    "import.summary": (
        "Klaar om te importeren: {rows} · met fouten, niet geïmporteerd: {failed} · "
        "lege rijen overgeslagen: {empty}",
        "Ready to import: {rows} · with errors, not imported: {failed} · "
        "empty rows skipped: {empty}",
    ),
    "import.errors": ("Fouten per rij", "Errors per row"),
    "import.errors_help": (
        "Deze rijen worden niet geïmporteerd. Verbeter ze in je rekenblad en lees het "
        "opnieuw in, of voeg ze daarna zelf toe.",
        "These rows are not imported. Correct them in your spreadsheet and read it again, or "
        "add them yourself afterwards.",
    ),
    "import.column": ("Kolom", "Column"),
    "import.value": ("Waarde", "Value"),
    "import.problem": ("Probleem", "Problem"),
    "import.where": (
        "Rij {row}, kolom {column}: {problem}",
        "Row {row}, column {column}: {problem}",
    ),
    "import.bad_date": (
        "dit is geen datum (schrijf bijvoorbeeld 01/06/2023)",
        "this is not a date (write for example 01/06/2023)",
    ),
    "import.bad_number": (
        "dit is geen getal (schrijf bijvoorbeeld 1.250,5)",
        "this is not a number (write for example 1,250.5)",
    ),
    "import.bad_money": (
        "dit is geen bedrag (schrijf bijvoorbeeld € 1.250,00)",
        "this is not an amount (write for example € 1,250.00)",
    ),
    "import.bad_choice": (
        "onbekende waarde; kies uit: {options}",
        "unknown value; choose from: {options}",
    ),
    "import.bad_yes_no": ("schrijf ja of nee", "write yes or no"),
    "import.mode": ("Wat gebeurt er met de huidige inventaris?", "What happens to the inventory?"),
    "import.mode_append": ("Toevoegen aan de inventaris", "Add to the inventory"),
    "import.mode_replace": ("Inventaris vervangen", "Replace the inventory"),
    "import.replaces": (
        "Wat nu in de inventaris staat ({count}), wordt vervangen.",
        "What the inventory holds now ({count}) is replaced.",
    ),
    "import.known": (
        "Adressen die al in de inventaris staan: {count}. Toevoegen zet ze er een tweede keer in.",
        "Addresses already in the inventory: {count}. Adding puts them in a second time.",
    ),
    "import.too_many": (
        "De inventaris houdt hoogstens {limit} panden. Na deze import zouden het er {count} "
        "zijn: importeer minder rijen, of vervang de inventaris.",
        "The inventory holds at most {limit} buildings. After this import it would hold "
        "{count}: import fewer rows, or replace the inventory.",
    ),
    "import.confirm": (
        "Importeren ({count})",
        "Import ({count})",
    ),
    "import.cancel": ("Annuleren", "Cancel"),
    "import.done": (
        "Geïmporteerd in de inventaris: {count}.",
        "Imported into the inventory: {count}.",
    ),
    "import.stale": (
        "Niet geïmporteerd: de inventaris is intussen gewijzigd. Bekijk hem en bevestig opnieuw.",
        "Not imported: the inventory changed meanwhile. Look at it and confirm again.",
    ),
    "import.not_saved": (
        "Niet geïmporteerd: {problems}",
        "Not imported: {problems}",
    ),
    "import.refused.too_large": (
        "Dit bestand is te groot (max. {mb} MB).",
        "This file is too large (max. {mb} MB).",
    ),
    "import.refused.xls": (
        "Dit is een oud Excelbestand (.xls). Sla het in Excel op als .xlsx of als CSV en laad "
        "het opnieuw op.",
        "This is an old Excel file (.xls). Save it in Excel as .xlsx or as CSV and upload it "
        "again.",
    ),
    "import.refused.macros": (
        "Dit rekenblad bevat macro's (.xlsm) en wordt niet geopend. Sla het op als .xlsx "
        "zonder macro's, of als CSV.",
        "This spreadsheet holds macros (.xlsm) and is not opened. Save it as .xlsx without "
        "macros, or as CSV.",
    ),
    "import.refused.ods": (
        "Dit is een OpenDocument-rekenblad (.ods). Sla het op als .xlsx of als CSV.",
        "This is an OpenDocument spreadsheet (.ods). Save it as .xlsx or as CSV.",
    ),
    "import.refused.xlsb": (
        "Dit is een binair Excelbestand (.xlsb). Sla het op als .xlsx of als CSV.",
        "This is a binary Excel file (.xlsb). Save it as .xlsx or as CSV.",
    ),
    "import.refused.not_a_sheet": (
        "Dit bestand is geen rekenblad. Kies een CSV-bestand of een Excelbestand (.xlsx).",
        "This file is not a spreadsheet. Choose a CSV file or an Excel file (.xlsx).",
    ),
    "import.refused.empty": (
        "Er staan geen gegevens in.",
        "It holds no data.",
    ),
    "import.refused.too_many_rows": (
        "Dit zijn meer dan {limit} rijen: dat is geen inventaris van één kern.",
        "This is more than {limit} rows: that is not the inventory of one centre.",
    ),
    "import.refused.too_many_columns": (
        "Dit rekenblad heeft meer dan {limit} kolommen. Houd alleen de kolommen van de "
        "inventaris over.",
        "This spreadsheet has more than {limit} columns. Keep only the inventory's columns.",
    ),
}
