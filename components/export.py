"""The export page: collegenota, brief or both, as Word or PDF; build it and download it."""

from __future__ import annotations

import streamlit as st

from briefs.brief import Brief
from briefs.export.options import DOCUMENT_FORMS, DocumentForm, ExportOptions
from briefs.i18n import Translator
from briefs.parts import PARTS
from briefs.steps import STEPS
from components.state import (
    brief_store,
    export_result,
    keep_choice,
    remember_choice,
    set_export_result,
)
from components.workspace import open_workspace, step_page_target
from services.exports import export_brief
from services.pdf import PdfFailed, pdf_converter

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _nota_parts() -> list[str]:
    return [key for key in PARTS if key.startswith("roadmap.nota_")]


def _form_choice(t: Translator, brief: Brief) -> DocumentForm:
    form: DocumentForm = st.radio(
        t("export.form"),
        DOCUMENT_FORMS,
        format_func=lambda choice: t(f"export.form.{choice}"),
        key="export_form",
    )
    if form != "brief" and not any(brief.is_filled(key) for key in _nota_parts()):
        st.info(t("export.nota_empty"))
        st.page_link(step_page_target(4), label=t("export.nota_go"), icon=":material/edit_note:")
    return form


def _file_choice(t: Translator) -> str:
    can_pdf = pdf_converter() is not None
    kind = st.radio(
        t("export.file_kind"),
        ["docx", "pdf"],
        format_func=lambda choice: t(f"export.file_kind.{choice}"),
        horizontal=True,
        key="export_file_kind",
        disabled=not can_pdf,
    )
    if not can_pdf:
        st.caption(t("export.pdf_unavailable"))
        return "docx"
    return str(kind)


def _kept_checkbox(label: str, key: str) -> bool:
    """A choice of the brief alone: the nota alone does not draw it, and it comes back as left."""
    keep_choice(key, [True, False], default=True)
    return st.checkbox(label, key=key, on_change=remember_choice, args=(key,))


def export_page() -> None:
    workspace = open_workspace("export")
    if workspace is None:
        return
    t, brief = workspace.t, workspace.brief
    st.title(t("export.title"))
    st.write(t("export.intro"))
    form = _form_choice(t, brief)
    kind = _file_choice(t)
    steps: frozenset[int] = frozenset()
    summary = sketches = False
    empty = "omit"
    if form != "nota":
        st.header(t("export.include"))
        summary = _kept_checkbox(t("export.summary"), "export_summary")
        steps = frozenset(
            step for step in STEPS if _kept_checkbox(t(f"step.{step}.title"), f"export_step_{step}")
        )
        sketches = _kept_checkbox(t("export.sketches"), "export_sketches")
        empties = ["omit", "mark"]
        keep_choice("export_empty", empties, default="omit")
        empty = st.radio(
            t("export.empty"),
            empties,
            format_func=lambda choice: t(f"export.empty_{choice}"),
            horizontal=True,
            key="export_empty",
            on_change=remember_choice,
            args=("export_empty",),
        )
    st.caption(t("export.private_later"))
    options = ExportOptions(
        steps=steps,
        summary=summary,
        sketches=sketches,
        empty="mark" if empty == "mark" else "omit",
        form=form,
    )
    if st.button(t("export.build"), type="primary", key="export_build"):
        _build(t, brief, options, kind)
    result = export_result(brief.id)
    if result is not None:
        name, data, built_with = result
        if built_with == (options, kind):
            st.success(t("export.ready"))
            st.download_button(
                t("export.download", name=name),
                data=data,
                file_name=name,
                mime=MIME[kind],
                key="export_download",
            )


def _build(t: Translator, brief: Brief, options: ExportOptions, kind: str) -> None:
    bar = st.progress(0.0, text=t("export.building"))
    try:
        name, data = export_brief(
            brief_store(),
            brief.id,
            options,
            t,
            progress=lambda share: bar.progress(share, text=t("export.building")),
            pdf=kind == "pdf",
        )
    except PdfFailed:
        bar.empty()
        set_export_result(brief.id, None)
        st.error(t("export.pdf_failed"))
    except Exception as error:
        bar.empty()
        set_export_result(brief.id, None)
        st.error(t("export.failed", reason=type(error).__name__))
    else:
        bar.empty()
        set_export_result(brief.id, (name, data, (options, kind)))
