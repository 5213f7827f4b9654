"""Small python-docx helpers for what its API lacks: fields, shading, header rows, sections."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.section import Section
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from briefs.export.metrics import text_points
from briefs.model import one_line_name, xml_text

HEADER_FILL = "D9E2F3"
# The house style's floor for table text: a college reads the tables on paper.
# Set by id: a style lookup by name costs python-docx about 2 ms each time.
GRID_STYLE_ID = "TableGrid"
EMU_PER_TWIP = 635
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n"})
# python-docx refuses a document property (title, subject, author …) longer than this.
MAX_PROPERTY = 255
# What may follow an element in its parent, by the sequences of ECMA-376 Part 1 (CT_TblPr,
# CT_TcPr, CT_TrPr): Word may offer to repair a file whose children are out of that order.
_AFTER_TBL_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", *_AFTER_TBL_HEADER)
# The smallest type a table uses: 9 pt still reads on paper, 8 and 7 did not.
TABLE_FONT = 9.0
# A table of at most this many rows stays on one page, rather than leaving its heading alone.
SMALL_TABLE = 6
EMU_PER_POINT = 12700
# Word's default cell margins (0.19 cm) on each side, and the narrow ones of a wide table.
CELL_PADDING = 2 * 108 * EMU_PER_TWIP
NARROW_PADDING = 2 * 57 * EMU_PER_TWIP
# A little more room than the font's metrics say: Word and LibreOffice round, and a template's
# font may be a bit wider than Arial.
GENEROUS = 1.1
# A cell of at most this many characters on one line stays whole: 'Under way', '€ 25.000,00'.
SHORT_CELL = 12
# A word wider than this many ems (some 25 letters) breaks anyway: it does not claim the table.
MAX_WORD = 12
ZERO_WIDTH_SPACE = "\u200b"
_URL = re.compile(r"(?:https?://|www\.)\S+")


def document_text(value: object) -> str:
    """Return stored text as it appears in the document: XML-safe, with \\n line breaks.

    A vertical tab is the soft line break of PowerPoint and Word, a form feed Word's page
    break: both become a line break rather than vanish between two words.
    """
    text = "" if value is None else str(value)
    return xml_text(text.replace("\r\n", "\n").translate(_LINE_BREAKS))


def document_line(value: object) -> str:
    """Return text for a place that holds one line (a property, a file name): XML-safe."""
    return one_line_name("" if value is None else str(value))


def set_properties(document: Document, **values: str) -> None:
    """Set document properties (title, subject, author, keywords …) as XML-safe lines."""
    properties = document.core_properties
    for name, value in values.items():
        line = document_line(value)
        if len(line) > MAX_PROPERTY:
            line = line[: MAX_PROPERTY - 1].rstrip() + "…"
        setattr(properties, name, line)


def set_up_pages(
    document: Document,
    footer: str,
    of: str,
    *,
    own_layout: bool = False,
    own_footer: bool = False,
    title_page: bool = True,
) -> None:
    """A4 with even margins and the footer '<text> x van y'; no footer on the title page.

    The one page set-up of the brief and the cohort overview. A municipality's template keeps
    its own page size and margins (``own_layout``) and, when it has one, its own footer.
    """
    section = document.sections[0]
    if not own_layout:
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, as Belgian offices print
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.2))
    if not own_footer:
        paragraph = section.footer.paragraphs[0]
        paragraph.add_run(document_text(footer))
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(of)
        add_field(paragraph, "NUMPAGES", "1")
        for run in paragraph.runs:
            run.font.size = Pt(8)
    if title_page:
        plain_first_page(section)


def plain_first_page(section: Section) -> None:
    """Leave the section's first page without footer: a title page has no page number."""
    section.different_first_page_header_footer = True
    # An empty first-page footer of its own: without one Word shows the default footer there.
    section.first_page_footer.is_linked_to_previous = False


