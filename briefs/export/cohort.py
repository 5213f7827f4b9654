"""The export of a whole trajectory: a zip with every brief and one cohort overview."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from docx.enum.text import WD_BREAK

from briefs import model as m
from briefs.brief import Brief
from briefs.export.brief_doc import (
    ExportContext,
    ExportOptions,
    ImageLoader,
    build_brief_document,
    file_name,
)
from briefs.export.docx_tools import (
    add_key_value_table,
    add_paragraph,
    document_line,
    document_text,
    set_language,
    set_properties,
    shade,
    text_width,
)
from briefs.export.style import base_document
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


def build_cohort_overview(
    trajectory: Trajectory,
    briefs: Sequence[Brief],
    t: Translator,
    template: bytes | None = None,
) -> bytes:
    """Return a document with, per municipality, question, root cause, directions, actions."""
    document = base_document(template)
    set_language(document, "nl-BE" if t.language == "nl" else "en-GB")
    subject = t("doc.trajectory_value", number=trajectory.number, title=trajectory.title)
    set_properties(document, title=t("doc.cohort_title"), subject=subject)
    add_paragraph(document, t("doc.cohort_title"), "Title")
    add_paragraph(document, subject, "Subtitle")
    coaches = ", ".join(document_line(name) for name in trajectory.coaches)
    add_paragraph(document, f"{t('doc.coaches')}: {coaches}")
    add_paragraph(document, f"{t('doc.date')}: {t.day(date.today())}")
    add_paragraph(document, t("doc.cohort_intro"))
    statuses = [status.value for status in m.ActionStatus]
    for index, brief in enumerate(sorted(briefs, key=lambda b: b.municipality)):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.LINE)
        add_paragraph(document, document_line(brief.municipality), "Heading1")
        counts = Counter(action.status.value for action in brief.rows("roadmap.actions", m.Action))
        facts = [
            (t("part.challenge.question.title"), brief.text("challenge.question")),
            (t("link.root_cause"), root_cause(brief)),
            (t("doc.top_directions"), "\n".join(top_directions(brief))),
            (
                t("doc.actions_by_status"),
                ", ".join(f"{t(f'enum.{s}')}: {counts.get(s, 0)}" for s in statuses),
            ),
        ]
        table = add_key_value_table(document, text_width(document))
        for label, value in facts:
            label_cell, value_cell = table.add_row().cells
            label_cell.paragraphs[0].add_run(label).bold = True
            shade(label_cell)
            if value.strip():
                value_cell.text = document_text(value)
            else:
                value_cell.paragraphs[0].add_run(t("doc.to_fill")).italic = True
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
            data = build_brief_document(member.brief, member.context, options, t, member.images)
            archive.writestr(_unique(file_name(member.brief, t, member.context.today), names), data)
            if progress is not None:
                progress(done / (len(members) + 1))
        overview = build_cohort_overview(
            trajectory, [member.brief for member in members], t, template
        )
        archive.writestr(
            _unique(f"{t('doc.cohort_title')} {trajectory.number}.docx", names), overview
        )
    if progress is not None:
        progress(1.0)
    return buffer.getvalue()


def _unique(name: str, taken: set[str]) -> str:
    """Return ``name``, numbered when two municipalities' names became one after cleaning."""
    stem, suffix = name.rsplit(".", 1)
    unique, number = name, 1
    while unique in taken:
        number += 1
        unique = f"{stem} ({number}).{suffix}"
    taken.add(unique)
    return unique
