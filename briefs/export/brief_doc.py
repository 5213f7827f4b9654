"""The council-ready Word document of one design brief."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Cm, Pt

from briefs.brief import Brief
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
from briefs.i18n import (
    Translator,
    format_day,
    format_moment,
    format_money,
    format_number,
    format_short_day,
)
from briefs.parts import PARTS
from briefs.programme import Trajectory

ImageLoader = Callable[[int], bytes | None]
WIDE_TABLE = 7
SWOT_FILLS = {
    "strengths": "D5E8D4",
    "weaknesses": "F8CECC",
    "opportunities": "DAE8FC",
    "threats": "FFE6CC",
}
TIMELINE_FILL = "8B3A62"


@dataclass(frozen=True)
class ExportOptions:
    """What the participant chose to include."""

    steps: frozenset[int] = frozenset({1, 2, 3, 4})
    summary: bool = True
    sketches: bool = True
    empty: Literal["omit", "mark"] = "omit"


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


def _numbers(brief: Brief, key: str, t: Translator) -> dict[str, str]:
    rows = brief.part(key).value or []
    return {row["id"]: t(f"link.{key}", n=index) for index, row in enumerate(rows, start=1)}


class _Writer:
    """Writes the brief's parts in order; one instance per document."""

    def __init__(self, brief: Brief, t: Translator, options: ExportOptions, images: ImageLoader):
        self.brief, self.t, self.options, self.images = brief, t, options, images
        self.doc: Document = new_document()
        self.figures = 0
        self.landscape = False
        origins = PARTS["explore.directions"].links["answers"]
        self.labels: dict[str, str] = {}
        for key in (
            *origins,
            "explore.directions",
            "prototype.tests",
            "roadmap.objectives",
            "roadmap.actions",
        ):
            self.labels.update(_numbers(brief, key, t))
        whys = brief.part("challenge.whys").value or []
        if whys:
            self.labels[whys[-1]["id"]] = t("link.root_cause")

    # --- building blocks --------------------------------------------------------------
    def rows(self, key: str) -> list[dict[str, Any]]:
        return list(self.brief.part(key).value or [])

    def link(self, row_id: str | None) -> str:
        if not row_id:
            return ""
        return self.labels.get(row_id, self.t("link.missing"))

    def heading(self, key: str) -> None:
        add_paragraph(self.doc, self.t(f"part.{key}.title"), "Heading2")

    def empty(self, key: str) -> bool:
        """Return True when the part is empty; write its heading and mark when asked to."""
        value = self.brief.part(key).value
        is_empty = not (value.strip() if isinstance(value, str) else value)
        if is_empty and self.options.empty == "mark":
            self.heading(key)
            self.doc.add_paragraph().add_run(self.t("doc.to_fill")).italic = True
        return is_empty

    def orientation(self, landscape: bool) -> None:
        if landscape != self.landscape:
            start_section(self.doc, landscape)
            self.landscape = landscape

    def text(self, key: str) -> None:
        if self.empty(key):
            return
        self.heading(key)
        self.doc.add_paragraph(document_text(self.brief.part(key).value))

    def choice(self, key: str) -> str:
        value = self.brief.part(key).value
        return self.t(f"enum.{value}") if value else ""

    def table(
        self,
        key: str,
        columns: Sequence[tuple[str, Callable[[dict[str, Any]], str]]],
        landscape: bool = False,
    ) -> None:
        if self.empty(key):
            return
        wide = len(columns) >= WIDE_TABLE
        if landscape:
            self.orientation(True)
        self.heading(key)
        header = [self.t("doc.number"), *(title for title, _ in columns)]
        body = [
            [str(index), *(render(row) for _, render in columns)]
            for index, row in enumerate(self.rows(key), start=1)
        ]
        table = add_table(self.doc, header, body, text_width(self.doc), font_size=8 if wide else 0)
        if wide:
            tighten(table)

    def col(self, name: str) -> str:
        return self.t(f"col.{name}")

    def enum(self, value: Any) -> str:
        return self.t(f"enum.{value}") if value else ""

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
            (t("doc.date"), format_day(context.today)),
            (t("doc.authors"), ", ".join(document_line(name) for name in context.authors)),
            (t("doc.coaches"), ", ".join(document_line(name) for name in trajectory.coaches)),
            (t("doc.version"), t("doc.version_value", moment=format_moment(last)) if last else ""),
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

    def summary(self) -> None:
        key = "roadmap.summary"
        value = self.brief.text(key)
        if not value.strip() and self.options.empty == "omit":
            return
        add_paragraph(self.doc, self.t(f"part.{key}.title"), "Heading1")
        if value.strip():
            self.doc.add_paragraph(document_text(value))
        else:
            self.doc.add_paragraph().add_run(self.t("doc.to_fill")).italic = True

    def step_one(self) -> None:
        self.text("challenge.context")
        self.text("challenge.problem")
        self.table(
            "challenge.key_figures",
            [
                (self.col("indicator"), lambda r: r["indicator"]),
                (self.col("value"), lambda r: format_number(r["value"])),
                (self.col("unit"), lambda r: r["unit"]),
                (self.col("year"), lambda r: str(r["year"] or "")),
                (self.col("source"), lambda r: r["source"]),
            ],
        )
        self.table(
            "challenge.stakeholders",
            [
                (self.col("name"), lambda r: r["name"]),
                (self.col("role"), lambda r: r["role"]),
                (self.col("interest"), lambda r: str(r["interest"] or "")),
                (self.col("influence"), lambda r: str(r["influence"] or "")),
                (self.col("involvement"), lambda r: r["involvement"]),
            ],
        )
        for key in (
            "challenge.scope_in",
            "challenge.scope_out",
            "challenge.goal",
            "challenge.means",
        ):
            self.text(key)
        self.whys()
        self.text("challenge.question")
        self.support()
        self.swot()
        self.bullets("challenge.success_criteria")

    def whys(self) -> None:
        key = "challenge.whys"
        if self.empty(key):
            return
        self.heading(key)
        rows = self.rows(key)
        for index, row in enumerate(rows, start=1):
            paragraph = add_paragraph(self.doc, "", "ListNumber")
            if index == len(rows):
                paragraph.add_run(self.t("link.root_cause") + ": ").bold = True
            paragraph.add_run(document_text(row["text"]))

    def bullets(self, key: str, name: str = "text") -> None:
        if self.empty(key):
            return
        self.heading(key)
        for row in self.rows(key):
            add_paragraph(self.doc, document_text(row[name]), "ListBullet")

    def support(self) -> None:
        keys = (
            "challenge.support_lead",
            "challenge.support_mat",
            "challenge.support_cbs",
            "challenge.departments",
        )
        values = [
            self.brief.text(keys[0]),
            self.choice(keys[1]),
            self.choice(keys[2]),
            ", ".join(self.t(f"enum.{v}") for v in self.brief.values(keys[3])),
        ]
        if not any(values) and self.options.empty == "omit":
            return
        add_paragraph(self.doc, self.t("section.support"), "Heading2")
        table = add_key_value_table(self.doc, text_width(self.doc))
        for key, value in zip(keys, values, strict=True):
            label, cell = table.add_row().cells
            label.paragraphs[0].add_run(self.t(f"part.{key}.title")).bold = True
            shade(label)
            if value:
                cell.text = document_text(value)
            else:
                cell.paragraphs[0].add_run(self.t("doc.to_fill")).italic = True

    def swot(self) -> None:
        quadrants = ("strengths", "weaknesses", "opportunities", "threats")
        keys = [f"challenge.swot_{q}" for q in quadrants]
        if not any(self.rows(key) for key in keys) and self.options.empty == "omit":
            return
        add_paragraph(self.doc, self.t("part.challenge.swot.title"), "Heading2")
        table = self.doc.add_table(rows=4, cols=2)
        table._tbl.tblPr.style = GRID_STYLE_ID
        grid = [table.rows[0].cells, table.rows[1].cells, table.rows[2].cells, table.rows[3].cells]
        for index, (quadrant, key) in enumerate(zip(quadrants, keys, strict=True)):
            row, column = (index // 2) * 2, index % 2
            head, body = grid[row][column], grid[row + 1][column]
            head.paragraphs[0].add_run(self.t(f"part.{key}.title")).bold = True
            shade(head, SWOT_FILLS[quadrant])
            items = self.rows(key)
            if not items:
                body.paragraphs[0].add_run(self.t("doc.to_fill")).italic = True
            for number, item in enumerate(items):
                paragraph = body.paragraphs[0] if number == 0 else body.add_paragraph()
                paragraph.add_run("• " + document_text(item["text"]))

    def step_two(self) -> None:
        self.bullets("explore.what_if")
        self.table(
            "explore.expert_insights",
            [
                (self.col("insight"), lambda r: r["insight"]),
                (self.col("expert"), lambda r: r["expert"]),
                (self.col("session"), lambda r: str(r["session"] or "")),
            ],
        )
        self.table(
            "explore.peer_insights",
            [
                (self.col("insight"), lambda r: r["insight"]),
                (self.col("municipality"), lambda r: r["municipality"]),
            ],
        )
        self.table(
            "explore.practices",
            [
                (self.col("name"), lambda r: r["name"]),
                (self.col("place"), lambda r: r["place"]),
                (self.col("what"), lambda r: r["what"]),
                (self.col("lesson"), lambda r: r["lesson"]),
                (self.col("link"), lambda r: r["link"]),
            ],
        )
        tests = self.rows("prototype.tests")
        chosen = set(self.brief.values("prototype.chosen"))
        self.table(
            "explore.directions",
            [
                (self.col("title"), lambda r: r["title"]),
                (self.col("description"), lambda r: r["description"]),
                (self.col("answers"), lambda r: self.link(r["answers"])),
                (self.col("impact"), lambda r: str(r["impact"] or "")),
                (self.col("effort"), lambda r: str(r["effort"] or "")),
                (self.t("part.prototype.chosen.title"), lambda r: "✓" if r["id"] in chosen else ""),
                (
                    self.t("doc.leads_to"),
                    lambda r: ", ".join(
                        "→\u00a0" + self.link(x["id"]) for x in tests if x["direction"] == r["id"]
                    ),
                ),
            ],
        )

    def step_three(self) -> None:
        chosen = self.brief.values("prototype.chosen")
        if not self.empty("prototype.chosen"):
            self.heading("prototype.chosen")
            add_paragraph(self.doc, ", ".join(self.link(item) for item in chosen))
        actions = self.rows("roadmap.actions")
        self.test_cards(actions)
        if self.options.sketches:
            self.sketches()
        self.table(
            "prototype.feedback",
            [
                (self.col("stakeholder"), lambda r: r["stakeholder"]),
                (self.col("feedback"), lambda r: r["feedback"]),
                (self.col("response"), lambda r: r["response"]),
            ],
        )

    def test_cards(self, actions: list[dict[str, Any]]) -> None:
        """One small two-column table per test: eleven columns do not fit a page."""
        key = "prototype.tests"
        if self.empty(key):
            return
        self.heading(key)
        for number, test in enumerate(self.rows(key), start=1):
            add_paragraph(self.doc, f"{self.t('link.prototype.tests', n=number)}", "Heading3")
            leads_to = ", ".join(
                "→\u00a0" + self.link(a["id"]) for a in actions if a["test"] == test["id"]
            )
            facts = [
                (self.col("direction"), self.link(test["direction"])),
                (self.col("idea"), test["idea"]),
                (self.col("assumption"), test["assumption"]),
                (self.col("form"), self.enum(test["form"])),
                (self.col("with_whom"), test["with_whom"]),
                (self.col("when"), format_day(_day(test["when"]))),
                (self.col("measure"), test["measure"]),
                (self.col("result"), test["result"]),
                (self.col("lesson"), test["lesson"]),
                (self.col("decision"), self.enum(test["decision"])),
                (self.t("doc.leads_to"), leads_to),
            ]
            table = add_key_value_table(self.doc, text_width(self.doc), 0.3)
            for label, value in facts:
                label_cell, value_cell = table.add_row().cells
                label_cell.paragraphs[0].add_run(label).bold = True
                shade(label_cell)
                value_cell.text = document_text(value)

    def sketches(self) -> None:
        key = "prototype.sketches"
        if self.empty(key):
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

    def step_four(self) -> None:
        actions = self.rows("roadmap.actions")
        self.table(
            "roadmap.objectives",
            [
                (self.col("title"), lambda r: r["title"]),
                (self.col("plan_code"), lambda r: r["plan_code"]),
                (
                    self.t("doc.leads_to"),
                    lambda r: ", ".join(
                        "→\u00a0" + self.link(a["id"]) for a in actions if a["objective"] == r["id"]
                    ),
                ),
            ],
        )
        self.table(
            "roadmap.actions",
            [
                (self.col("title"), lambda r: r["title"]),
                (self.col("owner"), lambda r: r["owner"]),
                (self.col("partners"), lambda r: r["partners"]),
                (self.col("start"), lambda r: format_short_day(_day(r["start"]))),
                (self.col("deadline"), lambda r: format_short_day(_day(r["deadline"]))),
                (
                    self.col("budget"),
                    lambda r: format_money(Decimal(r["budget"])) if r["budget"] else "",
                ),
                (self.col("status"), lambda r: self.enum(r["status"])),
                (self.col("priority"), lambda r: self.enum(r["priority"])),
                (self.col("indicator"), lambda r: r["indicator"]),
                (self.col("objective"), lambda r: self.link(r["objective"])),
                (self.col("test"), lambda r: self.link(r["test"])),
            ],
            landscape=True,
        )
        if actions:
            total = sum((Decimal(a["budget"]) for a in actions if a["budget"]), Decimal(0))
            self.doc.add_paragraph().add_run(
                f"{self.t('doc.total')}: {format_money(total)}"
            ).bold = True
        self.timeline()
        self.orientation(False)
        self.table(
            "roadmap.milestones",
            [
                (self.col("title"), lambda r: r["title"]),
                (self.col("date"), lambda r: format_day(_day(r["date"]))),
            ],
        )
        anchoring = ("roadmap.plan_link", "roadmap.budget_line", "roadmap.successor")
        if self.options.empty == "mark" or any(self.brief.text(k).strip() for k in anchoring):
            add_paragraph(self.doc, self.t("section.anchoring"), "Heading2")
        for key in anchoring:
            value = self.brief.text(key)
            if not value.strip() and self.options.empty == "omit":
                continue
            paragraph = self.doc.add_paragraph()
            paragraph.add_run(self.t(f"part.{key}.title") + ": ").bold = True
            if value.strip():
                paragraph.add_run(document_text(value))
            else:
                paragraph.add_run(self.t("doc.to_fill")).italic = True
        self.table(
            "roadmap.decisions",
            [
                (self.col("body"), lambda r: self.enum(r["body"])),
                (self.col("date"), lambda r: format_day(_day(r["date"]))),
                (self.col("status"), lambda r: self.enum(r["status"])),
            ],
        )
        self.table(
            "roadmap.risks",
            [
                (self.col("risk"), lambda r: r["risk"]),
                (self.col("mitigation"), lambda r: r["mitigation"]),
            ],
        )

    def timeline(self) -> None:
        """The roadmap as a table of periods with shaded cells.

        A table rather than a chart image: it stays editable in Word, prints sharply, and
        needs no browser to render a plotly figure on the server.
        """
        bars: list[tuple[str, date, date]] = []
        for action in self.rows("roadmap.actions"):
            start, end = _day(action["start"]), _day(action["deadline"])
            if start and end and end >= start:
                bars.append((self.link(action["id"]), start, end))
        marks: list[tuple[str, date]] = []
        for number, milestone in enumerate(self.rows("roadmap.milestones"), start=1):
            day = _day(milestone["date"])
            if day:
                marks.append((f"{self.t('chart.milestone')} {number}", day))
        if not bars and not marks:
            return
        days = [d for _, first, last in bars for d in (first, last)] + [d for _, d in marks]
        periods = _periods(min(days), max(days))
        self.orientation(True)
        add_paragraph(self.doc, self.t("chart.timeline"), "Heading2")
        self.doc.add_paragraph(self.t("doc.timeline_note"))
        header = ["", *(self.period_label(period) for period in periods)]
        lines = [[label, *("" for _ in periods)] for label, _, _ in bars]
        lines += [
            [label, *("◆" if first <= day <= last else "" for first, last in periods)]
            for label, day in marks
        ]
        fills = [
            [
                None,
                *(
                    TIMELINE_FILL if start <= last and end >= first else None
                    for first, last in periods
                ),
            ]
            for _, start, end in bars
        ]
        fills += [[None for _ in header] for _ in marks]
        add_table(self.doc, header, lines, text_width(self.doc), font_size=7, fills=fills)

    def period_label(self, period: tuple[date, date]) -> str:
        first = period[0]
        if (period[1] - first).days > 40:
            return self.t("doc.quarter", quarter=(first.month - 1) // 3 + 1, year=first.year)
        return f"{first.month:02d}/{first.year % 100:02d}"


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


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


STEP_WRITERS: dict[int, Callable[[_Writer], None]] = {
    1: _Writer.step_one,
    2: _Writer.step_two,
    3: _Writer.step_three,
    4: _Writer.step_four,
}


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
        writer.summary()
    steps = [step for step in (1, 2, 3, 4) if step in options.steps]
    for done, step in enumerate(steps, start=1):
        add_paragraph(doc, t(f"step.{step}.title"), "Heading1")
        STEP_WRITERS[step](writer)
        if progress is not None:
            progress(done / len(steps))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