def break_urls(text: str) -> str:
    """Let a web address wrap after each '/', rather than overflow or break mid-word."""
    return _URL.sub(lambda found: found.group(0).replace("/", "/" + ZERO_WIDTH_SPACE), text)


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Put a bookmark around the paragraph's text, for a link from the table of contents."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    properties = paragraph._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _field_run(paragraph: etree._Element, kind: str, instruction: str = "") -> None:
    run = etree.SubElement(paragraph, qn("w:r"))
    if kind == "instr":
        code = etree.SubElement(run, qn("w:instrText"))
        code.set(XML_SPACE, "preserve")
        code.text = f" {instruction} "
    else:
        etree.SubElement(run, qn("w:fldChar"), {qn("w:fldCharType"): kind})


def _contents_entry(
    placeholder: Paragraph, level: int, text: str, anchor: str, tab: int
) -> etree._Element:
    """One line of the table of contents: the heading's text linking to its bookmark."""
    entry = copy.deepcopy(placeholder._p)
    for child in list(entry):
        entry.remove(child)
    properties = etree.SubElement(entry, qn("w:pPr"))
    etree.SubElement(properties, qn("w:pStyle"), {qn("w:val"): f"TOC{level}"})
    tabs = etree.SubElement(properties, qn("w:tabs"))
    etree.SubElement(
        tabs,
        qn("w:tab"),
        {qn("w:val"): "right", qn("w:leader"): "dot", qn("w:pos"): str(tab // EMU_PER_TWIP)},
    )
    if level > 1:
        etree.SubElement(properties, qn("w:ind"), {qn("w:left"): "220"})
    link = etree.SubElement(
        entry, qn("w:hyperlink"), {qn("w:anchor"): anchor, qn("w:history"): "1"}
    )
    _append_text(link, document_text(text))
    run = etree.SubElement(link, qn("w:r"))
    etree.SubElement(run, qn("w:tab"))
    _field_run(link, "begin")
    _field_run(link, "instr", f"PAGEREF {anchor} \\h")
    _field_run(link, "separate")
    _field_run(link, "end")
    return entry


def write_contents(
    document: Document, placeholder: Paragraph, entries: Sequence[tuple[int, str, str]], width: int
) -> None:
    """Write the table of contents at ``placeholder`` as a TOC field with its result filled in.

    ``entries`` are (level, text, bookmark). Word renews the field (and its page numbers)
    when it updates fields; until then, and in PDFs and Protected View, the entries show.
    """
    _ensure_contents_styles(document)
    lines = [
        _contents_entry(placeholder, level, text, anchor, width) for level, text, anchor in entries
    ]
    if not lines:
        return
    first, last = lines[0], lines[-1]
    properties = first.find(qn("w:pPr"))
    assert properties is not None
    position = list(first).index(properties) + 1
    begin = OxmlElement("w:r")
    begin.append(_fld_char("begin", dirty=True))
    code = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set(XML_SPACE, "preserve")
    instruction.text = ' TOC \\o "1-2" \\h \\z \\u '
    code.append(instruction)
    separate = OxmlElement("w:r")
    separate.append(_fld_char("separate"))
    for offset, run in enumerate((begin, code, separate)):
        first.insert(position + offset, run)
    end = etree.SubElement(last, qn("w:r"))
    end.append(_fld_char("end"))
    for line in lines:
        placeholder._p.addprevious(line)
    placeholder._p.getparent().remove(placeholder._p)


def contents_entries(document: Document) -> list[tuple[str, str]]:
    """Return (bookmark, heading text) of each line of the table of contents, in order."""
    entries = []
    for link in document.element.body.iter(qn("w:hyperlink")):
        anchor = link.get(qn("w:anchor"), "")
        if anchor.startswith("_Toc"):
            text = "".join(node.text or "" for node in link.iter(qn("w:t")))
            entries.append((anchor, text))
    return entries


def fill_contents_pages(document: Document, pages: dict[str, int]) -> None:
    """Write known page numbers into the contents' PAGEREF results, as Word's update would."""
    for link in document.element.body.iter(qn("w:hyperlink")):
        page = pages.get(link.get(qn("w:anchor"), ""))
        marks = [run for run in link if run.find(qn("w:fldChar")) is not None]
        if page is None or len(marks) != 3:
            continue
        separate = marks[1]
        result = OxmlElement("w:r")
        etree.SubElement(result, qn("w:t")).text = str(page)
        separate.addnext(result)


def _fld_char(kind: str, dirty: bool = False) -> etree._Element:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    return element


def _ensure_contents_styles(document: Document) -> None:
    """Add the styles TOC1 and TOC2 when the template lacks them: Word's own, nearly."""
    styles = document.styles
    present = {style.style_id for style in styles}
    for level in (1, 2):
        if f"TOC{level}" in present:
            continue
        style = styles.add_style(f"toc {level}", 1)
        style.element.set(qn("w:styleId"), f"TOC{level}")
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(3 if level == 1 else 1)
        style.font.bold = level == 1


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """Append a Word field (PAGE, NUMPAGES, TOC, SEQ …) that Word computes."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(begin)
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(separate)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(end)


def update_fields_on_open(document: Document) -> None:
    """Ask Word to fill the table of contents and other fields when the file is opened."""
    setting = OxmlElement("w:updateFields")
    setting.set(qn("w:val"), "true")
    document.settings.element.append(setting)


def _insert_before(
    parent: etree._Element, child: etree._Element, successors: Sequence[str]
) -> None:
    """Insert ``child`` before the first of ``successors`` in ``parent``, else at the end.

    The same as python-docx's ``insert_element_before``, for elements made with plain lxml,
    and replacing a child of the same name: each of these may occur once.
    """
    for old in parent.findall(child.tag):
        parent.remove(old)
    tags = {qn(tag) for tag in successors}
    following = next((element for element in parent if element.tag in tags), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)


def _shading(fill: str) -> etree._Element:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    return shading


def shade(cell: _Cell, fill: str = HEADER_FILL) -> None:
    _insert_before(cell._tc.get_or_add_tcPr(), _shading(fill), _AFTER_SHD)


def repeat_as_header(table: Table) -> None:
    """Repeat the first row on every page the table spans."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    _insert_before(table.rows[0]._tr.get_or_add_trPr(), marker, _AFTER_TBL_HEADER)


def _append_text(paragraph: etree._Element, text: str, bold: bool = False, size: int = 0) -> None:
    """Write ``text`` into a w:p as runs, with w:br for line breaks and w:tab for tabs."""
    run = etree.SubElement(paragraph, qn("w:r"))
    if bold or size:
        properties = etree.SubElement(run, qn("w:rPr"))
        if bold:
            etree.SubElement(properties, qn("w:b"))
        if size:
            etree.SubElement(properties, qn("w:sz"), {qn("w:val"): str(size)})
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            etree.SubElement(run, qn("w:br"))
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                etree.SubElement(run, qn("w:tab"))
            if piece:
                element = etree.SubElement(run, qn("w:t"))
                element.text = piece
                element.set(XML_SPACE, "preserve")


def _row_template(widths: Sequence[int]) -> etree._Element:
    row = OxmlElement("w:tr")
    for width in widths:
        cell = etree.SubElement(row, qn("w:tc"))
        properties = etree.SubElement(cell, qn("w:tcPr"))
        etree.SubElement(
            properties, qn("w:tcW"), {qn("w:w"): str(width // EMU_PER_TWIP), qn("w:type"): "dxa"}
        )
        etree.SubElement(cell, qn("w:p"))
    return row


def _shade_element(cell: etree._Element, fill: str) -> None:
    properties = cell.find(qn("w:tcPr"))
    assert properties is not None
    _insert_before(properties, _shading(fill), _AFTER_SHD)


def _words(text: str) -> list[str]:
    return [word for line in text.split("\n") for word in line.split(" ") if word]


def _units(text: str) -> list[str]:
    """What must stay on one line: each word, or a short cell as a whole; a web address
    wraps after each '/'."""
    if "\n" not in text and len(text.strip()) <= SHORT_CELL:
        return [text.strip()] if text.strip() else []
    return [unit for word in _words(break_urls(text)) for unit in word.split(ZERO_WIDTH_SPACE)]


def _unit_points(text: str, font_size: float, bold: bool = False) -> float:
    return min(text_points(text, font_size, bold), MAX_WORD * font_size)


@dataclass(frozen=True)
class _Column:
    """What one column needs, in EMU: its floor (no word broken, header included), its
    longest line, and how much text it holds."""

    floor: float
    line: float
    text: int = 0


def _measure(
    header: Sequence[str], rows: Sequence[Sequence[str]], font_size: float, padding: int
) -> list[_Column]:
    # A table is measured to choose its layout, its split and its widths: once is enough.
    frozen = (tuple(header), tuple(tuple(str(cell) for cell in row) for row in rows))
    return list(_measured(frozen, font_size, padding))


@functools.lru_cache(maxsize=16)
def _measured(
    table: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], font_size: float, padding: int
) -> tuple[_Column, ...]:
    header, rows = table
    point = EMU_PER_POINT * GENEROUS
    columns = []
    for index, title in enumerate(header):
        cells = [str(values[index]) for values in rows]
        widths = [_unit_points(word, font_size, bold=True) for word in _words(title)]
        widths += [_unit_points(unit, font_size) for cell in cells for unit in _units(cell)]
        lines = [text_points(line, font_size, bold=True) for line in title.split("\n")]
        lines += [text_points(line, font_size) for cell in cells for line in cell.split("\n")]
        text = sum(len(cell) for cell in cells)
        columns.append(_Column(max(widths) * point + padding, max(lines) * point + padding, text))
    return tuple(columns)


def minimum_width(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    font_size: float = TABLE_FONT,
    padding: int = CELL_PADDING,
) -> int:
    """The narrowest a table can be without breaking any of its words."""
    return int(sum(column.floor for column in _measure(header, rows, font_size, padding)))


def fitting_columns(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    font_size: float = TABLE_FONT,
    padding: int = CELL_PADDING,
) -> int:
    """How many of the first columns fit ``width`` with none of their words broken (≥ 2)."""
    used = 0.0
    for count, column in enumerate(_measure(header, rows, font_size, padding)):
        used += column.floor
        if used > width:
            return max(count, 2)
    return len(header)


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    font_size: float = TABLE_FONT,
    padding: int = CELL_PADDING,
) -> list[int]:
    """Share ``width`` (EMU) among the columns by what each holds.

    Each column first gets room for its longest word, header included, as Arial prints it
    (so no word is broken inside), then the rest goes to the columns with more text, each up
    to the width of its longest line: a date or number column stays narrow, a description
    wide. Only when even the words do not fit (a caller splits such a table) are they shared
    out by need.
    """
    columns = _measure(header, rows, font_size, padding)
    floors = [column.floor for column in columns]
    if sum(floors) >= width:
        return [int(width * size / sum(floors)) for size in floors]
    return [int(size) for size in _grow(floors, columns, width, len(rows))]


def _grow(widths: list[float], columns: list[_Column], width: int, rows: int) -> list[float]:
    """Widen the columns by their text, each up to its longest line, until ``width`` is used."""
    widths = list(widths)
    weights = [column.text / max(rows, 1) + 1 for column in columns]
    open_columns = set(range(len(columns)))
    while open_columns and width - sum(widths) > 1:
        room = width - sum(widths)
        share = sum(weights[c] for c in open_columns)
        for column in list(open_columns):
            grown = widths[column] + room * weights[column] / share
            if grown >= columns[column].line:
                grown = max(widths[column], columns[column].line)
                open_columns.discard(column)
            widths[column] = grown
    room = width - sum(widths)
    if room > 1:
        # Every column holds its longest line: the rest goes to all, by their text.
        widths = [
            w + room * weight / sum(weights) for w, weight in zip(widths, weights, strict=True)
        ]
    return widths


def _header_row(template: etree._Element, header: Sequence[str], size: int) -> etree._Element:
    """The shaded header row, repeated at the top of every page the table runs over."""
    head = copy.deepcopy(template)
    for cell, title in zip(head.iter(qn("w:tc")), header, strict=True):
        _append_text(cell.find(qn("w:p")), document_text(title), bold=True, size=size)
        _shade_element(cell, HEADER_FILL)
    row_properties = etree.SubElement(head, qn("w:trPr"))
    etree.SubElement(row_properties, qn("w:tblHeader"), {qn("w:val"): "true"})
    head.insert(0, row_properties)
    return head


def _body_row(
    template: etree._Element, values: Sequence[str], size: int, fills: Sequence[str | None]
) -> etree._Element:
    row = copy.deepcopy(template)
    for cell, text, fill in zip(row.iter(qn("w:tc")), values, fills, strict=True):
        if text:
            _append_text(cell.find(qn("w:p")), break_urls(document_text(text)), size=size)
        if fill:
            _shade_element(cell, str(fill))
    return row


def _cant_split(row: etree._Element) -> None:
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        cells = row.find(qn("w:tc"))
        if cells is not None:
            cells.addprevious(properties)
        else:
            row.append(properties)
    _insert_before(properties, OxmlElement("w:cantSplit"), _AFTER_CANT_SPLIT)


def _keep_with_next(row: etree._Element) -> None:
    for paragraph in row.iter(qn("w:p")):
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            properties = OxmlElement("w:pPr")
            paragraph.insert(0, properties)
        if properties.find(qn("w:keepNext")) is None:
            keep = OxmlElement("w:keepNext")
            style = properties.find(qn("w:pStyle"))
            if style is not None:
                style.addnext(keep)
            else:
                properties.insert(0, keep)


def keep_on_one_page(table: Table, together: bool = True) -> None:
    """Never split a row over two pages; keep a small table whole, a long one's header with
    its first row."""
    rows = table._tbl.findall(qn("w:tr"))
    for number, row in enumerate(rows, start=1):
        _cant_split(row)
        if number < len(rows) and (together or number == 1):
            _keep_with_next(row)


def add_table(
    document: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    font_size: float = 0,
    fills: Sequence[Sequence[str | None]] | None = None,
    narrow: bool = False,
) -> Table:
    """Add a table with a shaded, repeating header row and the given rows, at least 9 pt.

    ``narrow`` cells have small margins, for tables with many columns.

    Rows are written as XML from one template: python-docx's add_row and cell.text cost
    about 2 ms a row, too slow for a 200-row list.
    """
    size = max(font_size, TABLE_FONT)
    padding = NARROW_PADDING if narrow else CELL_PADDING
    widths = column_widths(header, rows, width, size, padding)
    table = document.add_table(rows=0, cols=len(header))
    table._tbl.tblPr.style = GRID_STYLE_ID
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    template = _row_template(widths)
    half_points = int(size * 2)
    table._tbl.append(_header_row(template, header, half_points))
    for index, values in enumerate(rows):
        row_fills = fills[index] if fills is not None else [None] * len(header)
        table._tbl.append(_body_row(template, values, half_points, row_fills))
    if narrow:
        tighten(table)
    keep_on_one_page(table, together=len(rows) <= SMALL_TABLE)
    return table


def add_paragraph(document: Document, text: str = "", style_id: str | None = None) -> Paragraph:
    """Add a paragraph with a style given by id.

    Looking a style up by name costs python-docx some 2 ms each time; the ids of the
    default template's styles are fixed ("Heading1", "ListBullet", "Caption", …).
    """
    paragraph = document.add_paragraph(document_text(text))
    if style_id:
        paragraph._p.style = style_id
    if style_id and style_id.startswith("Heading"):
        # A heading never ends a page alone, also where a template's heading style forgets to
        # keep it with the next paragraph.
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_key_value_table(document: Document, width: int, label_share: float = 0.35) -> Table:
    """Add an empty two-column table (label, value) of the given width."""
    table = document.add_table(rows=0, cols=2)
    table._tbl.tblPr.style = GRID_STYLE_ID
    table.autofit = False
    table.columns[0].width = int(width * label_share)
    table.columns[1].width = width - int(width * label_share)
    return table


def text_width(document: Document | Section) -> int:
    """Return the width between the margins of the current (or given) section, in EMU."""
    section = document if isinstance(document, Section) else document.sections[-1]
    assert section.page_width is not None
    return int(section.page_width - (section.left_margin or 0) - (section.right_margin or 0))


def tighten(table: Table) -> None:
    """Use narrow cell margins, for tables with many columns."""
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "57")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    _insert_before(properties, margins, _AFTER_TBL_CELL_MAR)


def start_section(document: Document, landscape: bool) -> None:
    """Start a new page in portrait or landscape; footers carry over from the first section."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if width is None or height is None:
        return
    wide = width > height
    if landscape != wide:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    # Only the title page goes without a footer; a new section copies its setting.
    section.different_first_page_header_footer = False


def set_language(document: Document, tag: str) -> None:
    """Mark the text's language, so that Word's spelling check uses the right dictionary."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), tag)
