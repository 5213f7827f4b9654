"""Small python-docx helpers for what its API lacks: fields, shading, header rows, sections."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from briefs.model import one_line_name, xml_text

HEADER_FILL = "D9E2F3"
# The house style's floor for table text: a college reads the tables on paper.
MIN_TABLE_PT = 9
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


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split(" ")), default=0)


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Share ``width`` (EMU) among the columns by how much text each holds.

    Each column gets room for its longest word and the cell padding (so words are not
    split), then more for longer text: a number column stays narrow, a description wide.
    """
    longest = [max(_longest_word(title), 1) for title in header]
    totals = [0] * len(header)
    for values in rows:
        texts = [str(value) for value in values]
        totals = [size + len(text) for size, text in zip(totals, texts, strict=True)]
        longest = [
            max(size, _longest_word(text)) for size, text in zip(longest, texts, strict=True)
        ]
    averages = [size / max(len(rows), 1) for size in totals]
    weights = [
        max(min(word, 16) * 1.5 + 2, min(average, 25) + 2)
        for average, word in zip(averages, longest, strict=True)
    ]
    total = sum(weights)
    return [int(width * weight / total) for weight in weights]


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
            _append_text(cell.find(qn("w:p")), document_text(text), size=size)
        if fill:
            _shade_element(cell, str(fill))
    return row


def add_table(
    document: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    font_size: float = 0,
    fills: Sequence[Sequence[str | None]] | None = None,
) -> Table:
    """Add a table with a shaded, repeating header row and the given rows.

    Rows are written as XML from one template: python-docx's add_row and cell.text cost
    about 2 ms a row, too slow for a 200-row list.
    """
    widths = column_widths(header, rows, width)
    table = document.add_table(rows=0, cols=len(header))
    table._tbl.tblPr.style = GRID_STYLE_ID
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    template = _row_template(widths)
    size = int(max(font_size, MIN_TABLE_PT) * 2) if font_size else 0
    table._tbl.append(_header_row(template, header, size))
    for index, values in enumerate(rows):
        row_fills = fills[index] if fills is not None else [None] * len(header)
        table._tbl.append(_body_row(template, values, size, row_fills))
    return table


def add_paragraph(document: Document, text: str = "", style_id: str | None = None) -> Paragraph:
    """Add a paragraph with a style given by id.

    Looking a style up by name costs python-docx some 2 ms each time; the ids of the
    default template's styles are fixed ("Heading1", "ListBullet", "Caption", …).
    """
    paragraph = document.add_paragraph(document_text(text))
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def add_key_value_table(document: Document, width: int, label_share: float = 0.35) -> Table:
    """Add an empty two-column table (label, value) of the given width."""
    table = document.add_table(rows=0, cols=2)
    table._tbl.tblPr.style = GRID_STYLE_ID
    table.autofit = False
    table.columns[0].width = int(width * label_share)
    table.columns[1].width = width - int(width * label_share)
    return table


def text_width(document: Document) -> int:
    """Return the width between the margins of the current section, in EMU."""
    section = document.sections[-1]
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
