"""The house style of an exported document: a programme's or municipality's template, or ours."""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from docx.shared import Pt
from lxml import etree

from briefs.i18n import Translator

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
# What a template may unpack to: a 10 MB zip of repeated XML can hold gigabytes.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
FONT = "Arial"
# Dark blue: the table header shading D9E2F3 is its light tint, so headings and tables read
# as one family; it is neutral enough for any municipality when none gave its own colours.
HEADING_COLOUR = "1F3864"
SUBTLE_COLOUR = "595959"
BODY_PT = 10.5
TABLE_PT = 10
CAPTION_PT = 9
APPLICATION = "Kernbrief"

# The styles the writers set by id (brief_doc.py, cohort.py, docx_tools.py), with the name
# Word gives each built-in style. A template without one of REQUIRED_STYLES is refused:
# its body text and first headings are what a house style is. The others are copied in
# from the built-in style when missing, taking the template's font and colour.
REQUIRED_STYLES: dict[str, str] = {
    "Normal": "normal",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
}
SUPPLIED_STYLES: dict[str, str] = {
    "Heading3": "heading 3",
    "Title": "title",
    "Subtitle": "subtitle",
    "Caption": "caption",
    "ListBullet": "list bullet",
    "ListNumber": "list number",
    "TableGrid": "table grid",
}
WORD_TYPES = {
    CT.WML_DOCUMENT_MAIN: "document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "template",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "macros",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "macros",
}
_PACKAGE_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_PARTS = {"[Content_Types].xml", "_rels/.rels"}
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:basedOn", "w:next", "w:link")


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template is refused; ``missing`` names the styles it lacks."""

    reason: str
    missing: tuple[str, ...] = ()

    def message(self, t: Translator) -> str:
        names = ", ".join(t(f"style.name.{style_id}") for style_id in self.missing)
        return t(f"style.refused.{self.reason}", missing=names, mb=MAX_TEMPLATE_BYTES >> 20)


class TemplateRefused(ValueError):
    """A template that cannot give a document its style."""

    def __init__(self, problem: TemplateProblem):
        super().__init__(problem.reason)
        self.problem = problem


# --- reading a template ---------------------------------------------------------------------
def _main_part(archive: zipfile.ZipFile) -> tuple[str, etree._Element]:
    """Return the main part's name and the parsed [Content_Types].xml; KeyError if absent."""
    relations = etree.fromstring(archive.read("_rels/.rels"))
    target = next(
        rel.get("Target", "")
        for rel in relations.iter(f"{{{_PACKAGE_RELS}}}Relationship")
        if rel.get("Type") == RT.OFFICE_DOCUMENT
    )
    return "/" + target.lstrip("/"), etree.fromstring(archive.read("[Content_Types].xml"))


def _main_override(types: etree._Element, part: str) -> etree._Element | None:
    for override in types.iter(f"{{{_PACKAGE_TYPES}}}Override"):
        if override.get("PartName", "").lower() == part.lower():
            return override
    return None


def _kind(data: bytes) -> str:
    """Return 'document', 'template', 'macros', 'not_word', 'not_office', 'not_zip' or
    'too_large'."""
    if len(data) > MAX_TEMPLATE_BYTES:
        return "too_large"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                return "too_large"
            # Every Office file has these two: a zip without them is just an archive, and
            # the message for an Excel or PowerPoint file would mislead.
            if not _OFFICE_PARTS.issubset(archive.namelist()):
                return "not_office"
            part, types = _main_part(archive)
    except (zipfile.BadZipFile, KeyError, StopIteration, etree.XMLSyntaxError, ValueError):
        return "not_zip" if not zipfile.is_zipfile(io.BytesIO(data)) else "not_word"
    override = _main_override(types, part)
    content_type = override.get("ContentType", "") if override is not None else ""
    return WORD_TYPES.get(content_type, "not_word")


