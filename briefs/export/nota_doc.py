"""The collegenota in Word: the decision the college is asked to take, in the form it knows."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt

from briefs.brief import Brief
from briefs.content import without_blank_rows
from briefs.export.brief_doc import ExportContext
from briefs.export.docx_tools import (
    add_key_value_table,
    add_paragraph,
    add_table,
    document_line,
    document_text,
    shade,
    text_width,
)
from briefs.i18n import Translator
from briefs.links import short
from briefs.nota import brief_budget, college_day, nota_title
from briefs.present import Reader

ADVICE = "roadmap.nota_advice"
ARTICLES = "roadmap.nota_articles"
TITLE_SIZE = Pt(16)


class _NotaWriter:
    """Writes the sections of the nota; one with nothing to say is left out, or marked
    'nog in te vullen' when the participant asked to see what is still empty."""

    def __init__(
        self,
        doc: Document,
        brief: Brief,
        context: ExportContext,
        t: Translator,
        mark: bool = False,
    ):
        self.doc, self.brief, self.context, self.t = doc, brief, context, t
        self.mark = mark
        self.reader = Reader(brief, t)

    def heading(self, key: str) -> None:
        add_paragraph(self.doc, self.t(key), "Heading2")

    def empty(self, key: str) -> None:
        """A section without content: its heading marked 'nog in te vullen', when asked."""
        if self.mark:
            self.heading(key)
            self.doc.add_paragraph().add_run(self.t("doc.to_fill")).italic = True

    def facts(self, facts: list[tuple[str, str]]) -> None:
        table = add_key_value_table(self.doc, text_width(self.doc), 0.4)
        for label, value in facts:
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(label).bold = True
            shade(label_cell)
            value_cell.text = document_text(value)

    def head(self) -> None:
        """The nota's heading, its title and who, where and when."""
        t, brief = self.t, self.brief
        add_paragraph(self.doc, t("nota.doc.title"), "Heading1")
        title = nota_title(brief)
        if title:
            run = self.doc.add_paragraph().add_run(document_line(title))
            run.bold, run.font.size = True, TITLE_SIZE
        meeting = college_day(brief)
        authors = ", ".join(filter(None, (document_line(a) for a in self.context.authors)))
        facts = [
            (t("doc.municipality"), document_line(brief.municipality)),
            (t("nota.doc.meeting"), t.day(meeting) if meeting else ""),
            (t("nota.doc.authors"), authors),
        ]
        self.facts([(label, value) for label, value in facts if value])

    def text(self, heading: str, key: str) -> None:
        value = self.brief.text(key)
        if not value.strip():
            self.empty(heading)
            return
        self.heading(heading)
        # As typed, like the brief writes it: every character a user typed exports.
        self.doc.add_paragraph(document_text(value))

    def advice(self) -> None:
        rows = without_blank_rows(ADVICE, self.brief.part(ADVICE).value or [])
        if not rows:
            self.empty("nota.doc.advice")
            return
        self.heading("nota.doc.advice")
        cells = self.reader.rows(ADVICE, rows)
        add_table(self.doc, self.reader.headers(ADVICE), cells, text_width(self.doc))

    def finance(self) -> None:
        """The budget per year with its rule, what falls in no year, the budget line and visum."""
        t, brief = self.t, self.brief
        split = brief_budget(brief)
        keys = ("roadmap.budget_line", "roadmap.plan_link")
        lines = [(t(f"part.{key}.title"), brief.text(key).strip()) for key in keys]
        visum = self.reader.scalar("roadmap.nota_visum", brief.choice("roadmap.nota_visum"))
        lines.append((t("nota.doc.visum"), visum))
        lines = [(label, value) for label, value in lines if value]
        if not split.total and not lines:
            self.empty("nota.doc.finance")
            return
        self.heading("nota.doc.finance")
        if split.total:
            self.budget_table()
        if lines:
            self.facts(lines)

    def budget_table(self) -> None:
        t = self.t
        split = brief_budget(self.brief)
        rows = [[str(year), t.money(amount)] for year, amount in split.per_year.items()]
        if split.unplaced:
            rows.append([t("nota.budget_no_year"), t.money(split.unplaced_total)])
        rows.append([t("doc.total"), t.money(split.total)])
        header = [t("nota.budget_year"), t("nota.budget_amount")]
        add_table(self.doc, header, rows, text_width(self.doc) // 2)
        note = self.doc.add_paragraph().add_run(t("nota.budget_rule"))
        note.italic, note.font.size = True, Pt(8)
        if split.unplaced:
            names = [document_line(short(action.title) or "—") for action in split.unplaced]
            warning = t(
                "nota.budget_unplaced",
                amount=t.money(split.unplaced_total),
                actions="; ".join(names),
            )
            self.doc.add_paragraph().add_run(warning).bold = True

    def decision(self) -> None:
        # The stored rows as they are, as the brief writes its lists: not re-parsed.
        stored = self.brief.part(ARTICLES).value or []
        articles = [str(row.get("text") or "") for row in without_blank_rows(ARTICLES, stored)]
        articles = [text for text in articles if text.strip()]
        if not articles:
            self.empty("nota.doc.decision")
            return
        self.heading("nota.doc.decision")
        for number, article in enumerate(articles, start=1):
            paragraph = self.doc.add_paragraph()
            paragraph.add_run(self.t("nota.doc.article", n=number)).bold = True
            paragraph.add_run(" " + document_text(article))

    def annexes(self) -> None:
        self.heading("nota.doc.annexes")
        name = self.t("nota.doc.annex_brief", municipality=document_line(self.brief.municipality))
        self.doc.add_paragraph(f"1. {name}")


def write_nota(
    doc: Document,
    brief: Brief,
    context: ExportContext,
    t: Translator,
    *,
    annexed: bool,
    mark: bool = False,
) -> None:
    """Write the collegenota into ``doc``: head, then Onderwerp … Bijlagen, empty ones left out.

    ``annexed``: the design brief follows as the nota's annex, and is listed under Bijlagen.
    ``mark``: an empty section keeps its heading, marked 'nog in te vullen', as the brief's.
    Only what the user wrote or accepted is written; drafts never reach the document.
    """
    writer = _NotaWriter(doc, brief, context, t, mark)
    writer.head()
    writer.text("nota.doc.subject", "roadmap.nota_subject")
    writer.text("nota.doc.context", "roadmap.nota_context")
    writer.text("nota.doc.legal", "roadmap.nota_legal")
    writer.advice()
    writer.text("nota.doc.arguments", "roadmap.nota_arguments")
    writer.finance()
    writer.decision()
    if annexed:
        writer.annexes()
