"""Importing a vacancy inventory: reading sheets, the Flemish way with values, and confirming."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from briefs import model as m
from briefs.i18n import Translator
from briefs.parts import PARTS
from briefs.themes.vacancy_import import (
    MAX_FILE_BYTES,
    ImportRefused,
    Mode,
    combined,
    convert,
    describe,
    fits,
    guess_mapping,
    parse_date,
    parse_money,
    parse_number,
    read_file,
    read_text,
    row_limit,
    unused_columns,
)
from storage.repository import SqlBriefStore
from tests.apps import editors
from tests.browser import Stored, log_in, settled
from tests.test_pages import STEP_FILES, open_page

NL, EN = Translator("nl"), Translator("en")
PIETER = "pieter.claes@gent.demo"
PART = "vacancy.buildings"
PANEL = "import_panel-vacancy-buildings"

# As Excel in Belgium saves "CSV (gescheiden door lijstscheidingsteken)": semicolons, a BOM,
# and a column the inventory does not know (Eigenaar).
INVENTORY_CSV = (
    "\ufeffAdres;Zone;Oppervlakte (m²);Leeg sinds;Categorie;Oorzaak;Register;Heffing;Eigenaar\r\n"
    "Veldstraat 12;kernwinkelgebied;1.250,5;01/06/2023;langdurig;huurprijs;ja;€ 1.250,00;NV X\r\n"
    "Langemunt 3;aanloopstraat;140;1-6-2023;;;nee;;\r\n"
    ";;;;;;;;\r\n"
    "Kouter 9;elders;95;2023-06-01;leegstaand;;;;\r\n"
    "Brabantdam 1;kern;80;31/02/2023;aanvang;;;€ 12,5;\r\n"
)


def reasons(text: str, language: Translator = NL) -> list[str]:
    sheet = read_text(text)
    header = sheet.header(True)
    converted = convert(sheet, guess_mapping(header))
    return [describe(error, header, language) for error in converted.errors]


# --- reading and values -----------------------------------------------------------------------


def test_a_belgian_csv_is_mapped_by_its_names_and_its_unknown_column_is_said() -> None:
    sheet = read_file("inventaris.csv", INVENTORY_CSV.encode("utf-8"))
    header = sheet.header(True)
    mapping = guess_mapping(header)
    assert mapping == {
        "address": 0,
        "zone": 1,
        "area": 2,
        "vacant_since": 3,
        "category": 4,
        "cause": 5,
        "in_register": 6,
        "tax": 7,
    }
    assert unused_columns(sheet.width, mapping) == [8]  # Eigenaar
    converted = convert(sheet, mapping)
    first, second = converted.rows
    assert {key: value for key, value in first.items() if key != "id"} == {
        "address": "Veldstraat 12",
        "zone": "core_shopping_area",
        "area": 1250.5,
        "vacant_since": "2023-06-01",
        "category": "long_term",
        "cause": "huurprijs",
        "in_register": "yes",
        "tax": "1250.00",
    }
    assert second["vacant_since"] == "2023-06-01" and second["area"] == 140
    assert second["in_register"] == "no" and second["category"] is None
    assert converted.lines == (2, 3)
    assert converted.empty == 0  # the row of bare semicolons holds nothing: not a row at all


def test_an_unknown_category_and_an_impossible_date_are_named_with_row_and_column() -> None:
    assert reasons(INVENTORY_CSV) == [
        "Rij 5, kolom E · Categorie: onbekende waarde; kies uit: Verbouw, Aanvang, "
        "Langdurig, Structureel",
        "Rij 6, kolom D · Leeg sinds: dit is geen datum (schrijf bijvoorbeeld 01/06/2023)",
    ]
    assert reasons(INVENTORY_CSV, EN)[0] == (
        "Row 5, column E · Categorie: unknown value; choose from: Renovation, Starting, "
        "Long-term, Structural"
    )


def test_rows_with_errors_are_left_out_and_the_others_kept() -> None:
    sheet = read_text(INVENTORY_CSV)
    converted = convert(sheet, guess_mapping(sheet.header(True)))
    assert [row["address"] for row in converted.rows] == ["Veldstraat 12", "Langemunt 3"]
    assert converted.failed == 2


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("01/06/2023", dt.date(2023, 6, 1)),
        ("1-6-2023", dt.date(2023, 6, 1)),
        ("1.6.2023", dt.date(2023, 6, 1)),
        ("2023-06-01", dt.date(2023, 6, 1)),
        ("2023-06-01 00:00:00", dt.date(2023, 6, 1)),
        ("1 juni 2023", dt.date(2023, 6, 1)),
        ("1 June 2023", dt.date(2023, 6, 1)),
        (dt.datetime(2023, 6, 1), dt.date(2023, 6, 1)),
        ("", None),
    ],
)
def test_dates_are_read_day_first_as_in_belgium(cell: Any, day: dt.date | None) -> None:
    assert parse_date(cell) == day


@pytest.mark.parametrize("cell", ["01/06/23", "31/02/2023", "juni 2023", "13/13/2023", "gisteren"])
def test_what_is_no_date_is_refused(cell: str) -> None:
    with pytest.raises(ValueError, match=r"import\.bad_date"):
        parse_date(cell)


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("€ 1.250,00", "1250.00"),
        ("€\u00a01.250,00", "1250.00"),
        ("1250,5 EUR", "1250.5"),
        ("€1,250.00", "1250.00"),
        ("€ 1.250,-", "1250"),
        ("12,5", "12.5"),
        (1250.5, "1250.5"),
        (0.1 + 0.2, "0.3"),
        (1250, "1250"),
    ],
)
def test_euro_amounts_with_comma_decimals(cell: Any, amount: str) -> None:
    value = parse_money(cell)
    assert value is not None and str(value) == amount


@pytest.mark.parametrize(
    ("cell", "number"),
    [("1.250,5", 1250.5), ("140", 140.0), ("140 m²", 140.0), ("1.250", 1250.0), ("12.5", 12.5)],
)
def test_areas_the_flemish_way(cell: str, number: float) -> None:
    assert parse_number(cell) == number


def test_an_area_beyond_the_limit_and_a_negative_tax_are_the_models_errors() -> None:
    text = "Adres;Oppervlakte;Heffing\nA 1;2.000.000;\nB 2;10;-5\nC 3;abc;\n"
    assert reasons(text) == [
        "Rij 2, kolom B · Oppervlakte: de waarde mag niet hoger zijn dan 1.000.000",
        "Rij 3, kolom C · Heffing: de waarde mag niet lager zijn dan 0",
        "Rij 4, kolom B · Oppervlakte: dit is geen getal (schrijf bijvoorbeeld 1.250,5)",
    ]


def test_a_cp1252_file_as_excel_on_windows_writes_it() -> None:
    text = "Adres;Oorzaak;Heffing\r\nRue de l'Église 3;Café gesloten;€ 980,00\r\n"
    sheet = read_file("inventaris.csv", text.encode("cp1252"))
    row = convert(sheet, guess_mapping(sheet.header(True))).rows[0]
    assert row["address"] == "Rue de l'Église 3"
    assert row["cause"] == "Café gesloten"
    assert row["tax"] == "980.00"


def test_cells_pasted_from_a_spreadsheet_are_tab_separated() -> None:
    pasted = "Adres\tZone\tLeeg sinds\nVeldstraat 12, Gent\tKernwinkelgebied\t01/06/2023\n"
    sheet = read_text(pasted)
    row = convert(sheet, guess_mapping(sheet.header(True))).rows[0]
    assert (row["address"], row["zone"]) == ("Veldstraat 12, Gent", "core_shopping_area")


def test_a_comma_separated_file_with_quoted_commas() -> None:
    sheet = read_text('Address,Zone,Vacant since\n"Veldstraat 12, Gent",approach street,1/6/2023\n')
    row = convert(sheet, guess_mapping(sheet.header(True))).rows[0]
    assert (row["address"], row["zone"]) == ("Veldstraat 12, Gent", "approach_street")


def xlsx(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number, cells in enumerate(rows, start=1):
        for column, value in enumerate(cells, start=1):
            sheet.cell(row=number, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_with_a_date_cell_and_its_own_row_numbers() -> None:
    data = xlsx(
        [
            ["Adres", "Oppervlakte m²", "Leeg sinds", "Leegstandsheffing", "In register"],
            ["Veldstraat 12", 140, dt.datetime(2023, 6, 1), 1250.5, True],
            [],
            ["Kouter 9", "veel", dt.datetime(2021, 3, 1), None, "x"],
        ]
    )
    sheet = read_file("inventaris.xlsx", data)
    header = sheet.header(True)
    converted = convert(sheet, guess_mapping(header))
    row = converted.rows[0]
    assert row["vacant_since"] == "2023-06-01" and row["area"] == 140
    assert row["tax"] == "1250.50" and row["in_register"] == "yes"
    # The empty row 3 keeps its place: the error is on row 4, as Excel numbers it.
    assert [describe(error, header, NL) for error in converted.errors] == [
        "Rij 4, kolom B · Oppervlakte m²: dit is geen getal (schrijf bijvoorbeeld 1.250,5)"
    ]


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason", "said"),
    [
        (b"%PDF-1.7\n...", "not_a_sheet", "Dit bestand is geen rekenblad"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not_a_sheet", "Dit bestand is geen rekenblad"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "xls", "oud Excelbestand (.xls)"),
        (
            zipped(
                {
                    "[Content_Types].xml": b"<Types/>",
                    "xl/workbook.xml": b"",
                    "xl/vbaProject.bin": b"",
                }
            ),
            "macros",
            "bevat macro's",
        ),
        (
            zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b""}),
            "not_a_sheet",
            "geen rekenblad",
        ),
        (zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), "ods", ".ods"),
        (b"a;b\n" * (MAX_FILE_BYTES // 4 + 1), "too_large", "te groot (max. 5 MB)"),
        (b"", "empty", "geen gegevens"),
    ],
)
def test_what_is_no_spreadsheet_is_refused_in_plain_dutch(
    data: bytes, reason: str, said: str
) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_file("inventaris.xlsx", data)
    assert refused.value.reason == reason
    assert said in refused.value.message(NL)
    assert refused.value.message(EN) != refused.value.message(NL)


def test_a_real_xlsx_with_macros_is_refused() -> None:
    data = xlsx([["Adres"], ["Veldstraat 12"]])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        files = {name: source.read(name) for name in source.namelist()}
    files["xl/vbaProject.bin"] = b"\x00macro"
    with pytest.raises(ImportRefused) as refused:
        read_file("inventaris.xlsm", zipped(files))
    assert refused.value.reason == "macros"


def test_the_row_limit_is_said_not_cut() -> None:
    limit = row_limit()
    assert limit == PARTS[PART].max_rows > m.MAX_ROWS  # an inventory holds more than a list
    text = "Adres\n" + "".join(f"Straat {n}\n" for n in range(limit + 1))
    sheet = read_text(text)
    converted = convert(sheet, guess_mapping(sheet.header(True)))
    assert len(converted.rows) == limit + 1
    assert not fits(0, len(converted.rows), Mode.REPLACE)
    assert fits(0, limit, Mode.REPLACE)
    assert not fits(1, limit, Mode.APPEND)
    assert fits(limit - 1, 1, Mode.APPEND)


def test_append_keeps_the_rows_there_and_replace_drops_them() -> None:
    here, new = [{"id": "a", "address": "Oud"}], [{"id": "b", "address": "Nieuw"}]
    assert combined(here, new, Mode.APPEND) == [*here, *new]
    assert combined(here, new, Mode.REPLACE) == new


def test_imported_rows_are_stored_as_read_on_sqlite_and_postgresql(
    engine: Engine, seed: Any
) -> None:
    brief_id = seed(engine, dt.date(2024, 3, 1))["Gent"]
    store = SqlBriefStore(engine)
    data = xlsx(
        [
            ["Adres", "Zone", "m²", "Leeg sinds", "Categorie", "Register", "Belasting"],
            ["Veldstraat 12", "Kernwinkelgebied", 140.5, dt.datetime(2021, 3, 1), "", "ja", 980],
            ["Rue de l'Église 3", "elders", "1.250", "01/06/2023", "verbouw", "nee", "€ 12,50"],
        ]
    )
    sheet = read_file("inventaris.xlsx", data)
    rows = list(convert(sheet, guess_mapping(sheet.header(True))).rows)
    current = store.current(brief_id, PART)
    value = combined(list(current.value or []), rows, Mode.APPEND)
    store.save_part(brief_id, PART, value, current.version, "t")
    assert store.load(brief_id).part(PART).value[-2:] == rows
    assert [row["tax"] for row in rows] == ["980.00", "12.50"]
    assert [row["area"] for row in rows] == [140.5, 1250]


# --- on the step page ----------------------------------------------------------------------


def import_panel(language: str | None = None) -> AppTest:
    """Step 1's vacancy tab as Gent's participant sees it, with the import opened."""
    at = open_page(STEP_FILES[1], who=PIETER, section="leegstand", language=language)
    assert at.expander(key=PANEL).label == Translator(language or "nl")("import.open")
    at.session_state[PANEL] = True
    return at.run()


def widget_key(at: AppTest, ending: str) -> str:
    kinds = ("file_uploader", "text_area", "radio", "button", "selectbox", "checkbox")
    keys = [w.key for kind in kinds for w in at.get(kind) if w.key and w.key.endswith(ending)]
    assert len(keys) == 1, (ending, keys)
    return keys[0]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key=widget_key(at, ":file")).upload(name, data).run()
    assert not at.exception, at.exception
    return at


def paste(at: AppTest, text: str) -> AppTest:
    at.radio(key=widget_key(at, ":source")).set_value("paste").run()
    at.text_area(key=widget_key(at, ":paste")).input(text).run()
    assert not at.exception, at.exception
    return at


def confirm(at: AppTest) -> AppTest:
    at.button(key=widget_key(at, ":confirm")).click().run()
    assert not at.exception, at.exception
    return at


def tables(at: AppTest) -> list[Any]:
    return [element.value for element in at.dataframe]


def addresses(rows: list[dict[str, Any]]) -> list[str]:
    return [row["address"] for row in rows]


def test_an_upload_is_previewed_and_stored_only_after_confirming(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    before = stored.briefs.load(stored.brief_id).part(PART)
    at = upload(import_panel(), "inventaris.csv", INVENTORY_CSV.encode("utf-8"))
    sheet, result, errors = tables(at)
    assert list(sheet["A · Adres"]) == ["Veldstraat 12", "Langemunt 3", "Kouter 9", "Brabantdam 1"]
    assert list(result["Adres"]) == ["Veldstraat 12", "Langemunt 3"]
    assert list(result["Leegstandsheffing"]) == ["€\u00a01.250,00", ""]
    assert list(result["Leeg sinds"]) == ["01/06/2023", "01/06/2023"]
    assert list(errors["Rij"]) == ["5", "6"]
    assert list(errors["Kolom"]) == ["E · Categorie", "D · Leeg sinds"]
    assert list(errors["Waarde"]) == ["leegstaand", "31/02/2023"]
    assert "Deze kolommen worden niet geïmporteerd\\: I · Eigenaar" in [w.value for w in at.warning]
    assert at.selectbox(key=widget_key(at, ":map:area")).value == 2
    # Nothing is stored by reading, mapping and previewing.
    after_preview = stored.briefs.load(stored.brief_id).part(PART)
    assert (after_preview.value, after_preview.version) == (before.value, before.version)
    assert at.button(key=widget_key(at, ":confirm")).label == "Importeren (2)"
    confirm(at)
    now = stored.value(PART)
    assert addresses(now) == [*addresses(before.value or []), "Veldstraat 12", "Langemunt 3"]
    assert addresses(editors(at)[PART]["value"]) == addresses(now)
    assert "Geïmporteerd in de inventaris: 2." in [s.value for s in at.success]
    # The panel starts again, empty.
    assert not at.dataframe


def test_replace_puts_the_sheet_instead_of_the_inventory(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    brief = stored.briefs.load(stored.brief_id)
    there = [{"id": "old1", "address": "Oude Markt 1"}, {"id": "old2", "address": "Kouter 9"}]
    stored.briefs.save_part(stored.brief_id, PART, there, brief.part(PART).version, "t")
    at = paste(import_panel(), "Adres\tZone\nKouter 9\telders\nNieuwstraat 2\taanloop\n")
    # Adding would put Kouter 9 in twice: said before anything is stored.
    assert any("al in de inventaris staan: 1" in info.value for info in at.info)
    at.radio(key=widget_key(at, ":mode")).set_value("replace").run()
    assert any("(2), wordt vervangen" in warning.value for warning in at.warning)
    assert addresses(stored.value(PART)) == ["Oude Markt 1", "Kouter 9"]
    confirm(at)
    assert addresses(stored.value(PART)) == ["Kouter 9", "Nieuwstraat 2"]
    assert stored.value(PART)[1]["zone"] == "approach_street"


def test_an_import_over_a_newer_save_is_refused_and_said(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    at = paste(import_panel(), "Adres\nVeldstraat 12\n")
    # Meanwhile a colleague saves the inventory.
    brief = stored.briefs.load(stored.brief_id)
    theirs = [{"id": "x1", "address": "Van iemand anders 1"}]
    stored.briefs.save_part(stored.brief_id, PART, theirs, brief.part(PART).version, "t")
    confirm(at)
    assert addresses(stored.value(PART)) == ["Van iemand anders 1"]
    assert any("de inventaris is intussen gewijzigd" in w.value for w in at.warning)
    # What was read is still there; confirmed again, on the version now shown, it is added.
    confirm(at)
    assert addresses(stored.value(PART)) == ["Van iemand anders 1", "Veldstraat 12"]


def test_cancel_stores_nothing_and_empties_the_panel(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    before = stored.briefs.load(stored.brief_id).part(PART)
    at = paste(import_panel(), "Adres\nVeldstraat 12\n")
    assert tables(at)
    at.button(key=widget_key(at, ":cancel")).click().run()
    assert not at.dataframe
    assert at.file_uploader(key=widget_key(at, ":file")).value is None
    assert not [area for area in at.text_area if area.key and area.key.startswith("import:")]
    after = stored.briefs.load(stored.brief_id).part(PART)
    assert (after.value, after.version) == (before.value, before.version)


def test_a_refused_file_is_said_on_the_page(demo_url: str) -> None:
    at = upload(import_panel(), "inventaris.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert any("oud Excelbestand (.xls)" in error.value for error in at.error)
    assert not at.dataframe


def test_more_rows_than_the_inventory_holds_cannot_be_confirmed(demo_url: str) -> None:
    text = "Adres\n" + "".join(f"Straat {n}\n" for n in range(row_limit() + 1))
    at = paste(import_panel(), text)
    assert any("hoogstens 2.000 panden" in error.value for error in at.error)
    assert at.button(key=widget_key(at, ":confirm")).disabled


def test_an_xlsx_upload_with_date_cells(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    data = xlsx([["Adres", "Leeg sinds"], ["Veldstraat 12", dt.datetime(2021, 3, 1)]])
    confirm(upload(import_panel(), "inventaris.xlsx", data))
    assert stored.value(PART)[-1]["vacant_since"] == "2021-03-01"


def test_the_user_changes_the_mapping_and_the_preview_follows(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    at = paste(import_panel(), "Straatnaam en nr\tSoort\nVeldstraat 12\tleegstaand\n")
    # Neither name says what the column holds: nothing is chosen, and nothing can be imported.
    assert at.selectbox(key=widget_key(at, ":map:address")).value == -1
    assert any("Geen enkele kolom" in warning.value for warning in at.warning)
    at.selectbox(key=widget_key(at, ":map:address")).set_value(0).run()
    at.selectbox(key=widget_key(at, ":map:category")).set_value(1).run()
    *_, errors = tables(at)
    assert list(errors["Kolom"]) == ["B · Soort"]
    # Not imported after all: the row is valid without it.
    at.selectbox(key=widget_key(at, ":map:category")).set_value(-1).run()
    assert len(tables(at)) == 2
    assert any("B · Soort" in warning.value for warning in at.warning)
    confirm(at)
    assert stored.value(PART)[-1]["address"] == "Veldstraat 12"
    assert stored.value(PART)[-1]["category"] is None


def test_a_sheet_without_a_row_of_names(demo_url: str) -> None:
    stored = Stored(demo_url, "Gent", 5)
    at = paste(import_panel(), "Veldstraat 12\t140\nKouter 9\t95\n")
    at.checkbox(key=widget_key(at, ":header")).uncheck().run()
    at.selectbox(key=widget_key(at, ":map:address")).set_value(0).run()
    at.selectbox(key=widget_key(at, ":map:area")).set_value(1).run()
    sheet, _result = tables(at)
    assert list(sheet["Rij"]) == ["1", "2"] and list(sheet.columns) == ["Rij", "A", "B"]
    confirm(at)
    assert [(row["address"], row["area"]) for row in stored.value(PART)[-2:]] == [
        ("Veldstraat 12", 140),
        ("Kouter 9", 95),
    ]


def test_in_the_browser_a_chosen_file_is_imported_on_confirming_and_stays(
    app_server: str, new_page: Any, demo_url: str, tmp_path: Any
) -> None:
    from playwright.sync_api import expect

    from tests.test_typing import wait_for

    stored = Stored(demo_url, "Gent", 5)
    before = addresses(stored.value(PART) or [])
    chosen = tmp_path / "inventaris.csv"
    chosen.write_bytes(INVENTORY_CSV.encode("cp1252", "replace"))
    page = new_page()
    log_in(page, app_server, PIETER)
    page.goto(f"{app_server}/uitdaging?deel=leegstand")
    panel = page.locator(f".st-key-{PANEL}")
    expect(panel).to_be_visible(timeout=30_000)
    panel.get_by_text("Importeren uit een rekenblad").click()
    settled(page)
    with page.expect_file_chooser() as chooser:
        panel.get_by_test_id("stFileUploaderDropzone").locator("button").click()
    chooser.value.set_files(str(chosen))
    confirm_button = panel.get_by_role("button", name="Importeren (2)")
    expect(confirm_button).to_be_visible(timeout=30_000)
    expect(panel.get_by_text("Klaar om te importeren: 2")).to_be_visible()
    assert addresses(stored.value(PART) or []) == before
    settled(page)
    # By keyboard, as everything in the panel can be reached.
    confirm_button.focus()
    page.keyboard.press("Enter")
    wait_for(lambda: len(stored.value(PART) or []) == len(before) + 2, timeout=30)
    assert addresses(stored.value(PART))[-2:] == ["Veldstraat 12", "Langemunt 3"]
    page.reload()
    cells = page.locator(".st-key-part-vacancy-buildings").locator("textarea")
    expect(cells.first).to_be_visible(timeout=30_000)
    wait_for(lambda: "Langemunt 3" in cells.evaluate_all("cells => cells.map(c => c.value)"))


def test_in_english_the_panel_and_its_row_errors_are_english(demo_url: str) -> None:
    at = paste(import_panel("en"), "Address;Zone\nVeldstraat 12;core\nKouter 9;nowhere\n")
    assert at.expander(key=PANEL).label == "Import from a spreadsheet"
    *_, errors = tables(at)
    assert list(errors.columns) == ["Row", "Column", "Value", "Problem"]
    assert list(errors["Problem"]) == [
        "unknown value; choose from: Core shopping area, Approach street, Elsewhere"
    ]
    assert at.button(key=widget_key(at, ":confirm")).label == "Import (1)"


def test_a_sheet_far_too_long_or_wide_is_refused_rather_than_read() -> None:
    with pytest.raises(ImportRefused) as long:
        read_text("Adres\n" + "Straat\n" * 5_001)
    assert long.value.message(NL) == (
        "Dit zijn meer dan 5000 rijen: dat is geen inventaris van één kern."
    )
    with pytest.raises(ImportRefused) as wide:
        read_text(";".join(f"kolom {n}" for n in range(61)))
    assert wide.value.reason == "too_many_columns"
