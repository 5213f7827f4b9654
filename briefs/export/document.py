"""The document a participant chose: the collegenota, the design brief, or both as one file."""

from __future__ import annotations

from collections.abc import Callable

from docx.enum.section import WD_SECTION

from briefs.brief import Brief
from briefs.export.brief_doc import (
    ExportContext,
    ExportOptions,
    ImageLoader,
    document_bytes,
    new_export,
    write_brief,
)
from briefs.export.docx_tools import add_paragraph, plain_first_page
from briefs.export.nota_doc import write_nota
from briefs.i18n import Translator


def build_export(
    brief: Brief,
    context: ExportContext,
    options: ExportOptions,
    t: Translator,
    images: ImageLoader,
    progress: Callable[[float], object] | None = None,
) -> bytes:
    """Return the .docx of ``options.form``; reading the brief only, never changing it.

    *both*: the collegenota, then on a new page its annex 1, the design brief with its own
    title page (without page number) and table of contents. *nota*: the collegenota alone,
    short, so without a table of contents.
    """
    writer = new_export(brief, context, options, t, images, options.form)
    if options.form == "brief":
        write_brief(writer, context, progress)
        return document_bytes(writer.doc)
    write_nota(
        writer.doc,
        brief,
        context,
        t,
        annexed=options.form == "both",
        mark=options.empty == "mark",
    )
    if options.form == "both":
        annex = writer.doc.add_section(WD_SECTION.NEW_PAGE)
        plain_first_page(annex)
        add_paragraph(writer.doc, t("nota.doc.annex_mark"), "Subtitle")
        write_brief(writer, context, progress)
    elif progress is not None:
        progress(1.0)
    return document_bytes(writer.doc)