def _as_document(data: bytes) -> bytes:
    """Return a template's package with the content type of a document.

    python-docx opens only the document content type and refuses a .dotx, whose parts are
    the same: the one line in [Content_Types].xml is changed in memory, never stored.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    part, types = _main_part(source)
    override = _main_override(types, part)
    assert override is not None
    override.set("ContentType", CT.WML_DOCUMENT_MAIN)
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "[Content_Types].xml":
                target.writestr(info, etree.tostring(types, xml_declaration=True, standalone=True))
            else:
                target.writestr(info, source.read(info))
    return buffer.getvalue()


def _open(data: bytes) -> Document:
    """Open a checked template as a python-docx Document."""
    if _kind(data) == "template":
        data = _as_document(data)
    return docx.Document(io.BytesIO(data))


def _styles(document: Document) -> dict[str, etree._Element]:
    return {
        str(style.get(qn("w:styleId"))): style
        for style in document.styles.element.findall(qn("w:style"))
    }


def _adopt_builtin_ids(document: Document, wanted: dict[str, str]) -> None:
    """Give a template's built-in styles the ids the writers use.

    A Dutch Word names the id of 'heading 1' "Kop1" and of 'caption' "Bijschrift": the
    name stays the built-in English one. The id is changed everywhere the package refers
    to it (styles, numbering, headers and footers), so nothing loses its style.
    """
    styles = _styles(document)
    by_name = {
        str(style.find(qn("w:name")).get(qn("w:val"), "")).lower(): style_id
        for style_id, style in styles.items()
        if style.find(qn("w:name")) is not None
    }
    renames = {
        by_name[name]: style_id
        for style_id, name in wanted.items()
        if style_id not in styles and name in by_name
    }
    if not renames:
        return
    for style_id, new_id in renames.items():
        styles[style_id].set(qn("w:styleId"), new_id)
    tags = {qn(tag) for tag in _STYLE_REFERENCES}
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for reference in element.iter(*tags):
            value = reference.get(qn("w:val"))
            if value in renames:
                reference.set(qn("w:val"), renames[value])


def _missing(document: Document) -> tuple[str, ...]:
    styles = _styles(document)
    return tuple(style_id for style_id in REQUIRED_STYLES if style_id not in styles)


def check_template(data: bytes) -> TemplateProblem | None:
    """Return why ``data`` cannot be a house style, or None when it can."""
    kind = _kind(data)
    if kind not in ("document", "template"):
        return TemplateProblem(kind)
    try:
        document = _open(data)
    except Exception:  # python-docx and lxml raise many kinds on a damaged package
        return TemplateProblem("broken")
    _adopt_builtin_ids(document, REQUIRED_STYLES)
    missing = _missing(document)
    return TemplateProblem("missing_styles", missing) if missing else None


# --- the document ---------------------------------------------------------------------------
def base_document(template: bytes | None = None) -> Document:
    """Return an empty document in the template's style, or in the built-in style."""
    if template is None:
        document = docx.Document()
        _builtin_style(document)
    else:
        problem = check_template(template)
        if problem is not None:
            raise TemplateRefused(problem)
        document = _open(template)
        _adopt_builtin_ids(document, {**REQUIRED_STYLES, **SUPPLIED_STYLES})
        _empty_body(document)
        _supply_styles(document)
    _clean_properties(document)
    return document


def _empty_body(document: Document) -> None:
    """Remove the template's text, keeping the last section: page, header, footer and logo."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def has_own_footer(document: Document) -> bool:
    """Whether a section's footer holds text, a field or a picture of its own (a template's)."""
    marks = {qn(tag) for tag in ("w:t", "w:fldChar", "w:fldSimple", "w:drawing", "w:pict")}
    for section in document.sections:
        for footer in (section.footer, section.first_page_footer, section.even_page_footer):
            if footer.is_linked_to_previous:
                continue
            for element in footer._element.iter(*marks):
                if element.tag != qn("w:t") or (element.text or "").strip():
                    return True
    return False


def _supply_styles(document: Document) -> None:
    """Copy the styles a template lacks from the built-in set, without their font and colour."""
    styles = _styles(document)
    wanted = [style_id for style_id in SUPPLIED_STYLES if style_id not in styles]
    if not wanted:
        return
    builtin = docx.Document()
    _builtin_style(builtin)
    source = _styles(builtin)
    for style_id in wanted:
        style = copy.deepcopy(source[style_id])
        for tag in ("w:rFonts", "w:color", "w:link"):
            for element in list(style.iter(qn(tag))):
                element.getparent().remove(element)
        number = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if number is not None:
            number.set(qn("w:val"), _copy_numbering(builtin, document, number.get(qn("w:val"))))
        document.styles.element.append(style)


def _copy_numbering(source: Document, target: Document, num_id: str | None) -> str:
    """Copy list numbering ``num_id`` and its definition into ``target``; return its new id."""
    numbering = source.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    try:
        own = cast(NumberingPart, target.part.part_related_by(RT.NUMBERING)).element
    except KeyError:
        part = NumberingPart.load(
            PackURI("/word/numbering.xml"),
            CT.WML_NUMBERING,
            etree.tostring(etree.Element(qn("w:numbering"), nsmap=numbering.nsmap)),
            target.part.package,
        )
        target.part.relate_to(part, RT.NUMBERING)
        own = part.element
    new_abstract = copy.deepcopy(abstract)
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in own.findall(qn("w:abstractNum"))]
    new_abstract.set(qn("w:abstractNumId"), str(max(abstract_ids, default=0) + 1))
    for element in list(new_abstract.iter(qn("w:nsid"), qn("w:tmpl"), qn("w:numStyleLink"))):
        element.getparent().remove(element)
    numbers = own.findall(qn("w:num"))
    existing = own.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(new_abstract)
    else:
        own.insert(0, new_abstract)
    new_num = copy.deepcopy(num)
    new_num.set(
        qn("w:numId"), str(max((int(n.get(qn("w:numId"))) for n in numbers), default=0) + 1)
    )
    new_num.find(qn("w:abstractNumId")).set(qn("w:val"), new_abstract.get(qn("w:abstractNumId")))
    own.append(new_num)
    return str(new_num.get(qn("w:numId")))


def _set_fonts(element: etree._Element) -> None:
    """Name Arial for every script, dropping the theme fonts (Calibri, Cambria) Word prefers."""
    for fonts in element.iter(qn("w:rFonts")):
        for name in list(fonts.attrib):
            del fonts.attrib[name]
        for script in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{script}"), FONT)


def _run_properties(style: etree._Element) -> etree._Element:
    properties = style.find(qn("w:rPr"))
    if properties is None:
        properties = etree.SubElement(style, qn("w:rPr"))
    return properties


def _colour(style: etree._Element, value: str) -> None:
    properties = _run_properties(style)
    for old in properties.findall(qn("w:color")):
        properties.remove(old)
    colour = etree.SubElement(properties, qn("w:color"))
    colour.set(qn("w:val"), value)
    # CT_RPr's order puts w:color after the fonts, weight and caps: before the size.
    size = properties.find(qn("w:sz"))
    if size is not None:
        size.addprevious(colour)


def _drop(style: etree._Element, *tags: str) -> None:
    for tag in tags:
        for element in list(style.iter(qn(tag))):
            element.getparent().remove(element)


def _builtin_style(document: Document) -> None:
    """Restyle python-docx's default as a calm municipal document in one sans-serif family."""
    styles = document.styles
    _set_fonts(styles.element)
    normal = styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    paragraph = normal.paragraph_format
    paragraph.space_before, paragraph.space_after, paragraph.line_spacing = Pt(0), Pt(6), 1.15
    headings = {"Heading1": (16, 18, 6), "Heading2": (13, 14, 4), "Heading3": (11, 10, 3)}
    by_id = _styles(document)
    for style_id, (size, before, after) in headings.items():
        _heading(by_id[style_id], size, before, after)
    _title(by_id["Title"], 24, HEADING_COLOUR)
    _title(by_id["Subtitle"], 14, SUBTLE_COLOUR)
    _drop(by_id["Subtitle"], "w:numPr", "w:i", "w:iCs")
    caption = by_id["Caption"]
    _drop(caption, "w:b", "w:bCs")
    _colour(caption, SUBTLE_COLOUR)
    styles["Caption"].font.size = Pt(CAPTION_PT)
    styles["Caption"].font.italic = True
    styles["Table Grid"].font.size = Pt(TABLE_PT)
    _theme_fonts(document)
    # Word 2010 reads this older copy of the styles, still Calibri and Cambria, before ours.
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]
            document.part.rels._target_parts_by_rId.pop(rel_id, None)


