"""The export of a whole trajectory: a zip with every brief and one cohort overview."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from briefs import model as m
from briefs.brief import Brief
from briefs.export.brief_doc import (
    MAX_FILE_NAME,
    ExportContext,
    ExportOptions,
    ImageLoader,
    file_name,
    safe_file_name,
)
from briefs.export.document import build_export
from briefs.export.docx_tools import (
    add_key_value_table,
    add_paragraph,
    document_line,
    document_text,
    keep_on_one_page,
    set_language,
    set_properties,
    set_up_pages,
    shade,
    text_width,
)
from briefs.export.style import base_document, has_own_footer
from briefs.i18n import Translator
from briefs.links import root_cause
from briefs.programme import Trajectory

TOP_DIRECTIONS = 3


@dataclass(frozen=True)
class CohortMember:
    """One municipality's brief with what its document needs."""

    brief: Brief
    context: ExportContext
    images: ImageLoader


def top_directions(brief: Brief) -> list[str]:
    """Return the titles of the directions with the highest impact, then the lowest effort."""
    directions = [d for d in brief.rows("explore.directions", m.Direction) if d.title.strip()]
    directions.sort(key=lambda d: (-(d.impact or 0), d.effort or 6))
    return [d.title for d in directions[:TOP_DIRECTIONS]]


def budget(brief: Brief) -> Decimal:
    """The total of the brief's action budgets."""
    actions = brief.rows("roadmap.actions", m.Action)
    return sum((action.budget for action in actions if action.budget), Decimal(0))


def _facts(brief: Brief, t: Translator) -> list[tuple[str, str]]:
    statuses = [status.value for status in m.ActionStatus]
    counts = Counter(action.status.value for action in brief.rows("roadmap.actions", m.Action))
    return [
        (t("part.challenge.question.title"), brief.text("challenge.question")),
        (t("link.root_cause"), root_cause(brief)),
        (t("doc.top_directions"), "\n".join(top_directions(brief))),
        (
            t("doc.actions_by_status"),
            ", ".join(f"{t(f'enum.{s}')}: {counts[s]}" for s in statuses if counts.get(s)),
        ),
        (t("doc.budget"), t.money(budget(brief)) if budget(brief) else ""),
    ]


def build_cohort_overview(
    trajectory: Trajectory,
    briefs: Sequence[Brief],
    t: Translator,
    template: bytes | None = None,
) -> bytes:
    """Return a document with, per municipality, question, root cause, directions, actions."""
    document = base_document(template)
    language = "nl-BE" if t.language == "nl" else "en-GB"
    set_language(document, language)
    subject = t("doc.trajectory_value", number=trajectory.number, title=trajectory.title)
    coaches = ", ".join(filter(None, map(document_line, trajectory.coaches)))
    title = t("doc.cohort_title")
    set_properties(
        document,
        title=title,
        subject=subject,
        author=coaches,
        last_modified_by=coaches,
        language=language,
    )
    footer = f"{title} {trajectory.number} · {t('doc.page')}"
    set_up_pages(
        document,
        footer,
        t("doc.footer_of"),
        own_layout=template is not None,
        own_footer=has_own_footer(document),
        # The overview opens with its text, not a title page: page 1 is numbered too.
        title_page=False,
    )
    add_paragraph(document, title, "Title")
    add_paragraph(document, subject, "Subtitle")
    if coaches:
        add_paragraph(document, f"{t('doc.coaches')}: {coaches}")
    add_paragraph(document, f"{t('doc.date')}: {t.day(date.today())}")
    total = sum((budget(brief) for brief in briefs), Decimal(0))
    add_paragraph(document, f"{t('doc.cohort_budget')}: {t.money(total)}")
    add_paragraph(document, t("doc.cohort_intro"))
    for brief in sorted(briefs, key=lambda b: b.municipality):
        add_paragraph(document, document_line(brief.municipality), "Heading1")
        facts = [(label, value) for label, value in _facts(brief, t) if value.strip()]
        if not facts:
            document.add_paragraph().add_run(t("doc.not_started")).italic = True
            continue
        table = add_key_value_table(document, text_width(document))
        for label, value in facts:
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(label).bold = True
            shade(label_cell)
            value_cell.text = document_text(value)
        keep_on_one_page(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_cohort_zip(
    trajectory: Trajectory,
    members: Sequence[CohortMember],
    options: ExportOptions,
    t: Translator,
    progress: Callable[[float], object] | None = None,
    template: bytes | None = None,
) -> bytes:
    """Return a zip with one document per municipality and the cohort overview.

    Each brief has its municipality's house style in its context; ``template`` is the
    programme's, for the overview.
    """
    buffer = io.BytesIO()
    names: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, member in enumerate(members, start=1):
            data = build_export(member.brief, member.context, options, t, member.images)
            name = file_name(member.brief, t, member.context.today, options.form)
            archive.writestr(_unique(name, names), data)
            if progress is not None:
                progress(done / (len(members) + 1))
        overview = build_cohort_overview(
            trajectory, [member.brief for member in members], t, template
        )
        overview_name = safe_file_name(f"{t('doc.cohort_title')} {trajectory.number}")
        archive.writestr(_unique(overview_name, names), overview)
    if progress is not None:
        progress(1.0)
    return buffer.getvalue()


def _unique(name: str, taken: set[str]) -> str:
    """Return ``name``, numbered when two municipalities' names became one after cleaning.

    Compared as Windows compares names, without regard to case.
    """
    stem, suffix = name.rsplit(".", 1)
    unique, number = name, 1
    while unique.casefold() in taken:
        number += 1
        unique = f"{stem[: MAX_FILE_NAME - 12]} ({number}).{suffix}"
    taken.add(unique.casefold())
    return unique
