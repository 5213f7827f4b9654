"""The council-ready Word document of one design brief."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefs.brief import Brief
from briefs.content import root_cause_row, without_blank_rows
from briefs.export.docx_tools import (
    CELL_PADDING,
    GRID_STYLE_ID,
    MAX_PROPERTY,
    NARROW_PADDING,
    add_field,
    add_key_value_table,
    add_paragraph,
    add_table,
    bookmark,
    document_line,
    document_text,
    fitting_columns,
    keep_on_one_page,
    minimum_width,
    set_language,
    set_properties,
    set_up_pages,
    shade,
    start_section,
    text_width,
    update_fields_on_open,
    write_contents,
)

# ExportOptions lives apart so that pages offering the choice do not import python-docx.
from briefs.export.options import DocumentForm
from briefs.export.options import ExportOptions as ExportOptions
from briefs.export.style import base_document, has_own_footer
from briefs.export.theme_figures import FIGURES, TABLES, FigureMaker, TableMaker
from briefs.i18n import (
    Translator,
)
from briefs.model import Theme
from briefs.nota import college_day, nota_title
from briefs.parts import PART_SPECS, PARTS, ExportForm, Group, Insight, PartSpec, step_layout
from briefs.present import EMPTY_CELL, FieldKind, Reader, day, row_fields
from briefs.programme import Trajectory
from briefs.steps import STEPS
from briefs.theme_choice import shown_themes
from briefs.themes import MODULES

ImageLoader = Callable[[int], bytes | None]
WIDE_TABLE = 7
# The SWOT's quadrants: green, red, blue and orange, as the programme's canvas colours them.
GRID_FILLS = ("D5E8D4", "F8CECC", "DAE8FC", "FFE6CC")
TIMELINE_FILL = "8B3A62"
# Fewer headings than this make a short document: a table of contents would only repeat them.
MIN_CONTENTS = 4
# What Windows refuses in a file name, besides control characters.
_WINDOWS_UNSAFE = '<>:"/\\|?*'
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)
}
MAX_FILE_NAME = 120


@dataclass(frozen=True)
class ExportContext:
    """What the document says about the brief beyond its own content."""

    trajectory: Trajectory
    authors: tuple[str, ...] = ()
    today: date = field(default_factory=date.today)
    # The house style: a Word template's bytes (checked by briefs.export.style), or None.
    template: bytes | None = None


def safe_file_name(stem: str, suffix: str = ".docx") -> str:
    """Return ``stem`` + ``suffix`` as Windows accepts it: no reserved name, ≤ 120 characters.

    Control characters and tabs become spaces, what Windows refuses a '-'; trailing dots and
    spaces go; 'CON', 'LPT1' … get a '_'.
    """
    line = "".join(" " if ord(c) < 0x20 or c == "\x7f" else c for c in document_line(stem))
    line = " ".join("".join("-" if c in _WINDOWS_UNSAFE else c for c in line).split())
    line = line[: MAX_FILE_NAME - len(suffix)].rstrip(" .")
    if line.split(".")[0].upper() in _WINDOWS_RESERVED or not line:
        line = f"_{line}"
    return line + suffix


def file_name(brief: Brief, t: Translator, today: date, form: DocumentForm = "brief") -> str:
    """Return e.g. 'Collegenota <gemeente> <datum>.docx', safe on every file system."""
    municipality = document_line(brief.municipality)
    return safe_file_name(
        t(f"export.file_name.{form}", municipality=municipality, day=today.isoformat())
    )


def brief_title(brief: Brief, t: Translator) -> str:
    """The document's title: the collegenota's subject, else the challenge question."""
    return document_line(nota_title(brief)) or t("doc.title")


class _Writer:
    """Writes the brief's parts in the order and form the brief's shape declares."""

    def __init__(
        self,
        brief: Brief,
        t: Translator,
        options: ExportOptions,
        images: ImageLoader,
        template: bytes | None = None,
    ):
        self.brief, self.t, self.options, self.images = brief, t, options, images
        self.doc: Document = base_document(template)
        self.figures = 0
        self.landscape = False
        self.reader = Reader(brief, t)
        # A step's heading waits for the step's first content: an empty step writes none.
        self.pending: str | None = None
        # (level, text, bookmark) of every first- and second-level heading, for the contents.
        self.headings: list[tuple[int, str, str]] = []
        self.contents: list[Any] = []
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
            ExportForm.NONE: lambda key: None,
        }

    # --- building blocks --------------------------------------------------------------
    def rows(self, key: str) -> list[dict[str, Any]]:
        # Without blank rows, as the link labels count them: 'Richting 3' is the third row.
        return list(without_blank_rows(key, self.brief.part(key).value) or [])

    def title(self, text: str, level: int) -> Paragraph:
        """Write a heading, after the step heading still waiting for content."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.title(pending, 1)
        paragraph = add_paragraph(self.doc, text, f"Heading{level}")
        if level <= 2:
            number = len(self.headings) + 1
            # Word hides bookmarks whose name starts with '_', as it does its own _Toc ones.
            bookmark(paragraph, f"_Toc{number}", number)
            self.headings.append((level, text, f"_Toc{number}"))
        return paragraph

    def heading(self, key: str) -> None:
        self.title(self.t(f"part.{key}.title"), 2)

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
        # An empty part, even marked 'nog in te vullen', needs no landscape page of its own.
        # The timeline is a wide table of periods; a module's chart fits a portrait page.
        insight = spec.insight
        timeline = (
            insight is not None
            and insight.exported
            and insight.name not in FIGURES
            and insight.name not in TABLES
        )
        if self.brief.is_filled(spec.key):
            self.orientation(spec.export is ExportForm.WIDE_TABLE or timeline)
        elif self.options.empty == "mark":
            self.orientation(False)
        self.forms[spec.export](spec.key)
        if spec.insight is not None and spec.insight.exported:
            name = spec.insight.name
            if name in FIGURES:
                caption = self.figures_of(FIGURES[name])
                # A table of the figure's numbers stays on the page of its caption.
                if caption is not None and name in TABLES:
                    caption.paragraph_format.keep_with_next = True
            if name in TABLES:
                self.matrix(spec.insight, TABLES[name], titled=name not in FIGURES)
            if name not in FIGURES and name not in TABLES:
                self.timeline()

    def matrix(self, insight: Insight, maker: TableMaker, titled: bool = True) -> None:
        """A table an insight derives from the rows, its cells shaded as on screen; under
        the insight's figures it goes ``titled`` False (the caption names them)."""
        found = maker(self.brief, self.t)
        if found is None:
            return
        if titled and insight.title_key is not None:
            self.title(self.t(insight.title_key), 2)
        add_table(self.doc, found.header, found.rows, text_width(self.doc), fills=found.fills)

    def figures_of(self, maker: FigureMaker) -> Paragraph | None:
        """A module's charts, as numbered figures whose caption is their alternative text;
        returns the last caption (None without a chart)."""
        line = None
        for data, caption in maker(self.brief, self.t):
            # The picture's own paragraph, kept with its caption (made here rather than looked
            # up: listing a long document's paragraphs costs more than drawing the chart).
            holder = self.doc.add_paragraph()
            holder.paragraph_format.keep_with_next = True
            # Room above: right under a table, the picture's white would cover its last line.
            holder.paragraph_format.space_before = Pt(8)
            picture = holder.add_run().add_picture(io.BytesIO(data), width=Cm(15))
            alt = document_line(caption)[:MAX_PROPERTY]
            picture._inline.docPr.set("descr", alt)
            picture._inline.docPr.set("title", alt)
            self.figures += 1
            line = add_paragraph(self.doc, "", "Caption")
            line.add_run(self.t("doc.figure") + " ")
            add_field(line, "SEQ Figuur \\* ARABIC", str(self.figures))
            line.add_run(": " + document_text(caption))
        return line

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
        rows = self.rows(key)
        header = [self.t("doc.number"), *self.reader.headers(key)]
        header += [backlink.title for backlink in backlinks]
        cells = self.reader.rows(key, rows, short_dates=wide)
        body = [
            [str(number), *line, *(backlink.cell(row) for backlink in backlinks)]
            for number, (row, line) in enumerate(zip(rows, cells, strict=True), start=1)
        ]
        padding = NARROW_PADDING if wide else CELL_PADDING
        if minimum_width(header, body, padding=padding) > text_width(self.doc):
            # Too wide for a portrait page: this table goes landscape rather than break words.
            self.orientation(True)
        self.heading(key)
        width = text_width(self.doc)
        first = fitting_columns(header, body, width, padding=padding)
        add_table(self.doc, header[:first], [line[:first] for line in body], width, narrow=wide)
        self.totals(key, rows)
        rest = [[line[0], *line[first:]] for line in body if any(line[first:])]
        if rest:
            # Even landscape has no room for every word: the last columns (indicator, links)
            # follow in a second table by number, rather than words broken inside; a row
            # with nothing in them is left out there.
            add_paragraph(
                self.doc, self.t("doc.table_more", title=self.t(f"part.{key}.title")), "Heading3"
            )
            add_table(self.doc, [header[0], *header[first:]], rest, width, narrow=wide)

    def totals(self, key: str, rows: list[dict[str, Any]]) -> None:
        """Under a table with amounts: their total, as a budget is read."""
        row_model = PARTS[key].row_model
        if row_model is not None and not row_model.amounts_add_up:
            return
        for column in row_fields(key):
            if column.kind is FieldKind.MONEY:
                amounts = [Decimal(str(row[column.name])) for row in rows if row.get(column.name)]
                if not amounts:
                    continue  # a column left empty has no total worth printing ("€ 0,00")
                total = sum(amounts, Decimal(0))
                # Named by its column: a table may hold amounts of different kinds.
                what = self.t(f"col.{column.name}").removesuffix(" (€)").lower()
                self.doc.add_paragraph().add_run(
                    f"{self.t('doc.total')} {what}: {self.t.money(total)}"
                ).bold = True

    def bullets(self, key: str) -> None:
        if self.empty(key):
            return
        self.heading(key)
        for row in self.rows(key):
            add_paragraph(self.doc, document_text(row.get("text")), "ListBullet")

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
            paragraph.add_run(document_text(row.get("text")))

    def cards(self, key: str) -> None:
        """One small two-column table per row: eleven columns do not fit a page."""
        if self.empty(key):
            return
        self.heading(key)
        headers = self.reader.headers(key)
        backlinks = self.reader.backlinks(key)
        rows = self.rows(key)
        lines = self.reader.rows(key, rows)
        for row, line in zip(rows, lines, strict=True):
            add_paragraph(self.doc, self.reader.link(row["id"]), "Heading3")
            facts = list(zip(headers, line, strict=True))
            facts += [(backlink.title, backlink.cell(row)) for backlink in backlinks]
            # A card shows what is filled in; an empty line only adds length.
            self.key_values([(label, value) for label, value in facts if value.strip()], 0.3)

    def key_values(self, facts: list[tuple[str, str]], label_share: float = 0.35) -> Table:
        """A label/value table kept on one page, labels bold on a shaded column."""
        table = add_key_value_table(self.doc, text_width(self.doc), label_share)
        for label, value in facts:
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(label).bold = True
            shade(label_cell)
            if value.strip():
                value_cell.text = document_text(value)
            else:
                self.to_fill(value_cell.paragraphs[0])
        keep_on_one_page(table)
        return table

    def sketches(self, key: str) -> None:
        if not self.options.sketches or self.empty(key):
            return
        self.heading(key)
        for sketch in self.rows(key):
            data = self.images(int(sketch["image_id"]))
            try:
                if data is None:
                    raise UnrecognizedImageError
                picture = self.doc.add_picture(io.BytesIO(data), width=Cm(15))
                # Its caption is its alternative text, for a screen reader and Word's checker.
                alt = document_line(sketch.get("caption"))[:MAX_PROPERTY]
                picture._inline.docPr.set("descr", alt)
                picture._inline.docPr.set("title", alt)
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
        facts = [
            (self.t(f"part.{key}.title"), value)
            for key, value in zip(keys, values, strict=True)
            if value.strip() or self.options.empty == "mark"
        ]
        if not facts:
            return
        self.title(self.t(group.spec.title_key), 2)
        self.key_values(facts)

    def grid(self, group: Group) -> None:
        """Four list parts in a 2×2 grid, each under its own shaded heading: the SWOT."""
        keys = [spec.key for spec in group.parts]
        if not any(self.brief.is_filled(key) for key in keys) and self.options.empty == "omit":
            return
        self.title(self.t(group.spec.title_key), 2)
        table = self.doc.add_table(rows=2 * ((len(keys) + 1) // 2), cols=2)
        table._tbl.tblPr.style = GRID_STYLE_ID
        for index, key in enumerate(keys):
            row, column = (index // 2) * 2, index % 2
            head, body = table.rows[row].cells[column], table.rows[row + 1].cells[column]
            head.paragraphs[0].add_run(self.t(f"part.{key}.title")).bold = True
            shade(head, GRID_FILLS[index % len(GRID_FILLS)])
            items = self.rows(key)
            if not items and self.options.empty == "mark":
                self.to_fill(body.paragraphs[0])
            elif not items:
                body.paragraphs[0].add_run(EMPTY_CELL)
            # Numbered as links name them: 'Beantwoordt: Z1 · …' finds Z1 here.
            for number, item in enumerate(items, start=1):
                paragraph = body.paragraphs[0] if number == 1 else body.add_paragraph()
                paragraph.add_run(self.t(f"link.{key}", n=number) + "\u00a0").bold = True
                paragraph.add_run(document_text(item.get("text")))
        keep_on_one_page(table)

    # --- the document -----------------------------------------------------------------
    def title_page(self, context: ExportContext) -> None:
        t, brief, trajectory = self.t, self.brief, context.trajectory
        title = brief_title(brief, t)
        add_paragraph(self.doc, title, "Title")
        municipality = document_line(brief.municipality)
        kind = municipality if title == t("doc.title") else f"{t('doc.title')} · {municipality}"
        add_paragraph(self.doc, kind, "Subtitle")
        college = college_day(brief)
        if college is not None:
            add_paragraph(self.doc, t("doc.submitted", day=t.day(college)))
        last = brief.last_saved()
        facts = [
            (t("doc.municipality"), municipality),
            (
                t("doc.trajectory"),
                t("doc.trajectory_value", number=trajectory.number, title=trajectory.title),
            ),
            (t("doc.programme"), t("doc.programme_value")),
            (t("doc.date"), t.day(context.today)),
            (t("doc.version"), t("doc.version_value", moment=t.moment(last)) if last else ""),
            (t("doc.authors"), ", ".join(filter(None, map(document_line, context.authors)))),
            (t("doc.coaches"), ", ".join(filter(None, map(document_line, trajectory.coaches)))),
        ]
        table = add_key_value_table(self.doc, text_width(self.doc), 0.3)
        table._tbl.tblPr.style = None
        for label, value in facts:
            if not value.strip():
                continue
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(label).bold = True
            value_cell.text = document_text(value)
        self.page_break()
        self.contents = [
            add_paragraph(self.doc, t("doc.contents"), "TOCHeading"),
            add_paragraph(self.doc, t("doc.toc_placeholder")),
            self.page_break(),
        ]

    def page_break(self) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        return paragraph

    def finish_contents(self, wanted: bool) -> None:
        """Fill the table of contents now the headings are known; a short document has none."""
        if not self.contents:
            return
        placeholder = self.contents[1]
        if wanted and len(self.headings) >= MIN_CONTENTS:
            write_contents(self.doc, placeholder, self.headings, text_width(self.doc.sections[0]))
            return
        for paragraph in self.contents:
            paragraph._p.getparent().remove(paragraph._p)

    def front(self) -> None:
        """The parts declared for the front, e.g. the summary, each under a first-level heading."""
        for spec in PART_SPECS:
            if spec.export is not ExportForm.FRONT:
                continue
            value = self.brief.text(spec.key)
            if not value.strip() and self.options.empty == "omit":
                continue
            self.title(self.t(f"part.{spec.key}.title"), 1)
            if value.strip():
                self.doc.add_paragraph(document_text(value))
            else:
                self.to_fill()

    def step(self, step: int) -> None:
        self.pending = self.t(f"step.{step}.title")
        for item in step_layout(step):
            if isinstance(item, Group):
                self.group(item)
            elif item.theme is None:
                self.part(item)
        self.pending = None
        self.orientation(False)

    def theme_module(self, theme: Theme, steps: tuple[int, ...]) -> None:
        """A theme module as its own chapter after the steps: its parts, tables and charts."""
        title = self.t("theme.module_title", theme=self.t(f"enum.{theme.value}"))
        self.pending = title
        for spec in MODULES[theme].parts:
            if spec.step in steps:
                self.part(spec)
        self.pending = None
        self.orientation(False)

    def timeline(self) -> None:
        """The roadmap as a table of periods with shaded cells; every action, dated or not.

        A table rather than a chart image: it stays editable in Word, prints sharply, and
        needs no browser to render a plotly figure on the server.
        """
        bars, marks = self.timeline_bars(), self.timeline_marks()
        if not bars and not marks:
            return
        days = [d for _, first, last in bars for d in (first, last) if d] + [d for _, d in marks]
        periods = _periods(min(days), max(days)) if days else []
        self.orientation(True)
        self.title(self.t("chart.timeline"), 2)
        # The legend stays with the table it explains, and so the heading with both.
        self.doc.add_paragraph(self.t("doc.timeline_note")).paragraph_format.keep_with_next = True
        header = [self.t("doc.timeline_item"), *(self.period_label(period) for period in periods)]
        lines = [[label, *("" for _ in periods)] for label, _, _ in bars]
        lines += [[label, *_diamonds(when, periods)] for label, when in marks]
        fills = [[None, *_shading(start, end, periods)] for _, start, end in bars]
        fills += [[None for _ in header] for _ in marks]
        add_table(self.doc, header, lines, text_width(self.doc), fills=fills, narrow=True)

    def timeline_bars(self) -> list[tuple[str, date | None, date | None]]:
        """Every action as (label, start, deadline); one without a sound period is flagged.

        An action with one date is a bar of that day; one without dates, or with a deadline
        before its start, has no bar but a warning, so that no action disappears.
        """
        bars: list[tuple[str, date | None, date | None]] = []
        for action in self.rows("roadmap.actions"):
            start, end = day(action.get("start")), day(action.get("deadline"))
            label = self.reader.link(action["id"])
            if start and end and end < start:
                bars.append((f"{label} ⚠ {self.t('doc.timeline_backwards')}", None, None))
            elif start or end:
                bars.append((label, start or end, end or start))
            else:
                bars.append((f"{label} ⚠ {self.t('doc.timeline_undated')}", None, None))
        return bars

    def timeline_marks(self) -> list[tuple[str, date]]:
        """Milestones with a date, as ('Mijlpaal 2 · Opening doorsteek', date)."""
        marks = []
        for number, milestone in enumerate(self.rows("roadmap.milestones"), start=1):
            when = day(milestone.get("date"))
            name = document_line(milestone.get("title")).strip()
            label = f"{self.t('chart.milestone')} {number}" + (f" · {name}" if name else "")
            if when:
                marks.append((label, when))
        return marks

    def period_label(self, period: tuple[date, date]) -> str:
        first = period[0]
        if (period[1] - first).days > 40:
            return self.t("doc.quarter", quarter=(first.month - 1) // 3 + 1, year=first.year)
        return f"{first.month:02d}/{first.year % 100:02d}"


def _diamonds(when: date, periods: list[tuple[date, date]]) -> list[str]:
    return ["◆" if first <= when <= last else "" for first, last in periods]


def _shading(
    start: date | None, end: date | None, periods: list[tuple[date, date]]
) -> list[str | None]:
    if start is None or end is None:
        return [None for _ in periods]
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


def new_export(
    brief: Brief,
    context: ExportContext,
    options: ExportOptions,
    t: Translator,
    images: ImageLoader,
    kind: DocumentForm = "brief",
) -> _Writer:
    """Return a writer on a new document in the house style, its properties and pages set.

    ``kind`` names the document in its properties and footer: the brief, or the collegenota
    (alone or with the brief as its annex).
    """
    writer = _Writer(brief, t, options, images, context.template)
    doc = writer.doc
    language = "nl-BE" if t.language == "nl" else "en-GB"
    set_language(doc, language)
    update_fields_on_open(doc)
    municipality = document_line(brief.municipality)
    authors = ", ".join(filter(None, (document_line(name) for name in context.authors)))
    name = t("doc.title") if kind == "brief" else t("nota.doc.name")
    set_properties(
        doc,
        title=f"{name} {municipality}",
        subject=t(
            "doc.subject" if kind == "brief" else "doc.subject_nota",
            municipality=municipality,
            number=context.trajectory.number,
        ),
        author=authors or municipality,
        last_modified_by=authors or municipality,
        keywords=t("doc.keywords"),
        language=language,
    )
    set_up_pages(
        doc,
        t("doc.footer", municipality=municipality, document=name),
        t("doc.footer_of"),
        own_layout=context.template is not None,
        own_footer=has_own_footer(doc),
        # The brief opens with a title page, without a page number; the nota with its text.
        title_page=kind == "brief",
    )
    return writer


def write_brief(
    writer: _Writer,
    context: ExportContext,
    progress: Callable[[float], object] | None = None,
    contents: bool = True,
) -> None:
    """Write the brief into the writer's document: title page, contents, summary, steps."""
    writer.title_page(context)
    if writer.options.summary:
        writer.front()
    steps = [step for step in STEPS if step in writer.options.steps]
    for done, step in enumerate(steps, start=1):
        writer.step(step)
        if progress is not None:
            progress(done / len(steps))
    for theme in shown_themes(writer.brief):
        writer.theme_module(theme, tuple(steps))
    writer.finish_contents(contents)


def document_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def build_brief_document(
    brief: Brief,
    context: ExportContext,
    options: ExportOptions,
    t: Translator,
    images: ImageLoader,
    progress: Callable[[float], object] | None = None,
    contents: bool = True,
) -> bytes:
    """Return the brief as a .docx file; reading the brief only, never changing it.

    ``contents`` False leaves out the table of contents, as a short document does anyway.
    """
    writer = new_export(brief, context, options, t, images)
    write_brief(writer, context, progress, contents)
    return document_bytes(writer.doc)
