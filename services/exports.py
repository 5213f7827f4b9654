"""Exports on behalf of someone: one brief as a Word document, or a trajectory's zip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from briefs.export.options import ExportOptions
from briefs.i18n import Translator
from storage.secure import SecureBriefStore


def export_brief(
    store: SecureBriefStore,
    brief_id: int,
    options: ExportOptions,
    t: Translator,
    progress: Callable[[float], object] | None = None,
    today: date | None = None,
    pdf: bool = False,
    template: bytes | None = None,
) -> tuple[str, bytes]:
    """Return the file name and the .docx (or, by LibreOffice, .pdf) of a brief one may read.

    The document takes the municipality's house style, else the programme's, else the
    built-in one; ``template`` overrides that, for an admin's preview of a new template.
    Raises PdfFailed when a PDF was asked for and LibreOffice could not make it.
    """
    # python-docx and lxml are imported when a document is made, not by the pages that
    # offer it (export, coach dashboard): a tenth of a second saved on opening those.
    from briefs.export.brief_doc import ExportContext, file_name
    from briefs.export.document import build_export

    brief = store.load(brief_id)
    context = ExportContext(
        trajectory=store.trajectory_of(brief_id),
        authors=store.authors_of(brief_id),
        today=today or date.today(),
        template=store.house_style(brief_id) if template is None else template,
    )
    data = build_export(brief, context, options, t, _image_loader(store, brief_id), progress)
    name = file_name(brief, t, context.today, options.form)
    if pdf:
        from services.pdf import to_pdf

        return name.removesuffix(".docx") + ".pdf", to_pdf(data)
    return name, data


def export_cohort(
    store: SecureBriefStore,
    number: int,
    options: ExportOptions,
    t: Translator,
    progress: Callable[[float], object] | None = None,
) -> tuple[str, bytes]:
    """Return the file name and the bytes of a zip with every brief of trajectory ``number``.

    Only the trajectory's coaches and admins may; anyone else gets NotFound.
    """
    from briefs.export.brief_doc import ExportContext  # when used: see export_brief
    from briefs.export.cohort import CohortMember, build_cohort_zip

    trajectory, refs = store.cohort(number)
    members = [
        CohortMember(
            store.load(ref.id),
            ExportContext(trajectory, store.authors_of(ref.id), template=store.house_style(ref.id)),
            _image_loader(store, ref.id),
        )
        for ref in refs
    ]
    data = build_cohort_zip(
        trajectory, members, options, t, progress, template=store.house_style(None)
    )
    return f"{t('doc.title')} {t('doc.trajectory')} {number}.zip", data


def _image_loader(store: SecureBriefStore, brief_id: int) -> Callable[[int], bytes | None]:
    return lambda image_id: store.image(brief_id, image_id)
