"""The council-ready Word document of one design brief."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Cm, Pt

from briefs.brief import Brief
from briefs.content import root_cause_row
from briefs.export.docx_tools import (
    GRID_STYLE_ID,
    add_field,
    add_key_value_table,
    add_paragraph,
    add_table,
    compact,
    document_line,
    document_text,
    set_language,
    set_properties,
    shade,
    start_section,
    text_width,
    tighten,
    update_fields_on_open,
)

# ExportOptions lives apart so that pages offering the choice do not import python-docx.
from briefs.export.options import ExportOptions as ExportOptions
from briefs.i18n import (
    Translator,
)
from briefs.parts import PART_SPECS, ExportForm, Group, PartSpec, step_layout
from briefs.present import FieldKind, Reader, day, row_fields
from briefs.programme import Trajectory
from briefs.steps import STEPS

ImageLoader = Callable[[int], bytes | None]
WIDE_TABLE = 7
# The SWOT's quadrants: green, red, blue and orange, as the programme's canvas colours them.
GRID_FILLS = ("D5E8D4", "F8CECC", "DAE8FC", "FFE6CC")
TIMELINE_FILL = "8B3A62"


@dataclass(frozen=True)
class ExportContext:
    """What the document says about the brief beyond its own content."""

    trajectory: Trajectory
    authors: tuple[str, ...] = ()
    today: date = field(default_factory=date.today)


def file_name(brief: Brief, t: Translator, today: date) -> str:
    """Return 'Designbrief <gemeente> <datum>.docx', safe on every file system."""
    unsafe = '<>:"/\\|?*'
    municipality = "".join("-" if c in unsafe else c for c in document_line(brief.municipality))
    return t("export.file_name", municipality=municipality, day=today.isoformat()) + ".docx"


class _Writer:
    """Writes the brief's parts in the order and form the brief's shape declares."""

    def __init__(self, brief: Brief, t: Translator, options: ExportOptions, images: ImageLoader):
        self.brief, self.t, self.options, self.images = brief, t, options, images
        self.doc: Document = new_document()
        self.figures = 0
        self.landscape = False
        # Tables number their rows, so a link reads "Richting 2" rather than repeating its name.
        self.reader = Reader(brief, t, named=False)
        self.forms: dict[ExportForm, Callable[[str], None]] = {
            ExportForm.TEXT: self.text,
            ExportForm.LINKS: self.links,
            ExportForm.TABLE: self.table,
            ExportForm.WIDE_TABLE: self.table,
            ExportForm.BULLETS: self.bullets,
            ExportForm.NUMBERED: self.numbered,
            ExportForm.CARDS: self.cards,
            ExportForm.FIGURES: self.sketches,
            ExportForm.VALUE: self.text,
            ExportForm.FRONT: lambda key: None,
            # The collegenota's parts stand in the nota itself (nota_doc.py), never here.
            ExportForm.NOTA: lambda key: None,
        }

    # --- building blocks --------------------------------------------------------------
    def rows(self, key: str) -> list[dict[str, Any]]:
        return list(self.brief.part(key).value or [])

    def heading(self, key: str) -> None:
        add_paragraph(self.doc, self.t(f"part.{key}.title"), "Heading2")

    def to_fill(self, paragraph: Any = None) -> None:
        target = paragraph if paragraph is not None else self.doc.add_paragraph()
        target.add_run(self.t("doc.to_fill")).italic = True

    def empty(self, key: str) -> bool:
        """Return True when the part is empty; write its heading and mark when asked to."""
        is_empty = not self.brief.is_filled(key)
        if is_empty and self.options.empty == "mark":
            self.heading(key)
            self.to_fill()
        return is_empty

    def orientation(self, landscape: bool) -> None:
        if landscape != self.landscape:
            start_section(self.doc, landscape)
            self.landscape = landscape

    # --- the forms of a part ----------------------------------------------------------
    def part(self, spec: PartSpec) -> None:
        # A part followed by the timeline shares its landscape pages, rather than a page alone.
        exported_insight = spec.insight is not None and spec.insight.exported
        if self.brief.is_filled(spec.key) or self.options.empty == "mark":
            self.orientation(spec.export is ExportForm.WIDE_TABLE or exported_insight)
        self.forms[spec.export](spec.key)
        if spec.insight is not None and spec.insight.exported:
            self.timeline()

    def text(self, key: str) -> None:
        if self.empty(key):
            return
        self.heading(key)
        self.doc.add_paragraph(document_text(self.reader.scalar(key, self.brief.part(key).value)))

    def links(self, key: str) -> None:
        if self.empty(key):
            return
        self.heading(key)
        add_paragraph(self.doc, self.reader.scalar(key, self.brief.part(key).value))

    def table(self, key: str) -> None:
        if self.empty(key):
            return
        backlinks = self.reader.backlinks(key)
        columns = len(row_fields(key)) + len(backlinks)
        wide = columns >= WIDE_TABLE
        self.heading(key)
        rows = self.rows(key)
        header = [self.t("doc.number"), *self.reader.headers(key)]
        header += [backlink.title for backlink in backlinks]
        cells = self.reader.rows(key, rows, short_dates=wide)
        body = [
            [str(number), *line, *(backlink.cell(row) for backlink in backlinks)]
            for number, (row, line) in enumerate(zip(rows, cells, strict=True), start=1)
        ]
        table = add_table(self.doc, header, body, text_width(self.doc), font_size=8 if wide else 0)
        if wide:
            tighten(table)
        self.totals(key, rows)

    def totals(self, key: str, rows: list[dict[str, Any]]) -> None:
        """Under a table with amounts: their total, as a budget is read."""
        for column in row_fields(key):
            if column.kind is FieldKind.MONEY:
                amounts = [Decimal(str(row[column.name])) for row in rows if row.get(column.name)]
                total = sum(amounts, Decimal(0))
                self.doc.add_paragraph().add_run(
                    f"{self.t('doc.total')}: {self.t.money(total)}"
                ).bold = True

    def bullets(self, key: str) -> None:
        if self.empty(key):
            return
        self.heading(key)
        for row in self.rows(key):
            add_paragraph(self.doc, document_text(row["text"]), "ListBullet")

    def numbered(self, key: str) -> None:
        if self.empty(key):
            return
        self.heading(key)
        rows = self.rows(key)
        root = root_cause_row(rows)
        for row in rows:
            paragraph = add_paragraph(self.doc, "", "ListNumber")
            if root is not None and row["id"] == root["id"]:
                paragraph.add_run(self.t("link.root_cause") + ": ").bold = True
            paragraph.add_run(document_text(row["text"]))

    def cards(self, key: str) -> None:
        """One small two-column table per row: eleven columns do not fit a page."""
        if self.empty(key):
            return
        self.heading(key)
        headers = self.reader.headers(key)
        backlinks = self.reader.backlinks(key)
        rows = self.rows(key)
        lines = self.reader.rows(key, rows)
        for number, (row, line) in enumerate(zip(rows, lines, strict=True), start=1):
            add_paragraph(self.doc, self.t(f"link.{key}", n=number), "Heading3")
            facts = list(zip(headers, line, strict=True))
            facts += [(backlink.title, backlink.cell(row)) for backlink in backlinks]
            table = add_key_value_table(self.doc, text_width(self.doc), 0.3)
            for label, value in facts:
                label_cell, value_cell = table.add_row().cells
                label_cell.paragraphs[0].add_run(label).bold = True
                shade(label_cell)
                value_cell.text = document_text(value)

    def sketches(self, key: str) -> None:
        if not self.options.sketches or self.empty(key):
            return
        self.heading(key)
        for sketch in self.rows(key):
            data = self.images(int(sketch["image_id"]))
            try:
                if data is None:
                    raise UnrecognizedImageError
                self.doc.add_picture(io.BytesIO(data), width=Cm(15))
            except (UnrecognizedImageError, ValueError, OSError, ZeroDivisionError):
                self.doc.add_paragraph().add_run(self.t("doc.image_unreadable")).italic = True
            self.figures += 1
            caption = add_paragraph(self.doc, "", "Caption")
            caption.add_run(self.t("doc.figure") + " ")
            add_field(caption, "SEQ Figuur \\* ARABIC", str(self.figures))
            caption.add_run(": " + document_text(sketch["caption"]))

    # --- groups -----------------------------------------------------------------------
    def group(self, group: Group) -> None:
        self.orientation(False)
        if group.spec.export == "parts":
            for spec in group.parts:
                self.part(spec)
        elif group.spec.export == "facts":
            self.facts(group)
        else:
            self.grid(group)

    def facts(self, group: Group) -> None:
        """A label/value table under the group's heading, e.g. who supports the plan."""
        keys = [spec.key for spec in group.parts]
        values = [self.reader.scalar(key, self.brief.part(key).value) for key in keys]
        if not any(value.strip() for value in values) and self.options.empty == "omit":
            return
        add_paragraph(self.doc, self.t(group.spec.title_key), "Heading2")
        table = add_key_value_table(self.doc, text_width(self.doc))
        for key, value in zip(keys, values, strict=True):
            label, cell = table.add_row().cells
            label.paragraphs[0].add_run(self.t(f"part.{key}.title")).bold = True
            shade(label)
            if value.strip():
                cell.text = document_text(value)
            else:
                self.to_fill(cell.paragraphs[0])

    def grid(self, group: Group) -> None:
        """Four list parts in a 2×2 grid, each under its own shaded heading: the SWOT."""
        keys = [spec.key for spec in group.parts]
        if not any(self.brief.is_filled(key) for key in keys) and self.options.empty == "omit":
            return
        add_paragraph(self.doc, self.t(group.spec.title_key), "Heading2")
        table = self.doc.add_table(rows=2 * ((len(keys) + 1) // 2), cols=2)
        table._tbl.tblPr.style = GRID_STYLE_ID
        for index, key in enumerate(keys):
            row, column = (index // 2) * 2, index % 2
            head, body = table.rows[row].cells[column], table.rows[row + 1].cells[column]
            head.paragraphs[0].add_run(self.t(f"part.{key}.title")).bold = True
            shade(head, GRID_FILLS[index % len(GRID_FILLS)])
            items = self.rows(key)
            if not items:
                self.to_fill(body.paragraphs[0])
            for number, item in enumerate(items):
                paragraph = body.paragraphs[0] if number == 0 else body.add_paragraph()
                paragraph.add_run("• " + document_text(item["text"]))

    # --- the document -----------------------------------------------------------------
    def title_page(self, context: ExportContext) -> None:
        t, brief, trajectory = self.t, self.brief, context.trajectory
        add_paragraph(self.doc, t("doc.title"), "Title")
        add_paragraph(self.doc, document_line(brief.municipality), "Subtitle")
        last = brief.last_saved()
        facts = [
            (t("doc.municipality"), document_line(brief.municipality)),
            (
                t("doc.trajectory"),
                t("doc.trajectory_value", number=trajectory.number, title=trajectory.title),
            ),
            (t("doc.date"), t.day(context.today)),
            (t("doc.authors"), ", ".join(document_line(name) for name in context.authors)),
            (t("doc.coaches"), ", ".join(document_line(name) for name in trajectory.coaches)),
            (t("doc.version"), t("doc.version_value", moment=t.moment(last)) if last else ""),
        ]
        table = add_key_value_table(self.doc, text_width(self.doc), 0.3)
        table._tbl.tblPr.style = None
        for label, value in facts:
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(label).bold = True
            value_cell.text = document_text(value)
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        add_paragraph(self.doc, t("doc.contents"), "Heading1")
        add_field(self.doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', t("doc.toc_placeholder"))
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def front(self) -> None:
        """The parts declared for the front, e.g. the summary, each under a first-level heading."""
        for spec in PART_SPECS:
            if spec.export is not ExportForm.FRONT:
                continue
            value = self.brief.text(spec.key)
            if not value.strip() and self.options.empty == "omit":
                continue
            add_paragraph(self.doc, self.t(f"part.{spec.key}.title"), "Heading1")
            if value.strip():
                self.doc.add_paragraph(document_text(value))
            else:
                self.to_fill()

    def step(self, step: int) -> None:
        add_paragraph(self.doc, self.t(f"step.{step}.title"), "Heading1")
        for item in step_layout(step):
            if isinstance(item, Group):
                self.group(item)
            else:
                self.part(item)
        self.orientation(False)

    def timeline(self) -> None:
        """The roadmap as a table of periods with shaded cells.

        A table rather than a chart image: it stays editable in Word, prints sharply, and
        needs no browser to render a plotly figure on the server.
        """
        bars, marks = self.timeline_bars(), self.timeline_marks()
        if not bars and not marks:
            return
        days = [d for _, first, last in bars for d in (first, last)] + [d for _, d in marks]
        periods = _periods(min(days), max(days))
        self.orientation(True)
        add_paragraph(self.doc, self.t("chart.timeline"), "Heading2")
        self.doc.add_paragraph(self.t("doc.timeline_note"))
        header = ["", *(self.period_label(period) for period in periods)]
        lines = [[label, *("" for _ in periods)] for label, _, _ in bars]
        lines += [[label, *_diamonds(when, periods)] for label, when in marks]
        fills = [[None, *_shading(start, end, periods)] for _, start, end in bars]
        fills += [[None for _ in header] for _ in marks]
        add_table(self.doc, header, lines, text_width(self.doc), font_size=7, fills=fills)

    def timeline_bars(self) -> list[tuple[str, date, date]]:
        """Actions with a start and a deadline not before it, as (label, start, deadline)."""
        bars = []
        for action in self.rows("roadmap.actions"):
            start, end = day(action["start"]), day(action["deadline"])
            if start and end and end >= start:
                bars.append((self.reader.link(action["id"]), start, end))
        return bars

    def timeline_marks(self) -> list[tuple[str, date]]:
        """Milestones with a date, as ('Mijlpaal 2', date)."""
        marks = []
        for number, milestone in enumerate(self.rows("roadmap.milestones"), start=1):
            when = day(milestone["date"])
            if when:
                marks.append((f"{self.t('chart.milestone')} {number}", when))
        return marks

    def period_label(self, period: tuple[date, date]) -> str:
        first = period[0]
        if (period[1] - first).days > 40:
            return self.t("doc.quarter", quarter=(first.month - 1) // 3 + 1, year=first.year)
        return f"{first.month:02d}/{first.year % 100:02d}"


def _diamonds(when: date, periods: list[tuple[date, date]]) -> list[str]:
    return ["◆" if first <= when <= last else "" for first, last in periods]


def _shading(start: date, end: date, periods: list[tuple[date, date]]) -> list[str | None]:
    return [TIMELINE_FILL if start <= last and end >= first else None for first, last in periods]


def _periods(first: date, last: date) -> list[tuple[date, date]]:
    """Months when the plan spans at most 18 months, quarters otherwise (at most 24)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if months <= 18 else 3
    start_month = first.month if step == 1 else ((first.month - 1) // 3) * 3 + 1
    cursor = date(first.year, start_month, 1)
    periods: list[tuple[date, date]] = []
    while cursor <= last and len(periods) < 24:
        month = cursor.month + step
        following = date(cursor.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        periods.append((cursor, date.fromordinal(following.toordinal() - 1)))
        cursor = following
    return periods


def build_brief_document(
    brief: Brief,
    context: ExportContext,
    options: ExportOptions,
    t: Translator,
    images: ImageLoader,
    progress: Callable[[float], object] | None = None,
) -> bytes:
    """Return the brief as a .docx file; reading the brief only, never changing it."""
    writer = _Writer(brief, t, options, images)
    doc = writer.doc
    compact(doc)
    set_language(doc, "nl-BE" if t.language == "nl" else "en-GB")
    update_fields_on_open(doc)
    municipality = document_line(brief.municipality)
    authors = ", ".join(filter(None, (document_line(name) for name in context.authors)))
    set_properties(
        doc,
        title=f"{t('doc.title')} {municipality}",
        subject=t("doc.subject", municipality=municipality, number=context.trajectory.number),
        author=authors or municipality,
        keywords=t("doc.keywords"),
        language="nl-BE" if t.language == "nl" else "en-GB",
    )
    first = doc.sections[0]
    first.page_width, first.page_height = Cm(21), Cm(29.7)  # A4, as Belgian offices print
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(first, side, Cm(2.2))
    footer = first.footer.paragraphs[0]
    footer.add_run(document_text(t("doc.footer", municipality=municipality)))
    add_field(footer, "PAGE", "1")
    footer.add_run(t("doc.footer_of"))
    add_field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8)
    writer.title_page(context)
    if options.summary:
        writer.front()
    steps = [step for step in STEPS if step in options.steps]
    for done, step in enumerate(steps, start=1):
        writer.step(step)
        if progress is not None:
            progress(done / len(steps))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