def _heading(style: etree._Element, size: float, before: float, after: float) -> None:
    _drop(style, "w:i", "w:iCs")
    _colour(style, HEADING_COLOUR)
    properties = _run_properties(style)
    for tag in ("w:sz", "w:szCs"):
        for old in properties.findall(qn(tag)):
            properties.remove(old)
        etree.SubElement(properties, qn(tag)).set(qn("w:val"), str(int(size * 2)))
    spacing = style.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:before"), str(int(before * 20)))
        spacing.set(qn("w:after"), str(int(after * 20)))


def _title(style: etree._Element, size: float, colour: str) -> None:
    _drop(style, "w:pBdr", "w:spacing")
    _colour(style, colour)
    properties = _run_properties(style)
    for tag in ("w:sz", "w:szCs"):
        for old in properties.findall(qn(tag)):
            properties.remove(old)
        etree.SubElement(properties, qn(tag)).set(qn("w:val"), str(int(size * 2)))
    paragraph = style.find(qn("w:pPr"))
    if paragraph is None:
        paragraph = etree.SubElement(style, qn("w:pPr"))
    spacing = etree.SubElement(paragraph, qn("w:spacing"))
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "240")


def _theme_fonts(document: Document) -> None:
    """Make the theme's body and heading fonts Arial too, as Word's font list shows them."""
    for rel in document.part.rels.values():
        if rel.reltype != RT.THEME or rel.is_external:
            continue
        part = rel.target_part
        theme = etree.fromstring(part.blob)
        drawing = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        for latin in theme.iter(f"{drawing}latin"):
            latin.set("typeface", FONT)
        part._blob = etree.tostring(theme, xml_declaration=True, standalone=True)


def _clean_properties(document: Document) -> None:
    """Leave no trace of python-docx's template: its comment, author, 2013 date, application."""
    properties = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.last_modified_by = APPLICATION
    properties.revision = 1
    # A template's own description is about the template, not about this document.
    properties.comments = ""
    if "python-docx" in (properties.author or ""):
        properties.author = ""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
            package.rels._target_parts_by_rId.pop(rel_id, None)
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            app = etree.fromstring(part.blob)
            for element in app:
                if etree.QName(element).localname == "Application":
                    element.text = APPLICATION
                elif etree.QName(element).localname == "Template":
                    element.text = None
            part._blob = etree.tostring(app, xml_declaration=True, standalone=True)
